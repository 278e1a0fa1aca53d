/**
 * A wave's response rates as every view shows them: totals, rate against target, projection and the
 * breakdown by age band after the disclosure rule. Pure: built from counts per day and per instrument.
 */
import { getInstrument, type InstrumentId } from '../../instruments/index.ts';
import type { Actor, Wave } from '../../programme/index.ts';
import { bandDisplay, DISCLOSURE_THRESHOLD, type Audience, type BandDisplay } from './disclosure.ts';
import {
  cumulativeSeries,
  needsHelp,
  neededPerDay,
  outlook,
  project,
  targetResponses,
  type CumulativePoint,
  type DailyCount,
  type Outlook,
  type Projection,
} from './projection.ts';

/** The counts a wave's rates are built from. */
export interface WaveCounts {
  wave: Wave;
  laName: string;
  responsesByInstrument: Partial<Record<InstrumentId, number>>;
  daily: readonly DailyCount[];
}

export interface WaveRates {
  wave: Wave;
  laName: string;
  audience: Audience;
  today: string;
  eligible: number;
  responses: number;
  /** Null when fewer than 10 are eligible. */
  rate: number | null;
  target: number;
  projection: Projection;
  /** Null when there is no projection or fewer than 10 are eligible. */
  projectedRate: number | null;
  outlook: Outlook;
  needsHelp: boolean;
  neededPerDay: number;
  bands: Array<BandDisplay & { label: string }>;
  series: CumulativePoint[];
}

/** "Ages 8 to 11": an instrument's age band, as written with its version. */
export function bandLabel(id: InstrumentId): string {
  const band = getInstrument(id)?.band;
  return band ? `Ages ${band.min} to ${band.max}` : id;
}

/** Whether the actor reads a wave's figures as its LA's own staff or from the programme. */
export function audienceFor(actor: Actor, laId: string): Audience {
  return actor.grants.some((g) => g.laId === laId) ? 'own_la' : 'programme';
}

/** Builds a wave's rates for one audience on a day. */
export function waveRates(c: WaveCounts, audience: Audience, today: string): WaveRates {
  const { wave } = c;
  const eligible = wave.instruments.reduce((n, id) => n + (wave.eligible[id] ?? 0), 0);
  const responses = Object.values(c.responsesByInstrument).reduce((n, v) => n + (v ?? 0), 0);
  const rateOf = (n: number | null) => (n !== null && eligible >= DISCLOSURE_THRESHOLD ? n / eligible : null);
  const projection = project(wave, today, c.daily, eligible > 0 ? eligible : Infinity);
  const o = outlook(projection, eligible, wave.targetRate);
  const bands = bandDisplay(
    wave.instruments.map((id) => ({ key: id, responses: c.responsesByInstrument[id] ?? 0, eligible: wave.eligible[id] ?? 0 })),
    audience,
  ).map((b) => ({ ...b, label: bandLabel(b.key as InstrumentId) }));
  return {
    wave,
    laName: c.laName,
    audience,
    today,
    eligible,
    responses,
    rate: rateOf(responses),
    target: targetResponses(eligible, wave.targetRate),
    projection,
    projectedRate: rateOf(projection.projected),
    outlook: o,
    needsHelp: needsHelp(o),
    neededPerDay: neededPerDay(projection, eligible, wave.targetRate),
    bands,
    series: cumulativeSeries(wave, today, c.daily, eligible),
  };
}

/** One row of the weekly summary beside the chart: the week's new responses and the totals at its end. */
export interface WeekPoint {
  from: string;
  to: string;
  responses: number;
  cumulative: number;
  rate: number | null;
}

/** The cumulative series summed by fieldwork week (from the open date), the last week cut at today. */
export function weeklyPoints(series: readonly CumulativePoint[]): WeekPoint[] {
  const weeks: WeekPoint[] = [];
  series.forEach((p, i) => {
    if (i % 7 === 0) weeks.push({ from: p.day, to: p.day, responses: 0, cumulative: 0, rate: null });
    const w = weeks.at(-1);
    if (w) Object.assign(w, { to: p.day, responses: w.responses + p.responses, cumulative: p.cumulative, rate: p.rate });
  });
  return weeks;
}

/** Words for each outlook, for pages and emails. */
export const OUTLOOK_TEXT: Record<Outlook, string> = {
  no_eligible: 'No eligible count',
  not_started: 'Not started',
  met: 'Target met',
  too_early: 'Too early to tell',
  on_track: 'On track',
  at_risk: 'At risk',
  behind: 'Behind',
  missed: 'Target missed',
};

/** Most in need of help first, then the lowest projected rate. */
export function byNeed(a: WaveRates, b: WaveRates): number {
  const order: Outlook[] = ['behind', 'at_risk', 'too_early', 'on_track', 'missed', 'not_started', 'met', 'no_eligible'];
  return order.indexOf(a.outlook) - order.indexOf(b.outlook) || (a.projectedRate ?? a.rate ?? 0) - (b.projectedRate ?? b.rate ?? 0);
}

/** A rate as a whole percentage, or a dash when it is not shown. */
export const percent = (r: number | null): string => (r === null ? '–' : `${Math.round(r * 100)}%`);

/** A short date for tables: "5 Mar". */
export const shortDate = (day: string): string => new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A date as UK readers write it: "5 March 2026". */
export const longDate = (day: string): string =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The projection explained in one sentence, as the pages and emails say it. */
export const PROJECTION_METHOD =
  'The projection takes the average number of responses a day over the last 7 full days of fieldwork (fewer in the first week) and assumes that pace continues every day left, today included, up to the close date.';
