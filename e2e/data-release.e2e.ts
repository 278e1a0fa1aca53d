/**
 * Journey: an LA lead asks for a closed wave's anonymised data (fixing a purpose too short); a programme
 * administrator reads the disclosure report, tries a k below 5, then approves at 10; the lead downloads
 * the workbook; the administrator also reads the retention page. Every page passes axe-core.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemClock } from '../src/lib/clock.ts';
import { makeStaff } from '../src/programme/staff/testing.ts';
import { addResponses } from '../src/reports/testing.ts';
import { checkA11y, startHarness, type Harness } from './harness.ts';
import { DESKTOP, heading, signIn, visit } from './staff-steps.ts';

let h: Harness;
let admin: { email: string; secret: string };
let lead: { email: string; secret: string };

beforeAll(async () => {
  h = await startHarness();
  await addResponses(h.db, h.waves.closed, { 'ylyc-8-11': 40 }, 3, 0.3);
  admin = await makeStaff(h.db, systemClock, 'admin@programme.example', [{ role: 'programme_admin', laId: null }]);
  lead = await makeStaff(h.db, systemClock, 'lead@testshire.example', [{ role: 'la_lead', laId: h.waves.closed.laId }]);
});
afterAll(() => h?.close());

test('a lead asks for anonymised data, an administrator approves it after reading the report, the lead downloads it', async () => {
  const wave = h.waves.closed;
  const leadPage = await (await h.newContext(DESKTOP)).newPage();
  await signIn(leadPage, lead);
  await leadPage.goto(`/staff/waves/${wave.id}`);
  await leadPage.getByRole('link', { name: 'Ask for anonymised data' }).click();
  expect(await heading(leadPage)).toBe("Ask for this wave's anonymised data");
  await checkA11y(leadPage, 'release request form');
  await leadPage.getByLabel('What will you use the data for?').fill('data');
  await leadPage.getByRole('button', { name: 'Send the request' }).click();
  expect(await leadPage.locator('.govuk-error-summary').textContent()).toContain('Say what the data will be used for');
  await checkA11y(leadPage, 'release request form with an error');
  await leadPage.getByLabel('What will you use the data for?').fill('Well-being by placement type for our corporate parenting board');
  await leadPage.getByRole('button', { name: 'Send the request' }).click();
  expect(await heading(leadPage)).toMatch(/^Anonymised data: /);
  const requestUrl = new URL(leadPage.url()).pathname;
  await checkA11y(leadPage, 'release request waiting (lead)');

  const adminPage = await (await h.newContext(DESKTOP)).newPage();
  await signIn(adminPage, admin);
  await visit(adminPage, '/staff/releases', 'Anonymised data releases', 'release list (administrator)');
  await adminPage.getByRole('link', { name: wave.title }).click();
  expect(await adminPage.locator('main').textContent()).toContain('What would be released at k = 10');
  await checkA11y(adminPage, 'disclosure report (administrator)');
  await adminPage.getByLabel('Check the report at another k').fill('4');
  await adminPage.getByRole('button', { name: 'Check' }).click();
  expect(await adminPage.locator('.govuk-error-summary').textContent()).toContain('from 5 to 50');
  await checkA11y(adminPage, 'disclosure report with an error');
  await adminPage.getByLabel('Reason for approving').fill('Fits the data-sharing agreement');
  await adminPage.getByRole('button', { name: 'Approve the release at k = 10' }).click();
  expect(await adminPage.locator('main').textContent()).toContain('Approved');
  await visit(adminPage, '/staff/admin/retention', 'Retention', 'retention periods and log (administrator)');

  await leadPage.goto(requestUrl);
  await checkA11y(leadPage, 'approved release (lead)');
  const link = leadPage.getByRole('link', { name: 'Excel workbook (.xlsx)' });
  const file = await leadPage.request.get(`${h.url}${await link.getAttribute('href')}`);
  expect(file.status()).toBe(200);
  expect((await file.body()).subarray(0, 2).toString()).toBe('PK');
});
