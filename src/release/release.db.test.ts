/** Data release use cases on both engines: approved text only, cleaning's exclusions, one decision, scopes, the default k. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { getInstrument, mulberry32, syntheticAnswers } from '../instruments/index.ts';
import { newId } from '../lib/ids.ts';
import type { Actor } from '../programme/index.ts';
import { releaseService, type ReleaseService } from './release.service.ts';

describe.each(engines)('data release service on %s', (dialect) => {
  let t: TestApp;
  let waveId: string;
  let laId: string;
  let service: ReleaseService;
  const responseIds: string[] = [];
  const lead = (la: string): Actor => ({ accountId: 'lead-id', email: 'lead@la.example', name: 'Lead', grants: [{ role: 'la_lead', laId: la }] });
  const admin: Actor = { accountId: 'admin-id', email: 'admin@programme.example', name: 'Admin', grants: [{ role: 'programme_admin', laId: null }] };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    laId = (await t.services.programme.addLa({ name: 'Serviceshire', nation: 'england', onsCode: 'E06000333' })).id;
    const wave = await t.services.programme.openWave({ laId, survey: 'ylbc', eligible: { 'ylbc-16-25': 40 }, opensOn: '2026-01-05', closesOn: '2026-02-20' });
    waveId = wave.id;
    const rng = mulberry32(5);
    const inst = getInstrument('ylbc-16-25')!;
    for (let i = 0; i < 24; i++) {
      const id = newId();
      responseIds.push(id);
      const answers = { ...syntheticAnswers(inst, rng).answers, safe_at_home: i % 2 ? 'all_of_the_time' : 'sometimes' };
      await t.conn.db.insertInto('responses').values({ id, wave_id: waveId, instrument_id: 'ylbc-16-25', instrument_version: '1.0.0', channel: 'online', language: 'en', answers: JSON.stringify(answers), completed_at: `2026-02-${String(1 + i).padStart(2, '0')}T12:00:00.000Z`, adult_helped: 0 }).execute();
      await t.conn.db.insertInto('response_comments').values({ id: newId(), response_id: id, question_id: 'anything_else', text: `original words of young person ${i}` }).execute();
    }
    await t.conn.db.insertInto('response_reviews').values({ response_id: responseIds[0]!, wave_id: waveId, reason: 'test', decision: 'exclude', note: 'test entry', decided_by: 'r@x', decided_at: '2026-03-01T00:00:00.000Z' }).execute();
    await t.services.programme.closeWave(waveId);
    service = releaseService({
      db: t.conn.db,
      clock: t.clock,
      programme: t.services.programme,
      audit: t.services.audit,
      defaultK: 5,
      downloadDays: 7,
      t: (key) => t.services.i18n.t('en', key),
      // Two comments approved, one of them on the excluded response.
      approvedText: () => Promise.resolve(new Map([[responseIds[0]!, [{ questionId: 'anything_else', text: 'excluded [name]' }]], [responseIds[1]!, [{ questionId: 'anything_else', text: 'my PA [name] helps' }]]])),
    });
  });
  afterAll(() => t.close());

  it('freezes at approval only the analysed responses and only approved text, at the service default k', async () => {
    const made = await service.request(lead(laId), waveId, 'Looking at care leavers feeling safe at home');
    if (!made.ok) throw new Error('not requested');
    const view = await service.view(admin, made.value);
    if (!view.ok || !view.value.preview) throw new Error('no preview');
    expect(view.value.preview.k).toBe(5);
    expect(view.value.preview.responses).toBe(23);
    expect((await service.approve(admin, made.value, { k: '5', note: 'ok to release', fingerprint: view.value.preview.fingerprint })).ok).toBe(true);
    const file = await service.download(lead(laId), made.value, 'zip');
    const text = file.body.toString('latin1');
    expect(file.body.subarray(0, 4).toString('hex')).toBe('504b0304');
    expect(text).not.toContain('original words');
    const row = await t.conn.db.selectFrom('release_requests').select('snapshot').where('id', '=', made.value).executeTakeFirstOrThrow();
    const snapshot = JSON.parse(row.snapshot!) as { rows: string[][]; columns: string[] };
    const col = snapshot.columns.indexOf('anything_else');
    const texts = snapshot.rows.map((r) => r[col]).filter((c) => c !== '');
    expect(texts).toEqual(['my PA [name] helps']);
    expect(JSON.stringify(snapshot)).not.toContain('excluded [name]');
    expect(JSON.stringify(snapshot)).not.toContain('original words');
    expect(JSON.stringify(snapshot)).not.toContain(responseIds[1]);
  });

  it('records one decision when two approvers act at once', async () => {
    const made = await service.request(lead(laId), waveId, 'A second request to race two approvers');
    if (!made.ok) throw new Error('not requested');
    const view = await service.view(admin, made.value);
    if (!view.ok || !view.value.preview) throw new Error('no preview');
    const fp = view.value.preview.fingerprint;
    const results = await Promise.allSettled([service.approve(admin, made.value, { k: '5', note: 'first', fingerprint: fp }), service.refuse(admin, made.value, 'second')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const audit = (await t.services.audit.list({})).filter((a) => a.target === made.value && (a.action === 'release.approved' || a.action === 'release.refused'));
    expect(audit).toHaveLength(1);
  });

  it('lists each LA lead their own LA\'s requests, and every request to approvers', async () => {
    const other = (await t.services.programme.addLa({ name: 'Elsewhere', nation: 'england', onsCode: 'E06000334' })).id;
    expect((await service.list(lead(other))).requests).toEqual([]);
    expect((await service.list(lead(laId))).requests.length).toBe(2);
    expect((await service.list(admin)).requests.length).toBe(2);
    expect((await service.list(admin)).mayApprove).toBe(true);
    await expect(service.view(lead(other), (await service.list(admin)).requests[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses to start with a default k below 5', () => {
    expect(() => releaseService({ db: t.conn.db, clock: t.clock, programme: t.services.programme, audit: t.services.audit, defaultK: 4, downloadDays: 7, t: (k) => k, approvedText: () => Promise.resolve(new Map()) })).toThrow(/at least 5/);
  });
});
