/**
 * The variation between authorities on one indicator, over the figures shown: the range, the
 * interquartile range, and Pearson's chi-square test that every authority shares one proportion.
 * Hidden figures take no part, so nothing here can be used to work one out.
 */
import { homogeneityTest, type HomogeneityTest, type ProportionFigure } from '../../findings/index.ts';

export interface Variation {
  /** How many authorities' figures the variation is over. */
  readonly authorities: number;
  /** Lowest and highest figure (two or more authorities). */
  readonly range?: { readonly min: number; readonly max: number; readonly width: number };
  /** First and third quartiles (four or more authorities: fewer have no meaningful quartiles). */
  readonly iqr?: { readonly q1: number; readonly q3: number; readonly width: number };
  /** Absent with fewer than two authorities, or when every answer is the same. */
  readonly homogeneity?: HomogeneityTest;
}

/** The p-th quantile (0-1) of sorted values, interpolating between order statistics (R's type 7, Excel's QUARTILE.INC). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('no values');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/** Range, IQR and the homogeneity test over the shown figures. */
export function variationOf(figures: readonly ProportionFigure[]): Variation {
  const values = figures.map((f) => f.proportion).sort((x, y) => x - y);
  const n = values.length;
  const min = values[0] ?? 0;
  const max = values[n - 1] ?? 0;
  const q1 = n >= 4 ? quantile(values, 0.25) : 0;
  const q3 = n >= 4 ? quantile(values, 0.75) : 0;
  const test = homogeneityTest(figures);
  return {
    authorities: n,
    ...(n >= 2 ? { range: { min, max, width: max - min } } : {}),
    ...(n >= 4 ? { iqr: { q1, q3, width: q3 - q1 } } : {}),
    ...(test === undefined ? {} : { homogeneity: test }),
  };
}
