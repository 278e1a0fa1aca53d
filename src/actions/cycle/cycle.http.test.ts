/**
 * New Belongings Plus over HTTP on both engines: switching a plan to the cycle, recording a deep dive
 * (no names, counts for young people), the timeline's overdue sessions, the co-production review with
 * the programme's feedback, the reference group register, the sessions on the progress dashboard (page,
 * PDF, XLSX), the programme-wide table and the practice bank (re-measured once the LA's next wave is
 * reported), with roles, tenancy (404 for another LA) and the audit log.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { createTestApp, type TestApp } from '../../http/testing.ts';
import type { Wave } from '../../programme/index.ts';
import { makeStaff, signedIn } from '../../programme/staff/testing.ts';
import { readPdf } from '../../reports/pdf/testing.ts';
import { seedWave } from '../../reports/testing.ts';
import { publishedWave } from '../testing.ts';

type Client = Awaited<ReturnType<typeof signedIn>>;

describe.each(engines)('the New Belongings Plus cycle over HTTP on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  let lead: Client;
  let viewer: Client;
  let otherLead: Client;
  let researcher: Client;
  let admin: Client;
  let actionId = '';
  let indicator = '';
  let river: Wave;
  let riverLead: Client;
  const plan = (s = ''): string => `/staff/waves/${wave.id}/actions${s}`;
  const url = (s = ''): string => plan(`/cycle${s}`);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ wave } = await publishedWave(t.conn.db, t.services.programme, t.services.reports));
    const other = await t.services.programme.addLa({ name: 'Otherton Council', nation: 'england', onsCode: 'E06000932' });
    lead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@brookfield.example', [{ role: 'la_lead', laId: wave.laId }]));
    viewer = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'viewer@brookfield.example', [{ role: 'la_viewer', laId: wave.laId }]));
    otherLead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@otherton.example', [{ role: 'la_lead', laId: other.id }]));
    researcher = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'researcher@programme.example', [{ role: 'programme_researcher', laId: null }]));
    admin = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'admin@programme.example', [{ role: 'programme_admin', laId: null }]));
    // A plan with one action on an area for improvement.
    await lead.get(plan());
    await lead.submit(plan('/start'));
    const page = await lead.get(plan());
    const area = /<li id="f-([^"]+)"[^>]*><strong class="govuk-tag govuk-tag--orange">/.exec(page.body)?.[1] ?? '';
    const form = await lead.get(plan(`/new?finding=${encodeURIComponent(area)}`));
    indicator = /<option value="([^"]+)" selected>/.exec(form.body)?.[1] ?? '';
    expect(indicator).not.toBe('');
    const saved = await lead.submit(plan('/new'), {
      what: 'Every care leaver gets a letter that explains the support they can get',
      findings: area,
      indicator,
      target: indicator.endsWith('.low') ? '5' : '95',
      byWave: '1',
      ownerRole: 'Head of service',
      ownerTeam: 'Leaving care team',
      partners: 'Housing',
      dueOn: '2026-09-30',
      status: 'on_track',
      involvementGroup: 'care_leavers_forum',
      involvementHow: 'The forum chose the topic',
    });
    expect(saved.status).toBe(303);
    actionId = /#action-(.+)$/.exec(saved.location ?? '')?.[1] ?? '';
    expect(actionId).not.toBe('');
  }, 180_000);
  afterAll(() => t.close());

  /** Posts a form with repeated fields (rows of attendees or roles), with the CSRF token of the form page. */
  async function postRows(c: Client, formUrl: string, fields: Record<string, string | readonly string[]>): Promise<{ status: number; body: string }> {
    const page = await c.get(formUrl);
    const pairs: Array<[string, string]> = [['_csrf', /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '']];
    for (const [k, v] of Object.entries(fields)) for (const one of typeof v === 'string' ? [v] : v) pairs.push([k, one]);
    const res = await t.app.inject({ method: 'POST', url: formUrl, headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(pairs).toString() });
    return { status: res.statusCode, body: res.body };
  }

  it('lets the LA lead run the plan as New Belongings Plus; the viewer reads it; another LA gets 404', async () => {
    expect((await otherLead.get(url())).status).toBe(404);
    const before = await viewer.get(url());
    expect(before.status).toBe(200);
    expect(before.body).toContain('This plan is not run as New Belongings Plus');
    expect(before.body).not.toContain('Run as New Belongings Plus</button>');
    expect((await viewer.submit(url('/start'), { startedOn: '' })).status).toBe(403);
    expect((await lead.get(plan())).body).toContain(`href="${url()}"`);
    await lead.get(url());
    expect((await lead.submit(url('/start'), { startedOn: 'last week' })).status).toBe(422);
    await lead.get(url());
    expect((await lead.submit(url('/start'), { startedOn: '2026-01-05' })).status).toBe(303);
    // Today is 2 March 2026: the feedback session (19 January) and first deep dive (16 February) are overdue.
    const page = await viewer.get(url());
    expect(page.body).toContain('Feedback session on the report (1 of 7)');
    expect(page.body).toContain('2 overdue');
    expect(page.body).toMatch(/Overdue<\/strong> First deep dive: planned for 2026-02-16 \(14 days overdue\)/);
    expect(page.body).not.toContain('/cycle/sessions/feedback">Record');
    const audit = (await t.services.audit.list({ laId: wave.laId })).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['cycle.started', 'cycle.viewed']));
  });

  it('records a deep dive by role and organisation with a count of young people, refusing names and future dates', async () => {
    await lead.get(url('/sessions/deep_dive_1'));
    const named = await lead.submit(url('/sessions/deep_dive_1'), { topic: 'Feeling safe at home', plannedOn: '2026-02-16', heldOn: '2026-02-20', role: 'Personal adviser', organisation: 'Leaving care team', count: '2', youngPeople: '3', notes: 'Jamie Smith said the letters were confusing.', decisions: '', actionIds: actionId });
    expect(named.status).toBe(422);
    expect(named.body).toContain('govuk-error-summary');
    expect(named.body).toContain('must not name young people');
    expect(named.body).toContain('value="Personal adviser"');
    await lead.get(url('/sessions/deep_dive_1'));
    const future = await lead.submit(url('/sessions/deep_dive_1'), { topic: '', plannedOn: '2026-02-16', heldOn: '2026-04-01', role: '', organisation: '', count: '', youngPeople: 'three', notes: '', decisions: '' });
    expect(future.status).toBe(422);
    for (const words of ['cannot be in the future', 'Say which topic', 'as a whole number']) expect(future.body).toContain(words);
    const ok = await postRows(lead, url('/sessions/deep_dive_1'), {
      topic: 'Feeling safe at home',
      plannedOn: '2026-02-16',
      heldOn: '2026-02-20',
      role: ['Personal adviser', 'Housing officer'],
      organisation: ['Leaving care team', 'District housing'],
      count: ['2', '1'],
      youngPeople: '3',
      notes: 'Care leavers said the first weeks in a new flat are the hardest.',
      decisions: 'A welcome visit in the first week of every move.',
      actionIds: actionId,
    });
    expect(ok.status).toBe(303);
    const page = await viewer.get(url());
    expect(page.body).toContain('First deep dive: Feeling safe at home');
    expect(page.body).toContain('2 × Personal adviser, Leaving care team');
    expect(page.body).toContain('3 young people');
    expect(page.body).toContain(`href="${plan()}#action-${actionId}">Every care leaver gets a letter`);
    expect(page.body).toContain('1 overdue');
    expect((await viewer.submit(url('/sessions/deep_dive_1'), { plannedOn: '2026-02-16', heldOn: '' })).status).toBe(403);
    expect((await otherLead.submit(url('/sessions/deep_dive_1'), { plannedOn: '2026-02-16', heldOn: '' })).status).toBe(404);
    expect((await lead.get(url('/sessions/not_a_session'))).status).toBe(404);
    const saved = await t.services.audit.list({ action: 'cycle.session_saved' });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.detail).toMatchObject({ kind: 'deep_dive_1', held: true, actions: 1 });
  });

  it('shows the sessions held, overdue and due on the progress dashboard, its PDF and its spreadsheet', async () => {
    // Today is 2 March 2026: feedback (19 January) overdue, first deep dive held, second deep dive planned for today (due soon).
    const dash = await viewer.get(plan('/dashboard'));
    expect(dash.status).toBe(200);
    expect(dash.body).toContain('New Belongings Plus sessions');
    expect(dash.body).toContain('Where the cycle is: <strong>Feedback session on the report (1 of 7)</strong>. 1 of 7 sessions held, 1 overdue, 1 due soon.');
    expect(dash.body).toMatch(/First deep dive: Feeling safe at home<\/th><td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--green">Held<\/strong><\/td><td class="govuk-table__cell">Held on 2026-02-20<\/td><td class="govuk-table__cell">2 × Personal adviser, Leaving care team; 1 × Housing officer, District housing; 3 young people<\/td><td class="govuk-table__cell">A welcome visit in the first week of every move.<br>Action 1<\/td>/);
    expect(dash.body).toContain('Overdue by 42 days');
    expect(dash.body).toContain('Due soon (2026-03-02)');
    const raw = (path: string) => t.app.inject({ method: 'GET', url: path, headers: { cookie: [...viewer.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    const pdf = readPdf((await raw(plan('/dashboard.pdf'))).rawPayload);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('New Belongings Plus sessions');
    expect(text).toContain('1 of 7 sessions held, 1 overdue, 1 due soon');
    expect(text).toContain('First deep dive: Feeling safe at home');
    expect(text).toContain('Held on 2026-02-20');
    expect(text).toContain('Overdue by 42 days');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await raw(plan('/dashboard.xlsx'))).rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Actions', 'KPIs', 'Progress updates', 'Sessions']);
    const sessions = wb.getWorksheet('Sessions')!;
    expect(sessions.rowCount).toBe(8);
    const row = (n: number) => Array.from({ length: 10 }, (_, i) => sessions.getRow(n).getCell(i + 1).text);
    expect(row(1)).toEqual(['Session', 'Topic', 'Planned', 'Held', 'State', 'When', 'Who came', 'Young people', 'Decisions', 'Actions created or changed']);
    expect(row(2)).toEqual(['Feedback session on the report', '', '2026-01-19', 'Not held', 'Overdue', 'Overdue by 42 days', '', '0', '', '']);
    expect(row(3)).toEqual(['First deep dive', 'Feeling safe at home', '2026-02-16', '2026-02-20', 'Held', 'Held on 2026-02-20', '2 × Personal adviser, Leaving care team; 1 × Housing officer, District housing; 3 young people', '3', 'A welcome visit in the first week of every move.', 'Action 1']);
    expect(row(4)[4]).toBe('Due soon');
    const summary = wb.getWorksheet('Summary')!;
    const facts = new Map(Array.from({ length: summary.rowCount }, (_, i) => [summary.getRow(i + 1).getCell(1).text, summary.getRow(i + 1).getCell(2).text]));
    expect(facts.get('Where the cycle is')).toBe('Feedback session on the report (1 of 7)');
    expect(facts.get('Sessions held')).toBe('1');
    expect(facts.get('Sessions overdue')).toBe('1');
    expect((await t.services.audit.list({ action: 'plan.downloaded' })).map((a) => a.detail['format']).sort()).toEqual(['dashboard-pdf', 'dashboard-xlsx']);
  });

  it('scores the co-production self-assessment, and programme staff write feedback that leads to actions', async () => {
    await lead.get(url('/coproduction'));
    const bad = await lead.submit(url('/coproduction'), { 'score-council': '3', 'evidence-council': '', 'score-paid': '', 'evidence-paid': 'Vouchers' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('a score of 3 needs evidence');
    expect(bad.body).toContain('choose a score for the evidence you gave');
    await lead.get(url('/coproduction'));
    const ok = await lead.submit(url('/coproduction'), { 'score-council': '3', 'evidence-council': 'Meets every month with the director', 'score-forum': '2', 'evidence-forum': 'Meets every term', 'score-paid': '0', 'evidence-paid': '' });
    expect(ok.status).toBe(303);
    const page = await lead.get(url());
    expect(page.body).toContain('Self-assessment score: <strong>5 out of 30</strong>');
    expect(page.body).toContain('Young people are paid or rewarded fairly');
    expect(page.body).not.toContain('Save the feedback');
    expect((await lead.submit(url('/coproduction/feedback'), { feedback: 'Good', feedbackActions: actionId })).status).toBe(403);
    await researcher.get(url());
    const fb = await researcher.submit(url('/coproduction/feedback'), { feedback: 'A strong council; start paying young people for their time.', feedbackActions: actionId });
    expect(fb.status).toBe(303);
    const after = await viewer.get(url());
    expect(after.body).toContain('start paying young people for their time');
    expect(after.body).toContain('It leads to these actions');
    expect((await t.services.audit.list({ action: 'cycle.feedback_saved' }))[0]?.detail).toMatchObject({ actions: 1 });
    expect((await t.services.audit.list({ action: 'cycle.review_saved' }))[0]?.detail).toMatchObject({ total: 5, answered: 3 });
  });

  it('keeps a reference group register of counts and roles, refusing names', async () => {
    const named = await postRows(lead, url('/reference-group'), { youngPeople: '8', role: ['Chair', 'Peer researcher'], count: ['1', '12'], involvement: 'Kayleigh Brown chairs it', reward: '', meets: 'Monthly' });
    expect(named.status).toBe(422);
    for (const words of ['must not name young people', 'More young people have roles than are in the group', 'Say how young people are paid or rewarded']) expect(named.body).toContain(words);
    const ok = await postRows(lead, url('/reference-group'), { youngPeople: '8', role: ['Chair', 'Peer researcher'], count: ['1', '2'], involvement: 'Chooses the deep-dive topics and reviews the plan', reward: 'Paid £15 an hour in vouchers', meets: 'Monthly, and before each session' });
    expect(ok.status).toBe(303);
    const page = await viewer.get(url());
    expect(page.body).toContain('2 × Peer researcher');
    expect(page.body).toContain('Paid £15 an hour in vouchers');
    expect((await viewer.get(url('/reference-group'))).status).toBe(404);
    expect((await t.services.audit.list({ action: 'cycle.reference_group_saved' }))).toHaveLength(1);
  });

  it('shows programme staff every LA’s cycle, and LA staff nothing', async () => {
    const table = await researcher.get('/staff/programme/action-plans');
    expect(table.status).toBe(200);
    expect(table.body).toContain('Brookfield Council');
    expect(table.body).toContain('Feedback session on the report (1 of 7)');
    expect(table.body).toMatch(/1 of 7<\/td>/);
    expect((await lead.get('/staff/programme/action-plans')).status).toBe(404);
    expect((await t.services.audit.list({ action: 'cycle.overview_viewed' }))).toHaveLength(1);
  });

  it('publishes a completed action to the practice bank, anonymised, and shows it to another LA with the same area for improvement', async () => {
    await researcher.get(plan(`/${actionId}/practice-bank`));
    const early = await researcher.submit(plan(`/${actionId}/practice-bank`), { consentFrom: 'Head of service', consentOn: '2026-03-01', anonymise: 'yes', shownAs: 'a unitary council in the Midlands', summary: '' });
    expect(early.status).toBe(422);
    expect(early.body).toContain('Only a completed action can be published');
    await lead.get(plan(`/${actionId}/edit`));
    expect((await lead.submit(plan(`/${actionId}/updates`), { onDate: '2026-03-01', updateStatus: 'done', note: 'Letters sent' })).status).toBe(303);
    expect((await lead.get(plan(`/${actionId}/practice-bank`))).status).toBe(404);
    await researcher.get(plan(`/${actionId}/practice-bank`));
    const named = await researcher.submit(plan(`/${actionId}/practice-bank`), { consentFrom: 'Head of service', consentOn: '2026-03-01', anonymise: 'yes', shownAs: 'Brookfield Council', summary: '' });
    expect(named.status).toBe(422);
    expect(named.body).toContain('must not contain the LA’s name');
    await researcher.get(plan(`/${actionId}/practice-bank`));
    const ok = await researcher.submit(plan(`/${actionId}/practice-bank`), { consentFrom: 'Head of service', consentOn: '2026-03-01', anonymise: 'yes', shownAs: 'a unitary council in the Midlands', summary: '' });
    expect(ok.status).toBe(303);
    const bank = await otherLead.get(`/staff/practice-bank?indicator=${encodeURIComponent(indicator)}`);
    expect(bank.body).toContain('a unitary council in the Midlands');
    expect(bank.body).not.toContain('Brookfield');
    expect(bank.body).toContain('Waiting for their next wave');
    expect(bank.body).toMatch(new RegExp(`<option value="${indicator.replaceAll('.', '\\.')}" selected>[^<]+</option>`));
    expect((await otherLead.get('/staff/practice-bank?indicator=none.such.positive')).body).toContain('No examples on this indicator yet');

    // Another LA whose report shows the same area for improvement sees it on its cycle page.
    ({ wave: river } = await publishedWave(t.conn.db, t.services.programme, t.services.reports, 'Riverside Council', 'E06000941'));
    riverLead = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, 'lead@riverside.example', [{ role: 'la_lead', laId: river.laId }]));
    await riverLead.get(`/staff/waves/${river.id}/actions`);
    await riverLead.submit(`/staff/waves/${river.id}/actions/start`);
    const theirs = await riverLead.get(`/staff/waves/${river.id}/actions/cycle`);
    expect(theirs.body).toContain('a unitary council in the Midlands');
    expect(theirs.body).toContain('Every care leaver gets a letter');
    // Brookfield's own page does not list its own example.
    expect((await lead.get(url())).body).not.toContain('a unitary council in the Midlands');
    expect((await t.services.audit.list({ action: 'bank.published' }))[0]?.detail).toMatchObject({ anonymised: true });
    expect((await admin.get('/staff/practice-bank')).body).toContain('a unitary council in the Midlands');
  }, 120_000);

  it('shows whether a practice bank example moved once its LA’s next wave of the same survey is reported', async () => {
    const la = (await t.services.programme.findLa(wave.laId))!;
    const { wave: next } = await seedWave(t.conn.db, t.services.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 80 }, seed: 99, outlook: 0.8, opensOn: '2026-02-01', closesOn: '2026-02-28' });
    // Closed but not reported: still waiting.
    expect((await otherLead.get('/staff/practice-bank')).body).toContain('Waiting for their next wave’s published report');
    const out = await t.services.reports.operatorPublish(next.id, 'First publication');
    expect(out.ok).toBe(true);
    // The plan page of the LA that did it: the action's result as measured by the next wave.
    const own = await lead.get(plan());
    const result = new RegExp(`id="action-${actionId}"[\\s\\S]*?Result</dt><dd class="govuk-summary-list__value">([^<]+)</dd>`).exec(own.body)?.[1] ?? '';
    expect(result).toMatch(/^Target (met|not met)\. [+−±]\d+ points? \(95% interval -?\d+ to -?\d+ points\): (statistically significant|not statistically significant, could be chance)$/);
    const [targetResult, change] = [result.slice(0, result.indexOf('. ')), result.slice(result.indexOf('. ') + 2)];
    const nowValue = new RegExp(`id="action-${actionId}"[\\s\\S]*?Now</dt><dd class="govuk-summary-list__value">(\\d+%) in `).exec(own.body)?.[1];
    // The bank and another LA's "what other LAs did" show the same figure, change, test and result, still anonymised.
    for (const body of [(await otherLead.get(`/staff/practice-bank?indicator=${encodeURIComponent(indicator)}`)).body, (await riverLead.get(`/staff/waves/${river.id}/actions/cycle`)).body]) {
      expect(body).toContain('a unitary council in the Midlands');
      expect(body).not.toContain('Brookfield');
      expect(body).not.toContain(next.title);
      expect(body).toContain(`In their next wave: ${nowValue ?? 'no value on the plan page'}, from `);
      expect(body).toContain(`${change}. ${targetResult}.`);
      expect(body).not.toContain('Waiting for their next wave');
    }
  }, 120_000);
});
