import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { client, createTestApp, type TestApp } from '../../http/testing.ts';
import { makeStaff, signedIn } from './testing.ts';

describe.each(engines)('staff sign-in over HTTP on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('sets up the first administrator from the first-run link, with a second factor, then signs out', async () => {
    const link = await t.services.accounts.firstRunLink();
    const path = new URL(link!).pathname;
    const c = client(t.app);
    expect((await c.get('/staff')).location).toMatch(/^\/staff\/sign-in/);
    expect((await c.get(path)).status).toBe(200);
    const mismatch = await c.submit(path, { name: 'Ada', email: 'ada@programme.example', password: 'a long and careful passphrase', confirm: 'different' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toContain('govuk-error-summary');
    const ok = await c.submit(path, { name: 'Ada', email: 'ada@programme.example', password: 'a long and careful passphrase', confirm: 'a long and careful passphrase' });
    expect(ok.location).toBe('/staff/second-factor');
    // Half set up: no access to anything yet.
    expect((await c.get('/staff')).location).toMatch(/^\/staff\/sign-in/);
    const enrol = await c.get('/staff/second-factor');
    expect(enrol.body).toContain('<svg');
    const secret = /<code class="bs-secret">([A-Z2-7 ]+)<\/code>/.exec(enrol.body)![1]!.replace(/ /g, '');
    const done = await c.submit('/staff/second-factor', { code: await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }) });
    expect(done.status).toBe(200);
    expect(done.body.match(/<li><code>/g)).toHaveLength(10);
    const home = await c.get('/staff');
    expect(home.status).toBe(200);
    expect(home.body).toContain('Hello, Ada');
    expect((await c.submit('/staff/sign-out')).location).toBe('/staff/sign-in');
    expect((await c.get('/staff')).location).toMatch(/^\/staff\/sign-in/);
    // The link is spent.
    expect((await c.get(path)).status).toBe(404);
  });

  it('refuses a form without its CSRF token', async () => {
    const c = client(t.app);
    await c.get('/staff/sign-in');
    const res = await c.post('/staff/sign-in', { email: 'x@y.z', password: 'whatever-long-enough' });
    expect(res.status).toBe(403);
    expect(res.body).not.toMatch(/at \w+ \(/);
  });

  it('lets an administrator invite an LA lead, which lands in the outbox and the audit log', async () => {
    const admin = await makeStaff(t.conn.db, t.clock, 'admin2@programme.example', [{ role: 'programme_admin', laId: null }]);
    const la = await t.services.programme.addLa({ name: 'Testshire County Council', nation: 'england', onsCode: 'E10000099' });
    const c = await signedIn(t.app, t.clock, admin);
    await c.get('/staff/admin/accounts');
    const bad = await c.submit('/staff/admin/accounts', { name: 'Lee', email: 'not-an-email', role: 'la_lead', laId: la.id });
    expect(bad.status).toBe(422);
    const res = await c.submit('/staff/admin/accounts', { name: 'Lee', email: 'lee@testshire.example', role: 'la_lead', laId: la.id });
    expect(res.location).toBe('/staff/admin/accounts');
    expect(t.services.mailer.outbox().some((m) => m.to === 'lee@testshire.example')).toBe(true);
    const audit = await c.get('/staff/admin/audit');
    expect(audit.body).toContain('account.invited');
    expect(audit.body).toContain('account.signed_in');
  });

  it('lets an administrator add and remove roles of an account, and refuses to remove their own admin role', async () => {
    const admin = await makeStaff(t.conn.db, t.clock, 'admin3@programme.example', [{ role: 'programme_admin', laId: null }]);
    const la = await t.services.programme.addLa({ name: 'Rolesbury Council', nation: 'wales', onsCode: 'W06000099' });
    const other = await makeStaff(t.conn.db, t.clock, 'regional@programme.example', [{ role: 'la_viewer', laId: la.id }]);
    const c = await signedIn(t.app, t.clock, admin);
    expect((await c.get(`/staff/admin/accounts/${other.id}`)).body).toContain('Rolesbury Council');
    expect((await c.submit(`/staff/admin/accounts/${other.id}/roles`, { role: 'la_lead', laId: '' })).status).toBe(422);
    expect((await c.submit(`/staff/admin/accounts/${other.id}/roles`, { role: 'la_lead', laId: la.id })).status).toBe(303);
    await c.get(`/staff/admin/accounts/${other.id}`);
    await c.submit(`/staff/admin/accounts/${other.id}/roles`, { op: 'remove', role: 'la_viewer', laId: la.id });
    const after = (await t.services.accounts.listAccounts()).find((a) => a.id === other.id)!;
    expect(after.grants).toEqual([{ role: 'la_lead', laId: la.id }]);
    await c.get(`/staff/admin/accounts/${admin.id}`);
    expect((await c.submit(`/staff/admin/accounts/${admin.id}/roles`, { op: 'remove', role: 'programme_admin', laId: '' })).status).toBe(409);
    expect((await c.get('/staff/admin/audit')).body).toContain('account.role_granted');
  });

  it('signs out of every device from the home page', async () => {
    const me = await makeStaff(t.conn.db, t.clock, 'twodevices@programme.example', [{ role: 'programme_researcher', laId: null }]);
    const phone = await signedIn(t.app, t.clock, me);
    t.clock.advance(31_000);
    const laptop = await signedIn(t.app, t.clock, me);
    const home = await laptop.get('/staff');
    expect(home.body).toContain('Sign out of every device');
    expect((await laptop.submit('/staff/sign-out-everywhere')).location).toBe('/staff/sign-in');
    expect((await phone.get('/staff')).location).toMatch(/^\/staff\/sign-in/);
  });
});
