/** Action plans over HTTP on both engines: roles and tenancy, SMART checks as an error summary, two KPIs to agree, audit, files, "You said, we did" and KPIs measured by the next wave. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { engines } from '../db/testing.ts';
import { client, createTestApp, type TestApp } from '../http/testing.ts';
import type { Wave } from '../programme/index.ts';
import { makeStaff, signedIn } from '../programme/staff/testing.ts';
import { readPdf } from '../reports/pdf/testing.ts';
import { seedWave } from '../reports/testing.ts';
import { publishedWave } from './testing.ts';

type Client = Awaited<ReturnType<typeof signedIn>>;

describe.each(engines)('action plans over HTTP on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  let lead: Client;
  let viewer: Client;
  let otherLead: Client;
  let researcher: Client;
  const url = (s = ''): string => `/staff/waves/${wave.id}/actions${s}`;
  let findingId = '';
  let indicators: string[] = [];

  const good = (over: Record<string, string> = {}): Record<string, string> => ({
    what: 'Every care leaver gets a letter that explains the support they can get',
    findings: findingId,
    indicator: indicators[0] ?? '',
    target: '90',
    byWave: '1',
    ownerRole: 'Head of service',
    ownerTeam: 'Leaving care team',
    partners: 'Housing, Jobcentre Plus',
    dueOn: '2026-09-30',
    status: 'on_track',
    involvementGroup: 'care_leavers_forum',
    involvementHow: 'The forum chose the topic and tested the new letter',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ wave } = await publishedWave(t.conn.db, t.services.programme, t.services.reports));
    const other = await t.services.programme.addLa({ name: 'Otherton Council', nation: 'england', onsCode: 'E06000932' });
    lead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@brookfield.example', [{ role: 'la_lead', laId: wave.laId }]));
    viewer = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'viewer@brookfield.example', [{ role: 'la_viewer', laId: wave.laId }]));
    otherLead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@otherton.example', [{ role: 'la_lead', laId: other.id }]));
    researcher = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'researcher@programme.example', [{ role: 'programme_researcher', laId: null }]));
  }, 120_000);
  afterAll(() => t.close());

  it('lets the LA lead start a plan on the published report; others of another LA get 404', async () => {
    expect((await otherLead.get(url())).status).toBe(404);
    const page = await lead.get(url());
    expect(page.status).toBe(200);
    expect(page.body).toContain('Start the action plan');
    expect((await lead.submit(url('/start'))).status).toBe(303);
    const plan = await lead.get(url());
    expect(plan.body).toContain('Findings and their actions');
    findingId = /id="f-([^"]+)"/.exec(plan.body)?.[1] ?? '';
    expect(findingId).not.toBe('');
    const report = await lead.get(`/staff/waves/${wave.id}/report`);
    expect(report.body).toContain(`href="${url()}?finding=${encodeURIComponent(findingId)}#f-${findingId}">Actions on this finding</a>`);
    expect((await lead.get(`/staff/waves/${wave.id}`)).body).toContain(`href="${url()}">Action plan</a>`);
    // The LA's safeguarding contact reads the report but not the plan: no links to it.
    const contact = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'safeguarding@brookfield.example', [{ role: 'la_safeguarding', laId: wave.laId }]));
    expect((await contact.get(`/staff/waves/${wave.id}/report`)).body).not.toContain('Actions on this finding');
    expect((await contact.get(`/staff/waves/${wave.id}`)).body).not.toContain(`href="${url()}"`);
    expect((await contact.get(url())).status).toBe(404);
    const form = await lead.get(url(`/new?finding=${encodeURIComponent(findingId)}`));
    expect(form.body).toContain(`value="${findingId}" checked`);
    indicators = [...form.body.matchAll(/<option value="(ylbc-16-25\.[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(indicators.length).toBeGreaterThan(5);
    expect((await otherLead.get(url('/new'))).status).toBe(404);
    expect((await client(t.app).get(url())).location).toMatch(/^\/staff\/sign-in/);
  });

  it('stops an action that is not SMART with an error summary, and refuses names of young people', async () => {
    await lead.get(url('/new'));
    const bad = await lead.submit(url('/new'), good({ what: 'Fix it', target: '', ownerRole: '', dueOn: 'soon', findings: '', involvementHow: 'Jamie Smith told us' }));
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    for (const words of ['Be specific', 'A measure needs a baseline and a target', 'Name who owns it', 'Say by when', 'Link the action to at least one finding', 'must not name young people']) expect(bad.body).toContain(words);
    expect(bad.body).toContain('value="Housing, Jobcentre Plus"');
    await lead.get(url('/new'));
    const ok = await lead.submit(url('/new'), good());
    expect(ok.status).toBe(303);
    const page = await lead.get(url());
    expect(page.body).toContain('Every care leaver gets a letter');
    expect(page.body).toMatch(/href="#action-[^"]+">Action 1<\/a>/);
    const audit = await t.services.audit.list({ laId: wave.laId });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['plan.created', 'plan.action_added', 'plan.viewed']));
  });

  it('will not agree a plan without two KPIs, and gives LA viewers and programme staff a read-only plan', async () => {
    await lead.get(url());
    const early = await lead.submit(url('/agree'));
    expect(early.status).toBe(422);
    expect(early.body).toContain('at least 2 outcome-focused KPIs');
    await lead.get(url('/kpis/new'));
    const badKpi = await lead.submit(url('/kpis/new'), { title: 'More', indicator: '', target: '' });
    expect(badKpi.status).toBe(422);
    expect(badKpi.body).toContain('A KPI needs a survey indicator');
    for (const [i, title] of ['More care leavers know their entitlements', 'More care leavers feel involved in their plans'].entries()) {
      await lead.get(url('/kpis/new'));
      expect((await lead.submit(url('/kpis/new'), { title, indicator: indicators[i + 1] ?? '', target: '95' })).status).toBe(303);
    }
    await lead.get(url());
    expect((await lead.submit(url('/agree'))).status).toBe(303);
    expect((await lead.get(url())).body).toContain('Agreed');

    const read = await viewer.get(url());
    expect(read.status).toBe(200);
    expect(read.body).toContain('Every care leaver gets a letter');
    expect(read.body).not.toContain('Add a KPI');
    expect((await viewer.submit(url('/kpis/new'), { title: 'Sneaky KPI title', indicator: indicators[3] ?? '', target: '99' })).status).toBe(403);
    expect((await researcher.get(url('/dashboard'))).status).toBe(200);
    expect((await otherLead.get(url('/dashboard'))).status).toBe(404);
    expect((await t.services.audit.list({ action: 'plan.agreed' })).length).toBe(1);
  });

  it('records progress with a date, and shows the dashboard as a page, an A4 PDF and a spreadsheet', async () => {
    const plan = await lead.get(url());
    const actionId = /id="action-([0-9a-f-]{36})"/.exec(plan.body)?.[1] ?? '';
    await lead.get(url(`/${actionId}/edit`));
    expect((await lead.submit(url(`/${actionId}/updates`), { onDate: '', updateStatus: 'at_risk', note: '' })).status).toBe(422);
    await lead.get(url(`/${actionId}/edit`));
    expect((await lead.submit(url(`/${actionId}/updates`), { onDate: '2026-03-01', updateStatus: 'at_risk', note: 'Printing delayed by a month' })).status).toBe(303);
    await lead.get(url('/new'));
    expect((await lead.submit(url('/new'), good({ what: 'Personal advisers meet every care leaver before their eighteenth birthday', dueOn: '2026-02-01', status: 'off_track', indicator: indicators[4] ?? '' }))).status).toBe(303);
    expect((await researcher.get(url())).body).toContain('2026-03-01 (At risk): Printing delayed by a month');
    const dash = await researcher.get(url('/dashboard'));
    expect(dash.body).toMatch(/2 actions, 1 overdue/);
    const raw = (path: string) => t.app.inject({ method: 'GET', url: path, headers: { cookie: [...lead.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const pdf = await raw(url('/dashboard.pdf'));
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const read = readPdf(pdf.rawPayload);
    expect(read.info['Tagged']).toBe('yes');
    expect(read.info['Page size']).toContain('595.28 x 841.89');
    expect(read.text).toContain('KPIs against targets');
    const xlsx = await raw(url('/dashboard.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Actions', 'KPIs', 'Progress updates']);
    expect(wb.getWorksheet('Progress updates')?.getRow(2).getCell(4).text).toBe('Printing delayed by a month');
    expect((await t.services.audit.list({ action: 'plan.downloaded' })).map((a) => a.detail['format']).sort()).toEqual(['dashboard-pdf', 'dashboard-xlsx']);
  });

  it('publishes "You said, we did" in plain words as a page anyone with the link can read, and a poster', async () => {
    const editor = await lead.get(url('/you-said-we-did'));
    expect(editor.body).toContain('of you said');
    const named = await lead.submit(url('/you-said-we-did'), { intro: 'Thank you.', said: 'You said letters were confusing.', did: 'Kayleigh Brown wrote a new letter.' });
    expect(named.status).toBe(422);
    expect(named.body).toContain('do not name young people');
    await lead.get(url('/you-said-we-did'));
    expect((await lead.submit(url('/you-said-we-did'), { intro: 'Thank you for telling us about your life.', said: 'You said you did not know what help you can get.', did: 'We wrote a short letter that tells you. The forum helped us.' })).status).toBe(303);
    await lead.get(url('/you-said-we-did'));
    expect((await lead.submit(url('/you-said-we-did/publish'))).status).toBe(303);
    const page = await lead.get(url('/you-said-we-did'));
    const link = /href="(\/you-said-we-did\/[A-Za-z0-9_-]+)"/.exec(page.body)?.[1] ?? '';
    expect(link).not.toBe('');
    const shared = await client(t.app).get(link);
    expect(shared.status).toBe(200);
    expect(shared.body).toContain('We wrote a short letter that tells you.');
    expect(shared.body).toContain('Childline');
    expect((await client(t.app).get('/you-said-we-did/not-a-real-token-at-all-0000')).status).toBe(404);
    const poster = await t.app.inject({ method: 'GET', url: `${link}/poster.pdf` });
    expect(readPdf(poster.rawPayload).text).toContain('You said, we did');
  });

  it('shows each KPI\'s new value and change once the next wave is published', async () => {
    const la = (await t.services.programme.findLa(wave.laId))!;
    const { wave: next } = await seedWave(t.conn.db, t.services.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 80 }, seed: 99, outlook: 0.8, opensOn: '2026-02-01', closesOn: '2026-02-28' });
    const out = await t.services.reports.operatorPublish(next.id, 'First publication');
    expect(out.ok).toBe(true);
    const dash = await lead.get(url('/dashboard'));
    expect(dash.body).toContain(`Measured by ${next.title}`);
    expect(dash.body).toMatch(/[+−±]\d+ points? \(95% interval/);
    expect(dash.body).toMatch(/Target (met|not met)/);
  });
});
