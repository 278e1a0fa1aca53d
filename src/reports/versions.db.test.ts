/** Publishing report versions on both engines: numbering, the 10-response rule, immutability in the database, and who sees what. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Connection } from '../db/index.ts';
import { engines, openTestDb } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import type { Actor, LocalAuthority, Wave } from '../programme/index.ts';
import { createServices, type Services } from '../services.ts';
import { addResponses, seedWave } from './testing.ts';

const actor = (grants: Actor['grants']): Actor => ({ accountId: `acc-${grants.map((g) => g.role).join('-')}`, email: 'someone@example.org', name: 'Someone', grants });

describe.each(engines)('report versions on %s', (dialect) => {
  let conn: Connection;
  let s: Services;
  let clock: ReturnType<typeof fixedClock>;
  let la: LocalAuthority;
  let wave: Wave;
  const researcher = actor([{ role: 'programme_researcher', laId: null }]);
  let lead: Actor;

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    clock = fixedClock('2026-03-02T10:00:00.000Z');
    s = createServices(conn.db, conn.dialect, loadConfig({ NODE_ENV: 'test' }), clock);
    la = await s.programme.addLa({ name: 'Versionby Council', nation: 'england', onsCode: 'E06000831' });
    wave = (await seedWave(conn.db, s.programme, la, { survey: 'ylyc', responses: { 'ylyc-8-11': 40, 'ylyc-11-17': 50 }, seed: 4 })).wave;
    lead = actor([{ role: 'la_lead', laId: la.id }]);
  });
  afterAll(() => conn.close());

  it('shows LA staff nothing before the first publication, and publishers the draft', async () => {
    const page = await s.reports.reportPage(lead, wave.id);
    expect(page.report).toBeNull();
    expect(page.versions).toEqual([]);
    await expect(s.reports.downloadReport(lead, wave.id, 'json')).rejects.toMatchObject({ code: 'not_found' });
    await expect(s.reports.downloadReport(lead, wave.id, 'json', 'draft')).rejects.toMatchObject({ code: 'not_found' });
    const draft = await s.reports.reportPage(researcher, wave.id);
    expect(draft.report?.version).toBeNull();
    expect(draft.check).toEqual({ ok: true, nextNumber: 1, closest: null });
  });

  it('only programme administrators and researchers publish, with a reason', async () => {
    await expect(s.reports.publish(lead, wave.id, 'first')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(s.reports.publish(actor([{ role: 'la_lead', laId: 'another-la' }]), wave.id, 'first')).rejects.toMatchObject({ code: 'not_found' });
    expect(await s.reports.publish(researcher, wave.id, '   ')).toMatchObject({ ok: false, problem: 'note_required' });
    expect(await conn.db.selectFrom('report_versions').select('id').execute()).toEqual([]);
  });

  it('publishes version 1 as an exact snapshot, marks the wave reported and keeps its close date', async () => {
    const draft = await s.reports.buildReport(researcher, wave.id, 'draft');
    clock.advance(60_000);
    const out = await s.reports.publish(researcher, wave.id, 'First publication');
    expect(out).toEqual({ ok: true, version: { number: 1, publishedAt: '2026-03-02T10:01:00.000Z', responses: 90, note: 'First publication' } });
    const after = await s.programme.findWave(wave.id);
    expect(after?.status).toBe('reported');
    expect(after?.closedAt).toBe(wave.closedAt);
    const seen = await s.reports.buildReport(lead, wave.id);
    expect(seen.version).toEqual({ number: 1, publishedAt: '2026-03-02T10:01:00.000Z' });
    // The snapshot is the report as computed: every figure survives the JSON round trip.
    expect(seen.findings).toEqual(draft.findings);
    expect(seen.generatedAt).toBe('2026-03-02T10:01:00.000Z');
    const audit = await conn.db.selectFrom('audit_log').select(['action', 'actor_id', 'detail']).where('action', '=', 'report.published').execute();
    expect(audit).toEqual([{ action: 'report.published', actor_id: researcher.accountId, detail: expect.stringContaining('"version":1') as unknown }]);
  });

  it('refuses version 2 while fewer than 10 responses separate it, saying how many', async () => {
    await addResponses(conn.db, wave, { 'ylyc-11-17': 9 }, 41);
    const out = await s.reports.publish(researcher, wave.id, 'Late paper returns');
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.problem).toBe('too_close');
      expect(out.message).toContain('Only 9 responses separate this draft from version 1');
    }
    const page = await s.reports.reportPage(researcher, wave.id, 'draft');
    expect(page.check).toMatchObject({ ok: false, nextNumber: 2 });
    expect((await s.reports.reportPage(lead, wave.id)).report?.version?.number).toBe(1);
  });

  it('refuses when an age group changed by fewer than 10, then publishes version 2 at exactly 10 in each', async () => {
    await addResponses(conn.db, wave, { 'ylyc-11-17': 1, 'ylyc-8-11': 3 }, 42);
    const uneven = await s.reports.publish(researcher, wave.id, 'Late paper returns');
    expect(uneven.ok).toBe(false);
    if (!uneven.ok) expect(uneven.message).toContain('Ages 8 to 11: 3');
    await addResponses(conn.db, wave, { 'ylyc-8-11': 7 }, 43);
    const out = await s.reports.publish(researcher, wave.id, 'Late paper returns');
    expect(out).toMatchObject({ ok: true, version: { number: 2, responses: 110 } });
    expect((await s.reports.reportPage(lead, wave.id)).versions.map((v) => [v.number, v.responses])).toEqual([[2, 110], [1, 90]]);
    const one = await s.reports.buildReport(lead, wave.id, 1);
    expect(one.version?.number).toBe(1);
    expect(one.findings.instruments.reduce((a, i) => a + i.profile.respondents, 0)).toBe(90);
    await expect(s.reports.buildReport(lead, wave.id, 3)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses to change or delete a published version in the database itself', async () => {
    await expect(conn.db.updateTable('report_versions').set({ note: 'changed' }).execute()).rejects.toThrow(/append-only/);
    await expect(conn.db.deleteFrom('report_versions').execute()).rejects.toThrow(/append-only/);
    await expect(conn.db.insertInto('report_versions').values({ id: 'dup', wave_id: wave.id, number: 2, published_at: '2026-03-03T00:00:00.000Z', published_by: null, responses: 1, response_ids: '{}', report: '{}', note: 'x' }).execute()).rejects.toThrow();
    const rows = await conn.db.selectFrom('report_versions').select(['number', 'note']).orderBy('number').execute();
    expect(rows.map((r) => [Number(r.number), r.note])).toEqual([[1, 'First publication'], [2, 'Late paper returns']]);
  });

  it('lets only one of two simultaneous publications through, refusing the other with a clear conflict', async () => {
    const other = (await seedWave(conn.db, s.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 30 }, seed: 5 })).wave;
    const results = await Promise.allSettled([s.reports.publish(researcher, other.id, 'First publication'), s.reports.publish(researcher, other.id, 'First publication')]);
    const published = results.filter((r) => r.status === 'fulfilled' && r.value.ok);
    expect(published).toHaveLength(1);
    for (const r of results.filter((x) => !(x.status === 'fulfilled' && x.value.ok))) {
      // Whichever way the race ran: a conflict refusal, or the "same as version 1" refusal.
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'conflict' });
      else expect(r.value).toMatchObject({ ok: false, problem: 'too_close' });
    }
    expect(await conn.db.selectFrom('report_versions').select('number').where('wave_id', '=', other.id).execute()).toHaveLength(1);
  });

  it('publishes from the command line as an operator, audited without an actor', async () => {
    await addResponses(conn.db, wave, { 'ylyc-8-11': 10, 'ylyc-11-17': 10 }, 44);
    expect(await s.reports.operatorPublish(wave.id, 'Operator run')).toMatchObject({ ok: true, version: { number: 3, responses: 130 } });
    const entry = await conn.db.selectFrom('audit_log').select(['actor_id', 'detail']).where('action', '=', 'report.published').where('actor_id', 'is', null).executeTakeFirst();
    expect(entry?.detail).toContain('"via":"cli"');
  });
});
