/**
 * Published benchmarks: a versioned data file (benchmarks.json) an analyst can update without touching
 * code, validated with Zod wherever it is loaded. `programme` rows are figures for children in care
 * and care leavers across the programme (context); `general_population` rows are the comparators an
 * LA is tested against with the exact binomial test.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { INSTRUMENT_IDS, type Instrument, type InstrumentId, type Question } from '../instruments/index.ts';
import bundled from './benchmarks.json' with { type: 'json' };

/**
 * What a figure counts: the bank's positive answers, everything else in the base, the poor
 * well-being band, listed answer codes, or a composite the engine does not compute (context only).
 */
export type BenchmarkMeasure = 'positive' | 'not_positive' | 'low' | 'answers' | 'composite';
/** Which way is better for the measure; `neither` for descriptions such as disability. */
export type Better = 'higher' | 'lower' | 'neither';

const rowSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/),
    comparatorPopulation: z.enum(['programme', 'general_population']),
    measure: z.enum(['positive', 'not_positive', 'low', 'answers', 'composite']),
    codes: z.array(z.string().min(1)).min(1).optional(),
    excludeFromBase: z.array(z.string().min(1)).optional(),
    better: z.enum(['higher', 'lower', 'neither']),
    description: z.string().min(1),
    group: z.string().min(1),
    ageGroup: z.string().min(1),
    year: z.string().regex(/^\d{4}(-\d{2,4})?$/),
    figure: z.number().min(0).max(100),
    range: z.tuple([z.number().min(0).max(100), z.number().min(0).max(100)]).optional(),
    instruments: z.array(z.enum(INSTRUMENT_IDS as [InstrumentId, ...InstrumentId[]])).min(1),
    sourceUrl: z.url({ protocol: /^https?$/ }),
    sourceTitle: z.string().min(1),
    publisher: z.string().min(1),
    published: z.string().min(1),
    note: z.string().min(1).optional(),
  })
  .refine((r) => (r.measure === 'answers') === (r.codes !== undefined), {
    message: 'codes are required with measure "answers" and only then',
    path: ['codes'],
  });

const fileSchema = z
  .strictObject({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    updated: z.iso.date(),
    description: z.string(),
    rows: z.array(rowSchema).min(1),
  })
  .superRefine((file, ctx) => {
    // Two rows of one population for the same key and instrument would make the comparator ambiguous.
    const seen = new Set<string>();
    file.rows.forEach((r, i) => {
      for (const id of r.instruments) {
        const k = `${r.comparatorPopulation}/${r.key}/${id}`;
        if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `duplicate row for ${k}`, path: ['rows', i] });
        seen.add(k);
      }
    });
  });

export type BenchmarkRow = z.infer<typeof rowSchema>;
export type Benchmarks = z.infer<typeof fileSchema>;

/** Validates benchmark data, throwing one error that lists every problem. */
export function parseBenchmarks(data: unknown): Benchmarks {
  const result = fileSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`invalid benchmarks file:\n${problems.join('\n')}`);
  }
  return result.data;
}

/** The benchmarks shipped with the code (src/findings/benchmarks.json), validated. */
export const bundledBenchmarks: Benchmarks = parseBenchmarks(bundled);

/** Reads and validates a benchmarks file from disk (an analyst's updated copy). */
export async function loadBenchmarksFile(path: string): Promise<Benchmarks> {
  return parseBenchmarks(JSON.parse(await readFile(path, 'utf8')));
}

/** The general-population rows a question of an instrument is tested against (by its `benchmark` key). */
export function generalPopulationRows(benchmarks: Benchmarks, instrumentId: InstrumentId, question: Question): BenchmarkRow[] {
  if (question.benchmark === undefined) return [];
  return benchmarks.rows.filter(
    (r) => r.comparatorPopulation === 'general_population' && r.key === question.benchmark && r.instruments.includes(instrumentId),
  );
}

/** Programme rows quoted beside a question: matched on its benchmark key or its comparison key. */
export function programmeRows(benchmarks: Benchmarks, instrumentId: InstrumentId, question: Question): BenchmarkRow[] {
  return benchmarks.rows.filter(
    (r) =>
      r.comparatorPopulation === 'programme' &&
      r.measure !== 'composite' &&
      (r.key === question.benchmark || r.key === question.key) &&
      r.instruments.includes(instrumentId),
  );
}

/** A stable citation id for a row's source (its URL), so one source is cited once. */
export function citationId(row: BenchmarkRow): string {
  return row.sourceUrl;
}

/** The citation text a report prints for a source. */
export function citationText(row: BenchmarkRow): string {
  return `${row.publisher} (${row.published}). ${row.sourceTitle}. ${row.sourceUrl}`;
}

/** A question that names a benchmark key with no general-population row for its instrument. */
export interface MissingBenchmark {
  readonly instrumentId: InstrumentId;
  readonly questionId: string;
  readonly benchmark: string;
  /** `no_row`: the key has no general-population row at all; `not_for_instrument`: none for this age group. */
  readonly problem: 'no_row' | 'not_for_instrument';
}

/** Every bank question whose `benchmark` key lacks a general-population row for its instrument. */
export function missingBenchmarks(bank: readonly Instrument[], benchmarks: Benchmarks): MissingBenchmark[] {
  const keys = new Set(benchmarks.rows.filter((r) => r.comparatorPopulation === 'general_population').map((r) => r.key));
  return bank.flatMap((inst) =>
    inst.questions.flatMap((q): MissingBenchmark[] => {
      if (q.benchmark === undefined || generalPopulationRows(benchmarks, inst.id, q).length > 0) return [];
      const problem = keys.has(q.benchmark) ? 'not_for_instrument' : 'no_row';
      return [{ instrumentId: inst.id, questionId: q.id, benchmark: q.benchmark, problem }];
    }),
  );
}
