/**
 * Journey: an LA lead runs the agreed-in-progress action plan as New Belongings Plus, sees the
 * timeline with an overdue session, records the first deep dive (stopped when the notes name a young
 * person), sees it held on the cycle page with who came and the action it changed, and on the
 * progress dashboard's sessions. Every page passes axe-core; every form is a plain form.
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

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await startHarness();
  const services = serverServices(h);
  ({ wave } = await publishedWave(h.db, services.programme, services.reports, 'Ashdown Council', 'E06000961'));
  lead = await makeStaff(h.db, systemClock, 'lead@ashdown.example', [{ role: 'la_lead', laId: wave.laId }]);
}, 120_000);
afterAll(() => h?.close());

test('an LA lead runs the plan as New Belongings Plus and records a deep dive', async () => {
  const page = await (await h.newContext(DESKTOP)).newPage();
  await signIn(page, lead);
  await page.goto(`/staff/waves/${wave.id}/actions`);
  await page.getByRole('button', { name: 'Start the action plan' }).click();
  await page.getByRole('link', { name: 'Add an action on this finding' }).first().click();
  await page.getByLabel('What will change?').fill('Every care leaver moving home gets a welcome visit in the first week');
  await page.getByLabel('Survey indicator it aims to move').selectOption({ index: 1 });
  const option = (await page.locator('#indicator option:checked').textContent()) ?? '';
  const baseline = Number(/: (\d+)%$/.exec(option)?.[1] ?? '0');
  await page.getByLabel('Target (%)').fill(String(option.toLowerCase().includes('low') ? Math.max(0, baseline - 5) : Math.min(100, baseline + 10)));
  await page.getByLabel('By the next wave of this survey').check();
  await page.getByLabel('Owner’s role').fill('Team manager');
  await page.getByLabel('Owner’s team').fill('Leaving care team');
  await page.getByLabel('Due date').fill(day(120));
  await page.getByLabel("The care leavers' forum").check();
  await page.getByLabel('How were young people involved?').fill('The forum chose the topic');
  await page.getByRole('button', { name: 'Save the action' }).click();
  expect(await heading(page)).toBe('Action plan');

  await page.getByRole('link', { name: /The cycle/ }).click();
  expect(await heading(page)).toBe('New Belongings Plus');
  await checkA11y(page, 'cycle before it starts');
  await page.getByLabel('The day the cycle starts').fill(day(-50));
  await page.getByRole('button', { name: 'Run as New Belongings Plus' }).click();
  const main = (await page.locator('main').textContent()) ?? '';
  expect(main).toContain('Feedback session on the report (1 of 7)');
  expect(main).toContain('2 overdue');
  await checkA11y(page, 'cycle timeline');

  await page.getByRole('link', { name: 'Record First deep dive' }).click();
  expect(await heading(page)).toBe('First deep dive');
  await checkA11y(page, 'session form');
  await page.getByLabel('Topic').fill('Moving into your own home');
  await page.getByLabel('Date held').fill(day(-3));
  await page.getByLabel('Role 1').fill('Personal adviser');
  await page.getByLabel('Organisation 1').fill('Leaving care team');
  await page.getByLabel('How many 1').fill('3');
  await page.getByLabel('How many young people took part').fill('6');
  await page.getByLabel('Notes').fill('Jamie Smith said nobody checks the flat is ready.');
  await page.getByLabel('Every care leaver moving home gets a welcome visit in the first week').check();
  await page.getByRole('button', { name: 'Save the session' }).click();
  expect(await page.locator('.govuk-error-summary').textContent()).toContain('must not name young people');
  await checkA11y(page, 'session form with a name refused');
  await page.getByLabel('Notes').fill('Care leavers said nobody checks the flat is ready.');
  await page.getByRole('button', { name: 'Save the session' }).click();
  expect(await heading(page)).toBe('New Belongings Plus');
  const after = (await page.locator('main').textContent()) ?? '';
  expect(after).toContain('First deep dive: Moving into your own home');
  expect(after).toContain('3 × Personal adviser, Leaving care team');
  expect(after).toContain('6 young people');
  expect(after).toContain('Every care leaver moving home gets a welcome visit');
  await checkA11y(page, 'cycle with a session held');

  // The progress dashboard lists the sessions held, overdue and ahead.
  await visit(page, `/staff/waves/${wave.id}/actions/dashboard`, 'Action plan progress', 'progress dashboard with the cycle’s sessions');
  const sessions = page.locator('#sessions ~ table').first();
  expect(await sessions.locator('tbody tr').count()).toBe(7);
  const held = (await sessions.locator('tbody tr').nth(1).textContent()) ?? '';
  expect(held).toContain('First deep dive: Moving into your own home');
  expect(held).toContain(`Held on ${day(-3)}`);
  expect(held).toContain('3 × Personal adviser, Leaving care team; 6 young people');
  expect(await page.locator('main').textContent()).toContain('1 of 7 sessions held, 1 overdue');
}, 120_000);
