/**
 * The wave form (create and edit) as pure functions: what a programme administrator typed -> the wave's
 * settings, or every problem with the field it belongs to, in the order the form asks.
 */
import type { InstrumentId, SurveyId } from '../../instruments/types.ts';
import { DEFAULT_TARGET_RATE, SURVEY_INSTRUMENTS, type Wave, type WaveStatus } from '../wave.ts';
import { ageGroupLabel, parseEligibleCsv } from './eligible-csv.ts';

/** Everything about a wave the form sets (the LA, survey and link code never change). */
export interface WaveSettings {
  /** Empty on a new wave means "make one up from the LA, survey and year". */
  title: string;
  instruments: InstrumentId[];
  eligible: Partial<Record<InstrumentId, number>>;
  languages: string[];
  /** The draft languages among `languages`: ticking one on the form is the administrator's switch. */
  draftLanguages: string[];
  targetRate: number;
  opensOn: string;
  closesOn: string;
  status: WaveStatus;
  prizeDraw: boolean;
}

/** One problem: its message, the field's id (for the inline message) and the link in the summary. */
export interface FormError {
  field: string;
  text: string;
  href: string;
}

/** The form's values as typed, to show them again next to the errors. */
export type FormValues = Record<string, string | string[]>;

/** The surveys a wave can run, as staff pages name them. */
export const SURVEY_NAMES: Record<SurveyId, string> = {
  ylyc: 'Your Life, Your Care (children in care aged 4 to 17)',
  ylbc: 'Your Life Beyond Care (care leavers aged 16 to 25)',
};

/** The statuses a wave may be given from each status ('new' for a wave not yet made). */
export const STATUS_CHOICES: Record<WaveStatus | 'new', readonly WaveStatus[]> = {
  new: ['planned', 'open'],
  planned: ['planned', 'open'],
  open: ['open', 'closed'],
  closed: ['closed', 'open', 'reported'],
  reported: ['reported', 'closed'],
};

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v !== '' ? [v] : []);

/** The form's own values from a request body, keeping only the fields the form has. */
export function formValues(body: Record<string, unknown>): FormValues {
  const out: FormValues = { instruments: list(body['instruments']), languages: list(body['languages']) };
  for (const [k, v] of Object.entries(body)) {
    if (k === 'instruments' || k === 'languages' || k === '_csrf') continue;
    if (/^(title|eligibleCsv|targetRate|status|prizeDraw|(opens|closes)-(day|month|year)|eligible-[a-z0-9-]+)$/.test(k)) out[k] = str(v);
  }
  return out;
}

/** The form's values for an existing wave, to fill in the edit form. */
export function valuesOfWave(wave: Wave): FormValues {
  const [oy = '', om = '', od = ''] = wave.opensOn.split('-');
  const [cy = '', cm = '', cd = ''] = wave.closesOn.split('-');
  const out: FormValues = {
    title: wave.title,
    instruments: [...wave.instruments],
    languages: [...wave.languages],
    targetRate: String(Math.round(wave.targetRate * 1000) / 10),
    'opens-day': String(Number(od)),
    'opens-month': String(Number(om)),
    'opens-year': oy,
    'closes-day': String(Number(cd)),
    'closes-month': String(Number(cm)),
    'closes-year': cy,
    status: wave.status,
    prizeDraw: wave.prizeDraw ? 'yes' : 'no',
  };
  for (const id of SURVEY_INSTRUMENTS[wave.survey]) out[`eligible-${id}`] = wave.eligible[id] === undefined ? '' : String(wave.eligible[id]);
  return out;
}

/** The values a new wave's form starts with. */
export function newWaveValues(survey: SurveyId): FormValues {
  return { instruments: [...SURVEY_INSTRUMENTS[survey]], languages: ['en'], targetRate: String(DEFAULT_TARGET_RATE * 100), status: 'planned', prizeDraw: 'no' };
}

/** A real calendar day from the three boxes of a GOV.UK date input, or what is wrong with it. */
export function readDate(values: FormValues, prefix: string, what: string): { day: string } | { error: string } {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => str(values[`${prefix}-${p}`]));
  if (!d && !m && !y) return { error: `Enter the date ${what}` };
  if (!d || !m || !y) return { error: `The date ${what} must include a day, month and year` };
  if (![d, m, y].every((x) => /^\d+$/.test(x)) || y.length !== 4) return { error: `The date ${what} must be a real date, for example 14 9 2026` };
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) return { error: `The date ${what} must be a real date` };
  return { day: iso };
}

export type WaveFormResult = { ok: true; settings: WaveSettings } | { ok: false; errors: FormError[] };

/** Checks the wave form for a survey; `current` is the wave's status when editing. */
export function parseWaveForm(
  values: FormValues,
  ctx: { survey: SurveyId; current?: WaveStatus; languages: readonly string[]; draft?: readonly string[] },
): WaveFormResult {
  const errors: FormError[] = [];
  const fail = (field: string, text: string, href = field) => errors.push({ field, text, href: `#${href}` });
  const offeredBySurvey = SURVEY_INSTRUMENTS[ctx.survey];

  const title = str(values['title']);
  if (ctx.current && title.length < 2) fail('title', 'Enter a title for the wave');
  else if (title.length > 160) fail('title', 'The title must be 160 characters or fewer');

  const chosen = list(values['instruments']);
  const instruments = offeredBySurvey.filter((id) => chosen.includes(id));
  if (instruments.length === 0 || chosen.length !== instruments.length) fail('instruments', 'Select at least one age group to offer', `instruments-${offeredBySurvey[0] ?? ''}`);

  const eligible: Partial<Record<InstrumentId, number>> = {};
  for (const id of instruments) {
    const raw = str(values[`eligible-${id}`]).replace(/,/g, '');
    if (raw === '') eligible[id] = 0;
    else if (/^\d{1,6}$/.test(raw) && Number(raw) <= 100_000) eligible[id] = Number(raw);
    else fail(`eligible-${id}`, `The number of ${ageGroupLabel(id).toLowerCase()} must be a whole number from 0 to 100,000`);
  }
  const csv = str(values['eligibleCsv']);
  if (csv !== '' && instruments.length > 0) {
    const parsed = parseEligibleCsv(csv, instruments);
    if (parsed.ok) Object.assign(eligible, parsed.counts);
    else for (const e of parsed.errors) fail('eligibleCsv', e);
  }

  const opens = readDate(values, 'opens', 'fieldwork opens');
  const closes = readDate(values, 'closes', 'fieldwork closes');
  if ('error' in opens) fail('opens', opens.error, 'opens-day');
  if ('error' in closes) fail('closes', closes.error, 'closes-day');
  if ('day' in opens && 'day' in closes && closes.day < opens.day) fail('closes', 'Fieldwork must close on or after the day it opens', 'closes-day');

  const rate = str(values['targetRate']).replace(/%$/, '').trim();
  const targetRate = Number(rate);
  if (!/^\d{1,3}(\.\d)?$/.test(rate) || targetRate < 1 || targetRate > 100) fail('targetRate', 'Enter a target response rate from 1 to 100, for example 30');

  const langs = list(values['languages']);
  const languages = ctx.languages.filter((l) => langs.includes(l));
  if (languages.length === 0 || languages.length !== langs.length) fail('languages', 'Select at least one language', `languages-${ctx.languages[0] ?? 'en'}`);

  const status = str(values['status']) as WaveStatus;
  if (!STATUS_CHOICES[ctx.current ?? 'new'].includes(status)) fail('status', 'Select a status', 'status');

  const prize = str(values['prizeDraw']);
  if (prize !== 'yes' && prize !== 'no') fail('prizeDraw', 'Select whether young people may enter a prize draw', 'prizeDraw');

  if (errors.length > 0 || !('day' in opens) || !('day' in closes)) return { ok: false, errors };
  return {
    ok: true,
    settings: { title, instruments, eligible, languages, draftLanguages: languages.filter((l) => ctx.draft?.includes(l) === true), targetRate: Math.round(targetRate * 10) / 1000, opensOn: opens.day, closesOn: closes.day, status, prizeDraw: prize === 'yes' },
  };
}

/** The closing time to store when a wave's status changes: set on closing, kept after, cleared on reopening. */
export function closedAtFor(before: Pick<Wave, 'status' | 'closedAt'>, status: WaveStatus, now: string): string | null {
  if (status === 'planned' || status === 'open') return null;
  return before.status === 'closed' || before.status === 'reported' ? (before.closedAt ?? now) : now;
}
