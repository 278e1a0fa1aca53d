/** The report pages over HTTP on both engines: the staff page, the JSON and HTML downloads, and who may see them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { client, createTestApp, type TestApp } from '../http/testing.ts';
import type { Wave } from '../programme/index.ts';
import { makeStaff, signedIn } from '../programme/staff/testing.ts';
import { seedWave } from './testing.ts';

/** Every object in a JSON tree. */
function* objects(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) for (const x of node) yield* objects(x);
  else if (node !== null && typeof node === 'object') {
    yield node as Record<string, unknown>;
    for (const v of Object.values(node)) yield* objects(v);
  }
}

describe.each(engines)('LA report over HTTP on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  let open: Wave;
  let c: Awaited<ReturnType<typeof signedIn>>;
  let strangerClient: Awaited<ReturnType<typeof signedIn>>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme } = t.services;
    const add = (name: string, code: string) => programme.addLa({ name, nation: 'england', onsCode: code });
    const la = await add('Brightwater Council', 'E06000811');
    // The 4-7s are too few to show any percentage: 6 responses.
    wave = (await seedWave(t.conn.db, programme, la, { survey: 'ylyc', responses: { 'ylyc-4-7': 6, 'ylyc-8-11': 70, 'ylyc-11-17': 90 }, seed: 5, outlook: 0.6 })).wave;
    const others = [await add('Othertown Council', 'E06000812'), await add('Thirdvale Council', 'E06000813'), await add('Fourthmoor Council', 'E06000814')];
    for (const [i, l] of others.entries()) await seedWave(t.conn.db, programme, l, { survey: 'ylyc', responses: { 'ylyc-4-7': 40, 'ylyc-8-11': 150, 'ylyc-11-17': 200 }, seed: 30 + i, outlook: -0.3 });
    open = (await seedWave(t.conn.db, programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 20 }, seed: 6, close: false })).wave;
    // LA staff read published versions only: publish the first.
    const researcher = { accountId: 'researcher', email: 'researcher@example.org', name: 'Researcher', grants: [{ role: 'programme_researcher' as const, laId: null }] };
    expect(await t.services.reports.publish(researcher, wave.id, 'First publication')).toMatchObject({ ok: true });
    const lead = await makeStaff(t.conn.db, t.clock, 'lead@brightwater.example', [{ role: 'la_lead', laId: la.id }]);
    const stranger = await makeStaff(t.conn.db, t.clock, 'viewer@othertown.example', [{ role: 'la_viewer', laId: others[0]?.id ?? '' }]);
    c = await signedIn(t.app, t.clock, lead);
    strangerClient = await signedIn(t.app, t.clock, stranger);
  });
  afterAll(() => t.close());

  it("shows the LA's own staff the report in the issue's order, with bright spots, and links it from the wave page", async () => {
    expect((await c.get(`/staff/waves/${wave.id}`)).body).toContain(`/staff/waves/${wave.id}/report`);
    expect((await c.get(`/staff/waves/${open.id}`)).body).not.toContain(`/staff/waves/${open.id}/report`);
    const page = await c.get(`/staff/waves/${wave.id}/report`);
    expect(page.status).toBe(200);
    const order = ['id="key-findings"', 'id="who-took-part"', 'id="wellbeing"', 'id="relationships"', 'id="rights"', 'id="resilience"', 'id="recovery"', 'id="methodology"'].map((a) => page.body.indexOf(a));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const summary = page.body.slice(order[0], order[1]);
    expect(summary).toContain('Bright spots');
    expect(summary).toMatch(/Statistically better after controlling for false discoveries/);
    expect(page.body).toContain('Not shown: fewer than 10 young people answered');
    // The later sections follow the domains in the order, and charts sit beside their tables.
    const later = ['id="recovery"', 'id="breakdowns"', 'id="change"', 'id="comments"', 'id="methodology"'].map((a) => page.body.indexOf(a));
    expect(later.every((i) => i > 0)).toBe(true);
    expect([...later].sort((a, b) => a - b)).toEqual(later);
    expect(page.body.match(/<svg [^>]*class="bs-chart" role="img"/g)?.length ?? 0).toBeGreaterThan(8);
    expect(page.body.slice(later[1], later[2])).toMatch(/By gender|By where they live/);
    const audit = await t.conn.db.selectFrom('audit_log').select('action').where('target', '=', wave.id).execute();
    expect(audit.map((a) => a.action)).toContain('report.viewed');
  });

  it('downloads every figure as JSON, and no shown figure rests on fewer than 10 young people', async () => {
    const res = await c.get(`/staff/waves/${wave.id}/report.json`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename=".+-report\.json"$/);
    const json = JSON.parse(res.body) as { findings: { keyFindings: unknown[] }; participation: Array<{ responses: number }> };
    expect(json.findings.keyFindings.length).toBeGreaterThan(0);
    expect(json.participation.map((p) => p.responses)).toEqual([6, 70, 90, 166]);
    let shown = 0;
    for (const o of objects(json)) {
      if (o['shown'] !== true) continue;
      shown++;
      for (const k of ['base', 'n']) if (typeof o[k] === 'number') expect(o[k]).toBeGreaterThanOrEqual(10);
      if (typeof o['count'] === 'number' && typeof o['base'] !== 'number') expect(o['count']).toBeGreaterThanOrEqual(10);
    }
    expect(shown).toBeGreaterThan(50);
    const fourToSeven = (JSON.parse(res.body) as { findings: { instruments: Array<{ instrumentId: string; indicators: Array<{ la: { shown: boolean; reason?: string } }> }> } }).findings.instruments.find((i) => i.instrumentId === 'ylyc-4-7');
    expect(fourToSeven?.indicators.every((i) => !i.la.shown && i.la.reason === 'small_base')).toBe(true);
  });

  it('downloads the report as one self-contained HTML file', async () => {
    const res = await c.get(`/staff/waves/${wave.id}/report.html`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename=".+-report\.html"$/);
    expect(res.body).toContain('<style>');
    expect(res.body).toContain('id="key-findings"');
    expect(res.body).toMatch(/<svg [^>]*class="bs-chart" role="img"[^>]*><title id="chart-/);
    expect(res.body).not.toMatch(/\sstyle="/);
    expect(res.body).not.toMatch(/<script|<link|<img|src=|url\(/);
    expect(res.body).not.toContain('href="/');
  });

  it('answers another LA as if the report did not exist, refuses an open wave, and sends the signed-out to sign in', async () => {
    for (const suffix of ['', '.json', '.html']) {
      const res = await strangerClient.get(`/staff/waves/${wave.id}/report${suffix}`);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('Brightwater');
    }
    expect((await c.get(`/staff/waves/${open.id}/report`)).status).toBe(409);
    expect((await c.get('/staff/waves/not-a-wave/report.json')).status).toBe(404);
    expect((await client(t.app).get(`/staff/waves/${wave.id}/report`)).location).toMatch(/^\/staff\/sign-in/);
  });
});
