/**
 * Journey: a programme researcher opens the draft report of a closed wave, publishes it as version 1
 * with a reason; the LA's lead then reads it (charts as images with text alternatives, every section
 * in order) and the young people's version. Every page passes axe-core; the lead never sees a draft.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemClock } from '../src/lib/clock.ts';
import { makeStaff } from '../src/programme/staff/testing.ts';
import { addResponses } from '../src/reports/testing.ts';
import { checkA11y, startHarness, type Harness } from './harness.ts';
import { DESKTOP, heading, signIn, visit } from './staff-steps.ts';

let h: Harness;
let researcher: { email: string; secret: string };
let lead: { email: string; secret: string };

beforeAll(async () => {
  h = await startHarness();
  // The harness's closed wave, with enough answers for figures to show (8 to 11s only).
  await addResponses(h.db, h.waves.closed, { 'ylyc-8-11': 60 }, 7, 0.3);
  researcher = await makeStaff(h.db, systemClock, 'researcher@programme.example', [{ role: 'programme_researcher', laId: null }]);
  lead = await makeStaff(h.db, systemClock, 'lead@testshire.example', [{ role: 'la_lead', laId: h.waves.closed.laId }]);
});
afterAll(() => h?.close());

test('a researcher publishes a closed wave report; the LA lead reads it and the young people\'s version', async () => {
  const report = `/staff/waves/${h.waves.closed.id}/report`;
  const before = await (await h.newContext(DESKTOP)).newPage();
  await signIn(before, lead);
  await visit(before, report, 'The report has not been published yet', 'report before publication (LA lead)');

  const page = await (await h.newContext(DESKTOP)).newPage();
  await signIn(page, researcher);
  await visit(page, report, /report$/, 'draft report (researcher)');
  expect(await page.locator('main').textContent()).toContain('Draft: not published, not for sharing');
  await page.getByLabel('Reason for publishing').fill('First publication');
  await page.getByRole('button', { name: 'Publish version 1' }).click();
  expect(await page.locator('main').textContent()).toContain('Version 1, published');
  await checkA11y(page, 'report after publishing (researcher)');

  await before.goto(report);
  expect(await heading(before)).toMatch(/report$/);
  const main = (await before.locator('main').textContent()) ?? '';
  expect(main).toContain('Version 1, published');
  expect(main).not.toContain('Draft');
  const ids = await before.locator('main h2[id]').evaluateAll((hs) => hs.map((x) => x.id));
  expect(ids.indexOf('key-findings')).toBeLessThan(ids.indexOf('who-took-part'));
  expect(ids.indexOf('wellbeing')).toBeLessThan(ids.indexOf('methodology'));
  const charts = before.locator('svg.bs-chart[role="img"]');
  expect(await charts.count()).toBeGreaterThan(3);
  for (const label of await charts.evaluateAll((svgs) => svgs.map((s) => s.querySelector('title')?.textContent ?? ''))) expect(label.length).toBeGreaterThan(10);
  await checkA11y(before, 'published report (LA lead)');

  await visit(before, `${report}/young-people`, /What you told us/, "young people's version (LA lead)");
  const pdf = await before.request.get(`${h.url}${report}.pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});
