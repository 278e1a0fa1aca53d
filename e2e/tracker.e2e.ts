/**
 * The participation tracker in a real browser: an LA survey lead pastes the list in, meets the checks,
 * reads the gaps and prints access codes; a young person on a phone types a code on the start page and
 * sends the survey, and the tracker does not change until the daily batch. Every page passes axe-core.
 */
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemClock } from '../src/lib/clock.ts';
import { makeStaff, TEST_PASSWORD } from '../src/programme/staff/testing.ts';
import { axeViolations, formatViolations, startHarness, type Harness } from './harness.ts';

let h: Harness;
let account: { email: string; secret: string };

beforeAll(async () => {
  h = await startHarness();
  account = await makeStaff(h.db, systemClock, 'lead@testshire.example', [{ role: 'la_lead', laId: h.waves.ylbc.laId }]);
});
afterAll(() => h?.close());

/** The page's own violations (the shared staff header is checked with the layout). */
async function ours(page: Page, label: string): Promise<void> {
  const found = (await axeViolations(page)).filter((v) => v.nodes.some((n) => !n.target.includes('bs-header')));
  expect.soft(found, formatViolations(label, found)).toEqual([]);
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/staff/sign-in');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.locator('main button[type=submit]').click();
  await page.waitForURL(/sign-in\/code/);
  await page.locator('input[name=code]').fill(await generate({ secret: account.secret, epoch: Math.floor(Date.now() / 1000) }));
  await page.locator('main button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.includes('sign-in'));
}

test('a survey lead builds the tracker and prints codes; a code used today changes nothing on it until the batch', async () => {
  const wave = h.waves.ylbc;
  const base = `/staff/waves/${wave.id}/tracker`;
  const page = await (await h.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page);
  await page.goto(`/staff/waves/${wave.id}`);
  await page.getByRole('link', { name: 'Participation tracker', exact: true }).click();
  await page.waitForURL(new RegExp(`${base}$`));
  await ours(page, 'tracker list (empty)');

  await page.getByRole('button', { name: 'Import from a spreadsheet' }).click();
  await ours(page, 'import page');
  await page.getByLabel('Or paste the rows').fill('reference\tage_band\tFirst name\nCL-1\t16-25\tJamie');
  await page.getByRole('button', { name: 'Check and import' }).click();
  await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('looks like it holds a person');
  await ours(page, 'import page with problems');
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
  await ours(page, 'entry form with problems');

  await page.goto(`${base}/gaps`);
  await ours(page, 'gaps');
  await page.goto(`${base}/codes`);
  await ours(page, 'access codes');
  await page.getByRole('button', { name: 'Make the codes' }).click();
  const codes = await page.locator('.bs-access-code').allTextContents();
  expect(codes).toHaveLength(3);
  await ours(page, 'codes to print');

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
