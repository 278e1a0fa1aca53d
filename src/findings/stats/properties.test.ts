/** Properties of the statistics that must hold for every input, checked with fast-check. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newcombeDifference } from './difference.ts';
import { benjaminiHochberg } from './fdr.ts';
import { meanInterval } from './mean.ts';
import { binomialExact, compareTwoProportions, fisherExact, twoProportionZ } from './tests.ts';
import { wilson } from './wilson.ts';

/** x out of n with n in 1..max. */
const countOf = (max: number): fc.Arbitrary<{ x: number; n: number }> =>
  fc.integer({ min: 1, max }).chain((n) => fc.integer({ min: 0, max: n }).map((x) => ({ x, n })));
const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99);
const probability = fc.double({ min: 0, max: 1, noNaN: true });
const inUnit = (p: number): boolean => p >= 0 && p <= 1;

describe('intervals', () => {
  it('Wilson contains the estimate and stays in [0, 1]', () => {
    fc.assert(
      fc.property(countOf(5000), level, ({ x, n }, l) => {
        const w = wilson(x, n, l);
        expect(w.lower).toBeGreaterThanOrEqual(0);
        expect(w.upper).toBeLessThanOrEqual(1);
        expect(w.lower).toBeLessThanOrEqual(w.estimate);
        expect(w.upper).toBeGreaterThanOrEqual(w.estimate);
      }),
    );
  });

  it('Newcombe contains the difference and stays in [-1, 1]', () => {
    fc.assert(
      fc.property(countOf(3000), countOf(3000), level, (a, b, l) => {
        const d = newcombeDifference(a.x, a.n, b.x, b.n, l);
        expect(d.lower).toBeGreaterThanOrEqual(-1);
        expect(d.upper).toBeLessThanOrEqual(1);
        expect(d.lower).toBeLessThanOrEqual(d.estimate + 1e-12);
        expect(d.upper).toBeGreaterThanOrEqual(d.estimate - 1e-12);
      }),
    );
  });

  it('a mean interval contains the mean and narrows as the level falls', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 300 }), (values) => {
        const wide = meanInterval(values, 0.99);
        const narrow = meanInterval(values, 0.9);
        expect(wide.lower).toBeLessThanOrEqual(wide.mean);
        expect(wide.upper).toBeGreaterThanOrEqual(wide.mean);
        expect(narrow.upper - narrow.lower).toBeLessThanOrEqual(wide.upper - wide.lower + 1e-12);
      }),
    );
  });
});

describe('tests', () => {
  it('give p-values in [0, 1]', () => {
    fc.assert(
      fc.property(countOf(400), countOf(400), probability, (a, b, p0) => {
        expect(inUnit(twoProportionZ(a.x, a.n, b.x, b.n).pValue)).toBe(true);
        expect(inUnit(fisherExact(a.x, a.n, b.x, b.n).pValue)).toBe(true);
        expect(inUnit(binomialExact(a.x, a.n, p0).pValue)).toBe(true);
      }),
    );
  });

  it('are symmetric: swapping the groups, or positives with negatives, changes nothing', () => {
    fc.assert(
      fc.property(countOf(300), countOf(300), (a, b) => {
        const z = twoProportionZ(a.x, a.n, b.x, b.n).pValue;
        expect(twoProportionZ(b.x, b.n, a.x, a.n).pValue).toBeCloseTo(z, 12);
        expect(twoProportionZ(a.n - a.x, a.n, b.n - b.x, b.n).pValue).toBeCloseTo(z, 12);
        const f = fisherExact(a.x, a.n, b.x, b.n).pValue;
        expect(fisherExact(b.x, b.n, a.x, a.n).pValue).toBeCloseTo(f, 10);
        expect(fisherExact(a.n - a.x, a.n, b.n - b.x, b.n).pValue).toBeCloseTo(f, 10);
        expect(compareTwoProportions(b.x, b.n, a.x, a.n).pValue).toBeCloseTo(compareTwoProportions(a.x, a.n, b.x, b.n).pValue, 10);
      }),
    );
  });

  it('binomial: x of n against p0 is the same test as n - x against 1 - p0', () => {
    fc.assert(
      fc.property(countOf(500), fc.integer({ min: 1, max: 99 }), ({ x, n }, percent) => {
        const p0 = percent / 100;
        expect(binomialExact(n - x, n, 1 - p0).pValue).toBeCloseTo(binomialExact(x, n, p0).pValue, 9);
      }),
    );
  });

  it('find no difference between identical groups', () => {
    fc.assert(
      fc.property(countOf(500), ({ x, n }) => {
        expect(compareTwoProportions(x, n, x, n).pValue).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe('Benjamini-Hochberg', () => {
  it('gives q >= p, q <= 1, and q monotone in the order of p', () => {
    fc.assert(
      fc.property(fc.array(probability, { minLength: 1, maxLength: 80 }), (ps) => {
        const q = benjaminiHochberg(ps);
        ps.forEach((p, i) => {
          expect(q[i]).toBeGreaterThanOrEqual(p);
          expect(q[i]).toBeLessThanOrEqual(1);
        });
        const order = ps.map((p, i) => ({ p, q: q[i] ?? 1 })).sort((a, b) => a.p - b.p);
        for (let i = 1; i < order.length; i++) expect(order[i]?.q).toBeGreaterThanOrEqual(order[i - 1]?.q ?? 0);
      }),
    );
  });

  it('leaves a single p-value as it is and rejects values outside [0, 1]', () => {
    expect(benjaminiHochberg([0.03])).toEqual([0.03]);
    expect(() => benjaminiHochberg([1.2])).toThrow(RangeError);
  });
});
