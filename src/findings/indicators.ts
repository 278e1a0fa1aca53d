/**
 * Indicator figures: for every reported question of an instrument, the LA's count and percentage of
 * positive answers among those in the base, with a Wilson interval; the national comparator (other
 * LAs); the general-population figure where the item has a benchmark; and the tests between them.
 */
import type { Domain, Instrument, Question } from '../instruments/index.ts';
import { generalPopulationRows, programmeRows } from './benchmarks.ts';
import { benchmarkRef, laCell, nationalCell, type ReportContext } from './context.ts';
import { measureOfRow, reportedQuestions, treatmentOf } from './measures.ts';
import type { BenchmarkComparison, BenchmarkRef, ComparisonResult, ProportionCell, Treatment } from './types.ts';

/** One indicator of an instrument, as the report shows it. */
export interface IndicatorFindings {
  readonly instrumentId: Instrument['id'];
  readonly questionId: string;
  readonly key: string;
  /** Catalogue key of the indicator's name, under `indicator.`. */
  readonly indicator: string;
  readonly domain: Domain;
  /** True for items where the good answer is the negative one; the figure is still the good answer. */
  readonly reversed: boolean;
  readonly treatment: Treatment;
  /** Share of positive answers in the LA. */
  readonly la: ProportionCell;
  /** Share of positive answers in other LAs. */
  readonly national: ProportionCell;
  readonly vsNational: ComparisonResult;
  readonly generalPopulation: readonly BenchmarkComparison[];
  /** Published programme figures quoted as context (not tested: the national comparator is the test). */
  readonly programme: readonly BenchmarkRef[];
}

/** Tests the LA against each general-population row of a question, on the row's own measure. */
export function generalPopulationComparisons(ctx: ReportContext, inst: Instrument, q: Question): BenchmarkComparison[] {
  return generalPopulationRows(ctx.benchmarks, inst.id, q).flatMap((row) => {
    const measure = measureOfRow(row);
    if (measure === undefined) return [];
    const la = laCell(ctx, inst, q, measure);
    const comparison = ctx.families.general_population.compareFigure('general_population', la, row.figure / 100, row.better);
    return [{ benchmark: benchmarkRef(ctx, row), la, comparison }];
  });
}

/** Programme figures quoted beside a question. */
export function programmeContext(ctx: ReportContext, inst: Instrument, q: Question): BenchmarkRef[] {
  return programmeRows(ctx.benchmarks, inst.id, q).map((row) => benchmarkRef(ctx, row));
}

/** The indicator figures of one question. */
export function indicatorFindings(ctx: ReportContext, inst: Instrument, q: Question): IndicatorFindings {
  const la = laCell(ctx, inst, q);
  const national = nationalCell(ctx, inst, q);
  return {
    instrumentId: inst.id,
    questionId: q.id,
    key: q.key,
    indicator: q.indicator,
    domain: q.domain,
    reversed: q.reversed === true,
    treatment: treatmentOf(q),
    la,
    national,
    // Positive rules already encode reversal, so "better" is always more positive answers.
    vsNational: ctx.families.national.compareGroups('national', la, national, 'higher'),
    generalPopulation: generalPopulationComparisons(ctx, inst, q),
    programme: programmeContext(ctx, inst, q),
  };
}

/** Every indicator of an instrument, in question order. */
export function instrumentIndicators(ctx: ReportContext, inst: Instrument): IndicatorFindings[] {
  return reportedQuestions(inst).map((q) => indicatorFindings(ctx, inst, q));
}
