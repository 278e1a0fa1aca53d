/**
 * SMART checks, pure: each part of an action or KPI that is missing or unclear, explained in plain
 * words for the form's error summary (specific, measurable with a baseline and a target, an owner,
 * by when, linked to the report, and young people's involvement without naming any young person).
 */
import { identifyingSpans } from '../privacy/index.ts';
import { ACTION_STATUSES, INVOLVEMENT_GROUPS, type Action, type ActionStatus, type IndicatorOption, type InvolvementGroup } from './plan.ts';

/** One problem, tied to the form field that fixes it. */
export interface Problem {
  readonly field: string;
  readonly text: string;
}

/** The action form as typed (every value a string, as a browser without JavaScript sends it). */
export interface ActionForm {
  readonly what: string;
  readonly findings: readonly string[];
  readonly indicator: string;
  readonly target: string;
  readonly byWave: string;
  readonly ownerRole: string;
  readonly ownerTeam: string;
  readonly partners: string;
  readonly dueOn: string;
  readonly status: string;
  readonly involvementGroup: string;
  readonly involvementHow: string;
}

export interface KpiForm {
  readonly title: string;
  readonly indicator: string;
  readonly target: string;
}

/** An action that passed every check, ready to save. */
export type CheckedAction = Omit<Action, 'id' | 'planId' | 'position' | 'indicator' | 'baseline' | 'updates'> & { readonly indicator: IndicatorOption };

export interface CheckedKpi {
  readonly title: string;
  readonly indicator: IndicatorOption;
  readonly target: number;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/** What the plan can link to and measure with: the published report's findings and indicators. */
export interface CheckContext {
  readonly findingIds: ReadonlySet<string>;
  readonly indicators: readonly IndicatorOption[];
  /** Words that look like names but are not young people's (the LA's own name). */
  readonly allowed?: readonly string[];
}

const MAX = 1000;
const words = (s: string): number => s.trim().split(/\s+/).filter(Boolean).length;

/** Span types that identify a person: a young person must never be named or reachable from a plan. */
const IDENTIFYING = new Set(['name', 'email', 'phone', 'address', 'postcode', 'handle']);

/** Contact details only: organisations' names (partners, teams) are not people's names. */
const CONTACT = new Set(['email', 'phone', 'address', 'postcode', 'handle']);

/** The first identifying detail in some text (a name, an email...), or null; `contactOnly` looks for contact details alone. */
export function identifyingDetail(text: string, contactOnly = false, allowed: readonly string[] = []): string | null {
  const kinds = contactOnly ? CONTACT : IDENTIFYING;
  // The LA's own name is not a young person's: blanked out (same length, so spans still line up).
  const checked = allowed.filter((a) => a.trim() !== '').reduce((t, a) => t.replaceAll(a, ' '.repeat(a.length)), text);
  const span = identifyingSpans(checked).find((s) => kinds.has(s.type));
  return span === undefined ? null : text.slice(span.start, span.end);
}

function noNames(problems: Problem[], field: string, value: string, what: string, contactOnly = false, allowed: readonly string[] = []): void {
  const found = identifyingDetail(value, contactOnly, allowed);
  if (found !== null) problems.push({ field, text: `${what} must not name young people or give their contact details: “${found}” looks like one. Say “a care leaver” or “members of the forum” instead.` });
}

/** A percentage typed as 0 to 100 ("60", "60%", "60.5") as a proportion, or null. */
export function parsePercent(s: string): number | null {
  const m = /^\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*$/.exec(s);
  if (m === null) return null;
  const n = Number(m[1]);
  return n >= 0 && n <= 100 ? n / 100 : null;
}

/** Whether a string is a real calendar day, YYYY-MM-DD. */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The target against the baseline: a target must move the indicator the good way, or at least hold a bright spot. */
function checkTarget(problems: Problem[], option: IndicatorOption | undefined, targetText: string, field: string): number | null {
  const target = parsePercent(targetText);
  if (option !== undefined && !option.figure.shown) {
    problems.push({ field: 'indicator', text: 'A measure needs a baseline and a target: this indicator’s figure is hidden because too few young people answered, so no change could be shown. Choose another indicator.' });
    return null;
  }
  if (targetText.trim() === '' || target === null) {
    problems.push({ field, text: 'A measure needs a baseline and a target: give the target as a percentage from 0 to 100.' });
    return null;
  }
  if (option?.figure.shown === true) {
    const base = Math.round(option.figure.proportion * 100);
    const t = Math.round(target * 100);
    if (option.better === 'higher' && t < base) problems.push({ field, text: `The target (${t}%) is below the baseline (${base}%): a target should hold or raise this figure.` });
    if (option.better === 'lower' && t > base) problems.push({ field, text: `The target (${t}%) is above the baseline (${base}%): for this measure lower is better, so the target should hold or lower it.` });
  }
  return target;
}

/** Checks an action form against SMART and the plan's findings; says what is missing, one problem per field. */
export function checkAction(form: ActionForm, ctx: CheckContext): Checked<CheckedAction> {
  const problems: Problem[] = [];
  const what = form.what.trim();
  if (what === '') problems.push({ field: 'what', text: 'Say what will change: describe the action in a sentence.' });
  else if (words(what) < 5) problems.push({ field: 'what', text: 'Be specific: say what will change, for whom, in a sentence of at least five words.' });
  else if (what.length > MAX) problems.push({ field: 'what', text: `Keep what will change to ${MAX} characters or fewer.` });
  noNames(problems, 'what', what, 'What will change', false, ctx.allowed);

  const findings = [...new Set(form.findings)].filter((f) => ctx.findingIds.has(f));
  if (findings.length === 0) problems.push({ field: 'findings', text: 'Link the action to at least one finding of the report: the bright spot it protects or the area for improvement it answers.' });

  const option = ctx.indicators.find((o) => o.id === form.indicator);
  if (option === undefined) problems.push({ field: 'indicator', text: 'A measure needs an indicator: choose the survey indicator this action aims to move.' });
  const target = checkTarget(problems, option, form.target, 'target');

  const byWave = form.byWave === '1' ? 1 : form.byWave === '2' ? 2 : null;
  if (byWave === null) problems.push({ field: 'byWave', text: 'Say by when the target should be met: by the next wave or the wave after.' });

  const ownerRole = form.ownerRole.trim();
  const ownerTeam = form.ownerTeam.trim();
  if (ownerRole === '' || ownerTeam === '') problems.push({ field: ownerRole === '' ? 'ownerRole' : 'ownerTeam', text: 'Name who owns it: give the owner’s role and team, for example “Head of service” in the “Leaving care team”.' });
  noNames(problems, ownerRole === '' ? 'ownerTeam' : 'ownerRole', `${ownerRole}. ${ownerTeam}`, 'The owner is a role and a team, and', true);
  const partners = form.partners.trim();
  noNames(problems, 'partners', partners, 'Partner agencies', true);

  const dueOn = form.dueOn.trim();
  if (!isDay(dueOn)) problems.push({ field: 'dueOn', text: 'Say by when: give the date the action should be done by, for example 2027-03-31.' });

  const status = (ACTION_STATUSES as readonly string[]).includes(form.status) ? (form.status as ActionStatus) : null;
  if (status === null) problems.push({ field: 'status', text: 'Choose the action’s status.' });

  const group = (INVOLVEMENT_GROUPS as readonly string[]).includes(form.involvementGroup) ? (form.involvementGroup as InvolvementGroup) : null;
  if (group === null) problems.push({ field: 'involvementGroup', text: 'Say which group of young people helped shape this action: the reference group, the children in care council or the care leavers’ forum.' });
  const how = form.involvementHow.trim();
  if (how === '') problems.push({ field: 'involvementHow', text: 'Say how young people were involved, for example “the forum chose the topic and tested the new letter”.' });
  noNames(problems, 'involvementHow', how, 'How young people were involved', false, ctx.allowed);

  const fields = new Set<string>();
  const unique = problems.filter((p) => (fields.has(p.field) ? false : (fields.add(p.field), true)));
  if (unique.length > 0 || option === undefined || target === null || byWave === null || status === null || group === null) return { ok: false, problems: unique };
  return { ok: true, value: { what, findings, indicator: option, target, byWave, ownerRole, ownerTeam, partners, dueOn, status, involvementGroup: group, involvementHow: how } };
}

/** Checks a KPI: an outcome in words, a survey indicator with a shown baseline, and a target. */
export function checkKpi(form: KpiForm, indicators: readonly IndicatorOption[]): Checked<CheckedKpi> {
  const problems: Problem[] = [];
  const title = form.title.trim();
  if (words(title) < 3) problems.push({ field: 'title', text: 'Say the outcome for young people in a few words, for example “More care leavers feel safe where they live”.' });
  noNames(problems, 'title', title, 'A KPI');
  const option = indicators.find((o) => o.id === form.indicator);
  if (option === undefined) problems.push({ field: 'indicator', text: 'A KPI needs a survey indicator: choose the one that measures the outcome.' });
  const target = checkTarget(problems, option, form.target, 'target');
  if (problems.length > 0 || option === undefined || target === null) return { ok: false, problems };
  return { ok: true, value: { title: title.slice(0, 300), indicator: option, target } };
}

/** Checks a progress update: a real date, a status and a note without names. */
export function checkUpdate(form: { onDate: string; status: string; note: string }): Checked<{ onDate: string; status: ActionStatus; note: string }> {
  const problems: Problem[] = [];
  if (!isDay(form.onDate.trim())) problems.push({ field: 'onDate', text: 'Give the date of the update, for example 2026-06-30.' });
  const status = (ACTION_STATUSES as readonly string[]).includes(form.status) ? (form.status as ActionStatus) : null;
  if (status === null) problems.push({ field: 'updateStatus', text: 'Choose the action’s status after this update.' });
  const note = form.note.trim();
  if (note === '') problems.push({ field: 'note', text: 'Say what has happened since the last update.' });
  noNames(problems, 'note', note, 'A progress update');
  if (problems.length > 0 || status === null) return { ok: false, problems };
  return { ok: true, value: { onDate: form.onDate.trim(), status, note: note.slice(0, MAX) } };
}
