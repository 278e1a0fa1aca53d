/**
 * The participation tracker in a real browser: an LA survey lead pastes the list in, meets the checks,
 * reads the gaps and prints access codes; a young person on a phone types a code on the start page and
 * sends the survey, and the tracker does not change until the daily batch. Every page passes axe-core.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemClock } from '../src/lib/clock.ts';
import { makeStaff } from '../src/programme/staff/testing.ts';
import { checkA11y, startHarness, type Harness } from './harness.ts';
import { signIn } from './staff-steps.ts';

let h: Harness;
let account: { email: string; secret: string };

beforeAll(async () => {
  h = await startHarness();
  account = await makeStaff(h.db, systemClock, 'lead@testshire.example', [{ role: 'la_lead', laId: h.waves.ylbc.laId }]);
});
afterAll(() => h?.close());

test('a survey lead builds the tracker and prints codes; a code used today changes nothing on it until the batch', async () => {
  const wave = h.waves.ylbc;
  const base = `/staff/waves/${wave.id}/tracker`;
  const page = await (await h.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, account);
  await page.goto(`/staff/waves/${wave.id}`);
  await page.getByRole('link', { name: 'Participation tracker', exact: true }).click();
  await page.waitForURL(new RegExp(`${base}$`));
  await checkA11y(page, 'tracker list (empty)');

  await page.getByRole('button', { name: 'Import from a spreadsheet' }).click();
  await checkA11y(page, 'import page');
  await page.getByLabel('Or paste the rows').fill('reference\tage_band\tFirst name\nCL-1\t16-25\tJamie');
  await page.getByRole('button', { name: 'Check and import' }).click();
  await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('looks like it holds a person');
  await checkA11y(page, 'import page with problems');
  await page.getByLabel('Or paste the rows').fill('reference\tage_band\tneeds_support\tteam\nCL-1\t16-25\tyes\tLeaving care north\nCL-2\t16-25\tno\tLeaving care north\nCL-3\t16-25\tno\tLeaving care south');
  await page.getByRole('button', { name: 'Check and import' }).click();
  await expect.poll(() => page.locator('.govuk-panel').textContent()).toContain('3 added, 0 updated');

  await page.goto(`${base}/new`);
  await page.getByLabel('Reference').fill('Jamie Smith');
  await page.getByLabel('Yes').first().check();
  await page.getByLabel('Allocated personal adviser (optional)').fill('Dee Khan');
  await page.getByLabel('Name (optional)').fill('Dee Khan');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('looks like a name');
  expect(await page.locator('.govuk-error-summary').textContent()).toContain('not their own personal adviser');
  await checkA11y(page, 'entry form with problems');

  await page.goto(`${base}/gaps`);
  await checkA11y(page, 'gaps');
  await page.goto(`${base}/codes`);
  await checkA11y(page, 'access codes');
  await page.getByRole('button', { name: 'Make the codes' }).click();
  const codes = await page.locator('.bs-access-code').allTextContents();
  expect(codes).toHaveLength(3);
  await checkA11y(page, 'codes to print');

  // A care leaver on a phone, with the code from the printout.
  const phone = await (await h.newContext()).newPage();
  await phone.goto(h.linkOf(wave));
  await phone.getByLabel('Were you given a code? If so, type it here.').fill(codes[0]!.toLowerCase().replace('-', ' '));
  await phone.getByRole('button', { name: 'Start' }).click();
  await phone.waitForURL(/\/intro$/);
  await phone.goto(`${h.linkOf(wave)}/review`);
  await phone.getByRole('button', { name: /Send/ }).click();
  await phone.waitForURL(/\/thanks$/);

  await page.goto(`${base}?status=completed`);
  expect(await page.locator('table').last().textContent()).toContain('No one matches the filter.');
});
