/**
 * Response-rate pages in a real browser: programme staff open the live fieldwork page and a wave's
 * dashboard; the chart (server-rendered SVG) shows under the CSP, and the pages pass axe-core.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemClock } from '../src/lib/clock.ts';
import type { Wave } from '../src/programme/index.ts';
import { makeStaff } from '../src/programme/staff/testing.ts';
import { addDays } from '../src/participation/rates/projection.ts';
import { insertResponses } from '../src/participation/rates/testing.ts';
import { checkA11y, startHarness, type Harness } from './harness.ts';
import { signIn } from './staff-steps.ts';

let h: Harness;
let wave: Wave;
let account: { email: string; secret: string };

beforeAll(async () => {
  h = await startHarness();
  const today = h.programme.today();
  const la = (await h.programme.listLas())[0]!;
  wave = await h.programme.openWave({ laId: la.id, survey: 'ylyc', title: 'Testshire YLYC this autumn', eligible: { 'ylyc-4-7': 40, 'ylyc-8-11': 60, 'ylyc-11-17': 120 }, opensOn: addDays(today, -20), closesOn: addDays(today, 30) });
  for (let d = 20; d >= 1; d--) await insertResponses(h.db, wave.id, d % 3 === 0 ? 'ylyc-4-7' : 'ylyc-11-17', addDays(today, -d), d % 4);
  account = await makeStaff(h.db, systemClock, 'researcher@programme.example', [{ role: 'programme_researcher', laId: null }]);
});
afterAll(() => h?.close());

test('the fieldwork page and a wave dashboard show the chart under the CSP and pass axe-core', async () => {
  const ctx = await h.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  await signIn(page, account);

  await page.goto('/staff/fieldwork');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Live fieldwork');
  await checkA11y(page, '/staff/fieldwork');

  await page.getByRole('link', { name: /Testshire YLYC this autumn/ }).click();
  await page.waitForURL(new RegExp(`/staff/waves/${wave.id}/rates$`));
  const chart = page.getByRole('img', { name: 'Cumulative response rate, Testshire YLYC this autumn' });
  await chart.waitFor();
  const box = await chart.boundingBox();
  expect(box?.width).toBeGreaterThan(400);
  expect(box?.height).toBeGreaterThan(150);
  expect(await page.locator('svg.bs-chart path').count()).toBeGreaterThan(5);
  await checkA11y(page, 'wave dashboard');
  expect(blocked).toEqual([]);
});
