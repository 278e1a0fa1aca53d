/** The cycle repository on SQLite and PostgreSQL: one cycle per plan with its seven sessions, sessions saved, the review, the register and the practice bank by indicator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { createTestApp, type TestApp } from '../../http/testing.ts';
import { actionsRepository } from '../actions.repository.ts';
import type { IndicatorOption } from '../plan.ts';
import { publishedWave } from '../testing.ts';
import { cycleRepository } from './cycle.repository.ts';
import { SESSION_KINDS } from './cycle.ts';

describe.each(engines)('New Belongings Plus repository on %s', (dialect) => {
  let t: TestApp;
  let waveId: string;
  let laId: string;
  const at = '2026-03-02T10:00:00.000Z';
  const indicator: IndicatorOption = { id: 'ylbc-16-25.safe_at_home.positive', ref: { instrumentId: 'ylbc-16-25', questionId: 'safe_at_home', measure: 'positive' }, label: 'Feels safe', figure: { shown: true, count: 30, base: 50, proportion: 0.6, lower: 0.46, upper: 0.72 }, better: 'higher' };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { wave } = await publishedWave(t.conn.db, t.services.programme, t.services.reports);
    waveId = wave.id;
    laId = wave.laId;
  }, 120_000);
  afterAll(() => t.close());

  it('switches a plan on once, with its seven sessions, and saves a session', async () => {
    const repo = cycleRepository(t.conn.db);
    const { plan } = await actionsRepository(t.conn.db).createPlan(laId, waveId, 1, at);
    const [a, b] = await Promise.all([repo.start({ planId: plan.id, laId, waveId }, '2026-01-05', 'lead@example.org', at), repo.start({ planId: plan.id, laId, waveId }, '2026-01-05', 'lead@example.org', at)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await repo.cycleOf(plan.id)).toMatchObject({ laId, waveId, startedOn: '2026-01-05' });
    const sessions = await repo.sessions(plan.id);
    expect(sessions.map((s) => s.kind).sort()).toEqual([...SESSION_KINDS].sort());
    await repo.saveSession(plan.id, 'deep_dive_1', { topic: 'Feeling safe', plannedOn: '2026-02-16', heldOn: '2026-02-20', attendees: [{ role: 'Personal adviser', organisation: 'Leaving care', count: 2 }], youngPeople: 4, notes: 'n', decisions: 'd', actionIds: ['x'] }, 'lead@example.org', at);
    const dive = (await repo.sessions(plan.id)).find((s) => s.kind === 'deep_dive_1');
    expect(dive).toMatchObject({ topic: 'Feeling safe', heldOn: '2026-02-20', youngPeople: 4, attendees: [{ role: 'Personal adviser', organisation: 'Leaving care', count: 2 }], actionIds: ['x'] });
    expect((await repo.allCycles()).map((c) => c.planId)).toEqual([plan.id]);
  });

  it('keeps the review with feedback, and one register per LA', async () => {
    const repo = cycleRepository(t.conn.db);
    const plan = (await actionsRepository(t.conn.db).planOfWave(waveId))!;
    await repo.saveAnswers(plan.id, laId, { council: { score: 1, evidence: '' } }, 'lead@example.org', at);
    await repo.saveAnswers(plan.id, laId, { council: { score: 3, evidence: 'Monthly' } }, 'lead@example.org', at);
    await repo.saveFeedback(plan.id, 'Well done', ['x'], 'researcher@example.org', at);
    expect(await repo.review(plan.id)).toMatchObject({ answers: { council: { score: 3, evidence: 'Monthly' } }, feedback: 'Well done', actionIds: ['x'], feedbackBy: 'researcher@example.org' });
    await repo.saveReferenceGroup(laId, { youngPeople: 6, roles: [{ role: 'Chair', count: 1 }], involvement: 'i', reward: 'r', meets: 'm' }, 'lead@example.org', at);
    await repo.saveReferenceGroup(laId, { youngPeople: 9, roles: [], involvement: 'i', reward: 'r', meets: 'Monthly' }, 'lead@example.org', at);
    expect(await repo.referenceGroup(laId)).toMatchObject({ youngPeople: 9, roles: [], meets: 'Monthly' });
  });

  it('publishes an action to the practice bank once and finds it by indicator', async () => {
    const repo = cycleRepository(t.conn.db);
    const actions = actionsRepository(t.conn.db);
    const plan = (await actions.planOfWave(waveId))!;
    const actionId = await actions.addAction(plan, { what: 'A welcome visit', findings: ['f'], indicator, target: 0.7, byWave: 1, ownerRole: 'Manager', ownerTeam: 'Leaving care', partners: '', dueOn: '2026-12-31', status: 'done', involvementGroup: 'care_leavers_forum', involvementHow: 'Chose it' }, at);
    const example = { actionId, planId: plan.id, laId, indicatorKey: indicator.id, indicatorLabel: indicator.label, title: 'A welcome visit', summary: 'A visit', shownAs: 'a county council in the North West', consentFrom: 'Head of service', consentOn: '2026-03-01', outcome: { state: 'awaiting' } as const };
    expect(await repo.publishExample(example, 'researcher@example.org', at)).not.toBeNull();
    expect(await repo.publishExample(example, 'researcher@example.org', at)).toBeNull();
    expect((await repo.examples(indicator.id)).map((e) => e.shownAs)).toEqual(['a county council in the North West']);
    expect((await repo.examples(indicator.id))[0]?.outcome).toEqual({ state: 'awaiting' });
    expect(await repo.examples('ylbc-16-25.other.positive')).toEqual([]);
  });
});
