/**
 * Journey: an LA lead opens the published report, follows a finding to the action plan, starts it,
 * adds an action and is stopped by the SMART checks, fixes it, adds two KPIs, agrees the plan, and
 * publishes "You said, we did", which a young person then reads by its link without signing in.
 * Every page passes axe-core; every form is a plain form.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { publishedWave } from '../src/actions/testing.ts';
import { systemClock } from '../src/lib/clock.ts';
import type { Wave } from '../src/programme/index.ts';
import { makeStaff } from '../src/programme/staff/testing.ts';
import { checkA11y, startHarness, type Harness } from './harness.ts';
import { DESKTOP, heading, serverServices, signIn, visit } from './staff-steps.ts';

let h: Harness;
let wave: Wave;
let lead: { email: string; secret: string };

beforeAll(async () => {
  h = await startHarness();
  const services = serverServices(h);
  ({ wave } = await publishedWave(h.db, services.programme, services.reports, 'Fernley Council', 'E06000951'));
  lead = await makeStaff(h.db, systemClock, 'lead@fernley.example', [{ role: 'la_lead', laId: wave.laId }]);
}, 120_000);
afterAll(() => h?.close());

test('an LA lead turns the report\'s findings into an agreed plan and tells young people what they did', async () => {
  const page = await (await h.newContext(DESKTOP)).newPage();
  await signIn(page, lead);
  await visit(page, `/staff/waves/${wave.id}/report`, /report$/, 'published report (LA lead)');
  await page.getByRole('link', { name: 'Actions on this finding' }).first().click();
  expect(await heading(page)).toBe('Action plan');
  await page.getByRole('button', { name: 'Start the action plan' }).click();
  await checkA11y(page, 'new action plan');
  await page.getByRole('link', { name: 'Add an action on this finding' }).first().click();
  expect(await heading(page)).toBe('Add an action');
  await checkA11y(page, 'action form');

  await page.getByLabel('What will change?').fill('Fix it');
  await page.getByRole('button', { name: 'Save the action' }).click();
  const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
  for (const words of ['Be specific', 'A measure needs', 'Name who owns it', 'Say by when']) expect(summary).toContain(words);
  await checkA11y(page, 'action form with SMART problems');

  await page.getByLabel('What will change?').fill('Every care leaver gets a short letter that explains the support they can get');
  await page.getByLabel('Survey indicator it aims to move').selectOption({ index: 1 });
  const baseline = Number(/: (\d+)%$/.exec((await page.locator('#indicator option:checked').textContent()) ?? '')?.[1] ?? '0');
  await page.getByLabel('Target (%)').fill(String(Math.min(100, baseline + 10)));
  await page.getByLabel('By the next wave of this survey').check();
  await page.getByLabel('Owner’s role').fill('Head of service');
  await page.getByLabel('Owner’s team').fill('Leaving care team');
  await page.getByLabel('Due date').fill('2026-12-31');
  await page.getByLabel("The care leavers' forum").check();
  await page.getByLabel('How were young people involved?').fill('The forum chose the topic and tested the letter');
  await page.getByRole('button', { name: 'Save the action' }).click();
  expect(await heading(page)).toBe('Action plan');
  expect(await page.locator('main').textContent()).toContain('Every care leaver gets a short letter');

  await page.getByRole('button', { name: 'Mark the plan as agreed' }).click();
  expect(await page.locator('.govuk-error-summary').textContent()).toContain('at least 2 outcome-focused KPIs');
  for (const [i, title] of ['More care leavers know what help they can get', 'More care leavers feel safe where they live'].entries()) {
    await page.getByRole('link', { name: 'Add a KPI' }).click();
    if (i === 0) await checkA11y(page, 'KPI form');
    await page.getByLabel('Outcome').fill(title);
    await page.getByLabel('Survey indicator').selectOption({ index: i + 2 });
    await page.getByLabel('Target (%)').fill('100');
    await page.getByRole('button', { name: 'Add the KPI' }).click();
  }
  await page.getByRole('button', { name: 'Mark the plan as agreed' }).click();
  expect(await page.locator('main').textContent()).toContain('The action plan is agreed.');
  await checkA11y(page, 'agreed plan');

  await visit(page, `/staff/waves/${wave.id}/actions/dashboard`, 'Action plan progress', 'progress dashboard');
  await page.goto(`/staff/waves/${wave.id}/actions`);
  await page.getByRole('link', { name: 'You said, we did' }).click();
  expect(await heading(page)).toBe('You said, we did');
  await checkA11y(page, 'You said, we did editor');
  await page.getByRole('button', { name: 'Save the words' }).click();
  await page.getByRole('button', { name: 'Publish “You said, we did”' }).click();
  const link = (await page.locator('.govuk-inset-text a').getAttribute('href')) ?? '';
  expect(link).toMatch(/^\/you-said-we-did\//);

  const young = await (await h.newContext()).newPage();
  await young.goto(`${h.url}${link}`);
  expect(await heading(young)).toBe('You said, we did');
  expect(await young.locator('main').textContent()).toContain('of you said');
  await checkA11y(young, 'You said, we did (shared page, phone)');
}, 120_000);
