/**
 * The national report's period: which waves it reads (each authority's latest wave of the survey
 * closed between two days, both included, so no authority weighs double), the default period (the
 * last 24 months, as the LA report's comparator), and the checks on a period a user typed.
 */
import { monthsBefore } from '../../findings/index.ts';
import type { NationalPeriod } from './national.ts';

/** A finished wave as the repository hands it over. */
export interface ClosedWave {
  readonly waveId: string;
  readonly laId: string;
  /** ISO timestamp the wave closed. */
  readonly closedAt: string;
}

/** Each authority's latest wave closed within the period (days compared in UTC). */
export function latestWavePerAuthority<W extends ClosedWave>(waves: readonly W[], period: NationalPeriod): W[] {
  const latest = new Map<string, W>();
  for (const w of waves) {
    const day = w.closedAt.slice(0, 10);
    if (day < period.from || day > period.to) continue;
    const seen = latest.get(w.laId);
    if (seen === undefined || w.closedAt > seen.closedAt) latest.set(w.laId, w);
  }
  return [...latest.values()];
}

/** The last 24 months up to and including `today` (YYYY-MM-DD). */
export function defaultPeriod(today: string, months = 24): NationalPeriod {
  const start = monthsBefore(`${today}T00:00:00.000Z`, months);
  start.setUTCDate(start.getUTCDate() + 1);
  return { from: start.toISOString().slice(0, 10), to: today };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a string is a real calendar day written YYYY-MM-DD. */
export function isIsoDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
