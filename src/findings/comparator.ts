/**
 * The national comparator: the same survey in all other LAs, from waves closed within a window
 * (default the last 24 months), as a pure function over the waves a caller has loaded.
 */
import type { SurveyId } from '../instruments/index.ts';
import { summarise } from './pool.ts';
import type { ComparatorSet, SurveyResponse } from './types.ts';

/** A closed (or open) wave with its responses, as a repository would hand it over. */
export interface WaveResponses extends CandidateWave {
  readonly waveId: string;
  readonly responses: readonly SurveyResponse[];
}

export interface ComparatorWindow {
  /** The LA the report is for: its own waves never join its comparator. */
  readonly laId: string;
  readonly survey: SurveyId;
  /** The report's reference date (ISO); the window ends here. Passed in, so the function stays pure. */
  readonly asOf: string;
  /** Default 24. */
  readonly months?: number;
}

/** The date `months` calendar months before an ISO date, in UTC (the 31st falls back to the month's end). */
export function monthsBefore(iso: string, months: number): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${iso}`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return target;
}

/** What choosing the comparator needs to know of a wave. */
export interface CandidateWave {
  readonly laId: string;
  readonly survey: SurveyId;
  /** ISO date (YYYY-MM-DD or a full timestamp) the wave closed; null while it is open. */
  readonly closedAt: string | null;
}

/**
 * The waves that form the comparator: other LAs' waves of the survey closed in (asOf - months, asOf].
 * Where an LA closed more than one wave in the window only its latest counts, so no LA weighs double.
 */
export function comparatorWaves<W extends CandidateWave>(waves: readonly W[], window: ComparatorWindow): W[] {
  const end = new Date(window.asOf);
  const start = monthsBefore(window.asOf, window.months ?? 24);
  const latest = new Map<string, { closed: Date; wave: W }>();
  for (const w of waves) {
    if (w.laId === window.laId || w.survey !== window.survey || w.closedAt === null) continue;
    const closed = new Date(w.closedAt);
    if (Number.isNaN(closed.getTime()) || closed <= start || closed > end) continue;
    const seen = latest.get(w.laId);
    if (seen === undefined || closed > seen.closed) latest.set(w.laId, { closed, wave: w });
  }
  return [...latest.values()].map((v) => v.wave);
}

/** The comparator of waves held as responses: one summary per chosen wave (see pool.ts). */
export function selectComparator(waves: readonly WaveResponses[], window: ComparatorWindow): ComparatorSet {
  const chosen = comparatorWaves(waves, window);
  return { authorities: chosen.length, parts: chosen.map((w) => summarise(w.responses)) };
}
