/**
 * The bespoke LA report as data: the wave, its LA, the findings, and who took part against the
 * eligible cohort and the target. Pure: the service loads, this shapes, templates only print.
 */
import type { Findings, InstrumentId } from '../findings/index.ts';
import type { LocalAuthority, Wave } from '../programme/index.ts';
import { AGE_GROUP, pct } from './report-words.ts';
import type { ReportQuotes } from './quotes.ts';
import type { ReportVersion } from './versions.ts';

/** One LA's report on one closed wave. */
export interface Report {
  readonly wave: Wave;
  readonly la: LocalAuthority;
  readonly findings: Findings;
  /** ISO timestamp; also the end of the comparator's window. */
  readonly generatedAt: string;
  /** Months before generatedAt in which other LAs' waves must have closed to join the comparator. */
  readonly comparatorMonths: number;
  /** The LA's previous wave of the same survey, when there is one (change is measured against it). */
  readonly previousWave?: { readonly id: string; readonly title: string };
  /** The LA's wave of the other survey that the care leavers' section compares with, when there is one. */
  readonly otherSurveyWave?: { readonly id: string; readonly title: string };
  /** Responses researchers excluded when cleaning (never analysed). */
  readonly excludedResponses: number;
  /** The published version this is (number and date), or null for the live draft, which is not for sharing. */
  readonly version: ReportVersion;
  /** Young people's comments approved for quoting (redacted), frozen with a published version; absent in versions published before reports had quotes. */
  readonly quotes?: ReportQuotes;
}

/** Who took part in one age group (instrument), or in the whole wave. */
export interface ParticipationRow {
  readonly instrumentId: InstrumentId | 'total';
  readonly group: string;
  readonly eligible: number;
  /** A count of responses says who took part, never what anyone answered: always shown. */
  readonly responses: number;
  /** 0-1, null when nobody is counted as eligible. */
  readonly rate: number | null;
  readonly meetsTarget: boolean;
  /** Widest 95% margin of error of a percentage from this many young people, in points (null under minBase). */
  readonly margin: number | null;
  /** What the numbers mean for confidence in this group's figures, in a sentence. */
  readonly confidence: string;
}

/** The widest half-width of a 95% interval for a percentage from n answers (at 50%), in points. */
export function marginOfError(n: number): number {
  return Math.round((100 * 1.96 * 0.5) / Math.sqrt(n));
}

function row(instrumentId: ParticipationRow['instrumentId'], group: string, eligible: number, responses: number, target: number, minBase: number): ParticipationRow {
  const rate = eligible > 0 ? responses / eligible : null;
  // A small tolerance keeps 30 of 100 at the 30% target despite floating point.
  const meetsTarget = rate !== null && rate + 1e-9 >= target;
  const margin = responses >= minBase ? marginOfError(responses) : null;
  let confidence: string;
  if (margin === null) confidence = `Fewer than ${minBase} responses: no percentages are shown for this group.`;
  else if (rate === null) confidence = `No eligible count was given, so representativeness is unknown. Percentages are within about ${margin} points either way.`;
  else if (meetsTarget) confidence = `At or above the ${pct(target)} target. Percentages are within about ${margin} points either way.`;
  else confidence = `Below the ${pct(target)} target: figures may not represent everyone in this group. Percentages are within about ${margin} points either way.`;
  return { instrumentId, group, eligible, responses, rate, meetsTarget, margin, confidence };
}

/** Response rates against the eligible cohort and the target, by age group and for the whole wave. */
export function participation(report: Pick<Report, 'wave' | 'findings'>): ParticipationRow[] {
  const { wave, findings } = report;
  const minBase = findings.options.minBase;
  const rows = wave.instruments.map((id) => {
    const responses = findings.instruments.find((i) => i.instrumentId === id)?.profile.respondents ?? 0;
    return row(id, AGE_GROUP[id], wave.eligible[id] ?? 0, responses, wave.targetRate, minBase);
  });
  if (rows.length < 2) return rows;
  const sum = (f: (r: ParticipationRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  return [...rows, row('total', 'All age groups', sum((r) => r.eligible), sum((r) => r.responses), wave.targetRate, minBase)];
}

/** Every figure of the report, machine-readable: what report.json and `--format json` write. */
export function reportJson(report: Report): Record<string, unknown> {
  const { wave, la } = report;
  return {
    format: 'brightspots-report/1',
    generatedAt: report.generatedAt,
    version: report.version,
    localAuthority: { id: la.id, name: la.name, nation: la.nation, onsCode: la.onsCode },
    wave: { id: wave.id, title: wave.title, survey: wave.survey, status: wave.status, opensOn: wave.opensOn, closesOn: wave.closesOn, closedAt: wave.closedAt, targetRate: wave.targetRate, eligible: wave.eligible },
    comparatorWindowMonths: report.comparatorMonths,
    previousWave: report.previousWave ?? null,
    otherSurveyWave: report.otherSurveyWave ?? null,
    excludedResponses: report.excludedResponses,
    participation: participation(report),
    findings: report.findings,
    quotes: report.quotes ?? null,
  };
}
