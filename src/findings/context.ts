/**
 * What every section of a report is computed from: the instrument, the LA's and the comparator's
 * responses grouped by instrument, the options, the benchmarks and the report's comparison families.
 */
import type { Instrument, Question } from '../instruments/index.ts';
import type { BenchmarkRow, Benchmarks } from './benchmarks.ts';
import type { Families } from './compare.ts';
import { proportionCell, suppressed, type Tally } from './disclosure.ts';
import { addTallies, keyQuestion, POSITIVE, tally, type Measure, type ResponsesByInstrument } from './measures.ts';
import { pooledTally, type AnswerSummary } from './pool.ts';
import type { FindingsOptions } from './options.ts';
import type { BenchmarkRef, ProportionCell, SurveyResponse } from './types.ts';

export interface ReportContext {
  /** The instruments of the report's survey. */
  readonly surveyInstruments: readonly Instrument[];
  readonly la: ResponsesByInstrument;
  /** The comparator as one summary per LA wave (or one summary of it all); see pool.ts. */
  readonly comparatorParts: readonly AnswerSummary[];
  readonly comparatorAuthorities: number;
  readonly options: FindingsOptions;
  readonly benchmarks: Benchmarks;
  readonly families: Families;
  /** Every benchmark row quoted, so the report can cite each source once. */
  readonly cited: Map<string, BenchmarkRow>;
}

/** The LA's responses to an instrument. */
export function laResponses(ctx: ReportContext, inst: Instrument): readonly SurveyResponse[] {
  return ctx.la.get(inst.id) ?? [];
}

/** A proportion cell under the report's threshold and level. */
export function cellOf(ctx: ReportContext, t: Tally): ProportionCell {
  return proportionCell(t, ctx.options.minBase, ctx.options.level);
}

/** The LA's figure for a question on a measure. */
export function laCell(ctx: ReportContext, inst: Instrument, q: Question, m?: Measure): ProportionCell {
  return cellOf(ctx, tally(q, laResponses(ctx, inst), m));
}

/** True when the comparator pools enough LAs to be shown at all. */
export function comparatorUsable(ctx: ReportContext): boolean {
  return ctx.comparatorAuthorities >= ctx.options.minComparatorAuthorities;
}

/** The national (other LAs) tally for a question: the same instrument, or the key across the survey. */
export function nationalTally(ctx: ReportContext, inst: Instrument, q: Question, m: Measure = POSITIVE): Tally {
  if (ctx.options.nationalBy !== 'key') return pooledTally(ctx.comparatorParts, inst, q, m);
  // Pooled by comparison key: each response counted with its own instrument's question.
  return addTallies(
    ctx.surveyInstruments.flatMap((i) => {
      const same = keyQuestion(i, q.key);
      return same === undefined ? [] : [pooledTally(ctx.comparatorParts, i, same, m)];
    }),
  );
}

/** The national figure for a question on a measure, suppressed when too few LAs are pooled. */
export function nationalCell(ctx: ReportContext, inst: Instrument, q: Question, m?: Measure): ProportionCell {
  if (!comparatorUsable(ctx)) return suppressed('too_few_authorities');
  return cellOf(ctx, nationalTally(ctx, inst, q, m));
}

/** A benchmark row as quoted beside a figure; records the row for the report's citations. */
export function benchmarkRef(ctx: ReportContext, row: BenchmarkRow): BenchmarkRef {
  ctx.cited.set(row.sourceUrl, row);
  const ref = {
    key: row.key,
    measure: row.measure,
    better: row.better,
    description: row.description,
    group: row.group,
    ageGroup: row.ageGroup,
    year: row.year,
    figure: row.figure / 100,
    citation: row.sourceUrl,
  };
  return row.note === undefined ? ref : { ...ref, note: row.note };
}
