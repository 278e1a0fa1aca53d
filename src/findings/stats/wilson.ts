/**
 * Wilson score interval for a proportion. Chosen over the Wald interval because it stays inside
 * [0, 1], is not degenerate at 0/n or n/n, and keeps close to nominal coverage at the small bases
 * (10 to 100 young people) an LA report is made of.
 */
import { zCritical } from './normal.ts';

/** A two-sided interval. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** A proportion with its interval. */
export interface ProportionEstimate extends Interval {
  readonly estimate: number;
}

/** The Wilson score interval for x successes out of n (n >= 1) at the given confidence level. */
export function wilson(x: number, n: number, level = 0.95): ProportionEstimate {
  assertCounts(x, n);
  const z = zCritical(level);
  const z2 = z * z;
  const p = x / n;
  const denominator = n + z2;
  const centre = (x + z2 / 2) / denominator;
  const half = (z / denominator) * Math.sqrt((x * (n - x)) / n + z2 / 4);
  // At 0/n and n/n the bound is exactly 0 or 1 algebraically; say so rather than keep rounding noise.
  const lower = x === 0 ? 0 : Math.max(0, centre - half);
  const upper = x === n ? 1 : Math.min(1, centre + half);
  return { estimate: p, lower, upper };
}

/** Throws unless x and n are integers with 0 <= x <= n and n >= 1. */
export function assertCounts(x: number, n: number): void {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n < 1 || x < 0 || x > n) {
    throw new RangeError(`expected integers 0 <= x <= n, n >= 1; got x=${x}, n=${n}`);
  }
}
