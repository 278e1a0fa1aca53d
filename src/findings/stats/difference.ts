/**
 * Confidence intervals for a difference of two independent proportions: Newcombe's hybrid score
 * interval (Newcombe 1998, Statistics in Medicine 17:873-890, method 10), built from the two Wilson
 * intervals. Like Wilson it stays inside [-1, 1] and behaves at 0/n and n/n, where Wald fails.
 */
import { wilson, type ProportionEstimate } from './wilson.ts';

/** A difference p1 - p2 (as a proportion, not percentage points) with its interval. */
export interface DifferenceEstimate {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/** Newcombe's method 10 interval for p1 - p2 from x1/n1 and x2/n2. */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, level = 0.95): DifferenceEstimate {
  return newcombeFromWilson(wilson(x1, n1, level), wilson(x2, n2, level));
}

/** Newcombe's method 10 from two Wilson intervals already computed at the same level. */
export function newcombeFromWilson(a: ProportionEstimate, b: ProportionEstimate): DifferenceEstimate {
  const d = a.estimate - b.estimate;
  const lower = d - Math.sqrt((a.estimate - a.lower) ** 2 + (b.upper - b.estimate) ** 2);
  const upper = d + Math.sqrt((a.upper - a.estimate) ** 2 + (b.estimate - b.lower) ** 2);
  return { estimate: d, lower: Math.max(-1, lower), upper: Math.min(1, upper) };
}

/**
 * The difference between a sample proportion and a fixed figure (a published benchmark, taken as
 * known): the Wilson interval shifted by the figure.
 */
export function differenceFromFigure(x: number, n: number, figure: number, level = 0.95): DifferenceEstimate {
  const w = wilson(x, n, level);
  return { estimate: w.estimate - figure, lower: w.lower - figure, upper: w.upper - figure };
}
