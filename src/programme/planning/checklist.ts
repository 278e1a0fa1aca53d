/**
 * A wave's planning checklist as pure data and date arithmetic: the items every LA works through before
 * fieldwork, each due a fixed number of days before the survey opens. Due dates are computed, never
 * stored, so moving the fieldwork dates moves every due date with them.
 */
import type { Wave } from '../wave.ts';

export type PlanItemKey = 'sponsor' | 'dates' | 'counts' | 'paper' | 'teams' | 'briefing';

export interface PlanItemDef {
  key: PlanItemKey;
  title: string;
  /** Why it matters and what "done" means, shown under the title. */
  hint: string;
  /** The label of the "who" field: who did it, or (for the sponsor) who they are. */
  whoLabel: string;
  daysBefore: number;
}

/** Planning starts at least this many days before fieldwork (the programme asks for 4 weeks or more). */
export const MIN_PLANNING_DAYS = 28;
/** An item not done within this many days of its due date is "due soon". */
export const DUE_SOON_DAYS = 7;

/** The checklist, in the order its items fall due. */
export const PLAN_ITEMS: readonly PlanItemDef[] = [
  {
    key: 'sponsor',
    title: 'Senior sponsor named',
    hint: 'A senior manager who champions the survey, clears the way for teams and hears the findings first.',
    whoLabel: "The sponsor's name and role",
    daysBefore: 42,
  },
  {
    key: 'dates',
    title: 'Fieldwork dates set',
    hint: 'Dates agreed with the programme, avoiding school holidays where you can.',
    whoLabel: 'Who agreed the dates',
    daysBefore: 42,
  },
  {
    key: 'counts',
    title: 'Eligible counts agreed',
    hint: 'How many children or care leavers in each age group can take part, and who is left out and why.',
    whoLabel: 'Who agreed the counts',
    daysBefore: 35,
  },
  {
    key: 'paper',
    title: 'Paper forms ordered',
    hint: 'For young people who would rather write than use a screen.',
    whoLabel: 'Who ordered them',
    daysBefore: 28,
  },
  {
    key: 'teams',
    title: 'Teams told about the survey',
    hint: 'Social work, leaving care, residential and fostering teams know the dates and what is asked of them.',
    whoLabel: 'Who told the teams',
    daysBefore: 21,
  },
  {
    key: 'briefing',
    title: 'Trusted adults briefed',
    hint: "Every trusted adult has read the trusted adults' guide and knows the LA's safeguarding procedures.",
    whoLabel: 'Who briefed them',
    daysBefore: 14,
  },
];

export const PLAN_ITEM_KEYS: readonly PlanItemKey[] = PLAN_ITEMS.map((i) => i.key);

/** What has been recorded against an item (absent until someone saves the checklist). */
export interface PlanItemRecord {
  key: PlanItemKey;
  done: boolean;
  who: string;
  doneOn: string | null;
}

export type PlanItemState = 'done' | 'overdue' | 'due_soon' | 'to_do';

export interface PlanItem extends PlanItemDef, PlanItemRecord {
  dueOn: string;
  state: PlanItemState;
}

const DAY_MS = 86_400_000;

/** The ISO day a number of days after (or, negative, before) an ISO day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one ISO day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The day an item falls due for fieldwork opening on `opensOn`. */
export function dueOn(item: Pick<PlanItemDef, 'daysBefore'>, opensOn: string): string {
  return addDays(opensOn, -item.daysBefore);
}

/** Done; overdue (its due day has passed); due soon (within a week); or still to do. */
export function itemState(done: boolean, due: string, today: string): PlanItemState {
  if (done) return 'done';
  const left = daysBetween(today, due);
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'due_soon' : 'to_do';
}

/** Whether a wave's checklist still matters: once fieldwork is over nothing is "overdue" any more. */
export const isPlanning = (wave: Pick<Wave, 'status'>): boolean => wave.status === 'planned' || wave.status === 'open';

/** The whole checklist of a wave on a day, merging what has been recorded with the computed due dates. */
export function checklist(wave: Pick<Wave, 'opensOn' | 'status'>, records: readonly PlanItemRecord[], today: string): PlanItem[] {
  const byKey = new Map(records.map((r) => [r.key, r]));
  return PLAN_ITEMS.map((def) => {
    const r = byKey.get(def.key) ?? { key: def.key, done: false, who: '', doneOn: null };
    const due = dueOn(def, wave.opensOn);
    const state = itemState(r.done, due, today);
    // A closed wave's undone items are history, not alarms.
    return { ...def, ...r, dueOn: due, state: isPlanning(wave) || state === 'done' ? state : 'to_do' };
  });
}

/** The items that are overdue (only for waves still being planned or in fieldwork). */
export function overdueItems(wave: Pick<Wave, 'opensOn' | 'status'>, records: readonly PlanItemRecord[], today: string): PlanItem[] {
  if (!isPlanning(wave)) return [];
  return checklist(wave, records, today).filter((i) => i.state === 'overdue');
}

/** Days from today until fieldwork opens, and whether that leaves less than the minimum planning time. */
export function planningTime(opensOn: string, today: string): { daysLeft: number; tooShort: boolean } {
  const daysLeft = daysBetween(today, opensOn);
  return { daysLeft, tooShort: daysLeft < MIN_PLANNING_DAYS };
}

/** The records after a save: ticking sets the day done (kept if already done), unticking clears it. */
export function applyChanges(
  before: readonly PlanItemRecord[],
  submitted: ReadonlyArray<{ key: PlanItemKey; done: boolean; who: string }>,
  today: string,
): { records: PlanItemRecord[]; changed: PlanItemKey[] } {
  const prior = new Map(before.map((r) => [r.key, r]));
  const records: PlanItemRecord[] = [];
  const changed: PlanItemKey[] = [];
  for (const s of submitted) {
    const p = prior.get(s.key);
    const doneOn = s.done ? (p?.done ? p.doneOn : today) : null;
    const next = { key: s.key, done: s.done, who: s.who, doneOn };
    if (!p || p.done !== next.done || p.who !== next.who) {
      if (p || next.done || next.who !== '') changed.push(s.key);
    }
    records.push(next);
  }
  return { records, changed };
}

/** Checks the checklist form: a ticked item needs its "who", so the LA knows whom to ask. */
export function parseChecklistForm(values: Readonly<Record<string, unknown>>): { ok: true; items: Array<{ key: PlanItemKey; done: boolean; who: string }> } | { ok: false; errors: Array<{ field: string; text: string; href: string }> } {
  const errors: Array<{ field: string; text: string; href: string }> = [];
  const items = PLAN_ITEMS.map((def) => {
    const rawDone = values[`done-${def.key}`];
    const done = rawDone === 'yes' || (Array.isArray(rawDone) && rawDone.includes('yes'));
    const rawWho = values[`who-${def.key}`];
    const who = typeof rawWho === 'string' ? rawWho.trim() : '';
    const field = `who-${def.key}`;
    if (who.length > 120) errors.push({ field, text: `${def.whoLabel} must be 120 characters or fewer`, href: `#${field}` });
    else if (done && who === '') errors.push({ field, text: `${def.title}: enter ${def.whoLabel.charAt(0).toLowerCase()}${def.whoLabel.slice(1)}, or untick it`, href: `#${field}` });
    return { key: def.key, done, who };
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, items };
}
