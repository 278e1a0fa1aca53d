import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { client, createTestApp, type TestApp } from '../../http/testing.ts';
import { GUIDES } from '../guide/index.ts';
import { makeStaff, signedIn } from '../staff/testing.ts';
import type { Wave } from '../wave.ts';

type Client = Awaited<ReturnType<typeof signedIn>>;

const newWave = {
  title: '',
  instruments: 'ylbc-16-25',
  'eligible-ylbc-16-25': '140',
  targetRate: '30',
  'opens-day': '20',
  'opens-month': '3',
  'opens-year': '2026',
  'closes-day': '15',
  'closes-month': '5',
  'closes-year': '2026',
  languages: 'en',
  status: 'planned',
  prizeDraw: 'yes',
};

describe.each(engines)('planning pages over HTTP on %s', (dialect) => {
  let t: TestApp;
  let laId: string;
  let wave: Wave;
  let admin: Client;
  let lead: Client;
  let viewer: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme } = t.services;
    laId = (await programme.addLa({ name: 'Westbrook Council', nation: 'england', onsCode: 'E06000980' })).id;
    // Opens 30 March: on 2 March (the test clock) the sponsor and dates (due 16 Feb) and counts (23 Feb) are overdue.
    wave = await programme.openWave({ laId, survey: 'ylyc', eligible: { 'ylyc-8-11': 30 }, opensOn: '2026-03-30', closesOn: '2026-05-30', status: 'planned', title: 'Westbrook spring' });
    admin = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'admin@programme.example', [{ role: 'programme_admin', laId: null }]));
    lead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@westbrook.example', [{ role: 'la_lead', laId }]));
    viewer = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'viewer@westbrook.example', [{ role: 'la_viewer', laId }]));
  });
  afterAll(() => t.close());

  it('lets a programme administrator add a wave (survey first) and edit it, with errors they can fix', async () => {
    expect((await admin.get('/staff/admin/las')).body).toContain(`/staff/las/${laId}/waves/new`);
    expect((await admin.get(`/staff/las/${laId}`)).body).toContain(`/staff/las/${laId}/waves/new`);
    expect((await admin.get(`/staff/las/${laId}/waves/new`)).body).toContain('Which survey will this wave run?');
    expect((await admin.get(`/staff/las/${laId}/waves/new?survey=nb`)).status).toBe(422);
    const form = await admin.get(`/staff/las/${laId}/waves/new?survey=ylbc`);
    expect(form.body).toContain('Care leavers aged 16 to 25');

    const bad = await admin.submit(`/staff/las/${laId}/waves`, { survey: 'ylbc', ...newWave, 'closes-month': '2', eligibleCsv: '16-25,many' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Fieldwork must close on or after the day it opens');
    expect(bad.body).toContain('Line 1: the count for ages 16 to 25 must be a whole number');
    expect(bad.body).toContain('value="140"');

    const made = await admin.submit(`/staff/las/${laId}/waves`, { survey: 'ylbc', ...newWave, eligibleCsv: 'age group,eligible\n16-25,152' });
    expect(made.status).toBe(303);
    const id = /\/staff\/waves\/([\w-]+)$/.exec(made.location ?? '')?.[1] ?? '';
    expect(await t.services.programme.findWave(id)).toMatchObject({ survey: 'ylbc', eligible: { 'ylbc-16-25': 152 }, prizeDraw: true, status: 'planned', opensOn: '2026-03-20' });

    const edit = await admin.get(`/staff/waves/${id}/edit`);
    expect(edit.body).toContain('value="Westbrook Council Your Life Beyond Care 2026"');
    const badEdit = await admin.submit(`/staff/waves/${id}/edit`, { ...newWave, title: 'Westbrook care leavers', status: 'reported' });
    expect(badEdit.status).toBe(422);
    const saved = await admin.submit(`/staff/waves/${id}/edit`, { ...newWave, title: 'Westbrook care leavers', status: 'open', targetRate: '35' });
    expect(saved.location).toBe(`/staff/waves/${id}`);
    expect(await t.services.programme.findWave(id)).toMatchObject({ title: 'Westbrook care leavers', status: 'open', targetRate: 0.35 });
  });

  it('keeps wave management to programme administrators', async () => {
    expect((await lead.get(`/staff/las/${laId}/waves/new?survey=ylyc`)).status).toBe(403);
    await lead.get('/staff');
    expect((await lead.submit(`/staff/las/${laId}/waves`, { survey: 'ylyc', ...newWave })).status).toBe(403);
    expect((await lead.submit(`/staff/waves/${wave.id}/edit`, { ...newWave, title: 'Hijacked' })).status).toBe(403);
    expect((await t.services.programme.findWave(wave.id))?.title).toBe('Westbrook spring');
  });

  it('shows overdue planning items on the home page and the wave page', async () => {
    const home = await lead.get('/staff');
    expect(home.body).toContain('Planning items are overdue');
    expect(home.body).toContain(`/staff/waves/${wave.id}/plan`);
    const page = await viewer.get(`/staff/waves/${wave.id}`);
    expect(page.body).toMatch(/3 planning items are overdue/);
    expect(page.body).toContain('Senior sponsor named (due 16 February 2026)');
  });

  it('lets the LA lead tick the checklist, but not an LA viewer', async () => {
    const plan = `/staff/waves/${wave.id}/plan`;
    const readOnly = await viewer.get(plan);
    expect(readOnly.status).toBe(200);
    expect(readOnly.body).not.toContain('name="done-sponsor"');
    expect((await viewer.submit(plan, { 'done-sponsor': 'yes', 'who-sponsor': 'Someone' })).status).toBe(404);
    expect((await t.services.planning.checklistOf(wave)).find((i) => i.key === 'sponsor')?.done).toBe(false);

    const form = await lead.get(plan);
    expect(form.body).toContain('name="done-sponsor"');
    const missing = await lead.submit(plan, { 'done-sponsor': 'yes', 'who-sponsor': '' });
    expect(missing.status).toBe(422);
    expect(missing.body).toContain("Senior sponsor named: enter the sponsor&#39;s name and role, or untick it");
    await lead.get(plan);
    const done = await lead.submit(plan, {
      'done-sponsor': 'yes',
      'who-sponsor': 'Jo Bloggs, Director of Children’s Services',
      'done-dates': 'yes',
      'who-dates': 'Jo Bloggs',
      'done-counts': 'yes',
      'who-counts': 'Performance team',
    });
    expect(done.location).toBe(`${plan}?saved=1`);
    expect((await lead.get(`${plan}?saved=1`)).body).toContain('Checklist saved');
    expect((await lead.get('/staff')).body).not.toContain(`/staff/waves/${wave.id}/plan`);
    expect((await lead.get(`/staff/waves/${wave.id}`)).body).not.toContain('overdue');
    expect((await t.services.audit.list({ action: 'wave.plan_updated' }))[0]?.actorEmail).toBe('lead@westbrook.example');
  });

  it("lets the LA lead and programme admins keep the LA's settings and safeguarding contacts; a viewer only sees them", async () => {
    const settings = `/staff/las/${laId}/settings`;
    expect((await viewer.get(settings)).status).toBe(404);
    const laPage = await viewer.get(`/staff/las/${laId}`);
    expect(laPage.body).toContain('Not on file');
    expect(laPage.body).not.toContain(settings);

    await lead.get(settings);
    const bad = await lead.submit(settings, { 'dsa-day': '1', 'dsa-month': '4', 'dsa-year': '2026', naming: 'anonymised' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('The date the agreement was signed must be today or in the past');
    await lead.get(settings);
    expect((await lead.submit(settings, { 'dsa-day': '1', 'dsa-month': '2', 'dsa-year': '2026', naming: 'named', edtName: 'Westbrook EDT', edtPhone: '0300 555 0123' })).location).toBe(`${settings}?saved=settings`);
    await lead.get(settings);
    const noPhone = await lead.submit(`/staff/las/${laId}/contacts`, { contactName: 'Priya Shah', contactRole: 'Safeguarding manager', contactEmail: 'priya@westbrook.gov.uk' });
    expect(noPhone.status).toBe(422);
    await admin.get(settings);
    expect((await admin.submit(`/staff/las/${laId}/contacts`, { contactName: 'Priya Shah', contactRole: 'Safeguarding manager', contactEmail: 'priya@westbrook.gov.uk', contactPhone: '01632 960 001' })).status).toBe(303);
    expect((await viewer.submit(`/staff/las/${laId}/contacts`, { contactName: 'Mallory', contactRole: 'x', contactEmail: 'm@x.example', contactPhone: '01632 960 009' })).status).toBe(404);

    const shown = (await viewer.get(`/staff/las/${laId}`)).body;
    expect(shown).toContain('Signed 1 February 2026');
    expect(shown).toContain('May be named');
    expect(shown).toContain('Priya Shah, Safeguarding manager');
    expect(shown).toContain('Westbrook EDT');
    expect(shown).not.toContain('Mallory');

    const [contact] = (await t.services.planning.settingsOf(laId)).contacts;
    await lead.get(settings);
    expect((await lead.submit(`/staff/las/${laId}/contacts/${contact!.id}/remove`)).location).toBe(`${settings}?saved=removed`);
    expect((await t.services.planning.settingsOf(laId)).contacts).toEqual([]);
  });

  it("gives any signed-in member of staff the trusted adults' guide as a page and a PDF", async () => {
    for (const g of Object.values(GUIDES)) {
      const page = await viewer.get(`/staff/guide/${g.survey}`);
      expect(page.status).toBe(200);
      for (const s of g.sections) expect(page.body).toContain(`id="${s.id}"`);
      const pdf = await viewer.get(`/staff/guide/${g.survey}.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.body.startsWith('%PDF-')).toBe(true);
    }
    expect((await viewer.get('/staff/guide/nbplus')).status).toBe(404);
    expect((await viewer.get('/staff/guide/nbplus.pdf')).status).toBe(404);
    expect((await client(t.app).get('/staff/guide/ylyc.pdf')).location).toMatch(/^\/staff\/sign-in/);
    expect((await viewer.get(`/staff/waves/${wave.id}`)).body).toContain('/staff/guide/ylyc.pdf');
  });
});
