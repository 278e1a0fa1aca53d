/**
 * Response rates over a fieldwork window, and where the current pace leads by the close date. Pure:
 * every figure here is built from counts per day, never from finer completion times.
 */

/** Responses completed on one day (YYYY-MM-DD). */
export interface DailyCount {
  day: string;
  responses: number;
}

/** The days a wave is open for responses, inclusive. */
export interface FieldworkWindow {
  opensOn: string;
  closesOn: string;
}

/** How many full days of fieldwork the recent pace is averaged over. */
export const PACE_WINDOW_DAYS = 7;

const DAY_MS = 86_400_000;

/** An ISO date moved by a number of days. */
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export type Phase = 'not_started' | 'in_fieldwork' | 'ended';

export interface Projection {
  phase: Phase;
  /** Responses so far. */
  responses: number;
  /** Days of fieldwork left, counting today; 0 once the close date has passed. */
  daysLeft: number;
  /** How many full days (before today) the pace was averaged over; 0 on the first day. */
  paceDays: number;
  /** Average responses a day over those days, or null when there is no full day yet. */
  pacePerDay: number | null;
  /** Responses expected by the close date at that pace, or null when it cannot be estimated yet. */
  projected: number | null;
}

const sumWhere = (daily: readonly DailyCount[], keep: (day: string) => boolean): number =>
  daily.reduce((n, d) => (keep(d.day) ? n + d.responses : n), 0);

/**
 * Projects responses to the close date: the average a day over the last 7 full days of fieldwork (fewer
 * at the start), assumed to continue every day left, today included, on top of the responses up to
 * yesterday. Never less than the responses already in, nor more than the eligible cohort (`ceiling`).
 */
export function project(window: FieldworkWindow, today: string, daily: readonly DailyCount[], ceiling = Infinity): Projection {
  const responses = sumWhere(daily, () => true);
  if (today < window.opensOn) {
    return { phase: 'not_started', responses, daysLeft: daysBetween(window.opensOn, window.closesOn) + 1, paceDays: 0, pacePerDay: null, projected: null };
  }
  if (today > window.closesOn) {
    return { phase: 'ended', responses, daysLeft: 0, paceDays: 0, pacePerDay: null, projected: responses };
  }
  const daysLeft = daysBetween(today, window.closesOn) + 1;
  const paceDays = Math.min(PACE_WINDOW_DAYS, daysBetween(window.opensOn, today));
  if (paceDays === 0) return { phase: 'in_fieldwork', responses, daysLeft, paceDays, pacePerDay: null, projected: null };
  const from = addDays(today, -paceDays);
  const pacePerDay = sumWhere(daily, (d) => d >= from && d < today) / paceDays;
  const beforeToday = sumWhere(daily, (d) => d < today);
  const projected = Math.max(responses, Math.min(ceiling, Math.round(beforeToday + pacePerDay * daysLeft)));
  return { phase: 'in_fieldwork', responses, daysLeft, paceDays, pacePerDay, projected };
}

/** The responses needed to reach a target rate of an eligible cohort (30% of 95 is 29). */
export function targetResponses(eligible: number, targetRate: number): number {
  // The small tolerance keeps 0.3 * 100 at 30, not 31, despite floating point.
  return Math.max(0, Math.ceil(eligible * targetRate - 1e-9));
}

/** How a wave's fieldwork is going, worst news last; 'at_risk' and 'behind' need help. */
export type Outlook = 'no_eligible' | 'not_started' | 'met' | 'too_early' | 'on_track' | 'at_risk' | 'behind' | 'missed';

/** Projected to miss, but by less than this share of the target: 'at_risk' rather than 'behind'. */
export const AT_RISK_SHARE = 0.8;

/** Classifies a projection against the target so programme staff see which LAs need help. */
export function outlook(p: Projection, eligible: number, targetRate: number): Outlook {
  const target = targetResponses(eligible, targetRate);
  if (eligible <= 0) return 'no_eligible';
  if (p.responses >= target) return 'met';
  if (p.phase === 'not_started') return 'not_started';
  if (p.phase === 'ended') return 'missed';
  if (p.projected === null) return 'too_early';
  if (p.projected >= target) return 'on_track';
  return p.projected >= AT_RISK_SHARE * target ? 'at_risk' : 'behind';
}

/** Whether programme staff should step in: projected to miss the target while there is time to act. */
export const needsHelp = (o: Outlook): boolean => o === 'at_risk' || o === 'behind';

/** Responses a day needed from today to reach the target by the close date (0 once met or closed). */
export function neededPerDay(p: Projection, eligible: number, targetRate: number): number {
  const short = targetResponses(eligible, targetRate) - p.responses;
  return short > 0 && p.daysLeft > 0 ? short / p.daysLeft : 0;
}

/** One day of the cumulative series: responses that day, in total so far, and the rate so far. */
export interface CumulativePoint {
  day: string;
  responses: number;
  cumulative: number;
  rate: number | null;
}

/**
 * The cumulative response rate for each day from the open date to today (or the close date). Responses
 * dated outside the window (tests before opening, late paper forms) count on its first or last day.
 */
export function cumulativeSeries(window: FieldworkWindow, today: string, daily: readonly DailyCount[], eligible: number): CumulativePoint[] {
  if (today < window.opensOn) return [];
  const last = today < window.closesOn ? today : window.closesOn;
  const byDay = new Map<string, number>();
  for (const d of daily) {
    const day = d.day < window.opensOn ? window.opensOn : d.day > last ? last : d.day;
    byDay.set(day, (byDay.get(day) ?? 0) + d.responses);
  }
  const out: CumulativePoint[] = [];
  let cumulative = 0;
  for (let day = window.opensOn; day <= last; day = addDays(day, 1)) {
    const responses = byDay.get(day) ?? 0;
    cumulative += responses;
    out.push({ day, responses, cumulative, rate: eligible > 0 ? cumulative / eligible : null });
  }
  return out;
}
