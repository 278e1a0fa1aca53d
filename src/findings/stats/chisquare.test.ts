import { describe, expect, it } from 'vitest';
import { chiSquareUpper, homogeneityTest } from './chisquare.ts';

/** Relative error, so "6 significant figures" means below 5e-7. */
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('chiSquareUpper', () => {
  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    // df 2: Q = exp(-x/2); df 1: Q = erfc(sqrt(x/2)) = 2 * (1 - Phi(sqrt x)).
    for (const x of [0.2, 1, 4, 9.21, 30]) expect(rel(chiSquareUpper(x, 2), Math.exp(-x / 2))).toBeLessThan(1e-12);
    expect(rel(chiSquareUpper(3.841458820694124, 1), 0.05)).toBeLessThan(1e-9);
    expect(rel(chiSquareUpper(6.634896601021214, 1), 0.01)).toBeLessThan(1e-9);
  });

  it('matches scipy.stats.chi2.sf to 6 significant figures, small and large df, far into the tail', () => {
    const cases: Array<[number, number, number]> = [
      [3.5, 1, 0.0613688291394023],
      [7.81, 3, 0.05010605635000589],
      [12.3, 5, 0.03090046463546092],
      [0.01, 7, 0.999999999243059],
      [60, 10, 3.6243009520614924e-9],
      [150.2, 149, 0.4570240479975326],
      [200, 149, 0.003369541803818614],
      [500, 149, 1.7416342416183148e-39],
      [0.001, 1, 0.9747728793699604],
    ];
    for (const [x, df, expected] of cases) expect(rel(chiSquareUpper(x, df), expected), `x=${x} df=${df}`).toBeLessThan(5e-7);
  });

  it('is 1 at 0, falls as the statistic grows, and refuses nonsense', () => {
    expect(chiSquareUpper(0, 4)).toBe(1);
    expect(chiSquareUpper(5, 4)).toBeGreaterThan(chiSquareUpper(6, 4));
    expect(() => chiSquareUpper(1, 0)).toThrow(RangeError);
    expect(() => chiSquareUpper(1, 2.5)).toThrow(RangeError);
    expect(() => chiSquareUpper(-1, 2)).toThrow(RangeError);
  });
});

describe('homogeneityTest', () => {
  it('gives the hand-worked value: 30/50, 20/50, 25/50', () => {
    // Pooled 75/150 = 0.5; each group's (o - e)^2 / (n p (1 - p)) = 25/12.5, 25/12.5, 0: X2 = 4 on 2 df.
    const t = homogeneityTest([
      { count: 30, base: 50 },
      { count: 20, base: 50 },
      { count: 25, base: 50 },
    ]);
    expect(t?.statistic).toBeCloseTo(4, 12);
    expect(t?.df).toBe(2);
    expect(rel(t?.pValue ?? 0, Math.exp(-2))).toBeLessThan(1e-12);
    expect(t?.smallExpectedShare).toBe(0);
  });

  it('matches scipy.stats.chi2_contingency (no correction) on an uneven 2 x 4 table', () => {
    // [[12, 30, 45, 7], [38, 20, 55, 33]]: positives in the first row.
    const t = homogeneityTest([
      { count: 12, base: 50 },
      { count: 30, base: 50 },
      { count: 45, base: 100 },
      { count: 7, base: 40 },
    ]);
    expect(rel(t?.statistic ?? 0, 23.244535120955995)).toBeLessThan(5e-7);
    expect(t?.df).toBe(3);
    expect(rel(t?.pValue ?? 0, 3.5910249716604335e-5)).toBeLessThan(5e-7);
  });

  it('is not made with fewer than two groups, or when every answer is the same', () => {
    expect(homogeneityTest([{ count: 3, base: 10 }])).toBeUndefined();
    expect(homogeneityTest([{ count: 3, base: 10 }, { count: 0, base: 0 }])).toBeUndefined();
    expect(homogeneityTest([{ count: 10, base: 10 }, { count: 20, base: 20 }])).toBeUndefined();
    expect(homogeneityTest([{ count: 0, base: 10 }, { count: 0, base: 20 }])).toBeUndefined();
  });

  it('flags small expected counts', () => {
    const t = homogeneityTest([
      { count: 1, base: 10 },
      { count: 3, base: 10 },
    ]);
    // p = 0.2: expected positives 2 and 2 (both below 5), negatives 8 and 8.
    expect(t?.smallExpectedShare).toBe(0.5);
  });
});
