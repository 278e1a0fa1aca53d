/**
 * Means of 0-10 well-being scores with a t interval. The t interval (not the normal one) because an
 * LA's base can be as small as 10, where the normal critical value (1.96) would be too narrow
 * (t with 9 degrees of freedom: 2.262); for large bases the two agree.
 */
import { assertLevel } from './normal.ts';
import { studentQuantile } from './tdist.ts';

/** A mean with its standard deviation and interval. */
export interface MeanEstimate {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n - 1 denominator). */
  readonly sd: number;
  readonly lower: number;
  readonly upper: number;
}

/** The mean of at least two values with a two-sided t interval at the given level. */
export function meanInterval(values: readonly number[], level = 0.95): MeanEstimate {
  assertLevel(level);
  const n = values.length;
  if (n < 2) throw new RangeError('a mean interval needs at least two values');
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  const half = studentQuantile(1 - (1 - level) / 2, n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, lower: mean - half, upper: mean + half };
}
