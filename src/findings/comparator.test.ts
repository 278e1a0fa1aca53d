import { describe, expect, it } from 'vitest';
import { comparatorWaves, monthsBefore, selectComparator, type WaveResponses } from './comparator.ts';
import { pooledRespondents } from './pool.ts';

const wave = (laId: string, closedAt: string | null, n: number, survey: 'ylyc' | 'ylbc' = 'ylyc'): WaveResponses => ({
  laId,
  waveId: `${laId}-${closedAt ?? 'open'}`,
  survey,
  closedAt,
  responses: Array.from({ length: n }, () => ({ instrumentId: survey === 'ylyc' ? 'ylyc-8-11' : 'ylbc-16-25', answers: {} })),
});

describe('selectComparator', () => {
  const waves = [
    wave('own', '2026-06-01', 100),
    wave('a', '2025-01-10', 10),
    wave('a', '2026-03-01', 20),
    wave('b', '2024-11-24', 30),
    wave('c', '2024-11-23', 40),
    wave('d', null, 50),
    wave('e', '2026-01-01', 60, 'ylbc'),
    wave('f', '2026-12-01', 70),
  ];

  it('pools other LAs closed in the last 24 months, one wave (the latest) per LA', () => {
    const window = { laId: 'own', survey: 'ylyc', asOf: '2026-11-23' } as const;
    expect(comparatorWaves(waves, window).map((w) => w.waveId).sort()).toEqual(['a-2026-03-01', 'b-2024-11-24']);
    const set = selectComparator(waves, window);
    expect(set.authorities).toBe(2);
    expect('parts' in set && pooledRespondents(set.parts, 'ylyc-8-11')).toBe(20 + 30);
  });

  it('takes a configurable window', () => {
    expect(selectComparator(waves, { laId: 'own', survey: 'ylyc', asOf: '2026-11-23', months: 12 }).authorities).toBe(1);
  });
});

describe('monthsBefore', () => {
  it('counts calendar months and falls back to the end of a shorter month', () => {
    expect(monthsBefore('2026-11-23', 24).toISOString().slice(0, 10)).toBe('2024-11-23');
    expect(monthsBefore('2026-03-31', 1).toISOString().slice(0, 10)).toBe('2026-02-28');
    expect(() => monthsBefore('not a date', 1)).toThrow(RangeError);
  });
});
