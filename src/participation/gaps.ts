/**
 * The tracker's gaps, for the LA lead chasing them: who has no plan yet, whose planned date has passed
 * without completion, which teams and age bands are behind the target, how the less often heard groups
 * are doing, and (care leavers) whether the PA's catch-up after the survey happened. Pure.
 */
import type { SurveyId } from '../instruments/types.ts';
import { CLOSED_STATUSES, FLAGS, isEligible, LABELS, type TrackerEntry } from './tracker.ts';

/** Completion in one group of young people. */
export interface GroupProgress {
  key: string;
  label: string;
  /** Entries still eligible (everyone except "not eligible"). */
  eligible: number;
  completed: number;
  /** completed / eligible, or null for an empty group. */
  rate: number | null;
  /** Below the wave's target rate. */
  behind: boolean;
}

export type EntryRef = Pick<TrackerEntry, 'id' | 'reference' | 'ageBand' | 'team' | 'plannedOn' | 'status'>;

export interface Gaps {
  overall: GroupProgress;
  noPlan: EntryRef[];
  overdue: EntryRef[];
  byTeam: GroupProgress[];
  byAgeBand: GroupProgress[];
  byFlag: GroupProgress[];
  /** Care leavers only: catch-ups after completion. */
  catchUp: { completed: number; yes: number; no: number; notRecorded: number; missing: EntryRef[] } | null;
}

const ref = (e: TrackerEntry): EntryRef => ({ id: e.id, reference: e.reference, ageBand: e.ageBand, team: e.team, plannedOn: e.plannedOn, status: e.status });
const isOpen = (e: TrackerEntry) => !CLOSED_STATUSES.includes(e.status);

function progress(key: string, label: string, group: readonly TrackerEntry[], target: number): GroupProgress {
  const eligible = group.filter(isEligible).length;
  const completed = group.filter((e) => e.status === 'completed').length;
  const rate = eligible > 0 ? completed / eligible : null;
  return { key, label, eligible, completed, rate, behind: rate !== null && rate < target };
}

function groupBy(entries: readonly TrackerEntry[], keyOf: (e: TrackerEntry) => string): Map<string, TrackerEntry[]> {
  const m = new Map<string, TrackerEntry[]>();
  for (const e of entries) m.set(keyOf(e), [...(m.get(keyOf(e)) ?? []), e]);
  return m;
}

/** The gaps in a wave's tracker on a day, against the wave's target response rate. */
export function gapsOf(entries: readonly TrackerEntry[], opts: { today: string; targetRate: number; survey: SurveyId }): Gaps {
  const { today, targetRate: target } = opts;
  const byRef = (a: EntryRef, b: EntryRef) => a.reference.localeCompare(b.reference, 'en-GB', { numeric: true });
  const noPlan = entries.filter((e) => isOpen(e) && (e.status === 'not_planned' || e.plannedOn === null)).map(ref).sort(byRef);
  const overdue = entries.filter((e) => isOpen(e) && e.plannedOn !== null && e.plannedOn < today).map(ref).sort((a, b) => (a.plannedOn ?? '').localeCompare(b.plannedOn ?? '') || byRef(a, b));
  const noTeam = '\u0000';
  const byTeam = [...groupBy(entries, (e) => e.team ?? noTeam)]
    .map(([k, g]) => progress(k, k === noTeam ? 'No team recorded' : k, g, target))
    .sort((a, b) => (a.rate ?? 1) - (b.rate ?? 1) || a.label.localeCompare(b.label));
  const byAgeBand = [...groupBy(entries, (e) => e.ageBand)].map(([k, g]) => progress(k, LABELS.ageBand[k as TrackerEntry['ageBand']], g, target)).sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  const byFlag = FLAGS.map((f) => progress(f, LABELS.flag[f], entries.filter((e) => e.flags[f]), target));
  let catchUp: Gaps['catchUp'] = null;
  if (opts.survey === 'ylbc') {
    const done = entries.filter((e) => e.status === 'completed');
    catchUp = {
      completed: done.length,
      yes: done.filter((e) => e.paCatchUp === 'yes').length,
      no: done.filter((e) => e.paCatchUp === 'no').length,
      notRecorded: done.filter((e) => e.paCatchUp === null).length,
      missing: done.filter((e) => e.paCatchUp !== 'yes').map(ref).sort(byRef),
    };
  }
  return { overall: progress('all', 'Everyone', entries, target), noPlan, overdue, byTeam, byAgeBand, byFlag, catchUp };
}
