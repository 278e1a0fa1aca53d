import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { engines } from '../../db/testing.ts';
import { client, createTestApp, type TestApp } from '../../http/testing.ts';
import { makeStaff, signedIn } from '../../programme/staff/testing.ts';
import type { Actor } from '../../programme/index.ts';
import type { AnswerBox, FormLayout } from '../forms/design.ts';
import { collect } from '../forms/testing.ts';
import { scannedPages, uploadBody } from './testing.ts';

const WORRY = 'my step dad hits me when hes drunk and i am scared to go home';
type Account = { id: string; email: string; secret: string };

describe.each(engines)('uploading and verifying scanned paper forms on %s', (dialect) => {
  let t: TestApp;
  let waveId: string;
  let keyer: Account;
  let lead: Account;
  let researcher: Account;
  let admin: Account;
  let layout: FormLayout;
  let serial: string;
  let pages: Buffer[];
  let chosen: AnswerBox;

  const as = async (a: Account) => {
    t.clock.advance(31_000);
    return signedIn(t.app, t.clock, a);
  };
  const scanRows = async () => ({
    forms: (await t.conn.db.selectFrom('paper_scan_forms').selectAll().execute()).length,
    pages: (await t.conn.db.selectFrom('paper_scan_pages').selectAll().execute()).length,
    crops: (await t.conn.db.selectFrom('paper_scan_crops').selectAll().execute()).length,
  });
  /** Uploads files as the signed-in client `c` (its last page must hold the upload form). */
  async function upload(c: Awaited<ReturnType<typeof as>>, files: { name: string; bytes: Uint8Array }[]) {
    const page = await c.get('/staff/paper/scans');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const body = uploadBody(token, files);
    const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return t.app.inject({ method: 'POST', url: '/staff/paper/scans', headers: { cookie, 'content-type': body.type }, payload: body.payload });
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme } = t.services;
    const la = await programme.addLa({ name: 'Scanfield Council', nation: 'england', onsCode: 'E06000703' });
    waveId = (await programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-8-11': 20 }, opensOn: '2026-02-01', closesOn: '2026-04-01' })).id;
    keyer = await makeStaff(t.conn.db, t.clock, 'scanner@programme.example', [{ role: 'programme_data_entry', laId: null }]);
    lead = await makeStaff(t.conn.db, t.clock, 'lead@scanfield.example', [{ role: 'la_lead', laId: la.id }]);
    researcher = await makeStaff(t.conn.db, t.clock, 'researcher@programme.example', [{ role: 'programme_researcher', laId: null }]);
    admin = await makeStaff(t.conn.db, t.clock, 'admin@programme.example', [{ role: 'programme_admin', laId: null }]);
    const printer: Actor = { accountId: keyer.id, email: keyer.email, name: 'Scanner', grants: [{ role: 'programme_data_entry', laId: null }] };
    const issued = await t.services.paperForms.issueForms(printer, waveId, { instrumentId: 'ylyc-8-11', lang: 'en', copies: 1 });
    if (!issued.ok) throw new Error('forms not issued');
    const pdf = await collect(issued.stream);
    layout = (await t.services.paperForms.formDesign('ylyc-8-11', 'en')).layout;
    serial = (await t.conn.db.selectFrom('paper_sheets').select('serial').executeTakeFirstOrThrow()).serial;
    // Age 9 ticked clearly; two ticks on a one-answer question, so it goes for review.
    const age = layout.boxes.find((b) => b.questionId === 'age' && b.answer === '9')!;
    const carers = layout.boxes.filter((b) => b.questionId === 'trusts_carers');
    chosen = carers[1]!;
    pages = await scannedPages(pdf, [age, carers[0]!, carers[1]!]);
  }, 180_000);
  afterAll(() => t.close());

  it('is for paper.scan only: other roles get 404 and do not see the menu link', async () => {
    expect((await client(t.app).get('/staff/paper/scans')).location).toMatch(/^\/staff\/sign-in/);
    for (const a of [lead, researcher, admin]) {
      const c = await as(a);
      expect((await c.get('/staff/paper/scans')).status).toBe(404);
      expect((await c.get('/staff/paper/scans/forms/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await c.get('/staff')).body).not.toContain('href="/staff/paper/scans"');
    }
    const c = await as(keyer);
    const page = await c.get('/staff/paper/scans');
    expect(page.status).toBe(200);
    expect(page.body).toContain('href="/staff/paper/scans"');
    expect(page.body).toContain('No scanned forms are waiting');
  });

  it('refuses a text file named .pdf and an image over the pixel limit with a plain reason, keeping nothing', async () => {
    const c = await as(keyer);
    const text = await upload(c, [{ name: 'scan.pdf', bytes: Buffer.from('this is not a scan at all') }]);
    expect(text.statusCode).toBe(422);
    expect(text.body).toContain('scan.pdf: The file is not a PDF, PNG, JPEG or TIFF.');
    const huge = await sharp({ create: { width: 8000, height: 5200, channels: 3, background: '#ffffff' } }).greyscale().png().toBuffer();
    const big = await upload(c, [{ name: 'huge.png', bytes: huge }]);
    expect(big.statusCode).toBe(422);
    expect(big.body).toContain('more than 40 million pixels');
    const none = await upload(c, []);
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('govuk-error-summary');
    expect(await scanRows()).toEqual({ forms: 0, pages: 0, crops: 0 });
  }, 60_000);

  it('groups pages by serial, keeps a page uploaded twice once, lists the form waiting, and stores it once verified', async () => {
    const c = await as(keyer);
    const first = await upload(c, [{ name: 'p1.png', bytes: pages[0]! }, { name: 'p1-again.png', bytes: pages[0]! }]);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain(`1 of ${layout.pages} pages`);
    expect(first.body).toContain('Pages uploaded before');
    expect(first.body).toContain('p1-again.png, page 1');
    expect(await scanRows()).toMatchObject({ forms: 1, pages: 1 });
    const formId = (await t.conn.db.selectFrom('paper_scan_forms').select('id').executeTakeFirstOrThrow()).id;

    // Not all pages yet: the form waits, its missing pages listed, and cannot be stored.
    const list = await c.get('/staff/paper/scans');
    expect(list.body).toContain(`href="/staff/paper/scans/forms/${formId}"`);
    expect(list.body).toMatch(new RegExp(`1 of ${layout.pages} \\(missing 2, `));
    expect((await c.get(`/staff/paper/scans/forms/${formId}`)).body).toContain('have not been uploaded yet');

    const rest = await upload(c, pages.slice(1).map((bytes, i) => ({ name: `p${i + 2}.png`, bytes })));
    expect(rest.statusCode).toBe(200);
    expect(rest.body).toContain(`${layout.pages} of ${layout.pages} pages`);
    expect(await scanRows()).toMatchObject({ forms: 1, pages: layout.pages });

    const page = await c.get(`/staff/paper/scans/forms/${formId}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('More than one box is ticked, but the question takes one answer.');
    expect(page.body).toContain('name="d-trusts_carers"');
    expect(page.body).toContain('value="blank"');
    expect(page.body).toMatch(/id="a-age" name="a-age" type="text" value="9"/);
    expect(page.body).toContain('name="t-anything_else"');
    const crops = [...page.body.matchAll(/src="(\/staff\/paper\/scans\/forms\/[^"]+\/crops\/[^"]+)"/g)].map((m) => m[1]!);
    expect(crops.length).toBeGreaterThanOrEqual(2);
    const img = await t.app.inject({ method: 'GET', url: crops[0]!, headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['cache-control']).toBe('no-store');
    expect(img.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const other = await as(researcher);
    expect((await other.get(crops[0]!)).status).toBe(404);

    // A decision is required.
    const c2 = await as(keyer);
    await c2.get(`/staff/paper/scans/forms/${formId}`);
    const missing = await c2.submit(`/staff/paper/scans/forms/${formId}`, { 'a-age': '9', 't-anything_else': WORRY });
    expect(missing.status).toBe(422);
    expect(missing.body).toContain('govuk-error-summary');
    expect(missing.body).toContain('href="#d-trusts_carers"');
    expect(missing.body).toContain(`>${WORRY}</textarea>`);

    const stored = await c2.submit(`/staff/paper/scans/forms/${formId}`, { 'a-age': '9', 'd-trusts_carers': chosen.answer, 't-anything_else': WORRY });
    expect(stored.status).toBe(303);
    expect((await c2.get(stored.location!)).body).toContain('Form stored as a paper response');
    const rows = await t.conn.db.selectFrom('responses').selectAll().where('wave_id', '=', waveId).where('channel', '=', 'paper').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.completed_at).toBe('2026-03-02T00:00:00.000Z');
    expect(JSON.parse(rows[0]!.answers)).toMatchObject({ age: '9', trusts_carers: chosen.answer });
    expect(JSON.stringify(rows[0])).not.toContain(serial);
    const screening = await t.conn.db.selectFrom('safeguarding_screenings').selectAll().where('response_id', '=', rows[0]!.id).execute();
    expect(screening[0]?.flag).toBe(1);
    const adminActor: Actor = { accountId: 'a', email: 'admin@programme.example', name: 'Admin', grants: [{ role: 'programme_admin', laId: null }] };
    expect((await t.services.rates.dashboard(adminActor, waveId)).responses).toBe(1);
    // The images are gone; the sheet says entered, by the day, and nothing more.
    expect(await scanRows()).toEqual({ forms: 0, pages: 0, crops: 0 });
    const sheet = await t.conn.db.selectFrom('paper_sheets').selectAll().where('serial', '=', serial).executeTakeFirstOrThrow();
    expect(sheet.entered_on).toBe('2026-03-02');
    expect(JSON.stringify(sheet)).not.toContain(rows[0]!.id);
    const audit = await t.conn.db.selectFrom('audit_log').selectAll().where('action', 'like', 'paper.scan%').execute();
    expect(audit.map((a) => a.action)).toContain('paper.scan_uploaded');
    expect(audit.map((a) => a.action)).toContain('paper.scan_verified');
    for (const a of audit) expect(`${a.target ?? ''} ${a.detail}`).not.toMatch(new RegExp(`${serial}|${rows[0]!.id}|hits|${chosen.answer}`));

    // The same form again: refused as already entered, nothing kept.
    const again = await upload(c2, [{ name: 'late.png', bytes: pages[0]! }]);
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('late.png, page 1: This form has already been entered');
    expect(await scanRows()).toEqual({ forms: 0, pages: 0, crops: 0 });
  }, 180_000);

  it('discards a waiting form only with a reason, deleting its pages and images, audited', async () => {
    const printer: Actor = { accountId: keyer.id, email: keyer.email, name: 'Scanner', grants: [{ role: 'programme_data_entry', laId: null }] };
    const issued = await t.services.paperForms.issueForms(printer, waveId, { instrumentId: 'ylyc-8-11', lang: 'en', copies: 1 });
    if (!issued.ok) return expect.fail('forms not issued');
    const [first] = await scannedPages(await collect(issued.stream), []);
    const c = await as(keyer);
    expect((await upload(c, [{ name: 'test-scan.png', bytes: first! }])).statusCode).toBe(200);
    const formId = (await t.conn.db.selectFrom('paper_scan_forms').select('id').executeTakeFirstOrThrow()).id;
    await c.get(`/staff/paper/scans/forms/${formId}`);
    const noReason = await c.submit(`/staff/paper/scans/forms/${formId}/discard`, { reason: '  ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toContain('Say why the form is discarded');
    expect((await scanRows()).pages).toBe(1);
    const done = await c.submit(`/staff/paper/scans/forms/${formId}/discard`, { reason: 'A test scan' });
    expect(done.status).toBe(303);
    expect(await scanRows()).toEqual({ forms: 0, pages: 0, crops: 0 });
    const audit = await t.conn.db.selectFrom('audit_log').selectAll().where('action', '=', 'paper.scan_discarded').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toContain('A test scan');
    expect((await c.get(`/staff/paper/scans/forms/${formId}`)).status).toBe(404);
  }, 120_000);
});
