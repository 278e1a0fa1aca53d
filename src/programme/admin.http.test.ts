/** The administration page: one menu entry for the administrator's pages, and nothing for anyone else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { makeStaff, signedIn } from './staff/testing.ts';

describe.each(engines)('administration on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('gathers the administrator pages behind one menu entry', async () => {
    const admin = await makeStaff(t.conn.db, t.clock, 'admin@programme.example', [{ role: 'programme_admin', laId: null }]);
    const c = await signedIn(t.app, t.clock, admin);
    const home = await c.get('/staff');
    const menu = /<nav[^>]*aria-label="Staff menu"[\s\S]*?<\/nav>/.exec(home.body)?.[0] ?? '';
    expect(menu).toContain('href="/staff/admin">Administration');
    for (const gone of ['/staff/admin/audit', '/staff/admin/outbox', '/staff/admin/retention', '/staff/admin/las', '/staff/admin/accounts']) expect(menu).not.toContain(`href="${gone}"`);
    const page = await c.get('/staff/admin');
    expect(page.status).toBe(200);
    const links = [...page.body.matchAll(/<h2[^>]*><a class="govuk-link" href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['/staff/admin/las', 'Local authorities'],
      ['/staff/admin/accounts', 'Accounts'],
      ['/staff/admin/audit', 'Audit log'],
      ['/staff/admin/outbox', 'Outbox'],
      ['/staff/admin/retention', 'Retention'],
    ]);
    for (const [href] of links) expect((await c.get(href!)).status).toBe(200);
  });

  it('is not there for staff with none of those pages', async () => {
    t.clock.advance(31_000);
    const researcher = await makeStaff(t.conn.db, t.clock, 'researcher@programme.example', [{ role: 'programme_researcher', laId: null }]);
    const c = await signedIn(t.app, t.clock, researcher);
    expect((await c.get('/staff')).body).not.toContain('href="/staff/admin"');
    const page = await c.get('/staff/admin');
    expect(page.status).not.toBe(200);
    expect(page.body).not.toContain('/staff/admin/audit');
  });
});
