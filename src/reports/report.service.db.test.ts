/** The report service on both engines: closed waves only, tenancy, the national comparator, change, and cleaning's exclusions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Connection } from '../db/index.ts';
import { engines, openTestDb } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import type { Actor, LocalAuthority, Wave } from '../programme/index.ts';
import { createServices, type Services } from '../services.ts';
import { seedWave } from './testing.ts';

const actor = (grants: Actor['grants']): Actor => ({ accountId: `acc-${grants.map((g) => g.role).join('-')}`, email: 'someone@example.org', name: 'Someone', grants });

describe.each(engines)('report service on %s', (dialect) => {
  let conn: Connection;
  let s: Services;
  let la: LocalAuthority;
  let other: LocalAuthority;
  let wave: Wave;
  let previous: Wave;
  let open: Wave;
  let ids: string[];
  const admin = actor([{ role: 'programme_researcher', laId: null }]);

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    s = createServices(conn.db, conn.dialect, loadConfig({ NODE_ENV: 'test' }), fixedClock('2026-03-02T10:00:00.000Z'));
    const add = (name: string, code: string) => s.programme.addLa({ name, nation: 'england', onsCode: code });
    la = await add('Reportham Council', 'E06000801');
    other = await add('Elsewhere Council', 'E06000802');
    const third = await add('Thirdshire Council', 'E06000803');
    const fourth = await add('Fourthby Council', 'E06000804');
    const fifth = await add('Longago Council', 'E06000805');
    previous = (await seedWave(conn.db, s.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 40 }, seed: 1, opensOn: '2025-01-06', closesOn: '2025-02-28' })).wave;
    ({ wave, ids } = await seedWave(conn.db, s.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 60 }, seed: 2, outlook: 0.5 }));
    for (const [i, l] of [other, third, fourth].entries()) await seedWave(conn.db, s.programme, l, { survey: 'ylbc', responses: { 'ylbc-16-25': 80 }, seed: 10 + i });
    // Closed 30 months before the report: outside the 24-month window.
    const old = await seedWave(conn.db, s.programme, fifth, { survey: 'ylbc', responses: { 'ylbc-16-25': 50 }, seed: 20 });
    await conn.db.updateTable('waves').set({ closed_at: '2023-09-01T00:00:00.000Z' }).where('id', '=', old.wave.id).execute();
    open = (await seedWave(conn.db, s.programme, la, { survey: 'ylyc', responses: { 'ylyc-8-11': 12 }, seed: 3, close: false })).wave;
  });
  afterAll(() => conn.close());

  it('builds the findings of a closed wave against other LAs closed in the last 24 months, with change since the previous wave', async () => {
    const r = await s.reports.buildReport(admin, wave.id);
    expect(r.la.id).toBe(la.id);
    expect(r.generatedAt).toBe('2026-03-02T10:00:00.000Z');
    expect(r.findings.survey).toBe('ylbc');
    expect(r.findings.instruments[0]?.profile.respondents).toBe(60);
    // Three other LAs in the window; the LA itself and the one closed 30 months ago are left out.
    expect(r.findings.comparator).toEqual({ authorities: 3, respondents: 240, usable: true });
    expect(r.previousWave).toEqual({ id: previous.id, title: previous.title });
    expect(r.findings.instruments[0]?.change?.length).toBeGreaterThan(0);
  });

  it('reports only closed or reported waves', async () => {
    await expect(s.reports.buildReport(admin, open.id)).rejects.toMatchObject({ code: 'conflict' });
    await s.programme.setStatus(previous.id, 'reported');
    await expect(s.reports.buildReport(admin, previous.id)).resolves.toMatchObject({ wave: { id: previous.id } });
  });

  it("shows a published wave to its own LA's roles and programme roles, and answers anyone else as if it did not exist", async () => {
    await expect(s.reports.buildReport(actor([{ role: 'la_viewer', laId: la.id }]), wave.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await s.reports.publish(admin, wave.id, 'First publication')).toMatchObject({ ok: true });
    for (const role of ['la_lead', 'la_viewer', 'la_safeguarding'] as const) {
      await expect(s.reports.buildReport(actor([{ role, laId: la.id }]), wave.id)).resolves.toMatchObject({ wave: { id: wave.id } });
      await expect(s.reports.buildReport(actor([{ role, laId: other.id }]), wave.id)).rejects.toMatchObject({ code: 'not_found' });
    }
    await expect(s.reports.buildReport(actor([]), wave.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(s.reports.buildReport(admin, 'no-such-wave')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('leaves out responses researchers excluded when cleaning, and says how many', async () => {
    const [first, second] = ids;
    for (const id of [first, second]) {
      await conn.db
        .insertInto('response_reviews')
        .values({ response_id: id ?? '', wave_id: wave.id, reason: 'duplicate', decision: 'exclude', note: 'double submission', decided_by: 'r@example.org', decided_at: '2026-03-02T09:00:00.000Z' })
        .execute();
    }
    const r = await s.reports.buildReport(admin, wave.id, 'draft');
    expect(r.findings.instruments[0]?.profile.respondents).toBe(58);
    expect(r.excludedResponses).toBe(2);
  });

  it('audits views and downloads', async () => {
    await s.reports.downloadReport(admin, wave.id, 'json');
    const entries = await conn.db.selectFrom('audit_log').select(['action', 'target', 'detail']).where('target', '=', wave.id).execute();
    expect(entries.map((e) => e.action)).toContain('report.viewed');
    expect(entries.find((e) => e.action === 'report.downloaded')?.detail).toContain('json');
  });
  it("compares care leavers with the LA's children in care from its latest finished wave of the other survey", async () => {
    // The draft (the published version 1 is a snapshot from before the children's wave closed).
    expect((await s.reports.buildReport(admin, wave.id, 'draft')).otherSurveyWave).toBeUndefined();
    const children = (await seedWave(conn.db, s.programme, la, { survey: 'ylyc', responses: { 'ylyc-11-17': 70 }, seed: 4, opensOn: '2025-10-06', closesOn: '2025-11-28' })).wave;
    const r = await s.reports.buildReport(admin, wave.id, 'draft');
    expect(r.otherSurveyWave).toEqual({ id: children.id, title: children.title });
    expect(r.findings.careLeavers?.rows.length).toBeGreaterThan(0);
    // And the other way round: the children's report compares with this LA's care leavers.
    expect((await s.reports.buildReport(admin, children.id, 'draft')).otherSurveyWave?.id).toBe(wave.id);
    expect((await s.reports.buildReport(admin, wave.id)).otherSurveyWave).toBeUndefined();
  });
});
