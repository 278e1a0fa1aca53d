/**
 * Tenant isolation, proven over every staff route: each role of one local authority calls every route
 * with another LA's ids in the URL. Nothing of the other LA may appear in any answer, and nothing of it
 * may change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { LA_ROLES } from './roles.ts';
import { makeStaff, signedIn } from './staff/testing.ts';

// Pages anyone may open signed out (they hold nothing of any LA).
const PUBLIC = new Set(['/staff/sign-in', '/staff/sign-in/code', '/staff/setup/:token', '/staff/second-factor', '/staff/forgot-password', '/staff/sign-out', '/staff/sign-out-everywhere']);

describe.each(engines)('tenant isolation on %s', (dialect) => {
  let t: TestApp;
  let secrets: string[];
  let params: Record<string, string>;
  let targetLead: string;
  let targetWaveId: string;
  let targetLaId: string;

  beforeAll(async () => {
    // Every staff route as every role is hundreds of requests from one address within a minute: the
    // rate limit (tested on its own) would answer 429 before the tenancy rule is reached.
    t = await createTestApp(dialect, { RATE_LIMIT_PER_MINUTE: '100000' });
    const { programme } = t.services;
    const a = await programme.addLa({ name: 'Aldermoor Metropolitan Borough', nation: 'england', onsCode: 'E08000901' });
    await programme.addLa({ name: 'Brackenfield Council', nation: 'england', onsCode: 'E06000902' });
    const wave = await programme.openWave({ laId: a.id, survey: 'ylyc', eligible: { 'ylyc-8-11': 30 }, opensOn: '2026-03-01', closesOn: '2026-04-30', title: 'Aldermoor secret wave title', prizeDraw: true });
    targetWaveId = wave.id;
    const lead = await makeStaff(t.conn.db, t.clock, 'lead@aldermoor.example', [{ role: 'la_lead', laId: a.id }]);
    targetLead = lead.id;
    targetLaId = a.id;
    // Planning and the prize draw: a safeguarding contact and a prize entry of LA A, named so that a leak would show.
    const leadActor = { accountId: lead.id, email: lead.email, name: 'lead', grants: [{ role: 'la_lead' as const, laId: a.id }] };
    const added = await t.services.planning.addContact(leadActor, a.id, { contactName: 'Quillon Aldermoor-Contact', contactRole: 'Safeguarding manager', contactEmail: 'quillon@aldermoor.example', contactPhone: '01632 960 001' });
    if (!added.ok) throw new Error('contact not added');
    await t.services.prizeDraw.enter(wave, { firstName: 'Zephyrine', contactMethod: 'email', contact: 'zephyrine@aldermoor.example' });
    secrets = [a.name, wave.title, wave.linkCode, wave.id, a.id, 'lead@aldermoor.example'];
    params = { laId: a.id, waveId: wave.id, id: lead.id, action: 'disable', token: 'not-a-token' };
    secrets.push('Quillon Aldermoor-Contact', 'quillon@aldermoor.example', added.contact.id, 'Zephyrine', 'zephyrine@aldermoor.example');
    Object.assign(params, { contactId: added.contact.id, survey: 'ylyc' });
    // The participation tracker: one young person of LA A, with an access code.
    const entry = await t.services.participation.save(leadActor, wave.id, { reference: 'ALD-4711-SECRET', ageBand: '8-11', team: 'Aldermoor Secret Team' });
    if (!entry.ok) throw new Error('tracker entry not added');
    await t.services.participation.generateCodes(leadActor, wave.id, 'missing');
    secrets.push('ALD-4711-SECRET', 'Aldermoor Secret Team', entry.entry.id);
    Object.assign(params, { entryId: entry.entry.id });
    // Safeguarding: a young person's worrying comment in LA A, disclosed to LA A.
    const response = await t.services.survey.recordResponse({ waveId: wave.id, instrumentId: 'ylyc-8-11', answers: {}, freeText: { anything_else: 'Xanthippe says he hits me when hes drunk' }, completedAt: '2026-03-02T09:00:00.000Z', channel: 'online' });
    await t.services.safeguarding.screenComments(response.id);
    const comment = await t.conn.db.selectFrom('response_comments').select('id').where('response_id', '=', response.id).executeTakeFirstOrThrow();
    const reviewer = await makeStaff(t.conn.db, t.clock, 'reviewer@programme.example', [{ role: 'programme_safeguarding', laId: null }]);
    const decided = await t.services.safeguarding.decide({ accountId: reviewer.id, email: reviewer.email, name: 'reviewer', grants: [{ role: 'programme_safeguarding', laId: null }] }, comment.id, { decision: 'concern', note: 'disclose' });
    if (!decided.ok) throw new Error('not decided');
    const disclosure = await t.conn.db.selectFrom('safeguarding_disclosures').select('id').where('comment_id', '=', comment.id).executeTakeFirstOrThrow();
    secrets.push('Xanthippe', response.id, comment.id, disclosure.id);
    Object.assign(params, { commentId: comment.id, disclosureId: disclosure.id });
  });
  afterAll(() => t.close());

  it.each(LA_ROLES)('a %s of another LA gets nothing of it from any staff route', async (role) => {
    const laB = (await t.services.programme.findLa('Brackenfield Council'))!;
    const me = await makeStaff(t.conn.db, t.clock, `${role}@brackenfield.example`, [{ role, laId: laB.id }]);
    const c = await signedIn(t.app, t.clock, me);
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/staff') && !PUBLIC.has(r.url) && (r.method === 'GET' || r.method === 'POST'));
    expect(routes.length).toBeGreaterThan(8);
    for (const r of routes) {
      const url = r.url.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? 'x');
      await c.get('/staff');
      const res = r.method === 'GET' ? await c.get(url) : await c.submit(url, { name: 'Hijack', email: 'h@x.example', role: 'la_lead', laId: params['laId']!, nation: 'england', onsCode: 'E06000999' });
      for (const s of secrets) expect(res.body, `${r.method} ${url} leaked ${s}`).not.toContain(s);
      expect([200, 303, 403, 404], `${r.method} ${url}`).toContain(res.status);
      if (res.status === 200) expect(r.method === 'GET' ? url : '', 'only pages about their own LA may succeed').toMatch(/^\/staff(\/(sign-in|las\/|waves\/))?/);
    }
    // Nothing of LA A changed.
    expect((await t.services.programme.findWave(targetWaveId))?.status).toBe('open');
    expect((await t.services.accounts.findAccount(targetLead))?.status).toBe('active');
    expect((await t.services.planning.settingsOf(targetLaId)).contacts.map((c) => c.name)).toEqual(['Quillon Aldermoor-Contact']);
    expect((await t.services.planning.settingsOf(targetLaId)).settings.updatedAt).toBeNull();
    expect((await t.services.programme.findWave(targetWaveId))?.title).toBe('Aldermoor secret wave title');
    expect((await t.services.accounts.listAccounts()).some((a) => a.email === 'h@x.example')).toBe(false);
    expect(await t.services.participation.trackerCounts(targetWaveId)).toEqual({ total: 1, byStatus: expect.objectContaining({ not_planned: 1 }) as unknown });
    expect((await t.conn.db.selectFrom('access_codes').selectAll().where('wave_id', '=', targetWaveId).execute()).map((c) => c.replaced_on)).toEqual([null]);
    expect((await t.conn.db.selectFrom('safeguarding_disclosures').select('acknowledged_at').execute()).map((d) => d.acknowledged_at)).toEqual([null]);
  });
});
