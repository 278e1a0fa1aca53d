import { describe, expect, it } from 'vitest';
import { compareTwoProportions, newcombeDifference, type ProportionCell } from '../findings/index.ts';
import { changeWords, measureAll, meetsTarget, targetWords } from './kpi.ts';

const cell = (count: number, base: number): ProportionCell => ({ shown: true, count, base, proportion: count / base, lower: 0, upper: 1 });
const hidden: ProportionCell = { shown: false, reason: 'small_base' };

describe('KPIs measured by the next wave', () => {
  it('waits for the next wave before it measures anything', () => {
    expect(measureAll([{ baseline: cell(30, 60), next: undefined, target: 0.6, better: 'higher' }])).toEqual([{ state: 'awaiting' }]);
  });

  it('gives the new value, the change with Newcombe\'s interval and the engine\'s two-proportion test', () => {
    const [m] = measureAll([{ baseline: cell(30, 60), next: cell(54, 60), target: 0.8, better: 'higher' }]);
    if (m?.state !== 'measured') throw new Error('not measured');
    expect(m.value).toBeCloseTo(0.9);
    expect(m.change).toEqual(newcombeDifference(54, 60, 30, 60));
    expect(m.pValue).toBe(compareTwoProportions(54, 60, 30, 60).pValue);
    expect(m.significant).toBe(true);
    expect(m.met).toBe(true);
    expect(changeWords(m)).toMatch(/^\+40 points \(95% interval \d+ to \d+ points\): statistically significant$/);
    expect(targetWords(m)).toBe('Target met');
  });

  it('calls a small change not significant, and a target missed by the due wave not met', () => {
    const [m] = measureAll([{ baseline: cell(30, 60), next: cell(32, 60), target: 0.6, better: 'higher' }]);
    if (m?.state !== 'measured') throw new Error('not measured');
    expect(m.significant).toBe(false);
    expect(changeWords(m)).toContain('not statistically significant');
    expect(targetWords(m)).toBe('Target not met');
    expect(targetWords(m, 2)).toBe('Not met yet (due by the wave after next)');
  });

  it('controls the false discovery rate across the plan\'s KPIs', () => {
    const inputs = [
      { baseline: cell(30, 60), next: cell(41, 60), target: 0.5, better: 'higher' as const },
      { baseline: cell(30, 60), next: cell(31, 60), target: 0.5, better: 'higher' as const },
      { baseline: cell(30, 60), next: cell(29, 60), target: 0.5, better: 'higher' as const },
    ];
    const alone = compareTwoProportions(41, 60, 30, 60).pValue;
    expect(alone).toBeLessThan(0.05);
    const [m] = measureAll(inputs);
    if (m?.state !== 'measured') throw new Error('not measured');
    expect(m.qValue).toBeCloseTo(alone * 3);
    expect(m.significant).toBe(alone * 3 <= 0.05);
  });

  it('keeps a suppressed figure suppressed: no value, change or test', () => {
    expect(measureAll([{ baseline: cell(30, 60), next: hidden, target: 0.6, better: 'higher' }])).toEqual([{ state: 'hidden', reason: 'new_hidden' }]);
    expect(measureAll([{ baseline: hidden, next: cell(30, 60), target: 0.6, better: 'higher' }])).toEqual([{ state: 'hidden', reason: 'baseline_hidden' }]);
    expect(measureAll([{ baseline: cell(30, 60), next: null, target: 0.6, better: 'higher' }])).toEqual([{ state: 'hidden', reason: 'not_asked' }]);
    const words = changeWords({ state: 'hidden', reason: 'new_hidden' });
    expect(words).not.toMatch(/\d/);
  });

  it('meets a target in the measure\'s good direction', () => {
    expect(meetsTarget(0.6, 0.6, 'higher')).toBe(true);
    expect(meetsTarget(0.2, 0.25, 'lower')).toBe(true);
    expect(meetsTarget(0.3, 0.25, 'lower')).toBe(false);
  });
});
