// The tracker's staff pages over HTTP on both engines: who sees what, the entry form, gaps, exports,
// access codes, and a young person typing a code on the start page.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { client, createTestApp, type TestApp } from '../http/testing.ts';
import type { Wave } from '../programme/index.ts';
import { makeStaff, signedIn } from '../programme/staff/testing.ts';
import { browser } from '../survey/testing.ts';
import { accessCodeHash, parseAccessCode } from './access-codes.ts';
import { seedTracker, waveFor } from './testing.ts';

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe.each(engines)('the participation tracker over HTTP on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  let lead: Awaited<ReturnType<typeof signedIn>>;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    wave = await waveFor(t.services, 'ylyc', 'Aldermoor Metropolitan Borough');
    base = `/staff/waves/${wave.id}/tracker`;
    lead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@aldermoor.example', [{ role: 'la_lead', laId: wave.laId }]));
  });
  afterAll(() => t.close());

  it('links the tracker from the wave page for the LA; the programme sees counts and no list', async () => {
    await seedTracker(t.services, wave, 3);
    const page = await lead.get(`/staff/waves/${wave.id}`);
    expect(page.body).toContain(`href="${base}"`);
    expect(page.body).toContain(`href="${base}/codes"`);
    const admin = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'admin@programme.example', [{ role: 'programme_admin', laId: null }]));
    const seen = await admin.get(`/staff/waves/${wave.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toContain('you see its counts, never its list');
    expect(seen.body).not.toContain(`href="${base}"`);
    expect(seen.body).not.toContain('CS-1001');
    for (const path of ['', '/gaps', '/export.csv', '/export.xlsx', '/import', '/codes', '/new']) expect((await admin.get(`${base}${path}`)).status, path).toBe(404);
  });

  it('adds a young person through the form, refusing names, dates of birth and the rules with a 422 error summary', async () => {
    const form = await lead.get(`${base}/new`);
    expect(form.status).toBe(200);
    expect(form.body).toContain('name="reference"');
    const bad = await lead.submit(base, { reference: 'Jamie Smith', ageBand: 'ylyc-8-11', worker: 'Sam Jones', trustedAdultName: 'Sam Jones', 'plannedOn-day': '12', 'plannedOn-month': '3', 'plannedOn-year': '2014', backupNote: '12 High Street' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#reference"');
    expect(bad.body).toContain('href="#plannedOn-day"');
    expect(bad.body).toContain("The trusted adult must not be the young person&#39;s own social worker");
    expect(bad.body).toContain('Back-up plan description: looks like an address');
    expect(await t.conn.db.selectFrom('tracker_entries').selectAll().where('reference', '=', 'Jamie Smith').execute()).toHaveLength(0);
    const ok = await lead.submit(base, { reference: 'CS-7001', ageBand: 'ylyc-8-11', team: 'West', trustedAdultName: 'Kim Lee', trustedAdultRole: 'Teacher', 'plannedOn-day': '20', 'plannedOn-month': '3', 'plannedOn-year': '2026', place: 'school', status: 'planned', flags: 'outOfArea' });
    expect(ok.status).toBe(303);
    const list = await lead.get(ok.location!);
    expect(list.body).toContain('CS-7001');
    expect(list.body).toContain('The young person was added to the tracker.');
    const id = /entries\/([0-9a-f-]{36})">CS-7001/.exec(list.body)![1]!;
    const edit = await lead.get(`${base}/entries/${id}`);
    expect(edit.body).toContain('value="2026"');
    expect(edit.body).toMatch(/value="outOfArea" checked/);
    expect((await lead.submit(`${base}/entries/${id}`, { reference: 'CS-7001', ageBand: 'ylyc-11-17', status: 'offered' })).status).toBe(303);
    expect((await lead.get(`${base}?status=offered`)).body).toContain('CS-7001');
    expect((await lead.get(`${base}?status=declined`)).body).not.toContain('CS-7001');
    await lead.get(`${base}/entries/${id}`);
    expect((await lead.submit(`${base}/entries/${id}/delete`)).status).toBe(303);
    expect((await lead.get(`${base}/entries/${id}`)).status).toBe(404);
    const actions = (await t.services.audit.list({ laId: wave.laId })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['tracker.entry_added', 'tracker.entry_updated', 'tracker.entry_deleted', 'tracker.viewed']));
  });

  it('lets a viewer read but not change, and shows the gaps', async () => {
    const viewer = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'viewer@aldermoor.example', [{ role: 'la_viewer', laId: wave.laId }]));
    const list = await viewer.get(base);
    expect(list.status).toBe(200);
    expect(list.body).toContain('CS-1001');
    expect(list.body).not.toContain(`${base}/new`);
    expect((await viewer.get(`${base}/new`)).status).toBe(404);
    expect((await viewer.submit(base, { reference: 'CS-9', ageBand: 'ylyc-8-11' })).status).toBe(404);
    const gaps = await viewer.get(`${base}/gaps`);
    expect(gaps.status).toBe(200);
    expect(gaps.body).toContain('No plan yet (3)');
    expect(gaps.body).toContain('Less often heard groups');
  });

  it('exports CSV and XLSX in the import layout, and audits it', async () => {
    const csv = await lead.get(`${base}/export.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="tracker-.+\.csv"/);
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('reference,age_band,team,placement_type,social_worker_or_pa,trusted_adult_name,trusted_adult_role,planned_date,place,backup_plan,backup_description,status,additional_needs,unaccompanied_asylum_seeking,in_custody,placed_out_of_area');
    const xlsx = await t.app.inject({ method: 'GET', url: `${base}/export.xlsx`, headers: { cookie: [...lead.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(2).getCell(1).value).toBe('CS-1001');
    expect((await t.services.audit.list({ action: 'tracker.exported' })).length).toBe(2);
  });

  it('makes access codes shown once for printing; a young person types one on the start page', async () => {
    const page = await lead.get(`${base}/codes`);
    expect(page.status).toBe(200);
    const made = await lead.submit(`${base}/codes`, { scope: 'missing' });
    expect(made.status).toBe(200);
    expect(made.headers['cache-control']).toBe('no-store');
    const codes = [...made.body.matchAll(/<code class="bs-access-code">([A-Z0-9-]+)<\/code>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(3);
    expect(made.body).toContain(`/s/${wave.linkCode}`);
    // Nowhere to be seen again.
    for (const path of ['', '/codes', '/export.csv']) expect((await lead.get(`${base}${path}`)).body).not.toContain(codes[0]);

    const b = browser(t.app);
    const start = `/s/${wave.linkCode}`;
    expect((await b.get(start)).body).toContain('name="accessCode"');
    const wrong = await b.post(`${start}/start`, { accessCode: 'ACDE-FGHJ' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toContain('access-code-error');
    const accepted = await b.post(`${start}/start`, { accessCode: codes[0]!.toLowerCase() });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toContain('data-code-accepted');
    expect(accepted.body).toMatch(/name="accessCode" value="[a-z0-9-]+"/);
    // Age 11 asks about school; the code is carried in the form (never the address).
    const school = await b.post(`${start}/start`, { accessCode: codes[0]!, age: '11' });
    expect(school.body).toContain('name="school"');
    expect(school.body).toContain(`name="accessCode" value="${codes[0]!}"`);
    const begun = await b.post(`${start}/start`, { accessCode: codes[0]!, age: '11', school: 'secondary' });
    expect(begun.status).toBe(303);
    expect(begun.headers['location']).toBe(`${start}/intro`);
    const draft = await t.conn.db.selectFrom('drafts').selectAll().where('wave_id', '=', wave.id).executeTakeFirstOrThrow();
    expect(draft.access_code_hash).toBe(accessCodeHash(parseAccessCode(codes[0]!)!));
    expect(JSON.stringify(draft)).not.toContain(parseAccessCode(codes[0]!)!);
    const review = await b.get(`${start}/review`);
    const key = /name="key" value="([^"]+)"/.exec(review.body)![1]!;
    expect((await b.post(`${start}/submit`, { key })).headers['location']).toBe(`${start}/thanks`);
    const uses = await t.conn.db.selectFrom('access_code_uses').selectAll().where('wave_id', '=', wave.id).execute();
    expect(JSON.parse(uses[0]!.code_hashes)).toEqual([draft.access_code_hash]);
    // Still not on the tracker today, not even through the start page.
    expect((await lead.get(`${base}?status=completed`)).body).toContain('No one matches the filter.');
    expect((await browser(t.app).post(`${start}/start`, { accessCode: codes[0]! })).status).toBe(200);
  });

  it('refuses staff forms without the CSRF token', async () => {
    const c = client(t.app);
    // Signed in, with the CSRF cookie, but a form without its token.
    for (const [k, v] of lead.cookies) c.cookies.set(k, v);
    expect((await c.post(base, { reference: 'CS-8', ageBand: 'ylyc-8-11' })).status).toBe(403);
    expect((await c.post(`${base}/codes`, { scope: 'unused' })).status).toBe(403);
    expect(csrfOf((await lead.get(base)).body)).not.toBe('');
  });
});
