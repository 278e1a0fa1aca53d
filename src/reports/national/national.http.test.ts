/**
 * The national report over HTTP on both engines: the form, the page, the HTML and JSON downloads; who
 * may see it; which waves it reads (each authority's latest in the period, after cleaning); names only
 * where an authority consented.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { createTestApp, type TestApp } from '../../http/testing.ts';
import { makeStaff, signedIn } from '../../programme/staff/testing.ts';
import { seedWave } from '../testing.ts';
import type { NationalFindings } from './national.ts';

type Client = Awaited<ReturnType<typeof signedIn>>;

describe.each(engines)('national report over HTTP on %s', (dialect) => {
  let t: TestApp;
  let researcher: Client;
  let lead: Client;
  let dataEntry: Client;
  const names = ['Brightwater Council', 'Othertown Council', 'Thirdvale Council', 'Fourthmoor Council'];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme } = t.services;
    const las = [];
    for (const [i, name] of names.entries()) las.push(await programme.addLa({ name, nation: 'england', onsCode: `E0600090${i}` }));
    const [bright, other, third, fourth] = las;
    if (!bright || !other || !third || !fourth) throw new Error('seed');
    // Brightwater's older wave closed in 2023, outside the period: only its 2026 wave counts.
    t.clock.set('2023-06-01T10:00:00.000Z');
    await seedWave(t.conn.db, programme, bright, { survey: 'ylyc', responses: { 'ylyc-8-11': 300 }, seed: 1, opensOn: '2023-04-01', closesOn: '2023-05-30' });
    t.clock.set('2026-03-02T10:00:00.000Z');
    const { wave, ids } = await seedWave(t.conn.db, programme, bright, { survey: 'ylyc', responses: { 'ylyc-4-7': 5, 'ylyc-8-11': 40, 'ylyc-11-17': 50 }, seed: 2, outlook: 0.5 });
    // Two responses excluded when cleaning.
    await t.conn.db
      .insertInto('response_reviews')
      .values(ids.slice(0, 2).map((id) => ({ response_id: id, wave_id: wave.id, reason: 'test', decision: 'exclude', note: 'test entry', decided_by: 'x', decided_at: '2026-03-02T10:00:00.000Z' })))
      .execute();
    for (const [i, la] of [other, third, fourth].entries()) await seedWave(t.conn.db, programme, la, { survey: 'ylyc', responses: { 'ylyc-4-7': 30, 'ylyc-8-11': 60, 'ylyc-11-17': 70 }, seed: 10 + i, outlook: -0.2 * i });
    // An open wave and a care leavers' wave never join a YLYC national report.
    await seedWave(t.conn.db, programme, third, { survey: 'ylyc', responses: { 'ylyc-8-11': 500 }, seed: 20, close: false });
    await seedWave(t.conn.db, programme, other, { survey: 'ylbc', responses: { 'ylbc-16-25': 40 }, seed: 21 });
    // Only Othertown consented to be named.
    await t.conn.db.insertInto('la_settings').values({ la_id: other.id, dsa_signed_on: null, named_in_comparisons: 1, edt_name: null, edt_phone: null, edt_email: null, updated_at: '2026-03-01T00:00:00.000Z' }).execute();
    await t.conn.db.insertInto('la_settings').values({ la_id: third.id, dsa_signed_on: null, named_in_comparisons: 0, edt_name: null, edt_phone: null, edt_email: null, updated_at: '2026-03-01T00:00:00.000Z' }).execute();

    researcher = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'researcher@programme.example', [{ role: 'programme_researcher', laId: null }]));
    t.clock.advance(31_000);
    lead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@brightwater.example', [{ role: 'la_lead', laId: bright.id }]));
    t.clock.advance(31_000);
    dataEntry = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'entry@programme.example', [{ role: 'programme_data_entry', laId: null }]));
  });
  afterAll(() => t.close());

  const query = 'survey=ylyc&from=2025-01-01&to=2026-12-31';

  it('links the form from the staff menu for programme researchers and shows the form with the last 24 months', async () => {
    expect((await researcher.get('/staff')).body).toContain('href="/staff/national"');
    const form = await researcher.get('/staff/national');
    expect(form.status).toBe(200);
    expect(form.body).toContain('action="/staff/national/report"');
    expect(form.body).toContain('value="2024-03-03"');
    expect(form.body).toContain('value="2026-03-02"');
  });

  it('shows a researcher the page: one age group with its ranked plots and tables, names only where consented; audited', async () => {
    const page = await researcher.get(`/staff/national/report?${query}&instrument=ylyc-8-11`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Ages 8 to 11');
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('role="img"');
    expect(page.body).toContain('Othertown Council');
    for (const hidden of ['Brightwater', 'Thirdvale', 'Fourthmoor']) expect(page.body).not.toContain(hidden);
    expect(page.body).toMatch(/Authority A/);
    expect(page.body).toContain('Chi-square test of homogeneity');
    expect(page.body).toContain('id="methodology"');
    const audit = await t.conn.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'report.national_viewed').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ from: '2025-01-01', to: '2026-12-31', format: 'page', authorities: 4 });
  });

  it("reads each authority's latest wave in the period, after cleaning, and hides the 4-7s of the small one", async () => {
    const res = await researcher.get(`/staff/national/report.json?${query}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toBe('attachment; filename="national-ylyc-2025-01-01-to-2026-12-31.json"');
    const f = JSON.parse(res.body) as NationalFindings;
    expect(f.authorities).toHaveLength(4);
    // 95 - 2 excluded + 3 x 160; the 2023 wave, the open wave and the care leavers' wave stay out.
    expect(f.respondents).toBe(93 + 480);
    const faces = f.instruments.find((i) => i.instrumentId === 'ylyc-4-7');
    expect(faces?.indicators.every((i) => i.hidden.smallBase === 1 && i.ranked.length <= 3)).toBe(true);
    for (const hidden of ['Brightwater', 'Thirdvale', 'Fourthmoor']) expect(res.body).not.toContain(hidden);
    expect(res.body).toContain('Othertown Council');
    for (const inst of f.instruments) for (const ind of inst.indicators) for (const r of ind.ranked) expect(r.figure.base).toBeGreaterThanOrEqual(10);
  });

  it('downloads every age group as one self-contained HTML file', async () => {
    const res = await researcher.get(`/staff/national/report.html?${query}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="national-ylyc-.+\.html"$/);
    for (const id of ['id="ylyc-4-7"', 'id="ylyc-8-11"', 'id="ylyc-11-17"']) expect(res.body).toContain(id);
    expect(res.body).not.toMatch(/<script|<link|<img|src=|url\(/);
    expect(res.body).not.toContain('href="/');
    for (const hidden of ['Brightwater', 'Thirdvale', 'Fourthmoor']) expect(res.body).not.toContain(hidden);
  });

  it('re-renders the form with 422 and an error summary for bad dates or a missing survey', async () => {
    for (const bad of ['survey=ylyc&from=2025-02-30&to=2026-01-01', 'survey=ylyc&from=01/01/2025&to=2026-01-01', 'survey=ylyc&from=2026-01-01&to=2025-01-01', 'from=2025-01-01&to=2026-01-01', 'survey=nope']) {
      for (const path of ['/staff/national/report', '/staff/national/report.json']) {
        const res = await researcher.get(`${path}?${bad}`);
        expect(res.status, `${path}?${bad}`).toBe(422);
        expect(res.body).toContain('govuk-error-summary');
        expect(res.body).not.toContain('<svg');
      }
    }
    // Each problem sits beside its own field.
    const badDay = await researcher.get('/staff/national/report?survey=ylyc&from=2025-02-30&to=2026-01-01');
    expect(badDay.body).toContain('id="from-error"');
    expect(badDay.body).not.toContain('id="survey-error"');
    expect(badDay.body).not.toContain('id="to-error"');
    expect((await researcher.get('/staff/national/report?from=2025-01-01')).body).toContain('id="survey-error"');
  });

  it('answers LA staff and programme roles without the capability as if it did not exist', async () => {
    expect((await lead.get('/staff')).body).not.toContain('href="/staff/national"');
    for (const c of [lead, dataEntry]) {
      for (const path of ['/staff/national', `/staff/national/report?${query}`, `/staff/national/report.json?${query}`, `/staff/national/report.html?${query}`]) {
        const res = await c.get(path);
        expect(res.status, path).toBe(404);
        expect(res.body).not.toContain('Othertown');
      }
    }
  });

  it('says so when no authority closed the survey in the period', async () => {
    const page = await researcher.get('/staff/national/report?survey=ylbc&from=2020-01-01&to=2020-12-31');
    expect(page.status).toBe(200);
    expect(page.body).toContain('nothing to report');
  });
});
