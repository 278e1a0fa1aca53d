import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  cumulativeSeries,
  daysBetween,
  needsHelp,
  neededPerDay,
  outlook,
  project,
  targetResponses,
  type DailyCount,
} from './projection.ts';

const window = { opensOn: '2026-03-01', closesOn: '2026-03-31' };

describe('project', () => {
  it('averages the last 7 full days and extrapolates to the close date, today included', () => {
    // 2 a day for 9 days (1-9 March), then 5 so far today (10 March).
    const daily: DailyCount[] = Array.from({ length: 9 }, (_, i) => ({ day: addDays('2026-03-01', i), responses: 2 }));
    daily.push({ day: '2026-03-10', responses: 5 });
    const p = project(window, '2026-03-10', daily);
    expect(p).toMatchObject({ phase: 'in_fieldwork', responses: 23, daysLeft: 22, paceDays: 7, pacePerDay: 2 });
    // 18 up to yesterday + 2 a day for 22 days (10-31 March).
    expect(p.projected).toBe(18 + 44);
  });

  it('uses only the last 7 days, so a slow start does not drag a recovered pace down', () => {
    const daily: DailyCount[] = [
      { day: '2026-03-01', responses: 0 },
      { day: '2026-03-12', responses: 14 },
      { day: '2026-03-18', responses: 14 },
    ];
    const p = project(window, '2026-03-19', daily);
    expect(p.pacePerDay).toBe(4); // 12-18 March: 28 in 7 days
    expect(p.projected).toBe(28 + 4 * 13);
  });

  it('averages over fewer days at the start of fieldwork', () => {
    const p = project(window, '2026-03-04', [
      { day: '2026-03-01', responses: 3 },
      { day: '2026-03-03', responses: 6 },
    ]);
    expect(p.paceDays).toBe(3);
    expect(p.pacePerDay).toBe(3);
    expect(p.projected).toBe(9 + 3 * 28);
  });

  it('never projects more than the eligible cohort', () => {
    const daily = [{ day: '2026-03-01', responses: 50 }];
    expect(project(window, '2026-03-02', daily).projected).toBe(50 + 50 * 30);
    expect(project(window, '2026-03-02', daily, 120).projected).toBe(120);
    expect(project(window, '2026-03-02', daily, 30).projected).toBe(50); // more in than counted eligible: what is in
  });

  it('does not guess on the first day', () => {
    const p = project(window, '2026-03-01', [{ day: '2026-03-01', responses: 4 }]);
    expect(p).toMatchObject({ responses: 4, paceDays: 0, pacePerDay: null, projected: null, daysLeft: 31 });
  });

  it('before opening and after closing', () => {
    expect(project(window, '2026-02-20', [])).toMatchObject({ phase: 'not_started', daysLeft: 31, projected: null });
    expect(project(window, '2026-04-02', [{ day: '2026-03-05', responses: 7 }])).toMatchObject({ phase: 'ended', daysLeft: 0, projected: 7 });
  });

  it('on the close date, one day is left', () => {
    const p = project(window, '2026-03-31', [{ day: '2026-03-30', responses: 7 }]);
    expect(p.daysLeft).toBe(1);
    expect(p.projected).toBe(8); // 7 + 7/7 for today
  });

  it('never projects fewer than are already in, and grows with every extra response before today', () => {
    const day = fc.integer({ min: 0, max: 40 }).map((i) => addDays('2026-02-25', i));
    fc.assert(
      fc.property(fc.array(fc.record({ day, responses: fc.integer({ min: 0, max: 50 }) }), { maxLength: 30 }), day, (daily, today) => {
        const p = project(window, today, daily);
        if (p.projected !== null) expect(p.projected).toBeGreaterThanOrEqual(p.responses);
        if (p.phase === 'in_fieldwork' && p.projected !== null && today > window.opensOn) {
          const more = project(window, today, [...daily, { day: addDays(today, -1), responses: 7 }]);
          expect(more.projected).toBeGreaterThanOrEqual(p.projected);
        }
      }),
    );
  });
});

describe('targets and outlook', () => {
  it('rounds the target up, without floating-point surprises', () => {
    expect(targetResponses(100, 0.3)).toBe(30);
    expect(targetResponses(95, 0.3)).toBe(29);
    expect(targetResponses(0, 0.3)).toBe(0);
  });

  it('classifies projections against the target', () => {
    const base = { phase: 'in_fieldwork' as const, daysLeft: 10, paceDays: 7, pacePerDay: 1 };
    expect(outlook({ ...base, responses: 30, projected: 40 }, 100, 0.3)).toBe('met');
    expect(outlook({ ...base, responses: 10, projected: 30 }, 100, 0.3)).toBe('on_track');
    expect(outlook({ ...base, responses: 10, projected: 24 }, 100, 0.3)).toBe('at_risk');
    expect(outlook({ ...base, responses: 10, projected: 23 }, 100, 0.3)).toBe('behind');
    expect(outlook({ ...base, responses: 1, projected: null }, 100, 0.3)).toBe('too_early');
    expect(outlook({ ...base, phase: 'ended', responses: 12, projected: 12 }, 100, 0.3)).toBe('missed');
    expect(outlook({ ...base, phase: 'not_started', responses: 0, projected: null }, 100, 0.3)).toBe('not_started');
    expect(outlook({ ...base, responses: 0, projected: 0 }, 0, 0.3)).toBe('no_eligible');
    expect(['at_risk', 'behind'].every((o) => needsHelp(o as 'at_risk'))).toBe(true);
    expect(needsHelp('on_track')).toBe(false);
  });

  it('says how many a day are needed to reach the target', () => {
    const p = { phase: 'in_fieldwork' as const, responses: 10, daysLeft: 5, paceDays: 7, pacePerDay: 1, projected: 15 };
    expect(neededPerDay(p, 100, 0.3)).toBe(4);
    expect(neededPerDay({ ...p, responses: 40 }, 100, 0.3)).toBe(0);
  });
});

describe('cumulativeSeries', () => {
  it('runs from the open date to today with a running total and rate', () => {
    const s = cumulativeSeries(window, '2026-03-04', [
      { day: '2026-02-27', responses: 1 }, // a test before opening counts on the first day
      { day: '2026-03-02', responses: 4 },
      { day: '2026-03-04', responses: 5 },
    ], 50);
    expect(s.map((p) => [p.day, p.responses, p.cumulative])).toEqual([
      ['2026-03-01', 1, 1],
      ['2026-03-02', 4, 5],
      ['2026-03-03', 0, 5],
      ['2026-03-04', 5, 10],
    ]);
    expect(s.at(-1)?.rate).toBe(0.2);
  });

  it('stops at the close date and has no rate without eligible young people', () => {
    const s = cumulativeSeries(window, '2026-05-01', [{ day: '2026-04-10', responses: 3 }], 0);
    expect(s).toHaveLength(31);
    expect(s.at(-1)).toEqual({ day: '2026-03-31', responses: 3, cumulative: 3, rate: null });
    expect(cumulativeSeries(window, '2026-02-01', [], 10)).toEqual([]);
  });

  it('day arithmetic crosses months and clock changes', () => {
    expect(addDays('2026-03-28', 3)).toBe('2026-03-31');
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });
});
