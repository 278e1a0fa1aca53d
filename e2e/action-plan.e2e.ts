/**
 * Journey: an LA lead opens the published report, follows a finding to the action plan, starts it,
 * adds an action and is stopped by the SMART checks, fixes it, adds two KPIs, agrees the plan, and
 * publishes "You said, we did", which a young person then reads by its link without signing in. Then
 * the LA's next wave of the same survey is filled and closed, a researcher publishes its report, and
 * the lead's plan and dashboard show each KPI's new value, its change and whether it is significant,
 * and whether the action met its target. Every page passes axe-core; every form is a plain form.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { publishedWave } from '../src/actions/testing.ts';
import { systemClock } from '../src/lib/clock.ts';
import type { LocalAuthority, Wave } from '../src/programme/index.ts';
import { makeStaff } from '../src/programme/staff/testing.ts';
import { seedWave } from '../src/reports/testing.ts';
import type { Services } from '../src/services.ts';
import { checkA11y, startHarness, type Harness } from './harness.ts';
import { DESKTOP, heading, serverServices, signIn, visit } from './staff-steps.ts';

let h: Harness;
let wave: Wave;
let lead: { email: string; secret: string };
let researcher: { email: string; secret: string };
let la: LocalAuthority;
let services: Services;

beforeAll(async () => {
  h = await startHarness();
  services = serverServices(h);
  ({ wave, la } = await publishedWave(h.db, services.programme, services.reports, 'Fernley Council', 'E06000951'));
  lead = await makeStaff(h.db, systemClock, 'lead@fernley.example', [{ role: 'la_lead', laId: wave.laId }]);
  researcher = await makeStaff(h.db, systemClock, 'researcher@programme.example', [{ role: 'programme_researcher', laId: null }]);
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

  // Before the next wave is reported, no KPI has a new value.
  await page.goto(`/staff/waves/${wave.id}/actions`);
  expect(await page.locator('#kpis ~ table, #kpis + table').first().textContent()).toContain('Waiting for the next wave’s published report');

  // The LA's next wave of the same survey: filled with answers and closed (as the demo seeds waves),
  // then published by a researcher through the report page.
  const { wave: next } = await seedWave(h.db, services.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 80 }, seed: 99, outlook: 0.8, opensOn: '2026-06-01', closesOn: '2026-06-30' });
  expect(next.status).toBe('closed');
  const publisher = await (await h.newContext(DESKTOP)).newPage();
  await signIn(publisher, researcher);
  await visit(publisher, `/staff/waves/${next.id}/report`, /report$/, 'draft report of the next wave (researcher)');
  await publisher.getByLabel('Reason for publishing').fill('First publication');
  await publisher.getByRole('button', { name: 'Publish version 1' }).click();
  expect(await publisher.locator('main').textContent()).toContain('Version 1, published');

  // The lead's plan: each KPI's new value, change with its interval, and whether it is significant.
  await visit(page, `/staff/waves/${wave.id}/actions`, 'Action plan', 'plan measured by the next wave');
  const rows = page.locator('#kpis ~ table tbody tr, #kpis + table tbody tr');
  expect(await rows.count()).toBe(2);
  for (const row of await rows.all()) {
    const cells = await row.locator('td').allTextContents();
    expect(cells[2]).toMatch(/^\d+%$/);
    expect(cells[3]).toMatch(/^[+−±]\d+ points? \(95% interval -?\d+ to -?\d+ points\): (statistically significant|not statistically significant, could be chance)\. Target (met|not met)$/);
  }
  const kpiText = (await rows.allTextContents()).join(' ');
  expect(kpiText).toContain('statistically significant');
  const action = page.locator('section[id^="action-"]').first();
  expect(await action.textContent()).toMatch(new RegExp(`Now\\s*\\d+% in ${next.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  expect(await action.textContent()).toMatch(/Result\s*Target (met|not met)\. [+−±]\d+ points? \(95% interval/);

  await visit(page, `/staff/waves/${wave.id}/actions/dashboard`, 'Action plan progress', 'progress dashboard measured by the next wave');
  const dashboard = (await page.locator('main').textContent()) ?? '';
  expect(dashboard).toContain(`Measured by ${next.title} (report version 1)`);
  expect(dashboard).toMatch(/\d of 2 KPIs meet their target/);
}, 180_000);
