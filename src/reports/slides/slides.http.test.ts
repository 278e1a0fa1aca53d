/** The feedback-session deck over HTTP on both engines: the download, its link, the audit, and who may have it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { createTestApp, type TestApp } from '../../http/testing.ts';
import type { Wave } from '../../programme/index.ts';
import { makeStaff, signedIn } from '../../programme/staff/testing.ts';
import { keyFindingTexts } from '../key-findings.ts';
import { seedWave } from '../testing.ts';
import { FIXED_SLIDES } from './deck-content.ts';
import { PPTX_TYPE } from '../report-formats.ts';
import { openPptx } from './testing.ts';

describe.each(engines)('feedback-session slides over HTTP on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  let lead: Awaited<ReturnType<typeof signedIn>>;
  let stranger: Awaited<ReturnType<typeof signedIn>>;
  const download = (who: typeof lead, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme } = t.services;
    const add = (name: string, code: string) => programme.addLa({ name, nation: 'england', onsCode: code });
    const la = await add('Slidewell Council', 'E06000831');
    wave = (await seedWave(t.conn.db, programme, la, { survey: 'ylyc', responses: { 'ylyc-4-7': 6, 'ylyc-8-11': 70, 'ylyc-11-17': 90 }, seed: 5, outlook: 0.6 })).wave;
    const others = [await add('Otherslide Council', 'E06000832'), await add('Thirdslide Council', 'E06000833'), await add('Fourthslide Council', 'E06000834')];
    for (const [i, l] of others.entries()) await seedWave(t.conn.db, programme, l, { survey: 'ylyc', responses: { 'ylyc-4-7': 40, 'ylyc-8-11': 150, 'ylyc-11-17': 200 }, seed: 30 + i, outlook: -0.3 });
    // LA staff read published versions only: publish the first.
    expect(await t.services.reports.operatorPublish(wave.id, 'First publication')).toMatchObject({ ok: true });
    lead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@slidewell.example', [{ role: 'la_lead', laId: la.id }]));
    stranger = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'viewer@otherslide.example', [{ role: 'la_viewer', laId: others[0]?.id ?? '' }]));
  });
  afterAll(() => t.close());

  it("gives the LA's lead the deck as a PowerPoint attachment, linked from the report page, and audits it", async () => {
    expect((await lead.get(`/staff/waves/${wave.id}/report`)).body).toContain(`href="/staff/waves/${wave.id}/report.pptx`);
    const res = await download(lead, `/staff/waves/${wave.id}/report.pptx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(PPTX_TYPE);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="slidewell-council-your-life-your-care-\d{4}-v1-feedback-slides\.pptx"$/);
    const deck = openPptx(res.rawPayload);
    const report = await t.services.reports.operatorReport(wave.id, 'json');
    expect(report.findings.keyFindings.length).toBeGreaterThan(0);
    expect(deck.slides).toHaveLength(FIXED_SLIDES + keyFindingTexts(report.findings, (k) => t.services.i18n.t('en', k)).length);
    expect(deck.slides[0]?.text).toContain('Slidewell Council');
    expect(deck.slides[0]?.text).toContain('Version 1, published');
    const audit = await t.conn.db.selectFrom('audit_log').select('detail').where('target', '=', wave.id).where('action', '=', 'report.downloaded').where('actor_email', '=', 'lead@slidewell.example').execute();
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([{ format: 'pptx', version: 1 }]);
  });

  it("answers another LA's viewer as if the deck did not exist, and sends the signed-out to sign in", async () => {
    const res = await download(stranger, `/staff/waves/${wave.id}/report.pptx`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Slidewell');
    expect((await t.app.inject({ method: 'GET', url: `/staff/waves/${wave.id}/report.pptx` })).headers['location']).toMatch(/^\/staff\/sign-in/);
    expect((await download(lead, '/staff/waves/not-a-wave/report.pptx')).statusCode).toBe(404);
  });
});
