/**
 * The engine's configuration: disclosure thresholds, test settings and breakdown definitions, with
 * the defaults a report uses unless told otherwise.
 */
import type { InstrumentId } from '../instruments/index.ts';
import type { DemographicRole } from './types.ts';

/** A category of a breakdown: the answer codes it gathers (several codes merge small groups). */
export interface BreakdownGroup {
  readonly id: string;
  readonly codes: readonly string[];
}

/** A breakdown: a demographic question (by role) and its categories, optionally for some instruments only. */
export interface BreakdownSpec {
  readonly id: string;
  readonly of: DemographicRole;
  readonly instruments?: readonly InstrumentId[];
  readonly groups: readonly BreakdownGroup[];
}

export interface FindingsOptions {
  /** No percentage, mean or distribution from fewer young people than this (default 10). */
  readonly minBase: number;
  /** A breakdown category (and a "who responded" count) needs at least this many young people (default 10). */
  readonly minCategory: number;
  /** The national comparator must pool at least this many other LAs (default 3), or it would expose one. */
  readonly minComparatorAuthorities: number;
  /** Two published versions of a report must differ by at least this many responses (default 10), overall and in each age group that changed, or comparing them would expose the few in between. */
  readonly minVersionDifference: number;
  /** No young person's comment is quoted in a report of fewer analysed responses than this (default 20): in a small group a comment can identify who wrote it. */
  readonly minQuoteResponses: number;
  /** False discovery rate controlled within each family of comparisons (default 0.05). */
  readonly fdr: number;
  /** Confidence level of every interval (default 0.95). */
  readonly level: number;
  /** Fisher's exact test replaces the z-test when an expected cell is below this (default 5). */
  readonly fisherBelowExpected: number;
  /** National figures from the same instrument (default) or pooled over the survey's instruments by comparison key. */
  readonly nationalBy: 'instrument' | 'key';
  readonly breakdowns: readonly BreakdownSpec[];
  /** The YLYC instruments care leavers are compared with on shared keys (default the 11-17s, nearest in age and scale). */
  readonly childrenInCareForCareLeavers: readonly InstrumentId[];
}

const ages = (from: number, to: number): BreakdownGroup => {
  const codes: string[] = [];
  for (let a = from; a <= to; a++) codes.push(String(a));
  return { id: `${from}-${to}`, codes };
};
const single = (...codes: string[]): BreakdownGroup[] => codes.map((c) => ({ id: c, codes: [c] }));

/** Default breakdowns: age bands within each instrument, gender, placement type. */
export const DEFAULT_BREAKDOWNS: readonly BreakdownSpec[] = [
  { id: 'age', of: 'age', instruments: ['ylyc-4-7'], groups: [ages(4, 5), ages(6, 7)] },
  { id: 'age', of: 'age', instruments: ['ylyc-8-11'], groups: [ages(8, 9), ages(10, 11)] },
  { id: 'age', of: 'age', instruments: ['ylyc-11-17'], groups: [ages(11, 13), ages(14, 15), ages(16, 17)] },
  { id: 'age', of: 'age', instruments: ['ylbc-16-25'], groups: [ages(16, 17), ages(18, 20), ages(21, 25)] },
  { id: 'gender', of: 'gender', groups: single('female', 'male', 'another_way') },
  { id: 'placement', of: 'placement', groups: single('foster_care', 'kinship_care', 'residential', 'somewhere_else') },
];

/** The thresholds and settings a report uses unless told otherwise. */
export const DEFAULT_OPTIONS: FindingsOptions = {
  minBase: 10,
  minCategory: 10,
  minComparatorAuthorities: 3,
  minVersionDifference: 10,
  minQuoteResponses: 20,
  fdr: 0.05,
  level: 0.95,
  fisherBelowExpected: 5,
  nationalBy: 'instrument',
  breakdowns: DEFAULT_BREAKDOWNS,
  childrenInCareForCareLeavers: ['ylyc-11-17'],
};

/** The defaults overridden by the given options, checked (a bad threshold is a bug, not a user's input). */
export function resolveOptions(given: Partial<FindingsOptions> = {}): FindingsOptions {
  const o: FindingsOptions = { ...DEFAULT_OPTIONS, ...given };
  const whole = (n: number): boolean => Number.isInteger(n) && n >= 1;
  if (!whole(o.minBase) || !whole(o.minCategory) || !whole(o.minComparatorAuthorities) || !whole(o.minVersionDifference) || !whole(o.minQuoteResponses)) {
    throw new RangeError('minBase, minCategory, minComparatorAuthorities, minVersionDifference and minQuoteResponses must be whole numbers of at least 1');
  }
  if (!(o.fdr > 0 && o.fdr < 1) || !(o.level > 0 && o.level < 1) || !(o.fisherBelowExpected >= 0)) {
    throw new RangeError('fdr and level must be in (0, 1), fisherBelowExpected at least 0');
  }
  return o;
}

/** The breakdown specs that apply to an instrument. */
export function breakdownsFor(options: FindingsOptions, instrumentId: InstrumentId): BreakdownSpec[] {
  return options.breakdowns.filter((b) => b.instruments === undefined || b.instruments.includes(instrumentId));
}
