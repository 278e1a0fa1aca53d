/** Parsing the wave options people type and formatting waves for the terminal. */
import { InvalidArgumentError } from 'commander';
import { responseRate, SURVEY_INSTRUMENTS, type WaveSummary } from '../programme/index.ts';
import { surveyLink } from './context.ts';
import { formatTable, percent } from './table.ts';

const INSTRUMENT_IDS: readonly string[] = Object.values(SURVEY_INSTRUMENTS).flat();

/** Parses "ylyc-4-7=40,ylyc-8-11=60" into eligible counts per instrument. */
export function parseEligible(value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z0-9-]+)\s*=\s*(\d+)$/.exec(part);
    if (!m?.[1] || m[2] === undefined) throw new InvalidArgumentError(`"${part}" is not instrument=count, e.g. ylyc-8-11=60.`);
    if (!INSTRUMENT_IDS.includes(m[1])) {
      throw new InvalidArgumentError(`"${m[1]}" is not an instrument; use ${INSTRUMENT_IDS.join(', ')}.`);
    }
    out[m[1]] = Number(m[2]);
  }
  if (Object.keys(out).length === 0) throw new InvalidArgumentError('give at least one instrument=count.');
  return out;
}

/** Parses a target response rate given as 0.3 or 30%. */
export function parseRate(value: string): number {
  const pct = value.trim().endsWith('%');
  const n = Number(value.trim().replace(/%$/, ''));
  const rate = pct ? n / 100 : n;
  if (!Number.isFinite(rate) || rate <= 0 || rate > 1) throw new InvalidArgumentError('give a rate between 0 and 1, or a percentage such as 30%.');
  return rate;
}

/** Parses a calendar date written YYYY-MM-DD. */
export function parseDate(value: string): string {
  const v = value.trim();
  const d = new Date(`${v}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
    throw new InvalidArgumentError(`"${value}" is not a date written YYYY-MM-DD.`);
  }
  return v;
}

/** Parses a comma-separated list of language codes. */
export const parseList = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** "YLYC" or "YLBC", as the programme writes the surveys' short names. */
export const surveyShort = (survey: string): string => survey.toUpperCase();

/** The response rate of a wave, marked when it is under the wave's target. */
export function rateCell(w: WaveSummary): string {
  const rate = responseRate(w.responses, w.eligibleTotal);
  if (rate === null) return '-';
  return rate < w.targetRate ? `${percent(rate)} (target ${percent(w.targetRate)})` : percent(rate);
}

/** Waves as an aligned table with their links, responses and response rates. */
export function waveTable(waves: readonly WaveSummary[], publicUrl: string): string {
  if (waves.length === 0) return 'No waves yet. Open one with: brightspots wave open --help';
  return formatTable(
    ['Id', 'Local authority', 'Survey', 'Status', 'Opens', 'Closes', 'Responses', 'Rate', 'Survey link'],
    waves.map((w) => [
      w.id,
      w.laName,
      surveyShort(w.survey),
      w.status,
      w.opensOn,
      w.closesOn,
      `${w.responses} / ${w.eligibleTotal}`,
      rateCell(w),
      surveyLink(publicUrl, w.linkCode),
    ]),
  );
}

/** A wave as plain JSON for scripts, with its link and rate worked out. */
export function waveJson(w: WaveSummary, publicUrl: string): Record<string, unknown> {
  return { ...w, surveyLink: surveyLink(publicUrl, w.linkCode), responseRate: responseRate(w.responses, w.eligibleTotal) };
}
