/**
 * The standard normal distribution at full precision: two-sided tail areas from erfc (no lookup
 * table, so p-values stay accurate to many significant figures far into the tails) and quantiles.
 */
import erfc from '@stdlib/math-base-special-erfc';
import quantile from '@stdlib/stats-base-dists-normal-quantile';

/** The two-sided tail area beyond |z| under the standard normal: P(|Z| >= |z|) = erfc(|z| / sqrt 2). */
export function twoSidedNormalP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/** The standard normal quantile for a probability in (0, 1). */
export function normalQuantile(p: number): number {
  return quantile(p, 0, 1);
}

/** The critical value z for a two-sided interval of the given confidence level (1.959964... at 0.95). */
export function zCritical(level: number): number {
  assertLevel(level);
  return normalQuantile(1 - (1 - level) / 2);
}

/** Rejects confidence levels outside (0, 1): a bug in the caller, never a user's input. */
export function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}
