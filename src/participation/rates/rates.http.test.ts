/** The response-rate pages over HTTP: who may see them, what they show to whom, and the chart. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { createTestApp, type TestApp } from '../../http/testing.ts';
import { makeStaff, signedIn } from '../../programme/staff/testing.ts';
import { insertResponses } from './testing.ts';

const cells = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe.each(engines)('response-rate pages on %s', (dialect) => {
  let t: TestApp;
  let ids: { laA: string; laB: string; waveA: string; waveB: string; waveC: string };
  let clients: Record<'researcher' | 'leadA' | 'viewerA' | 'leadB', Awaited<ReturnType<typeof signedIn>>>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.clock.set('2026-03-12T10:00:00.000Z');
    const { programme } = t.services;
    const a = await programme.addLa({ name: 'Aldermoor Metropolitan Borough', nation: 'england', onsCode: 'E08000901' });
    const b = await programme.addLa({ name: 'Brackenfield Council', nation: 'england', onsCode: 'E06000902' });
    const c = await programme.addLa({ name: 'Coldwater County Council', nation: 'england', onsCode: 'E10000903' });
    const waveA = await programme.openWave({ laId: a.id, survey: 'ylyc', eligible: { 'ylyc-4-7': 40, 'ylyc-8-11': 120, 'ylyc-11-17': 440 }, opensOn: '2026-03-01', closesOn: '2026-04-30', title: 'Aldermoor YLYC 2026' });
    const waveB = await programme.openWave({ laId: b.id, survey: 'ylbc', eligible: { 'ylbc-16-25': 100 }, opensOn: '2026-03-01', closesOn: '2026-03-31', title: 'Brackenfield YLBC 2026' });
    const waveC = await programme.openWave({ laId: c.id, survey: 'ylbc', eligible: { 'ylbc-16-25': 50 }, opensOn: '2026-03-02', closesOn: '2026-03-20', title: 'Coldwater YLBC 2026' });
    // A: 3 + 25 + 12, steady; B: 60 of 100 already (target met); C: 2 of 50 and stalled (behind).
    await insertResponses(t.conn.db, waveA.id, 'ylyc-4-7', '2026-03-03T23:59:59.123Z', 3);
    await insertResponses(t.conn.db, waveA.id, 'ylyc-8-11', '2026-03-06', 25);
    await insertResponses(t.conn.db, waveA.id, 'ylyc-11-17', '2026-03-10', 12);
    await insertResponses(t.conn.db, waveB.id, 'ylbc-16-25', '2026-03-05', 60);
    await insertResponses(t.conn.db, waveC.id, 'ylbc-16-25', '2026-03-02', 2);
    ids = { laA: a.id, laB: b.id, waveA: waveA.id, waveB: waveB.id, waveC: waveC.id };
    const db = t.conn.db;
    clients = {
      researcher: await signedIn(t.app, t.clock, await makeStaff(db, t.clock, 'researcher@programme.example', [{ role: 'programme_researcher', laId: null }])),
      leadA: await signedIn(t.app, t.clock, await makeStaff(db, t.clock, 'lead@aldermoor.example', [{ role: 'la_lead', laId: a.id }])),
      viewerA: await signedIn(t.app, t.clock, await makeStaff(db, t.clock, 'viewer@aldermoor.example', [{ role: 'la_viewer', laId: a.id }])),
      leadB: await signedIn(t.app, t.clock, await makeStaff(db, t.clock, 'lead@brackenfield.example', [{ role: 'la_lead', laId: b.id }])),
    };
  });
  afterAll(() => t.close());

  it('programme staff see every live wave, those needing help first', async () => {
    const res = await clients.researcher.get('/staff/fieldwork');
    expect(res.status).toBe(200);
    const text = cells(res.body);
    expect(text).toContain('1 is projected to miss the target');
    const order = ['Coldwater YLBC 2026', 'Aldermoor YLYC 2026', 'Brackenfield YLBC 2026'].map((w) => res.body.indexOf(w));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    // Outlook, responses, rate now, target, projected at close, days left, needed a day.
    expect(text).toContain('Coldwater County Council Coldwater YLBC 2026 : response rates 2 Mar to 20 Mar Behind 2 of 50 4% target 30% 4% (2) 9 1.4');
    expect(text).toContain('Aldermoor YLYC 2026 : response rates 1 Mar to 30 Apr On track 40 of 600 7% target 30% 51% (304) 50 2.8');
    expect(text).toContain('Brackenfield YLBC 2026 : response rates 1 Mar to 31 Mar Target met 60 of 100 60% target 30%');
    expect(res.body).toContain(`href="/staff/waves/${ids.waveC}/rates"`);
    expect(res.body).toContain('href="/staff/fieldwork"'); // in the menu
  });

  it('LA staff may not open the programme-wide page, and do not get it in their menu', async () => {
    for (const c of [clients.leadA, clients.viewerA, clients.leadB]) {
      const res = await c.get('/staff/fieldwork');
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('Coldwater');
    }
    expect((await clients.leadA.get('/staff')).body).not.toContain('href="/staff/fieldwork"');
  });

  it("an LA's own staff see every count on its dashboard, even under 10", async () => {
    for (const c of [clients.leadA, clients.viewerA]) {
      const res = await c.get(`/staff/waves/${ids.waveA}/rates`);
      expect(res.status).toBe(200);
      const text = cells(res.body);
      expect(text).toContain('Ages 4 to 7 3 40 8%');
      expect(text).toContain('Ages 11 to 17 12 440 3%');
      expect(text).toContain('All ages 40 600 7%');
      expect(text).not.toContain('fewer than 10 40');
      expect(text).toContain('As staff of this local authority you see every count');
    }
  });

  it('programme staff see the same dashboard with small band counts suppressed', async () => {
    const text = cells((await clients.researcher.get(`/staff/waves/${ids.waveA}/rates`)).body);
    expect(text).toContain('Ages 4 to 7 fewer than 10 40 –');
    expect(text).toContain('Ages 11 to 17 fewer than 10 440 –'); // secondary: else 40 - 25 - 3 gives it
    expect(text).toContain('Ages 8 to 11 25 120 21%');
    expect(text).toContain('All ages 40 600 7%');
  });

  it('shows the projection, how it is worked out, and completion days only', async () => {
    const res = await clients.leadA.get(`/staff/waves/${ids.waveA}/rates`);
    const text = cells(res.body);
    // 40 in the 7 full days 5-11 March minus the 3 on 3 March: 37 / 7 a day for 50 days left (12 March to 30 April).
    expect(text).toContain('5.3 responses a day over the last 7 full days');
    expect(text).toContain(`About ${Math.round(40 + (37 / 7) * 50)} responses`);
    expect(text).toContain('average number of responses a day over the last 7 full days');
    expect(text).toContain('3 March 2026');
    expect(res.body).not.toMatch(/23:59|T23|59\.123/);
  });

  it('draws the chart as inline SVG with a text alternative, no inline styles, under a CSP that forbids them', async () => {
    const res = await clients.leadA.get(`/staff/waves/${ids.waveA}/rates`);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(res.body)?.[0] ?? '';
    expect(svg).toMatch(/^<svg[^>]* role="img"[^>]* aria-labelledby="rate-chart-title rate-chart-desc"/);
    expect(svg).toContain('<title id="rate-chart-title">Cumulative response rate, Aldermoor YLYC 2026</title>');
    expect(svg).toMatch(/<desc id="rate-chart-desc">The response rate rose to 7% by 12 March 2026, against a target of 30%\./);
    expect(svg).toContain('Target 30%');
    expect(res.body).not.toMatch(/\sstyle=/);
    expect(String(res.headers['content-security-policy'])).toContain("style-src 'self'");
    // The data beside the chart: fieldwork weeks from the open date, the last cut at today.
    const text = cells(res.body);
    expect(text).toContain('Responses by week of fieldwork Week from New Total Rate 1 Mar 28 28 5% 8 Mar 12 40 7%');
    expect(text).toContain('Responses by day, newest first');
    expect(text).toContain('12 March 2026 0 40 7% 11 March 2026 0 40 7% 10 March 2026 12 40 7%');
  });

  it("another LA's dashboard is not found, and the wave page links to the dashboard", async () => {
    expect((await clients.leadB.get(`/staff/waves/${ids.waveA}/rates`)).status).toBe(404);
    expect((await clients.leadA.get(`/staff/waves/${ids.waveB}/rates`)).status).toBe(404);
    expect((await clients.leadA.get('/staff/waves/no-such-wave/rates')).status).toBe(404);
    expect((await clients.leadA.get(`/staff/waves/${ids.waveA}`)).body).toContain(`href="/staff/waves/${ids.waveA}/rates"`);
  });

  it('signed-out visitors are sent to sign in', async () => {
    const { client } = await import('../../http/testing.ts');
    const res = await client(t.app).get(`/staff/waves/${ids.waveA}/rates`);
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/staff\/sign-in/);
  });
});
