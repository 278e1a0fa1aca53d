import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, applyChanges, checklist, daysBetween, dueOn, itemState, overdueItems, parseChecklistForm, planningTime, PLAN_ITEMS, type PlanItemRecord } from './checklist.ts';

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const wave = (opensOn: string, status: 'planned' | 'open' | 'closed' | 'reported' = 'planned') => ({ opensOn, status });

describe('due dates', () => {
  it('counts back from the day fieldwork opens: sponsor 6 weeks, briefing 2 weeks', () => {
    const byKey = Object.fromEntries(PLAN_ITEMS.map((i) => [i.key, dueOn(i, '2026-05-01')]));
    expect(byKey).toEqual({ sponsor: '2026-03-20', dates: '2026-03-20', counts: '2026-03-27', paper: '2026-04-03', teams: '2026-04-10', briefing: '2026-04-17' });
  });

  it('starts planning at least 4 weeks before fieldwork and lists items in the order they fall due', () => {
    expect(Math.max(...PLAN_ITEMS.map((i) => i.daysBefore))).toBeGreaterThanOrEqual(28);
    const days = PLAN_ITEMS.map((i) => i.daysBefore);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-01-10', -14)).toBe('2025-12-27');
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1); // the clocks change; days do not
  });

  it('is the inverse of counting days, for any day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
    fc.assert(fc.property(day, (opensOn) => PLAN_ITEMS.every((i) => daysBetween(dueOn(i, opensOn), opensOn) === i.daysBefore)));
  });
});

describe('overdue', () => {
  it('is overdue the day after the due day, due soon within a week, and never once done', () => {
    expect(itemState(false, '2026-03-10', '2026-03-10')).toBe('due_soon');
    expect(itemState(false, '2026-03-10', '2026-03-11')).toBe('overdue');
    expect(itemState(false, '2026-03-10', '2026-03-03')).toBe('due_soon');
    expect(itemState(false, '2026-03-10', '2026-03-02')).toBe('to_do');
    expect(itemState(true, '2026-03-10', '2026-09-01')).toBe('done');
  });

  it('lists only undone items past their due day, for waves still planned or in fieldwork', () => {
    const records: PlanItemRecord[] = [{ key: 'sponsor', done: true, who: 'A. Director', doneOn: '2026-03-01' }];
    // Opens 1 May: on 1 April, sponsor (done), dates and counts are past due; paper is due 3 April.
    const overdue = overdueItems(wave('2026-05-01'), records, '2026-04-01').map((i) => i.key);
    expect(overdue).toEqual(['dates', 'counts']);
    expect(overdueItems(wave('2026-05-01', 'open'), records, '2026-04-01')).toHaveLength(2);
    expect(overdueItems(wave('2026-05-01', 'closed'), records, '2026-09-01')).toEqual([]);
    expect(overdueItems(wave('2026-05-01', 'reported'), [], '2026-09-01')).toEqual([]);
  });

  it('never counts an item overdue before its due day, whatever the dates', () => {
    fc.assert(
      fc.property(day, day, fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (opensOn, today, done) => {
        const records = PLAN_ITEMS.map((d, i) => ({ key: d.key, done: done[i] ?? false, who: 'x', doneOn: null }));
        for (const item of checklist(wave(opensOn), records, today)) {
          expect(item.state === 'overdue').toBe(!item.done && today > item.dueOn);
        }
      }),
    );
  });

  it('warns when fieldwork is less than 4 weeks away', () => {
    expect(planningTime('2026-03-20', '2026-03-02')).toEqual({ daysLeft: 18, tooShort: true });
    expect(planningTime('2026-04-30', '2026-03-02')).toEqual({ daysLeft: 59, tooShort: false });
  });
});

describe('saving the checklist', () => {
  it('records the day an item is ticked, keeps it while ticked, and clears it when unticked', () => {
    const first = applyChanges([], [{ key: 'sponsor', done: true, who: 'Jo Bloggs, Director' }], '2026-03-02');
    expect(first.records[0]).toEqual({ key: 'sponsor', done: true, who: 'Jo Bloggs, Director', doneOn: '2026-03-02' });
    expect(first.changed).toEqual(['sponsor']);
    const again = applyChanges(first.records, [{ key: 'sponsor', done: true, who: 'Jo Bloggs, Director' }], '2026-03-09');
    expect(again.records[0]?.doneOn).toBe('2026-03-02');
    expect(again.changed).toEqual([]);
    const undone = applyChanges(again.records, [{ key: 'sponsor', done: false, who: 'Jo Bloggs, Director' }], '2026-03-10');
    expect(undone.records[0]).toMatchObject({ done: false, doneOn: null });
    expect(undone.changed).toEqual(['sponsor']);
  });

  it('does not count an untouched, empty item as a change', () => {
    expect(applyChanges([], [{ key: 'paper', done: false, who: '' }], '2026-03-02').changed).toEqual([]);
  });

  it('needs a "who" for every ticked item, and keeps it short', () => {
    const bad = parseChecklistForm({ 'done-sponsor': 'yes', 'who-sponsor': '  ', 'who-paper': 'x'.repeat(121) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field)).toEqual(['who-sponsor', 'who-paper']);
    const good = parseChecklistForm({ 'done-sponsor': 'yes', 'who-sponsor': 'Jo Bloggs' });
    expect(good.ok && good.items.find((i) => i.key === 'sponsor')).toEqual({ key: 'sponsor', done: true, who: 'Jo Bloggs' });
    expect(good.ok && good.items.filter((i) => i.done)).toHaveLength(1);
  });
});
