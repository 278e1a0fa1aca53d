/**
 * Steps of the staff journeys in a real browser: signing in through the real pages (password, then a
 * TOTP code computed from the account's secret, as an authenticator app would), and the server's own
 * services over the harness's database, to run the scheduler's jobs when a journey needs a day to pass.
 */
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { platformJobs } from '../src/jobs/index.ts';
import { TEST_PASSWORD } from '../src/programme/staff/testing.ts';
import { createServices, type Services } from '../src/services.ts';
import { checkA11y, type Harness } from './harness.ts';

/** A wide desktop window: staff work at a desk. */
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** The 6-digit code an authenticator app shows for a secret, `stepsAhead` 30-second steps from now. */
export function totpCode(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

/** Signs in with the password and a code, checking the two sign-in pages; ends on the page after sign-in. */
export async function signIn(page: Page, account: { email: string; secret: string }, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/staff/sign-in');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(password);
  await page.locator('main button[type=submit]').click();
  await page.waitForURL(/\/staff\/sign-in\/code/);
  await page.getByLabel('Enter the 6-digit code from your authenticator app').fill(await totpCode(account.secret));
  await page.locator('main button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/staff/sign-in'));
}

/** The level-1 heading of the page. */
export const heading = (page: Page): Promise<string | null> => page.getByRole('heading', { level: 1 }).textContent();

/** Opens a staff page, expects its heading, and runs axe-core on it. */
export async function visit(page: Page, path: string, h1: string | RegExp, label = path): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), `${path} status`).toBe(200);
  expect(await heading(page), `${path} heading`).toMatch(h1);
  await checkA11y(page, label);
}

/** The platform's services over the test server's own database (SQLite, shared with the running server). */
export function serverServices(h: Harness): Services {
  return createServices(h.db, 'sqlite', loadConfig({ NODE_ENV: 'test', DATA_DIR: h.dataDir, LOG_LEVEL: 'silent' }));
}

/**
 * Runs one of the scheduler's jobs as the scheduler would for a run key (e.g. 'tracker-batch:2026-03-05'
 * runs the tracker's daily batch for that day), with the same job definitions main.ts registers.
 */
export async function runJob(services: Services, name: string, runKey: string): Promise<void> {
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const job = platformJobs(services, silent).find((j) => j.name === name);
  if (!job) throw new Error(`no job called ${name}`);
  await job.run(runKey);
}
