import { describe, expect, it } from 'vitest';
import type { Actor, Wave } from '../../programme/index.ts';
import { audienceFor, bandLabel, byNeed, waveRates, weeklyPoints } from './rates.ts';
import { cumulativeSeries } from './projection.ts';

const wave = {
  id: 'w1', laId: 'la-a', survey: 'ylyc', linkCode: 'ABCDEFGH', title: 'Aldermoor YLYC 2026', instruments: ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17'],
  eligible: { 'ylyc-4-7': 8, 'ylyc-8-11': 60, 'ylyc-11-17': 40 }, languages: ['en'], targetRate: 0.3, status: 'open',
  opensOn: '2026-03-01', closesOn: '2026-03-31', createdAt: '2026-02-01T00:00:00.000Z', closedAt: null, prizeDraw: false,
} as Wave;

describe('waveRates', () => {
  const counts = { wave, laName: 'Aldermoor', responsesByInstrument: { 'ylyc-4-7': 2, 'ylyc-8-11': 20, 'ylyc-11-17': 11 }, daily: [{ day: '2026-03-02', responses: 33 }] } as const;

  it('sums the bands, and applies the disclosure rule for the audience', () => {
    const own = waveRates({ ...counts, daily: [...counts.daily] }, 'own_la', '2026-03-05');
    expect(own).toMatchObject({ eligible: 108, responses: 33, target: 33, outlook: 'met' });
    expect(own.bands.map((b) => [b.label, b.responses, b.rate])).toEqual([
      ['Ages 4 to 7', { shown: true, value: 2 }, null], // 8 eligible: no rate, even for the LA
      ['Ages 8 to 11', { shown: true, value: 20 }, 20 / 60],
      ['Ages 11 to 17', { shown: true, value: 11 }, 11 / 40],
    ]);
    const email = waveRates({ ...counts, daily: [...counts.daily] }, 'email', '2026-03-05');
    expect(email.bands.map((b) => b.responses.shown)).toEqual([false, true, false]);
  });

  it('shows no overall rate with fewer than 10 eligible', () => {
    const tiny = waveRates({ ...counts, wave: { ...wave, eligible: { 'ylyc-8-11': 9 } }, daily: [] }, 'own_la', '2026-03-05');
    expect(tiny.rate).toBeNull();
    expect(tiny.projectedRate).toBeNull();
  });

  it("knows an LA's own staff from programme staff", () => {
    const actor = (grants: Actor['grants']): Actor => ({ accountId: 'x', email: 'x@example', name: 'x', grants });
    expect(audienceFor(actor([{ role: 'la_viewer', laId: 'la-a' }]), 'la-a')).toBe('own_la');
    expect(audienceFor(actor([{ role: 'programme_admin', laId: null }]), 'la-a')).toBe('programme');
    expect(bandLabel('ylbc-16-25')).toBe('Ages 16 to 25');
  });

  it('sorts the waves most in need of help first', () => {
    const at = (responsesByInstrument: Record<string, number>, daily: Array<{ day: string; responses: number }>) => waveRates({ ...counts, responsesByInstrument, daily }, 'programme', '2026-03-15');
    const met = at({ 'ylyc-8-11': 40 }, [{ day: '2026-03-02', responses: 40 }]);
    const behind = at({ 'ylyc-8-11': 2 }, [{ day: '2026-03-02', responses: 2 }]);
    const onTrack = at({ 'ylyc-8-11': 20 }, [{ day: '2026-03-10', responses: 20 }]);
    expect([met, onTrack, behind].sort(byNeed).map((r) => r.outlook)).toEqual(['behind', 'on_track', 'met']);
  });
});

describe('weeklyPoints', () => {
  it('sums the days by fieldwork week, cutting the last week at today', () => {
    const series = cumulativeSeries({ opensOn: '2026-03-01', closesOn: '2026-03-31' }, '2026-03-10', [{ day: '2026-03-02', responses: 4 }, { day: '2026-03-09', responses: 6 }], 100);
    expect(weeklyPoints(series)).toEqual([
      { from: '2026-03-01', to: '2026-03-07', responses: 4, cumulative: 4, rate: 0.04 },
      { from: '2026-03-08', to: '2026-03-10', responses: 6, cumulative: 10, rate: 0.1 },
    ]);
    expect(weeklyPoints([])).toEqual([]);
  });
});
