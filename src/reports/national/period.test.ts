/** The national report's period and form: which waves count, the default period, and the checks on typed days. */
import { describe, expect, it } from 'vitest';
import { parseChoice } from './national-form.ts';
import { nextDay } from './national.repository.ts';
import { defaultPeriod, isIsoDay, latestWavePerAuthority } from './period.ts';

describe('period', () => {
  it("takes each authority's latest wave closed within the period, both end days included", () => {
    const waves = [
      { waveId: 'w1', laId: 'a', closedAt: '2025-01-01T00:00:00.000Z' },
      { waveId: 'w2', laId: 'a', closedAt: '2025-12-31T23:59:59.000Z' },
      { waveId: 'w3', laId: 'a', closedAt: '2026-01-01T00:00:00.000Z' },
      { waveId: 'w4', laId: 'b', closedAt: '2024-12-31T23:59:59.999Z' },
      { waveId: 'w5', laId: 'c', closedAt: '2025-01-01T09:00:00.000Z' },
    ];
    const chosen = latestWavePerAuthority(waves, { from: '2025-01-01', to: '2025-12-31' });
    expect(chosen.map((w) => w.waveId).sort()).toEqual(['w2', 'w5']);
  });

  it('defaults to the 24 months up to today, as the LA report comparator does', () => {
    expect(defaultPeriod('2026-03-02')).toEqual({ from: '2024-03-03', to: '2026-03-02' });
    expect(defaultPeriod('2024-02-29')).toEqual({ from: '2022-03-01', to: '2024-02-29' });
  });

  it('knows real days and the day after one', () => {
    expect(['2025-01-01', '2024-02-29'].every(isIsoDay)).toBe(true);
    expect(['2025-02-29', '2025-13-01', '1/1/2025', '2025-1-1', '', '2025-01-01T00:00'].some(isIsoDay)).toBe(false);
    expect([nextDay('2025-12-31'), nextDay('2024-02-28')]).toEqual(['2026-01-01', '2024-02-29']);
  });
});

describe('parseChoice', () => {
  it('accepts a survey and two days, filling missing days from the default period', () => {
    expect(parseChoice({ survey: 'ylyc', from: '2025-01-01', to: '2026-12-31' }, '2026-03-02')).toEqual({ ok: true, choice: { survey: 'ylyc', period: { from: '2025-01-01', to: '2026-12-31' } } });
    expect(parseChoice({ survey: 'ylbc' }, '2026-03-02')).toEqual({ ok: true, choice: { survey: 'ylbc', period: { from: '2024-03-03', to: '2026-03-02' } } });
  });

  it('lists every problem against its field', () => {
    const r = parseChoice({ survey: ['ylyc'], from: '2025-02-30', to: 'soon' }, '2026-03-02');
    expect(r.ok ? [] : r.errors.map((e) => e.href)).toEqual(['#survey', '#from', '#to']);
    const backwards = parseChoice({ survey: 'ylyc', from: '2026-01-01', to: '2025-01-01' }, '2026-03-02');
    expect(backwards.ok ? [] : backwards.errors.map((e) => e.href)).toEqual(['#from']);
  });
});
