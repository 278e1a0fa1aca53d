/**
 * A realistic report for the chart and section tests: synthetic YLYC responses for one LA (too few
 * 4-7s to show), three other LAs and a previous wave, through the real findings engine and view.
 */
import { computeFindings, type SurveyResponse } from '../../findings/index.ts';
import { getInstrument, mulberry32, syntheticAnswers, type InstrumentId } from '../../instruments/index.ts';
import type { LocalAuthority, Wave } from '../../programme/index.ts';
import type { Report } from '../report.ts';
import { reportView, type ReportView } from '../report-view.ts';

function responses(counts: Partial<Record<InstrumentId, number>>, seed: number, outlook: number): SurveyResponse[] {
  const rng = mulberry32(seed);
  return Object.entries(counts).flatMap(([id, n]) => {
    const inst = getInstrument(id);
    if (inst === undefined) throw new Error(`no instrument ${id}`);
    return Array.from({ length: n ?? 0 }, () => ({ instrumentId: inst.id, answers: syntheticAnswers(inst, rng, { outlook }).answers }));
  });
}

const instruments: InstrumentId[] = ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17'];

/** The report of a YLYC wave with a usable comparator and, unless `previous` is false, a previous wave. */
export function fixtureReport(opts: { previous?: boolean } = {}): Report {
  const la = responses({ 'ylyc-4-7': 6, 'ylyc-8-11': 70, 'ylyc-11-17': 90 }, 5, 0.6);
  const others = responses({ 'ylyc-4-7': 120, 'ylyc-8-11': 450, 'ylyc-11-17': 600 }, 30, -0.3);
  const previous = opts.previous === false ? undefined : responses({ 'ylyc-4-7': 30, 'ylyc-8-11': 70, 'ylyc-11-17': 90 }, 9, -0.6);
  const findings = computeFindings({ survey: 'ylyc', la, comparator: { responses: others, authorities: 3 }, ...(previous === undefined ? {} : { previous }) });
  // Only the fields the view reads: the wave and LA come from the database in the product.
  const wave = { id: 'w1', title: 'Brightwater Your Life, Your Care 2026', survey: 'ylyc', instruments, eligible: { 'ylyc-4-7': 20, 'ylyc-8-11': 175, 'ylyc-11-17': 225 }, targetRate: 0.3, opensOn: '2026-01-05', closesOn: '2026-02-27' } as unknown as Wave;
  const authority = { id: 'la1', name: 'Brightwater Council' } as unknown as LocalAuthority;
  return {
    wave,
    la: authority,
    findings,
    generatedAt: '2026-03-02T10:00:00.000Z',
    comparatorMonths: 24,
    ...(previous === undefined ? {} : { previousWave: { id: 'w0', title: 'Brightwater Your Life, Your Care 2024' } }),
    excludedResponses: 0,
    version: null,
  };
}

/** Indicator names as the report prints them (the catalogue's words are not needed to test shape). */
export const label = (key: string): string => (key.split('.').pop() ?? key).replaceAll('_', ' ');

/** The view of the fixture report. */
export const fixtureView = (opts: { previous?: boolean } = {}): ReportView => reportView(fixtureReport(opts), label);
