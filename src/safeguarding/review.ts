/**
 * The review queue's rules, pure: the order reviewers read flagged comments in, the matched words to
 * highlight, the decision form, and the time from submission to decision (per item and over a period).
 */
import { categoryLabel } from './categories.ts';

export const DECISIONS = ['no_concern', 'concern', 'urgent'] as const;
export type Decision = (typeof DECISIONS)[number];

/** What the queue orders by. */
export interface QueueKey {
  /** 1 is the most severe; null sorts last. */
  maxSeverity: number | null;
  submittedAt: string;
  commentId: string;
}

/** Most severe first; within a severity, newest first (ties broken by id, so the order is stable). */
export function compareQueue(a: QueueKey, b: QueueKey): number {
  const sa = a.maxSeverity ?? Number.MAX_SAFE_INTEGER;
  const sb = b.maxSeverity ?? Number.MAX_SAFE_INTEGER;
  if (sa !== sb) return sa - sb;
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? 1 : -1;
  return a.commentId < b.commentId ? -1 : a.commentId > b.commentId ? 1 : 0;
}

/** A matched span of the original text (UTF-16 indices), as stored with the screening. */
export interface Span {
  category: string;
  ruleId: string;
  start: number;
  end: number;
}

/** A piece of the comment: plain, or matched by rules of some categories. */
export interface Segment {
  text: string;
  mark: boolean;
  /** The labels of the categories whose rules matched this piece (empty when not marked). */
  labels: string[];
}

/**
 * The comment cut into plain and matched pieces, overlapping matches merged, so a template can wrap the
 * matched words in <mark> without writing any HTML itself. Spans outside the text are ignored.
 */
export function highlight(text: string, spans: readonly Span[]): Segment[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number; categories: Set<string> }[] = [];
  for (const s of valid) {
    const last = merged.at(-1);
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.categories.add(s.category);
    } else merged.push({ start: s.start, end: s.end, categories: new Set([s.category]) });
  }
  const out: Segment[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), mark: false, labels: [] });
    out.push({ text: text.slice(m.start, m.end), mark: true, labels: [...m.categories].map(categoryLabel) });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false, labels: [] });
  return out;
}

export const NOTE_MAX = 2000;

export type DecisionForm = { ok: true; decision: Decision; note: string } | { ok: false; errors: Array<{ field: 'decision' | 'note'; text: string }> };

/** Checks the reviewer's decision form: one of the three decisions, and a note saying why. */
export function parseDecisionForm(values: Readonly<Record<string, unknown>>): DecisionForm {
  const decision = typeof values['decision'] === 'string' ? values['decision'] : '';
  const note = typeof values['note'] === 'string' ? values['note'].trim() : '';
  const errors: Array<{ field: 'decision' | 'note'; text: string }> = [];
  if (!(DECISIONS as readonly string[]).includes(decision)) errors.push({ field: 'decision', text: 'Choose no concern, concern or urgent' });
  if (note.length < 3) errors.push({ field: 'note', text: 'Write a note saying why you decided this' });
  else if (note.length > NOTE_MAX) errors.push({ field: 'note', text: `The note must be ${NOTE_MAX} characters or fewer` });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, decision: decision as Decision, note };
}

/** Milliseconds from one ISO instant to another. */
export const elapsedMs = (from: string, to: string): number => new Date(to).getTime() - new Date(from).getTime();

/** A percentile (0-100) of some numbers by linear interpolation between closest ranks; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (rank - lo);
}

/** Time from submission to decision over the decisions made in a period. */
export interface DecisionTimes {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/** The median and 90th percentile of the time to decision of the items decided in [from, to). */
export function decisionTimes(items: ReadonlyArray<{ submittedAt: string; decidedAt: string }>, from: string, to: string): DecisionTimes {
  const times = items.filter((i) => i.decidedAt >= from && i.decidedAt < to).map((i) => Math.max(0, elapsedMs(i.submittedAt, i.decidedAt)));
  return { count: times.length, medianMs: percentile(times, 50), p90Ms: percentile(times, 90) };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A duration in plain words, to the minute: "under a minute", "45 minutes", "2 hours 5 minutes", "3 days 4 hours". */
export function formatDuration(ms: number): string {
  if (ms < MINUTE) return 'under a minute';
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return minutes > 0 ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
  return unit(minutes, 'minute');
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: string): boolean => DAY_RE.test(v) && new Date(`${v}T00:00:00.000Z`).toISOString().slice(0, 10) === v;
const addDays = (day: string, n: number): string => new Date(new Date(`${day}T00:00:00.000Z`).getTime() + n * DAY).toISOString().slice(0, 10);

/** A reporting period of whole days (UTC), both ends included. */
export type Period = { ok: true; from: string; to: string; fromIso: string; toIso: string } | { ok: false; from: string; to: string; errors: Array<{ field: 'from' | 'to'; text: string }> };

/** The period asked for in a query (`from`, `to` as YYYY-MM-DD), by default the 28 days up to today. */
export function parsePeriod(query: Readonly<Record<string, unknown>>, today: string): Period {
  const read = (k: string) => (typeof query[k] === 'string' ? query[k].trim() : '');
  const to = read('to') || today;
  const from = read('from') || addDays(to, -27);
  const errors: Array<{ field: 'from' | 'to'; text: string }> = [];
  if (!isDay(from)) errors.push({ field: 'from', text: 'Enter the start date as a real date, like 2026-03-01' });
  if (!isDay(to)) errors.push({ field: 'to', text: 'Enter the end date as a real date, like 2026-03-28' });
  if (errors.length === 0 && from > to) errors.push({ field: 'from', text: 'The start date must be on or before the end date' });
  if (errors.length > 0) return { ok: false, from, to, errors };
  return { ok: true, from, to, fromIso: `${from}T00:00:00.000Z`, toIso: `${addDays(to, 1)}T00:00:00.000Z` };
}
