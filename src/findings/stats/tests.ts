/**
 * Two-sided tests of proportions. Two samples (an LA against other LAs, a wave against the last one):
 * the pooled two-proportion z-test, or Fisher's exact test when any expected cell of the 2x2 table is
 * small. One sample against a published figure: the exact binomial test. Both exact tests are
 * two-sided by the method of small p-values (R's fisher.test and binom.test, scipy's fisher_exact and
 * binomtest): add the probabilities of every outcome no more likely than the one observed.
 */
import binomialPmf from '@stdlib/stats-base-dists-binomial-pmf';
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import { twoSidedNormalP } from './normal.ts';
import { assertCounts } from './wilson.ts';

/** Outcomes within this relative tolerance of the observed probability count as ties (as R does). */
const RELATIVE_TIE = 1 + 1e-7;

export type TestMethod = 'two_proportion_z' | 'fisher_exact' | 'binomial_exact';

/** A test's outcome: the method used, its statistic where it has one, and the two-sided p-value. */
export interface TestOutcome {
  readonly method: TestMethod;
  /** The z statistic (two-proportion z-test only). */
  readonly statistic?: number;
  readonly pValue: number;
}

/** The pooled two-proportion z-test of x1/n1 against x2/n2, two-sided, without continuity correction. */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): TestOutcome {
  assertCounts(x1, n1);
  assertCounts(x2, n2);
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // Both groups all positive (or all not): no variation, no evidence of a difference.
  if (se === 0) return { method: 'two_proportion_z', statistic: 0, pValue: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return { method: 'two_proportion_z', statistic: z, pValue: Math.min(1, twoSidedNormalP(z)) };
}

/** Fisher's exact test of x1/n1 against x2/n2 (the table [[x1, n1-x1], [x2, n2-x2]]), two-sided. */
export function fisherExact(x1: number, n1: number, x2: number, n2: number): TestOutcome {
  assertCounts(x1, n1);
  assertCounts(x2, n2);
  const total = n1 + n2;
  const successes = x1 + x2;
  // x1 is hypergeometric: n1 draws from `total` items of which `successes` are positive.
  const lo = Math.max(0, n1 - (total - successes));
  const hi = Math.min(n1, successes);
  const pmf = (k: number): number => hypergeometricPmf(k, total, successes, n1);
  return { method: 'fisher_exact', pValue: smallPValueSum(pmf(x1), lo, hi, pmf) };
}

/** The exact binomial test of x successes in n trials against probability p0, two-sided like binom.test. */
export function binomialExact(x: number, n: number, p0: number): TestOutcome {
  assertCounts(x, n);
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`p0 must be in [0, 1], got ${p0}`);
  const pmf = (k: number): number => binomialPmf(k, n, p0);
  // binom.test calls an outcome exactly at the expectation a perfect fit.
  if (x === n * p0) return { method: 'binomial_exact', pValue: 1 };
  return { method: 'binomial_exact', pValue: smallPValueSum(pmf(x), 0, n, pmf) };
}

/**
 * Sums pmf(k) over lo..hi for every k no more likely than the observed outcome. Terms are added from
 * the smallest up, so tiny tail probabilities keep their significant figures instead of being lost in
 * 1 - cdf.
 */
function smallPValueSum(observed: number, lo: number, hi: number, pmf: (k: number) => number): number {
  const limit = observed * RELATIVE_TIE;
  const terms: number[] = [];
  for (let k = lo; k <= hi; k++) {
    const p = pmf(k);
    if (p <= limit) terms.push(p);
  }
  terms.sort((a, b) => a - b);
  let sum = 0;
  for (const t of terms) sum += t;
  return Math.min(1, sum);
}

/** Expected counts of the 2x2 table [[x1, n1-x1], [x2, n2-x2]] under no difference, smallest first. */
export function smallestExpectedCell(x1: number, n1: number, x2: number, n2: number): number {
  const total = n1 + n2;
  const positives = x1 + x2;
  const negatives = total - positives;
  return Math.min(n1, n2) * Math.min(positives, negatives) / total;
}

/**
 * The two-sample test the report uses: Fisher's exact test when any expected cell is below
 * `fisherBelow` (5 by default, the usual rule for the normal approximation), the z-test otherwise.
 */
export function compareTwoProportions(x1: number, n1: number, x2: number, n2: number, fisherBelow = 5): TestOutcome {
  return smallestExpectedCell(x1, n1, x2, n2) < fisherBelow ? fisherExact(x1, n1, x2, n2) : twoProportionZ(x1, n1, x2, n2);
}
