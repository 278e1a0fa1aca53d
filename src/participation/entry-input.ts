/**
 * Checking an entry as typed (in the form or a file row): each field parsed, no identifying data in any
 * field, and the trusted adult rules. Problems are per field, without the field's name, so the form can
 * say "Planned date: ..." and the import "row 7, column planned_date: ...".
 */
import type { InstrumentId, SurveyId } from '../instruments/types.ts';
import { columnOf, FIELD_NAMES, type FieldName, type RawEntry } from './columns.ts';
import { findIdentifier, IDENTIFIER_WORDS, type FieldKind } from './identifiers.ts';
import { RULE_MESSAGES, trustedAdultProblems } from './rules.ts';
import { BACKUP_PLANS, ENTRY_STATUSES, LABELS, PLACEMENT_TYPES, PLACES, YES_NO, type EntryFields, type EntryStatus } from './tracker.ts';

/** One problem with one field. */
export interface FieldProblem {
  field: FieldName;
  message: string;
}

/** What the checks need to know about the wave (and the day, to tell appointments from birthdays). */
export interface EntryContext {
  survey: SurveyId;
  instruments: readonly InstrumentId[];
  opensOn: string;
  closesOn: string;
  today: string;
}

export type EntryResult = { ok: true; fields: EntryFields } | { ok: false; problems: FieldProblem[] };

const MAX_LENGTH: Partial<Record<FieldName, number>> = { reference: 40, team: 60, worker: 80, trustedAdultName: 80, trustedAdultRole: 60, backupNote: 200 };
const FIELD_KIND: Partial<Record<FieldName, FieldKind>> = { reference: 'reference', worker: 'staff', trustedAdultName: 'staff', team: 'text', trustedAdultRole: 'text', backupNote: 'text' };

/** Trims and folds runs of white space (including line breaks) into single spaces. */
export const tidy = (v: string): string => v.replace(/[\s\u00a0]+/g, ' ').trim();

/** A code from a list, given as the code or its label, in any case, with spaces or underscores. */
function choice<T extends string>(list: readonly T[], labels: Record<T, string>, v: string): T | undefined {
  const key = v.toLowerCase().replace(/[\s-]+/g, '_');
  return list.find((c) => c === key || labels[c].toLowerCase() === v.toLowerCase());
}

/** An ISO day from 2026-03-27, 27/03/2026, 27-3-2026 or 27.03.2026; undefined when not a real date. */
export function parseDay(v: string): string | undefined {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

const shiftYears = (day: string, years: number): string => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;

function yesNo(v: string): boolean | null | 'invalid' {
  const s = v.toLowerCase();
  if (s === '') return null;
  if (['yes', 'y', 'true', '1'].includes(s)) return true;
  if (['no', 'n', 'false', '0'].includes(s)) return false;
  return 'invalid';
}

/** An age band given as the instrument id, its range ("4-7", "4 to 7") or its label. */
function ageBand(v: string, ctx: EntryContext): InstrumentId | undefined {
  const s = v.toLowerCase().replace(/\s*(to|–|-)\s*/g, '-');
  const range = /^\d+-\d+$/.test(s);
  return ctx.instruments.find((id) => id === s || (range && id.endsWith(`-${s}`)) || LABELS.ageBand[id].toLowerCase() === v.toLowerCase());
}

/** Checks an entry as typed against the wave; returns its fields or every problem found. */
export function checkEntry(raw: Partial<RawEntry>, ctx: EntryContext): EntryResult {
  const v = Object.fromEntries(FIELD_NAMES.map((f) => [f, tidy(raw[f] ?? '')])) as RawEntry;
  const problems: FieldProblem[] = [];
  const problem = (field: FieldName, message: string) => problems.push({ field, message });
  const text = (f: FieldName): string | null => (v[f] === '' ? null : v[f]);

  for (const f of FIELD_NAMES) {
    const max = MAX_LENGTH[f];
    if (max !== undefined && v[f].length > max) problem(f, `must be ${max} characters or fewer`);
    const kind = FIELD_KIND[f];
    const found = kind ? findIdentifier(v[f], kind, ctx.today) : null;
    if (found === 'personal_name' && f === 'reference') problem(f, "looks like a name. Use the LA's own case reference, with at least one digit, never a name");
    else if (found) problem(f, `looks like ${IDENTIFIER_WORDS[found]}. The tracker must not hold young people's names, dates of birth, addresses or contact details`);
  }
  if (v.reference === '') problem('reference', 'enter the reference');

  const band = ageBand(v.ageBand, ctx);
  if (v.ageBand === '') problem('ageBand', 'choose the age band');
  else if (!band) problem('ageBand', `must be one of this wave's age bands: ${ctx.instruments.join(', ')}`);

  const pick = <T extends string>(f: FieldName, list: readonly T[], labels: Record<T, string>): T | null => {
    if (v[f] === '') return null;
    const c = choice(list, labels, v[f]);
    if (!c) problem(f, `must be one of: ${list.join(', ')}`);
    return c ?? null;
  };
  const placementType = pick('placementType', PLACEMENT_TYPES, LABELS.placementType);
  const place = pick('place', PLACES, LABELS.place);
  const backupPlan = pick('backupPlan', BACKUP_PLANS, LABELS.backupPlan);
  const status: EntryStatus = pick('status', ENTRY_STATUSES, LABELS.status) ?? 'not_planned';
  const paCatchUp = pick('paCatchUp', YES_NO, { yes: 'yes', no: 'no' });

  const day = (f: FieldName, from: string, to: string): string | null => {
    if (v[f] === '') return null;
    const d = parseDay(v[f]);
    if (!d) problem(f, 'not a date (use 2026-03-27 or 27/03/2026)');
    else if (d < from || d > to) problem(f, `is far from this wave's fieldwork (${ctx.opensOn} to ${ctx.closesOn}): is it a date of birth?`);
    return d ?? null;
  };
  const plannedOn = day('plannedOn', shiftYears(ctx.opensOn, -1), shiftYears(ctx.closesOn, 1));
  const paCatchUpOn = day('paCatchUpOn', shiftYears(ctx.opensOn, -1), shiftYears(ctx.closesOn, 2));

  const flag = (f: FieldName): boolean => {
    const b = yesNo(v[f]);
    if (b === 'invalid') problem(f, 'must be yes or no');
    return b === true;
  };
  const needs = yesNo(v.needsSupport);
  if (needs === 'invalid') problem('needsSupport', 'must be yes or no');
  if (ctx.survey === 'ylyc') {
    for (const f of ['needsSupport', 'paCatchUp', 'paCatchUpOn'] as const) if (v[f] !== '') problem(f, 'is only for care leavers (Your Life Beyond Care)');
  }

  const fields: EntryFields = {
    reference: v.reference,
    ageBand: band ?? 'ylyc-8-11',
    team: text('team'),
    placementType,
    worker: text('worker'),
    trustedAdultName: text('trustedAdultName'),
    trustedAdultRole: text('trustedAdultRole'),
    plannedOn,
    place,
    backupPlan,
    backupNote: text('backupNote'),
    status,
    needsSupport: needs === 'invalid' ? null : needs,
    paCatchUp,
    paCatchUpOn,
    flags: { additionalNeeds: flag('additionalNeeds'), unaccompanied: flag('unaccompanied'), inCustody: flag('inCustody'), outOfArea: flag('outOfArea') },
  };
  for (const p of trustedAdultProblems(ctx.survey, fields)) problem(p.field, RULE_MESSAGES[p.code]);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, fields };
}

/** "Planned date: not a date" for an error summary. */
export const formMessage = (p: FieldProblem): string => `${columnOf(p.field).label}: ${p.message}`;
