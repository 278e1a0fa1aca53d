import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { client, createTestApp, type TestApp } from '../../http/testing.ts';
import type { Wave } from '../../programme/index.ts';
import { makeStaff, signedIn } from '../../programme/staff/testing.ts';
import { RETENTION_DAYS, WINNERS_KEEP_DAYS } from './draw.ts';

const NAMES = ['Amara', 'Bilal', 'Cerys', 'Dylan', 'Esme'];

describe.each(engines)('the prize draw over HTTP on %s', (dialect) => {
  let t: TestApp;
  let withDraw: Wave;
  let withoutDraw: Wave;
  let laId: string;
  const entries = () => t.conn.db.selectFrom('prize_entries').selectAll().where('wave_id', '=', withDraw.id).execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme } = t.services;
    laId = (await programme.addLa({ name: 'Drawton Council', nation: 'england', onsCode: 'E06000970' })).id;
    withDraw = await programme.openWave({ laId, survey: 'ylyc', eligible: { 'ylyc-11-17': 40 }, opensOn: '2026-02-01', closesOn: '2026-03-31', prizeDraw: true });
    withoutDraw = await programme.openWave({ laId, survey: 'ylbc', eligible: { 'ylbc-16-25': 40 }, opensOn: '2026-02-01', closesOn: '2026-03-31' });
  });
  afterAll(() => t.close());

  it('offers the draw on the thank-you page only when the wave has one', async () => {
    const c = client(t.app);
    expect((await c.get(`/s/${withDraw.linkCode}/thanks`)).body).toContain(`href="/s/${withDraw.linkCode}/prize"`);
    expect((await c.get(`/s/${withoutDraw.linkCode}/thanks`)).body).not.toContain('/prize');
    expect((await c.get(`/s/${withoutDraw.linkCode}/prize`)).status).toBe(404);
  });

  it('takes entries with a form that carries and sets nothing that could link it to the answers', async () => {
    const c = client(t.app);
    const form = await c.get(`/s/${withDraw.linkCode}/prize`);
    expect(form.status).toBe(200);
    expect(form.headers['set-cookie']).toBeUndefined();
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.body).not.toContain('type="hidden"');
    expect(form.body).toContain('name="firstName"');

    const bad = await c.post(`/s/${withDraw.linkCode}/prize`, { firstName: '', contactMethod: 'email', contact: 'not-an-email' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('Write your first name');
    expect(bad.body).toContain('Write an email address, like name@example.com');
    expect(bad.body).toContain('value="not-an-email"');

    for (const n of NAMES) {
      const ok = await c.post(`/s/${withDraw.linkCode}/prize`, { firstName: n, contactMethod: 'adult', contact: `Ms Okafor for ${n}` });
      expect(ok.status).toBe(303);
      expect(ok.location).toBe(`/s/${withDraw.linkCode}/prize/entered`);
      expect(ok.headers['set-cookie']).toBeUndefined();
    }
    expect((await c.get(`/s/${withDraw.linkCode}/prize/entered`)).body).toContain('in the draw!');
    expect(await entries()).toHaveLength(NAMES.length);
    expect(t.logs()).not.toMatch(/Amara|Okafor/);
  });

  it('says in the privacy notices that the draw is the only place a name is held, and for how long', async () => {
    const c = client(t.app);
    const adult = (await c.get(`/s/${withDraw.linkCode}/privacy?for=adult`)).body;
    expect(adult).toMatch(/The prize draw is the only place a young person(&#39;|')s name may be held\./);
    expect(adult).toContain(`at most ${WINNERS_KEEP_DAYS} days after the draw`);
    expect(adult).toContain(`${RETENTION_DAYS} days after the survey closes`);
    for (const age of ['ylyc-8-11', 'ylyc-11-17', 'ylbc-16-25']) expect((await c.get(`/privacy?for=${age}`)).body).toMatch(/prize draw/);
  });

  it('shows entries to nobody before the wave closes, and then only to the LA lead, who draws and deletes them', async () => {
    const lead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@drawton.example', [{ role: 'la_lead', laId }]));
    const viewer = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'viewer@drawton.example', [{ role: 'la_viewer', laId }]));
    const admin = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'admin@programme.example', [{ role: 'programme_admin', laId: null }]));
    const page = `/staff/waves/${withDraw.id}/prize`;

    const early = await lead.get(page);
    expect(early.status).toBe(200);
    expect(early.body).toContain('Entries stay hidden until the wave closes');
    for (const n of NAMES) expect(early.body).not.toContain(n);
    expect((await lead.get(`/staff/waves/${withDraw.id}`)).body).toContain(page);

    await t.services.programme.closeWave(withDraw.id);
    for (const other of [viewer, admin]) {
      const res = await other.get(page);
      expect(res.status).toBe(404);
      for (const n of NAMES) expect(res.body).not.toContain(n);
      expect((await other.get(`/staff/waves/${withDraw.id}`)).body).not.toContain(`href="${page}"`);
    }
    await viewer.get('/staff');
    expect((await viewer.submit(`${page}/draw`, { winners: '1' })).status).toBe(404);
    expect(await entries()).toHaveLength(NAMES.length);

    const shown = await lead.get(page);
    for (const n of NAMES) expect(shown.body).toContain(n);
    expect((await t.services.audit.list({ action: 'prize.entries_viewed' }))[0]).toMatchObject({ laId, target: withDraw.id });

    const tooMany = await lead.submit(`${page}/draw`, { winners: '9' });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toContain('Enter a number of winners from 1 to 5');
    const drawn = await lead.submit(`${page}/draw`, { winners: '2' });
    expect(drawn.location).toBe(`${page}?done=drawn`);
    const left = await entries();
    expect(left).toHaveLength(2);
    const after = await lead.get(`${page}?done=drawn`);
    for (const w of left) expect(after.body).toContain(w.first_name);
    expect(NAMES.filter((n) => after.body.includes(`>${n}<`))).toHaveLength(2);

    expect((await lead.submit(`${page}/forget`)).location).toBe(`${page}?done=deleted`);
    expect(await entries()).toHaveLength(0);
    const actions = (await t.services.audit.list({ laId })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['prize.drawn', 'prize.winners_deleted']));
  });

  it('turns entries away once the wave has closed', async () => {
    const res = await client(t.app).post(`/s/${withDraw.linkCode}/prize`, { firstName: 'Late', contactMethod: 'email', contact: 'late@example.com' });
    expect(res.status).toBe(410);
    expect(await entries()).toHaveLength(0);
  });
});
