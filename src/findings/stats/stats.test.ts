/**
 * The statistics against independently computed values (fixtures/compute_expected.py, scipy and
 * exact rational arithmetic), to at least 6 significant figures: relative error below 5e-7.
 */
import { describe, expect, it } from 'vitest';
import expected from '../fixtures/expected.json' with { type: 'json' };
import { newcombeDifference } from './difference.ts';
import { benjaminiHochberg } from './fdr.ts';
import { meanInterval } from './mean.ts';
import { studentQuantile } from './tdist.ts';
import { binomialExact, fisherExact, twoProportionZ } from './tests.ts';
import { wilson } from './wilson.ts';

const REL = 5e-7;

/** Relative agreement; an expected exact zero must be met within 1e-12 absolute. */
function expectClose(actual: number | undefined, want: number, label: string): void {
  if (actual === undefined) throw new Error(`${label}: missing value`);
  const error = want === 0 ? Math.abs(actual) : Math.abs(actual - want) / Math.abs(want);
  expect(error, `${label}: got ${actual}, want ${want}`).toBeLessThanOrEqual(want === 0 ? 1e-12 : REL);
}

describe('Wilson score interval', () => {
  it.each(expected.wilson)('$x/$n', ({ x, n, estimate, lower, upper }) => {
    const w = wilson(x, n);
    expectClose(w.estimate, estimate, 'estimate');
    expectClose(w.lower, lower, 'lower');
    expectClose(w.upper, upper, 'upper');
  });

  it('honours another confidence level', () => {
    for (const c of expected.wilson90) {
      const w = wilson(c.x, c.n, c.level);
      expectClose(w.lower, c.lower, 'lower');
      expectClose(w.upper, c.upper, 'upper');
    }
  });

  it('is exactly [0, u] at 0/n and [l, 1] at n/n', () => {
    expect(wilson(0, 17).lower).toBe(0);
    expect(wilson(17, 17).upper).toBe(1);
  });
});

describe('two-sided tests', () => {
  it.each(expected.zTest)('z-test $x1/$n1 vs $x2/$n2', ({ x1, n1, x2, n2, z, p }) => {
    const r = twoProportionZ(x1, n1, x2, n2);
    expectClose(r.statistic, z, 'z');
    expectClose(r.pValue, p, 'p');
  });

  it.each(expected.fisher)('Fisher $x1/$n1 vs $x2/$n2', ({ x1, n1, x2, n2, p }) => {
    expectClose(fisherExact(x1, n1, x2, n2).pValue, p, 'p');
  });

  it.each(expected.binomial)('binomial $x/$n against $p0', ({ x, n, p0, p }) => {
    expectClose(binomialExact(x, n, p0).pValue, p, 'p');
  });
});

describe('Benjamini-Hochberg', () => {
  it('matches the adjusted values for 20 p-values', () => {
    const q = benjaminiHochberg(expected.bh.p);
    expected.bh.q.forEach((want, i) => expectClose(q[i], want, `q[${i}]`));
  });
});

describe('Newcombe difference interval (method 10)', () => {
  it.each(expected.newcombe)('$x1/$n1 - $x2/$n2', ({ x1, n1, x2, n2, estimate, lower, upper }) => {
    const d = newcombeDifference(x1, n1, x2, n2);
    expectClose(d.estimate, estimate, 'estimate');
    expectClose(d.lower, lower, 'lower');
    expectClose(d.upper, upper, 'upper');
  });
});

describe('means and the t distribution', () => {
  it.each(expected.tQuantile)('t quantile p=$p df=$df', ({ p, df, q }) => {
    expectClose(studentQuantile(p, df), q, 'quantile');
  });

  it.each(expected.mean.map((c, i) => ({ ...c, i })))('mean interval case $i', ({ values, mean, sd, lower, upper }) => {
    const m = meanInterval(values);
    expectClose(m.mean, mean, 'mean');
    expectClose(m.sd, sd, 'sd');
    expectClose(m.lower, lower, 'lower');
    expectClose(m.upper, upper, 'upper');
  });
});
