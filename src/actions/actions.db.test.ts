/** The action plan repository on SQLite and PostgreSQL: one plan per wave, actions with updates, KPIs, and "You said, we did" by its token. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { actionsRepository } from './actions.repository.ts';
import type { IndicatorOption } from './plan.ts';
import type { CheckedAction } from './smart.ts';
import { publishedWave } from './testing.ts';

describe.each(engines)('action plan repository on %s', (dialect) => {
  let t: TestApp;
  let waveId: string;
  let laId: string;
  const indicator: IndicatorOption = { id: 'ylbc-16-25.safe_at_home.positive', ref: { instrumentId: 'ylbc-16-25', questionId: 'safe_at_home', measure: 'positive' }, label: 'Feels safe', figure: { shown: true, count: 30, base: 50, proportion: 0.6, lower: 0.46, upper: 0.72 }, better: 'higher' };
  const action: CheckedAction = { what: 'A safety visit in the first month of every move', findings: ['f1', 'f2'], indicator, target: 0.7, byWave: 2, ownerRole: 'Team manager', ownerTeam: 'Leaving care', partners: 'Housing', dueOn: '2026-12-31', status: 'not_started', involvementGroup: 'care_leavers_forum', involvementHow: 'Chose the topic' };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { wave } = await publishedWave(t.conn.db, t.services.programme, t.services.reports);
    waveId = wave.id;
    laId = wave.laId;
  }, 120_000);
  afterAll(() => t.close());

  it('keeps one plan per wave, on the published version it answers', async () => {
    const repo = actionsRepository(t.conn.db);
    const published = await repo.publishedReport(waveId);
    expect(published?.number).toBe(1);
    expect(published?.report.version?.number).toBe(1);
    const [a, b] = await Promise.all([repo.createPlan(laId, waveId, 1, '2026-03-02T10:00:00.000Z'), repo.createPlan(laId, waveId, 1, '2026-03-02T10:00:00.000Z')]);
    expect(a.plan.id).toBe(b.plan.id);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    expect(a.plan).toMatchObject({ laId, waveId, reportVersion: 1, status: 'draft' });
  });

  it('stores actions with their findings, baseline and updates, and moves the status with an update', async () => {
    const repo = actionsRepository(t.conn.db);
    const plan = (await repo.planOfWave(waveId))!;
    const first = await repo.addAction(plan, action, '2026-03-02T10:00:00.000Z');
    await repo.addAction(plan, { ...action, what: 'Second action for the plan order' }, '2026-03-02T10:00:00.000Z');
    await repo.addUpdate(plan.id, first, { onDate: '2026-04-01', status: 'on_track', note: 'Visits started' }, 'lead@x.example', '2026-04-01T09:00:00.000Z');
    const list = await repo.actions(plan.id);
    expect(list.map((a) => a.position)).toEqual([1, 2]);
    expect(list[0]).toMatchObject({ findings: ['f1', 'f2'], indicator: indicator.ref, baseline: indicator.figure, target: 0.7, byWave: 2, status: 'on_track' });
    expect(list[0]?.updates).toEqual([expect.objectContaining({ onDate: '2026-04-01', status: 'on_track', note: 'Visits started', recordedBy: 'lead@x.example' })]);
  });

  it('adds and removes KPIs, and finds a published "You said, we did" only by its token', async () => {
    const repo = actionsRepository(t.conn.db);
    const plan = (await repo.planOfWave(waveId))!;
    const k1 = await repo.addKpi(plan, { title: 'More feel safe', indicator, target: 0.75 }, '2026-03-02T10:00:00.000Z');
    await repo.addKpi(plan, { title: 'Fewer feel lonely', indicator: { ...indicator, ref: { ...indicator.ref, questionId: 'lonely' } }, target: 0.5 }, '2026-03-02T10:00:00.000Z');
    expect((await repo.kpis(plan.id)).map((k) => k.title)).toEqual(['More feel safe', 'Fewer feel lonely']);
    expect(await repo.removeKpi(plan.id, k1)).toBe(true);
    expect(await repo.removeKpi('another-plan', k1)).toBe(false);
    await repo.saveYouthPage(plan, 'Thank you.', [{ said: 'You said', did: 'We did' }], '2026-03-02T10:00:00.000Z');
    expect(await repo.publishedByToken('token-token-token-token')).toBeUndefined();
    await repo.publishYouthPage(plan.id, 'token-token-token-token', 'lead@x.example', '2026-03-03T10:00:00.000Z');
    await repo.saveYouthPage(plan, 'Thank you again.', [{ said: 'You said', did: 'We did more' }], '2026-03-04T10:00:00.000Z');
    const found = await repo.publishedByToken('token-token-token-token');
    expect(found?.page).toMatchObject({ status: 'published', intro: 'Thank you again.', items: [{ said: 'You said', did: 'We did more' }] });
  });
});
