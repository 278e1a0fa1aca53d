/**
 * Journey: a fresh installation. The one-time link start() returns creates the first programme
 * administrator, who enrols an authenticator app (the key read off the page), saves the recovery codes,
 * looks round the programme pages, signs out and signs in again with password and code. Every staff page
 * on the way passes axe-core (WCAG 2.2 AA), error states included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { start } from '../src/main.ts';
import { checkA11y, launchChromium } from './harness.ts';
import { DESKTOP, heading, totpCode, visit } from './staff-steps.ts';

let dir: string;
let server: Awaited<ReturnType<typeof start>>;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bs-e2e-first-run-'));
  [server, browser] = await Promise.all([
    start({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ADMIN = { name: 'Alex Programme', email: 'alex@programme.example', password: 'kettle orchard lantern gravel' };

/** Submits the page's main form with its button and waits for the next document. */
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.locator('main').getByRole('button', { name: button }).click()]);
}

test('the first administrator sets up Bright Spots, enrols a second factor, signs out and signs in again', async () => {
  expect(server.firstRunLink).toMatch(new RegExp(`^${server.url}/staff/setup/[\\w-]+$`));
  const context = await browser.newContext({ baseURL: server.url, ...DESKTOP });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();

  // The first-run page: a password that is too short is refused and explained.
  await page.goto(server.firstRunLink ?? '');
  expect(await heading(page)).toBe('Set up Bright Spots');
  await checkA11y(page, 'first-run setup');
  await page.getByLabel('Your name').fill(ADMIN.name);
  await page.getByLabel('Email address').fill(ADMIN.email);
  await page.getByLabel('New password').fill('too short');
  await page.getByLabel('Type the password again').fill('too short');
  await submit(page, 'Continue');
  expect(await page.locator('.govuk-error-summary').textContent()).toContain('Use a password of at least 12 characters');
  await checkA11y(page, 'first-run setup with a problem');
  await page.getByLabel('New password').fill(ADMIN.password);
  await page.getByLabel('Type the password again').fill(ADMIN.password);
  await submit(page, 'Continue');

  // Second factor: the key as shown (in groups of four), a wrong code, then the right one.
  expect(new URL(page.url()).pathname).toBe('/staff/second-factor');
  expect(await heading(page)).toBe('Set up your second factor');
  await checkA11y(page, 'second-factor enrolment');
  const key = ((await page.locator('.bs-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  const right = await totpCode(key);
  await page.getByLabel('6-digit code').fill(String((Number(right) + 500_000) % 1_000_000).padStart(6, '0'));
  await submit(page, 'Confirm');
  expect(await page.locator('.govuk-error-summary').textContent()).toContain('That code is not right');
  await checkA11y(page, 'second-factor enrolment with a wrong code');
  await page.getByLabel('6-digit code').fill(await totpCode(key));
  await submit(page, 'Confirm');

  // Recovery codes, shown once.
  expect(await heading(page)).toBe('Save your recovery codes');
  const codes = (await page.locator('.bs-codes code').allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);
  for (const c of codes) expect(c).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  await checkA11y(page, 'recovery codes');
  await Promise.all([page.waitForURL((u) => u.pathname === '/staff'), page.getByRole('button', { name: 'I have saved my codes' }).click()]);

  // Home, and the programme pages only an administrator has.
  expect(await heading(page)).toBe(`Hello, ${ADMIN.name}`);
  await checkA11y(page, 'home (programme administrator, no LAs yet)');
  const menu = page.getByRole('navigation', { name: 'Staff menu' });
  expect(await menu.getByRole('link').allTextContents()).toEqual(['Home', 'Live fieldwork', 'National report', 'New Belongings Plus', 'Practice bank', 'Data releases', 'Administration', 'Question bank']);
  await visit(page, '/staff/admin', 'Administration');
  expect(await page.locator('main').getByRole('link').allTextContents()).toEqual(['Local authorities', 'Accounts', 'Audit log', 'Outbox', 'Retention']);
  await visit(page, '/staff/admin/las', 'Local authorities');
  await visit(page, '/staff/admin/accounts', 'Staff accounts');
  expect(await page.locator('main table').first().textContent()).toContain(ADMIN.email);
  await page.getByRole('link', { name: ADMIN.name }).first().click();
  expect(await heading(page)).toBe(ADMIN.name);
  await checkA11y(page, 'one staff account and its roles');
  await visit(page, '/staff/admin/audit', 'Audit log');
  const audit = (await page.locator('main table').first().textContent()) ?? '';
  for (const action of ['account.first_run', 'account.second_factor_enrolled']) expect(audit).toContain(action);
  await visit(page, '/staff/admin/outbox', 'Outbox');
  await visit(page, '/staff/fieldwork', 'Live fieldwork');

  // The setup link worked once: it is gone now.
  expect((await page.goto(server.firstRunLink ?? ''))?.status()).toBe(404);
  await checkA11y(page, 'not-found page');

  // Sign out; staff pages then ask to sign in.
  await Promise.all([page.waitForURL(/\/staff\/sign-in$/), page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()]);
  await page.goto('/staff/admin/accounts');
  expect(new URL(page.url()).pathname).toBe('/staff/sign-in');
  expect(await heading(page)).toBe('Sign in');
  await checkA11y(page, 'sign-in');

  await page.getByLabel('Email address').fill(ADMIN.email);
  await page.getByLabel('Password').fill('not the password at all');
  await submit(page, 'Continue');
  expect(await page.locator('.govuk-error-summary').textContent()).toContain('The email, password or code is not right');
  await checkA11y(page, 'sign-in with a wrong password');
  await page.getByLabel('Password').fill(ADMIN.password);
  await submit(page, 'Continue');
  expect(new URL(page.url()).pathname).toBe('/staff/sign-in/code');
  await checkA11y(page, 'sign-in code');
  await page.getByLabel('Enter the 6-digit code from your authenticator app').fill('000000');
  await submit(page, 'Sign in');
  expect(await page.locator('.govuk-error-summary').textContent()).toContain('The email, password or code is not right');
  await checkA11y(page, 'sign-in code with a wrong code');
  // A code is accepted once: enrolment used this 30-second step's, so give the next step's, which
  // the server accepts for clock drift, rather than wait for the app to change.
  await page.getByLabel('Enter the 6-digit code from your authenticator app').fill(await totpCode(key, 1));
  await submit(page, 'Sign in');
  // Back where the sign-in started.
  expect(new URL(page.url()).pathname).toBe('/staff/admin/accounts');
  expect(await heading(page)).toBe('Staff accounts');
  await context.close();
});
