/**
 * Journey: an LA survey lead builds the participation tracker for a care leavers' wave from a pasted list
 * and an Excel workbook, makes access codes, and hands one out. A care leaver answers the survey on a
 * phone, typing the code. The wave's dashboard moves at once; the tracker does not, until the night's
 * batch runs, and then shows that young person completed. Every staff page passes axe-core.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addDays } from '../src/programme/planning/index.ts';
import { makeStaff } from '../src/programme/staff/testing.ts';
import { systemClock } from '../src/lib/clock.ts';
import { checkA11y, startHarness, type Harness } from './harness.ts';
import { DESKTOP, heading, runJob, serverServices, signIn, visit } from './staff-steps.ts';
import { answerAllPages, instrument, mixedPlan, press, t, type pageChecker } from './survey-steps.ts';

let h: Harness;
let lead: { email: string; secret: string };

beforeAll(async () => {
  h = await startHarness();
  lead = await makeStaff(h.db, systemClock, 'lead@testshire.example', [{ role: 'la_lead', laId: h.waves.ylbc.laId }]);
});
afterAll(() => h?.close());

/** Three care leavers, pasted as comma-separated text with a planned date next week. */
const pasted = (nextWeek: string) =>
  [
    'reference,age_band,team,needs_support,trusted_adult_name,trusted_adult_role,planned_date,place,status',
    `TS-3001,16-25,Leaving care north,yes,Anita Desai,Advocate,${nextWeek},office,planned`,
    'TS-3002,16-25,Leaving care north,no,,,,,',
    `TS-3003,16-25,Leaving care south,yes,Ravi Patel,Participation worker,${nextWeek},home,planned`,
  ].join('\n');

/** Two more care leavers and a change to one already listed, as an Excel workbook (a real date cell included). */
async function workbook(inTwoWeeks: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Leaving care');
  ws.addRow(['Reference', 'Age band', 'Team', 'Needs support', 'Planned date', 'Status']);
  ws.addRow(['TS-3004', '16 to 25', 'Leaving care south', 'no', new Date(`${inTwoWeeks}T00:00:00Z`), 'offered']);
  ws.addRow(['TS-3005', '16-25', 'Leaving care south', 'no', null, '']);
  ws.addRow(['TS-3002', '16-25', 'Leaving care north', 'no', new Date(`${inTwoWeeks}T00:00:00Z`), 'offered']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The dashboard's headline figure, e.g. "0 of 150 eligible young people". */
async function dashboardFigure(page: Page, waveId: string): Promise<string> {
  await visit(page, `/staff/waves/${waveId}/rates`, /^Response rates: /, 'response-rate dashboard (LA lead)');
  const text = (await page.locator('main').textContent()) ?? '';
  return /\d+ of \d+ eligible young people/.exec(text)?.[0] ?? text.slice(0, 200);
}

/** The status shown on the tracker for a reference. */
async function statusOf(page: Page, base: string, reference: string): Promise<string> {
  await page.goto(`${base}?q=${reference}`);
  return ((await page.locator('main table').last().locator('tbody tr', { hasText: reference }).locator('.govuk-tag').textContent()) ?? '').trim();
}

test('a lead imports the tracker, gives out a code, and sees the rate move at once and the tracker after the nightly batch', async () => {
  const wave = h.waves.ylbc;
  const base = `/staff/waves/${wave.id}/tracker`;
  const today = h.programme.today();
  const page = await (await h.newContext(DESKTOP)).newPage();
  await signIn(page, lead);
  await checkA11y(page, 'home (LA lead)');

  await page.locator('main table').getByRole('link', { name: wave.title, exact: true }).click();
  await page.waitForURL(new RegExp(`/staff/waves/${wave.id}$`));
  await checkA11y(page, 'wave page (LA lead)');
  await page.getByRole('link', { name: 'Participation tracker', exact: true }).click();
  await page.waitForURL(new RegExp(`${base}$`));
  await checkA11y(page, 'tracker (empty)');

  // Import 1: pasted text.
  await visit(page, `${base}/import`, 'Import the tracker from a spreadsheet', 'tracker import');
  await page.getByLabel('Or paste the rows').fill(pasted(addDays(today, 7)));
  await page.getByRole('button', { name: 'Check and import' }).click();
  await expect.poll(() => page.locator('.govuk-panel').textContent()).toContain('3 added, 0 updated');
  await checkA11y(page, 'tracker import done');

  // Import 2: an XLSX upload, refused first for a column that would hold names.
  const bad = new ExcelJS.Workbook();
  bad.addWorksheet('List').addRows([['reference', 'age_band', 'First name'], ['TS-3009', '16-25', 'Jamie']]);
  await page.goto(`${base}/import`);
  await page.getByLabel('Upload a file').setInputFiles({ name: 'names.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await bad.xlsx.writeBuffer()) });
  await page.getByRole('button', { name: 'Check and import' }).click();
  await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain("the tracker must not hold young people's names");
  await checkA11y(page, 'tracker import refused');
  await page.getByLabel('Upload a file').setInputFiles({ name: 'leaving-care.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook(addDays(today, 14)) });
  await page.getByRole('button', { name: 'Check and import' }).click();
  await expect.poll(() => page.locator('.govuk-panel').textContent()).toContain('2 added, 1 updated');

  await visit(page, base, 'Participation tracker', 'tracker (five young people)');
  expect(await page.locator('main table').last().locator('caption').textContent()).toContain('5 young people');
  expect(await statusOf(page, base, 'TS-3002')).toBe('Offered');
  await page.getByRole('link', { name: /^TS-3002\b/ }).click();
  await page.waitForURL(/\/entries\//);
  await checkA11y(page, 'tracker entry form');
  await visit(page, `${base}/gaps`, 'Gaps to chase', 'gaps to chase');

  // Access codes: made once, printed, one handed to TS-3003.
  await visit(page, `${base}/codes`, 'Access codes', 'access codes');
  await page.getByRole('button', { name: 'Make the codes' }).click();
  await expect.poll(() => heading(page)).toBe('Access codes to print');
  await checkA11y(page, 'access codes to print');
  const printed = page.locator('table.bs-codes-print tbody tr', { hasText: 'TS-3003' });
  const code = ((await printed.locator('.bs-access-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  expect(await page.locator('table.bs-codes-print tbody tr').count()).toBe(5);

  expect(await dashboardFigure(page, wave.id)).toBe('0 of 150 eligible young people');

  // A care leaver on a phone types the code and answers the survey.
  const phone = await (await h.newContext()).newPage();
  await phone.goto(h.linkOf(wave));
  await phone.getByLabel(t('survey.start.code.label')).fill(code.toLowerCase().replace('-', ' '));
  await press(phone, t('survey.start.begin'));
  await press(phone, t('survey.intro.start'));
  const noChecks = { once: () => Promise.resolve(), seen: () => [] } satisfies ReturnType<typeof pageChecker>;
  await answerAllPages(phone, instrument('ylbc-16-25'), mixedPlan(), noChecks);
  await press(phone, t('survey.review.send'));
  expect(new URL(phone.url()).pathname).toMatch(/\/thanks$/);

  // The response rate moves at once; the tracker says nothing about who took part until the batch.
  expect(await dashboardFigure(page, wave.id)).toBe('1 of 150 eligible young people');
  expect(await statusOf(page, base, 'TS-3003')).toBe('Planned');
  const services = serverServices(h);
  await runJob(services, 'tracker-batch', `tracker-batch:${today}`);
  expect(await statusOf(page, base, 'TS-3003')).toBe('Planned');

  // The next night's batch records the code used the day before.
  await runJob(services, 'tracker-batch', `tracker-batch:${addDays(today, 1)}`);
  expect(await statusOf(page, base, 'TS-3003')).toBe('Completed');
  expect(await statusOf(page, base, 'TS-3001')).toBe('Planned');
  await page.goto(`${base}?status=completed`);
  expect(await page.locator('main table').last().locator('caption').textContent()).toContain('1 young person of 5');
  await checkA11y(page, 'tracker filtered to completed');
  await visit(page, `${base}/codes`, 'Access codes', 'access codes after a use');
  expect(await page.locator('.govuk-summary-list').textContent()).toMatch(/Codes used\s*1/);
});
