/** The cycle's default dates and its timeline: where the LA is and what is overdue, from today and the dates only. */
import { describe, expect, it } from 'vitest';
import { addDays, defaultPlan, SESSION_KINDS, timeline } from './cycle.ts';

describe('the New Belongings Plus timeline', () => {
  const plan = defaultPlan('2026-03-02').map((s) => ({ ...s, heldOn: null as string | null }));

  it('plans the seven sessions in order from the start day', () => {
    expect(plan.map((s) => s.kind)).toEqual([...SESSION_KINDS]);
    expect(plan[0]?.plannedOn).toBe('2026-03-16');
    expect(plan.every((s, i) => i === 0 || s.plannedOn > (plan[i - 1]?.plannedOn ?? ''))).toBe(true);
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
  });

  it('is at the first session, planned, before anything is held', () => {
    const t = timeline(plan, '2026-03-01');
    expect(t.current).toBe('feedback');
    expect(t.stage).toBe('Feedback session on the report (1 of 7)');
    expect(t.held).toBe(0);
    expect(t.overdue).toBe(0);
    expect(t.steps[0]?.state).toBe('planned');
  });

  it('marks a session due within a fortnight and overdue the day after its planned day', () => {
    expect(timeline(plan, '2026-03-02').steps[0]?.state).toBe('due');
    expect(timeline(plan, '2026-03-16').steps[0]?.state).toBe('due');
    const late = timeline(plan, '2026-03-19');
    expect(late.steps[0]).toMatchObject({ state: 'overdue', daysOverdue: 3 });
    expect(late.overdue).toBe(1);
  });

  it('moves on as sessions are held, whatever the order they were held in, and counts every overdue one', () => {
    const sessions = plan.map((s) => (s.kind === 'feedback' || s.kind === 'deep_dive_1' ? { ...s, heldOn: s.plannedOn } : s));
    const t = timeline(sessions, '2026-06-01');
    expect(t.held).toBe(2);
    expect(t.current).toBe('deep_dive_2');
    expect(t.stage).toBe('Second deep dive (3 of 7)');
    // Second deep dive (27 April) and working group (25 May) are past; the reference group (8 June) is due.
    expect(t.steps.filter((s) => s.state === 'overdue').map((s) => s.kind)).toEqual(['deep_dive_2', 'working_group']);
    expect(t.steps.find((s) => s.kind === 'reference_group')?.state).toBe('due');
    const done = timeline(plan.map((s) => ({ ...s, heldOn: s.plannedOn })), '2027-06-01');
    expect(done).toMatchObject({ current: null, stage: 'Cycle complete', held: 7, overdue: 0 });
    expect(timeline([], '2026-01-01').stage).toBe('Not started');
  });
});
