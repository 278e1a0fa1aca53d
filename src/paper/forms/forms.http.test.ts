import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { createTestApp, type TestApp } from '../../http/testing.ts';
import { makeStaff, signedIn } from '../../programme/staff/testing.ts';
import { decodePage } from './payload.ts';
import { pageCount, rasterise, readQr } from './testing.ts';

describe.each(engines)('the paper forms page on %s', (dialect) => {
  let t: TestApp;
  let waveId: string;
  let closedId: string;
  const staff: Record<string, { email: string; secret: string }> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme } = t.services;
    const la = await programme.addLa({ name: 'Papermill Council', nation: 'england', onsCode: 'E06000882' });
    const other = await programme.addLa({ name: 'Elsewhere Council', nation: 'england', onsCode: 'E06000883' });
    waveId = (await programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-4-7': 20, 'ylyc-8-11': 30 }, opensOn: '2026-02-01', closesOn: '2026-03-01' })).id;
    closedId = (await programme.openWave({ laId: la.id, survey: 'ylbc', eligible: { 'ylbc-16-25': 20 }, opensOn: '2025-02-01', closesOn: '2025-03-01' })).id;
    await programme.closeWave(closedId);
    const make = async (key: string, grants: Parameters<typeof makeStaff>[3]) => (staff[key] = await makeStaff(t.conn.db, t.clock, `${key}@example.org`, grants));
    await make('admin', [{ role: 'programme_admin', laId: null }]);
    await make('entry', [{ role: 'programme_data_entry', laId: null }]);
    await make('researcher', [{ role: 'programme_researcher', laId: null }]);
    await make('lead', [{ role: 'la_lead', laId: la.id }]);
    await make('otherlead', [{ role: 'la_lead', laId: other.id }]);
    await make('viewer', [{ role: 'la_viewer', laId: la.id }]);
  });
  afterAll(() => t.close());

  // One sign-in per account: a second factor code is accepted once.
  const clients = new Map<string, Awaited<ReturnType<typeof signedIn>>>();
  async function as(who: string) {
    let c = clients.get(who);
    if (!c) {
      c = await signedIn(t.app, t.clock, staff[who]!);
      clients.set(who, c);
    }
    return c;
  }

  /** Posts the form with the page's CSRF token and returns the raw response (a PDF, or the page again). */
  async function download(who: string, form: Record<string, string>, id = waveId) {
    const c = await as(who);
    const page = await c.get(`/staff/waves/${id}/paper`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return t.app.inject({ method: 'POST', url: `/staff/waves/${id}/paper`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, ...form }).toString() });
  }

  it('shows programme administrators and data-entry staff the wave\'s questionnaires to print', async () => {
    for (const who of ['admin', 'entry']) {
      const c = await as(who);
      const page = await c.get(`/staff/waves/${waveId}/paper`);
      expect(page.status, who).toBe(200);
      expect(page.body).toContain('value="ylyc-4-7"');
      expect(page.body).toContain('value="ylyc-8-11"');
      expect(page.body).not.toContain('value="ylbc-16-25"');
      // Reached from the wave's page.
      expect((await c.get(`/staff/waves/${waveId}`)).body).toContain(`href="/staff/waves/${waveId}/paper"`);
    }
  });

  it('answers everyone else, and every LA role, as if the wave did not exist', async () => {
    for (const who of ['researcher', 'lead', 'otherlead', 'viewer']) {
      const c = await as(who);
      expect((await c.get(`/staff/waves/${waveId}/paper`)).status, who).toBe(404);
      expect((await c.get(`/staff/waves/no-such-wave/paper`)).status, who).toBe(404);
      expect((await download(who, { instrument: 'ylyc-4-7', lang: 'en', copies: '2' })).statusCode, who).toBe(404);
    }
    expect((await (await as('researcher')).get(`/staff/waves/${waveId}`)).body).not.toContain('/paper"');
    expect(await t.conn.db.selectFrom('paper_sheets').selectAll().execute()).toHaveLength(0);
  });

  it('downloads the copies asked for as one PDF, records their serials and audits the download', async () => {
    const res = await download('entry', { instrument: 'ylyc-4-7', lang: 'en', copies: '3' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bright-spots-ylyc-4-7-en-3-copies.pdf"');
    const design = await t.services.paperForms.formDesign('ylyc-4-7', 'en');
    const pdf = res.rawPayload;
    expect(pageCount(pdf)).toBe(3 * design.layout.pages);
    const sheets = await t.conn.db.selectFrom('paper_sheets').selectAll().where('wave_id', '=', waveId).execute();
    expect(sheets).toHaveLength(3);
    const qr = decodePage(readQr(rasterise(pdf, design.layout.pages + 2, 100)) ?? '');
    expect(qr).toMatchObject({ waveId, page: 2, layoutId: design.layout.layoutId });
    expect(sheets.map((s) => s.serial)).toContain(qr?.serial);
    const audit = await t.conn.db.selectFrom('audit_log').selectAll().where('action', '=', 'paper.forms_issued').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_email).toBe('entry@example.org');
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ instrument: 'ylyc-4-7', copies: 3, layout: design.layout.layoutId });
    const again = await download('admin', { instrument: 'ylyc-8-11', lang: 'en', copies: '2' });
    expect(again.statusCode).toBe(200);
    const all = await t.conn.db.selectFrom('paper_sheets').select('serial').execute();
    expect(new Set(all.map((s) => s.serial)).size).toBe(5);
    const c = await as('admin');
    const page = await c.get(`/staff/waves/${waveId}/paper`);
    expect(page.body).toContain('ylyc-4-7@1.0.0.en.L1');
  });

  it('asks again, with the problem shown, for a number of copies it cannot print or a questionnaire the wave does not offer', async () => {
    for (const form of [{ instrument: 'ylyc-4-7', lang: 'en', copies: '0' }, { instrument: 'ylyc-4-7', lang: 'en', copies: 'lots' }, { instrument: 'ylyc-4-7', lang: 'en', copies: '2001' }, { instrument: 'ylbc-16-25', lang: 'en', copies: '2' }, { instrument: 'ylyc-4-7', lang: 'xx', copies: '2' }]) {
      const res = await download('admin', form);
      expect(res.statusCode, JSON.stringify(form)).toBe(422);
      expect(res.body).toContain('govuk-error-summary');
    }
  });

  it('prints nothing more for a wave whose fieldwork has closed', async () => {
    const c = await as('admin');
    const page = await c.get(`/staff/waves/${closedId}/paper`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('no more forms can be printed');
    const res = await download('admin', { instrument: 'ylbc-16-25', lang: 'en', copies: '1' }, closedId);
    expect(res.statusCode).toBe(410);
    expect(res.body).not.toMatch(/^\s+at /m);
  });
});
