/**
 * The chi-square test of homogeneity of several proportions (a 2 x k table: positive or not, in each
 * of k groups). The installed @stdlib packages have no chi-square distribution, and a homogeneity test
 * always has whole degrees of freedom, so the upper tail is the exact finite series for whole df
 * (Abramowitz and Stegun 26.4.4-26.4.5): a sum of positive Poisson-like terms, taken in logs so it
 * neither cancels nor underflows early, plus erfc (from @stdlib) for odd df.
 */
import erfc from '@stdlib/math-base-special-erfc';
import { logGamma } from './tdist.ts';

/** P(X >= x) for X chi-square with `df` (a whole number >= 1) degrees of freedom. */
export function chiSquareUpper(x: number, df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a whole number >= 1, got ${df}`);
  if (!(x >= 0)) throw new RangeError(`chi-square statistic must be >= 0, got ${x}`);
  if (x === 0) return 1;
  const half = x / 2;
  const logHalf = Math.log(half);
  let sum = 0;
  if (df % 2 === 0) {
    // Q = exp(-x/2) * sum_{i=0}^{df/2-1} (x/2)^i / i!
    for (let i = 0; i < df / 2; i++) sum += Math.exp(-half + i * logHalf - logGamma(i + 1));
  } else {
    // Q = erfc(sqrt(x/2)) + exp(-x/2) * sum_{i=1}^{(df-1)/2} (x/2)^(i-1/2) / Gamma(i+1/2)
    sum = erfc(Math.sqrt(half));
    for (let i = 1; i <= (df - 1) / 2; i++) sum += Math.exp(-half + (i - 0.5) * logHalf - logGamma(i + 0.5));
  }
  return Math.min(1, sum);
}

/** One group's tally: positive answers out of its base. */
export interface GroupCount {
  readonly count: number;
  readonly base: number;
}

export interface HomogeneityTest {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
  /** Share of the 2k expected counts below 5 (above 0.2 the chi-square approximation is rough: Cochran's rule). */
  readonly smallExpectedShare: number;
}

/**
 * Pearson's chi-square test that every group shares one proportion; undefined when it cannot be
 * made (fewer than two groups with answers, or everyone, or no one, positive in all groups).
 */
export function homogeneityTest(groups: readonly GroupCount[]): HomogeneityTest | undefined {
  const used = groups.filter((g) => g.base > 0);
  if (used.length < 2) return undefined;
  const total = used.reduce((s, g) => s + g.base, 0);
  const positive = used.reduce((s, g) => s + g.count, 0);
  const p = positive / total;
  if (p === 0 || p === 1) return undefined;
  let statistic = 0;
  let small = 0;
  for (const g of used) {
    const expected = g.base * p;
    // Both cells of the group: (o-e)^2/e + ((n-o)-(n-e))^2/(n-e) = (o-e)^2 / (n p (1-p)).
    statistic += (g.count - expected) ** 2 / (expected * (1 - p));
    if (expected < 5) small++;
    if (g.base - expected < 5) small++;
  }
  const df = used.length - 1;
  return { statistic, df, pValue: chiSquareUpper(statistic, df), smallExpectedShare: small / (2 * used.length) };
}
