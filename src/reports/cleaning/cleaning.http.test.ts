import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { client, createTestApp, type TestApp } from '../../http/testing.ts';
import { getInstrument, mulberry32, syntheticAnswers } from '../../instruments/index.ts';
import { makeStaff, signedIn } from '../../programme/staff/testing.ts';
import { excludedResponseIds } from './index.ts';

describe.each(engines)('cleaning before analysis on %s', (dialect) => {
  let t: TestApp;
  let waveId: string;
  let ids: Record<string, string>;
  let researcher: { email: string; secret: string };
  let lead: { email: string; secret: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme, survey } = t.services;
    const la = await programme.addLa({ name: 'Cleanfield Council', nation: 'england', onsCode: 'E06000777' });
    const wave = await programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-8-11': 50, 'ylyc-11-17': 50 }, opensOn: '2026-02-01', closesOn: '2026-03-01' });
    waveId = wave.id;
    const rng = mulberry32(7);
    const inst = getInstrument('ylyc-11-17')!;
    const full = (() => {
      for (;;) {
        const a = syntheticAnswers(inst, rng).answers;
        if (Object.keys(a).length > 20) return a;
      }
    })();
    const rec = async (over: Record<string, unknown>) =>
      (await survey.recordResponse({ waveId, instrumentId: 'ylyc-11-17', answers: full, completedAt: '2026-02-10T10:00:00.000Z', channel: 'online', ...over })).id;
    ids = {
      first: await rec({}),
      again: await rec({ completedAt: '2026-02-11T10:00:00.000Z' }),
      paper: await rec({ completedAt: '2026-02-12T10:00:00.000Z', channel: 'paper' }),
      test: await rec({ answers: syntheticAnswers(inst, rng).answers, freeText: { anything_else: 'testing testing' } }),
      empty: await rec({ answers: {} }),
      fine: await rec({ answers: syntheticAnswers(getInstrument('ylyc-8-11')!, rng).answers, instrumentId: 'ylyc-8-11' }),
    };
    await programme.closeWave(waveId);
    researcher = await makeStaff(t.conn.db, t.clock, 'researcher@programme.example', [{ role: 'programme_researcher', laId: null }]);
    lead = await makeStaff(t.conn.db, t.clock, 'lead@cleanfield.example', [{ role: 'la_lead', laId: la.id }]);
  });
  afterAll(() => t.close());

  it('lists each suspect with the reason, without any free text', async () => {
    const c = await signedIn(t.app, t.clock, researcher);
    const page = await c.get(`/staff/waves/${waveId}/cleaning`);
    expect(page.status).toBe(200);
    for (const k of ['again', 'paper', 'test', 'empty']) expect(page.body).toContain(`r-${ids[k]}`);
    for (const k of ['first', 'fine']) expect(page.body).not.toContain(`r-${ids[k]}`);
    expect(page.body).toContain('a paper and an online copy of the same form');
    expect(page.body).not.toContain('testing testing');
  });

  it('records decisions with a reason, deletes nothing, and counts exclusions', async () => {
    t.clock.advance(31_000);
    const c = await signedIn(t.app, t.clock, researcher);
    await c.get(`/staff/waves/${waveId}/cleaning`);
    const noReason = await c.submit(`/staff/waves/${waveId}/cleaning/${ids['again']}`, { decision: 'exclude', note: '' });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toContain('govuk-error-summary');
    expect((await c.submit(`/staff/waves/${waveId}/cleaning/${ids['again']}`, { decision: 'exclude', note: 'double submission' })).status).toBe(303);
    await c.get(`/staff/waves/${waveId}/cleaning`);
    expect((await c.submit(`/staff/waves/${waveId}/cleaning/${ids['paper']}`, { decision: 'keep', note: 'a different young person, checked the scan' })).status).toBe(303);
    await c.get(`/staff/waves/${waveId}/cleaning`);
    expect((await c.submit(`/staff/waves/${waveId}/cleaning/${ids['fine']}`, { decision: 'exclude', note: 'not a suspect' })).status).toBe(404);
    expect(await excludedResponseIds(t.conn.db, waveId)).toEqual(new Set([ids['again']]));
    const summary = await t.services.cleaning.summary(waveId);
    expect(summary).toMatchObject({ responses: 6, suspected: 4, undecided: 2, excludedTotal: 1 });
    expect(summary.excluded.duplicate).toBe(1);
    const stored = await t.conn.db.selectFrom('responses').select('id').where('wave_id', '=', waveId).execute();
    expect(stored).toHaveLength(6);
  });

  it('is for programme researchers only, and only once a wave has closed', async () => {
    const c = await signedIn(t.app, t.clock, lead);
    expect((await c.get(`/staff/waves/${waveId}/cleaning`)).status).toBe(404);
    const open = await t.services.programme.openWave({ laId: (await t.services.programme.findLa('Cleanfield Council'))!.id, survey: 'ylbc', eligible: { 'ylbc-16-25': 10 }, opensOn: '2026-02-01', closesOn: '2026-03-01' });
    t.clock.advance(31_000);
    const r = await signedIn(t.app, t.clock, researcher);
    expect((await r.get(`/staff/waves/${open.id}/cleaning`)).status).toBe(409);
    expect((await client(t.app).get(`/staff/waves/${waveId}/cleaning`)).location).toMatch(/^\/staff\/sign-in/);
  });
});
