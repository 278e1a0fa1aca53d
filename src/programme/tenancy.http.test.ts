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

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme } = t.services;
    const a = await programme.addLa({ name: 'Aldermoor Metropolitan Borough', nation: 'england', onsCode: 'E08000901' });
    await programme.addLa({ name: 'Brackenfield Council', nation: 'england', onsCode: 'E06000902' });
    const wave = await programme.openWave({ laId: a.id, survey: 'ylyc', eligible: { 'ylyc-8-11': 30 }, opensOn: '2026-03-01', closesOn: '2026-04-30', title: 'Aldermoor secret wave title' });
    targetWaveId = wave.id;
    const lead = await makeStaff(t.conn.db, t.clock, 'lead@aldermoor.example', [{ role: 'la_lead', laId: a.id }]);
    targetLead = lead.id;
    secrets = [a.name, wave.title, wave.linkCode, wave.id, a.id, 'lead@aldermoor.example'];
    params = { laId: a.id, waveId: wave.id, id: lead.id, action: 'disable', token: 'not-a-token' };
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
    expect((await t.services.accounts.listAccounts()).some((a) => a.email === 'h@x.example')).toBe(false);
  });
});
