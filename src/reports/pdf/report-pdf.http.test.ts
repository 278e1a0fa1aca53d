/** The LA report as a PDF over HTTP on both engines: the download, what it holds, and who may have it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { createTestApp, type TestApp } from '../../http/testing.ts';
import type { Wave } from '../../programme/index.ts';
import { makeStaff, signedIn } from '../../programme/staff/testing.ts';
import { decodeEntities } from './html-blocks.ts';
import { keyFindingTexts } from '../key-findings.ts';
import { seedWave } from '../testing.ts';
import { readPdf, type ReadPdf } from './testing.ts';

/** Every whole percentage written in a text, e.g. "61%". */
const percentages = (text: string): Set<string> => new Set(text.match(/\b\d{1,3}%/g) ?? []);

describe.each(engines)('LA report PDF over HTTP on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  let open: Wave;
  let lead: Awaited<ReturnType<typeof signedIn>>;
  let stranger: Awaited<ReturnType<typeof signedIn>>;
  let pdf: ReadPdf;
  let page = '';
  let file = '';
  const download = (who: typeof lead, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme } = t.services;
    const add = (name: string, code: string) => programme.addLa({ name, nation: 'england', onsCode: code });
    const la = await add('Printhaven Council', 'E06000851');
    // The 4-7s are too few to show any percentage: 6 responses.
    wave = (await seedWave(t.conn.db, programme, la, { survey: 'ylyc', responses: { 'ylyc-4-7': 6, 'ylyc-8-11': 70, 'ylyc-11-17': 90 }, seed: 5, outlook: 0.6 })).wave;
    const others = [await add('Otherprint Council', 'E06000852'), await add('Thirdprint Council', 'E06000853'), await add('Fourthprint Council', 'E06000854')];
    for (const [i, l] of others.entries()) await seedWave(t.conn.db, programme, l, { survey: 'ylyc', responses: { 'ylyc-4-7': 40, 'ylyc-8-11': 150, 'ylyc-11-17': 200 }, seed: 30 + i, outlook: -0.3 });
    open = (await seedWave(t.conn.db, programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 20 }, seed: 6, close: false })).wave;
    // LA staff read published versions only: publish the first.
    expect(await t.services.reports.operatorPublish(wave.id, 'First publication')).toMatchObject({ ok: true });
    lead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@printhaven.example', [{ role: 'la_lead', laId: la.id }]));
    stranger = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'viewer@otherprint.example', [{ role: 'la_viewer', laId: others[0]?.id ?? '' }]));
    page = (await lead.get(`/staff/waves/${wave.id}/report`)).body;
    file = (await download(lead, `/staff/waves/${wave.id}/report.html`)).body;
    const res = await download(lead, `/staff/waves/${wave.id}/report.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="printhaven-council-your-life-your-care-\d{4}-v1-report\.pdf"$/);
    pdf = readPdf(res.rawPayload);
  }, 120_000);
  afterAll(() => t.close());

  it('is linked from the report page and audited as a download of version 1', async () => {
    expect(page).toContain(`href="/staff/waves/${wave.id}/report.pdf`);
    const audit = await t.conn.db.selectFrom('audit_log').select('detail').where('target', '=', wave.id).where('action', '=', 'report.downloaded').where('actor_email', '=', 'lead@printhaven.example').execute();
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toContainEqual({ format: 'pdf', version: 1 });
  });

  it('is an A4, tagged PDF with its metadata, a cover, a contents page and a running footer', () => {
    expect(pdf.pages).toBeGreaterThanOrEqual(12);
    expect(pdf.pages).toBeLessThanOrEqual(80);
    expect(pdf.info['Page size']).toMatch(/\(A4\)/);
    expect(pdf.info['Title']).toBe(`${wave.title}: report`);
    expect(pdf.info['Author']).toBe('Bright Spots programme');
    expect(pdf.info['Tagged']).toBe('yes');
    expect(pdf.raw).toContain('/StructTreeRoot');
    expect(pdf.raw).toContain('/Lang (en-GB)');
    expect(pdf.raw).toContain('/DisplayDocTitle true');
    for (const el of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Table', 'TR', 'TH', 'TD', 'Figure', 'TOC', 'TOCI']) expect(pdf.struct).toMatch(new RegExp(`^\\s*${el}\\b`, 'm'));
    expect(pdf.pageTexts[0]).toContain('Printhaven Council');
    expect(pdf.pageTexts[0]).toContain('Version 1, published');
    expect(pdf.pageTexts[1]).toContain('Contents');
    for (let i = 1; i < pdf.pages; i++) expect(pdf.pageTexts[i]).toContain(`Page ${i + 1} of ${pdf.pages}`);
    expect(pdf.pageTexts[2]).toContain(`Bright Spots report – ${wave.title} – Version 1, published`);
  });

  it("bookmarks every section of the web report, in the web report's order, and lists them on the contents page", () => {
    const sections = [...file.matchAll(/<h2 class="govuk-heading-l" id="[^"]+">([^<]+)<\/h2>/g)].map((m) => decodeEntities(m[1] ?? ''));
    expect(sections.slice(0, 3)).toEqual(['Key findings', 'Who took part', 'Well-being']);
    expect(sections).toContain('Methodology, definitions and caveats');
    const top = pdf.outline.filter((o) => o.depth === 0).map((o) => o.title);
    expect(top).toEqual(['Contents', ...sections]);
    for (const s of sections) expect(pdf.pageTexts[1]).toContain(s);
    // Sub-sections (the age groups) sit under their section.
    expect(pdf.outline.filter((o) => o.depth === 1).map((o) => o.title)).toContain('Ages 8 to 11');
  });

  it('holds every key finding, every chart with its description, and no percentage the web report does not show', async () => {
    const report = await t.services.reports.operatorReport(wave.id, 'json', 1);
    const keys = keyFindingTexts(report.findings, (k) => t.services.i18n.t('en', k));
    expect(keys.length).toBeGreaterThan(0);
    const flat = pdf.text.replace(/\s+/g, ' ');
    for (const k of keys) expect(flat).toContain(k.headline);
    expect(flat).toContain('Not shown: fewer than 10 young people answered');
    // Every shown figure says how many answered: none rests on fewer than 10 (the 4-7s' 6 never do).
    const bases = [...flat.matchAll(/\b(\d+) answered\b/g)].map((m) => Number(m[1]));
    expect(bases.length).toBeGreaterThan(20);
    expect(Math.min(...bases)).toBeGreaterThanOrEqual(10);
    // The web report prints only what the findings engine showed; the PDF prints nothing more.
    const shown = percentages(decodeEntities(file));
    for (const p of percentages(pdf.text)) expect(shown, p).toContain(p);
    expect(pdf.raw.match(/\/S \/Figure/g)?.length ?? 0).toBeGreaterThan(8);
    expect(pdf.raw).toMatch(/\/Alt \([^)]*well-being[^)]*\)/i);
  });

  it("answers another LA's viewer as if it did not exist, and refuses an open wave's report", async () => {
    const res = await download(stranger, `/staff/waves/${wave.id}/report.pdf`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Printhaven');
    expect((await t.app.inject({ method: 'GET', url: `/staff/waves/${wave.id}/report.pdf` })).headers['location']).toMatch(/^\/staff\/sign-in/);
    const openRes = await download(lead, `/staff/waves/${open.id}/report.pdf`);
    expect(openRes.statusCode).toBe(409);
    expect(openRes.headers['content-type']).toMatch(/^text\/html/);
    expect(openRes.body).not.toContain('%PDF');
  });
});
