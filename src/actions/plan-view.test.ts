/** The dashboard's sessions, pure: where the cycle is, each session's state and words, and the actions by number. */
import { describe, expect, it } from 'vitest';
import type { Session, SessionKind } from './cycle/cycle.ts';
import { defaultPlan } from './cycle/cycle.ts';
import { sessionsView } from './plan-view.ts';

const session = (kind: SessionKind, plannedOn: string, over: Partial<Session> = {}): Session => ({ id: kind, planId: 'p', kind, topic: '', plannedOn, heldOn: null, attendees: [], youngPeople: 0, notes: '', decisions: '', actionIds: [], updatedAt: '2026-01-01T00:00:00.000Z', ...over });

describe('the progress dashboard’s sessions', () => {
  const planned = defaultPlan('2026-01-05');
  const sessions = planned.map((p) =>
    p.kind === 'feedback'
      ? session(p.kind, p.plannedOn, { heldOn: '2026-01-20', attendees: [{ role: 'Head of service', organisation: 'The council', count: 1 }], youngPeople: 1, decisions: 'Two deep dives', actionIds: ['b', 'gone', 'a'] })
      : session(p.kind, p.plannedOn),
  );

  it('says where the cycle is, what was held, what is overdue by how long and what is due soon', () => {
    // 17 February: the first deep dive (16 February) is a day overdue; the second (2 March) is due soon.
    const v = sessionsView({ startedOn: '2026-01-05', sessions }, '2026-02-17', new Map([['a', 1], ['b', 2]]));
    expect(v).toMatchObject({ startedOn: '2026-01-05', stage: 'First deep dive (2 of 7)', held: 1, overdue: 1, due: 1, total: 7 });
    expect(v.rows.map((r) => r.state)).toEqual(['held', 'overdue', 'due', 'planned', 'planned', 'planned', 'planned']);
    expect(v.rows[0]).toMatchObject({ title: 'Feedback session on the report', held: '2026-01-20', when: 'Held on 2026-01-20', who: '1 × Head of service, The council; 1 young person', decisions: 'Two deep dives', actions: 'Action 1, Action 2', stateText: 'Held' });
    expect(v.rows[1]).toMatchObject({ when: 'Overdue by 1 day', held: 'Not held', who: '', stateTag: 'govuk-tag--red' });
    expect(v.rows[2]?.when).toBe('Due soon (2026-03-02)');
    expect(v.rows[3]?.when).toBe('Planned for 2026-03-30');
  });

  it('counts days overdue in the plural and calls a cycle with every session held complete', () => {
    expect(sessionsView({ startedOn: '2026-01-05', sessions }, '2026-02-19', new Map()).rows[1]?.when).toBe('Overdue by 3 days');
    const all = sessions.map((s) => ({ ...s, heldOn: s.plannedOn }));
    expect(sessionsView({ startedOn: '2026-01-05', sessions: all }, '2027-01-01', new Map())).toMatchObject({ stage: 'Cycle complete', held: 7, overdue: 0, due: 0 });
  });
});
