/** "What you told us" over HTTP on both engines: the page, the HTML and PDF downloads, and who may see them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { client, createTestApp, type TestApp } from '../../http/testing.ts';
import type { Wave } from '../../programme/index.ts';
import { makeStaff, signedIn } from '../../programme/staff/testing.ts';
import { seedWave } from '../testing.ts';

describe.each(engines)("young people's report over HTTP on %s", (dialect) => {
  let t: TestApp;
  let wave: Wave;
  let lead: Awaited<ReturnType<typeof signedIn>>;
  let stranger: Awaited<ReturnType<typeof signedIn>>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme } = t.services;
    const la = await programme.addLa({ name: 'Brightwater Council', nation: 'england', onsCode: 'E06000811' });
    const other = await programme.addLa({ name: 'Othertown Council', nation: 'england', onsCode: 'E06000812' });
    wave = (await seedWave(t.conn.db, programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 60 }, seed: 5 })).wave;
    await t.services.reports.operatorPublish(wave.id, 'first publication');
    lead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@brightwater.example', [{ role: 'la_lead', laId: la.id }]));
    stranger = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'viewer@othertown.example', [{ role: 'la_viewer', laId: other.id }]));
  });
  afterAll(() => t.close());

  it('shows the LA lead the page, linked from the LA report, with its stylesheet allowed by the policy', async () => {
    expect((await lead.get(`/staff/waves/${wave.id}/report`)).body).toContain(`/staff/waves/${wave.id}/report/young-people`);
    const page = await lead.get(`/staff/waves/${wave.id}/report/young-people`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1 class="yp-cover__title">What you told us</h1>');
    expect(page.body).toContain('Thank you to the 60 of you who filled in the survey.');
    expect(page.body).toContain('0800 1111');
    expect(page.body).not.toMatch(/style="|<style/);
    const css = await lead.get('/staff/young-people.css');
    expect(css.status).toBe(200);
    expect(String(css.headers['content-type'])).toMatch(/^text\/css/);
  });

  it('downloads one self-contained HTML file and a PDF, each audited', async () => {
    const html = await lead.get(`/staff/waves/${wave.id}/report/young-people.html`);
    expect(html.status).toBe(200);
    expect(String(html.headers['content-disposition'])).toMatch(/^attachment; filename=".+-what-you-told-us\.html"$/);
    expect(html.body).toContain('<style>');
    expect(html.body).not.toMatch(/<script|<link|<img|src=|url\(|href="\//);
    const pdf = await lead.get(`/staff/waves/${wave.id}/report/young-people.pdf`);
    expect(pdf.status).toBe(200);
    expect(String(pdf.headers['content-type'])).toBe('application/pdf');
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
    const audit = await t.conn.db.selectFrom('audit_log').select(['action', 'detail']).where('target', '=', wave.id).where('action', '=', 'report.downloaded').execute();
    const formats = audit.map((a) => String(a.detail));
    expect(formats.some((d) => d.includes('youth-html'))).toBe(true);
    expect(formats.some((d) => d.includes('youth-pdf'))).toBe(true);
  });

  it("answers another LA's viewer as if the report did not exist, and sends the signed-out to sign in", async () => {
    for (const suffix of ['', '.html', '.pdf']) {
      const res = await stranger.get(`/staff/waves/${wave.id}/report/young-people${suffix}`);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('Brightwater');
    }
    expect((await client(t.app).get(`/staff/waves/${wave.id}/report/young-people.pdf`)).location).toMatch(/^\/staff\/sign-in/);
  });
});
