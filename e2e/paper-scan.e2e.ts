/**
 * Journey: a programme data-entry member of staff uploads the scanned pages of a paper form, opens the
 * form from the results, decides the one question sent for review and transcribes the written answer
 * with the keyboard only, and stores it as a paper response; its scanned images are deleted. Each page
 * passes axe-core.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemClock } from '../src/lib/clock.ts';
import { createTranslator, loadCatalogues } from '../src/lib/i18n.ts';
import { formsService } from '../src/paper/index.ts';
import { collect } from '../src/paper/forms/testing.ts';
import { scannedPages } from '../src/paper/verify/testing.ts';
import { auditLog, type Actor } from '../src/programme/index.ts';
import { makeStaff } from '../src/programme/staff/testing.ts';
import { catalogueDirs } from '../src/services.ts';
import { checkA11y, smallTargets, startHarness, type Harness } from './harness.ts';
import { DESKTOP, heading, signIn } from './staff-steps.ts';

let h: Harness;
let keyer: { id: string; email: string; secret: string };
let dir: string;
let files: string[];
let chosenAnswer: string;

beforeAll(async () => {
  h = await startHarness();
  keyer = await makeStaff(h.db, systemClock, 'scanner@programme.example', [{ role: 'programme_data_entry', laId: null }]);
  const forms = formsService({ db: h.db, clock: systemClock, programme: h.programme, audit: auditLog(h.db, systemClock), i18n: createTranslator(loadCatalogues(catalogueDirs)) });
  const actor: Actor = { accountId: keyer.id, email: keyer.email, name: 'Scanner', grants: [{ role: 'programme_data_entry', laId: null }] };
  const issued = await forms.issueForms(actor, h.waves.ylyc.id, { instrumentId: 'ylyc-8-11', lang: 'en', copies: 1 });
  if (!issued.ok) throw new Error('forms not issued');
  const layout = (await forms.formDesign('ylyc-8-11', 'en')).layout;
  const age = layout.boxes.find((b) => b.questionId === 'age' && b.answer === '9')!;
  const carers = layout.boxes.filter((b) => b.questionId === 'trusts_carers');
  chosenAnswer = carers[1]!.answer;
  const pages = await scannedPages(await collect(issued.stream), [age, carers[0]!, carers[1]!]);
  dir = mkdtempSync(join(tmpdir(), 'bs-scans-'));
  files = pages.map((png, i) => {
    const file = join(dir, `page-${i + 1}.png`);
    writeFileSync(file, png);
    return file;
  });
}, 180_000);
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const focused = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || '');

/** Presses Tab until the focused element's id (or text) is `target`. */
async function tabTo(page: Page, target: string): Promise<void> {
  for (let i = 0; i < 300 && (await focused(page)) !== target; i++) await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(target);
}

test('a data-entry user uploads a scanned form and verifies it with the keyboard', async () => {
  const page = await (await h.newContext(DESKTOP)).newPage();
  await signIn(page, keyer);
  await page.goto('/staff/paper/scans');
  expect(await heading(page)).toBe('Paper scans');
  await checkA11y(page, 'paper scans');

  // The file chooser is the operating system's: the files are given to the field, the rest is keys.
  await page.locator('#scans').setInputFiles(files);
  await tabTo(page, 'Upload and read');
  await page.keyboard.press('Enter');
  await page.waitForLoadState();
  expect(await heading(page)).toBe('Scans read');
  expect(await page.locator('main').textContent()).toContain(`${files.length} of ${files.length} pages`);
  await checkA11y(page, 'scans read');

  const serialLink = page.locator('table a.govuk-link').first();
  const serialText = ((await serialLink.textContent()) ?? '').trim();
  await tabTo(page, serialText);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/staff\/paper\/scans\/forms\//);
  expect(await heading(page)).toBe(`Verify form ${serialText}`);
  expect(await page.locator('main').textContent()).toContain('More than one box is ticked');
  await checkA11y(page, 'verification screen');
  // The staff header is the shared layout's; every target of this page's own content is 48px or more.
  expect((await smallTargets(page)).map((t) => t.element).filter((e) => !/^a "(Bright Spots|Home|Live fieldwork|Paper entry|Paper scans|Question bank)"$/.test(e))).toEqual([]);

  // Storing without a decision shows the error summary, which links to the question.
  await tabTo(page, 'Store this form');
  await page.keyboard.press('Enter');
  await page.waitForLoadState();
  expect(await page.locator('.govuk-error-summary').textContent()).toContain('choose what the paper says');
  await checkA11y(page, 'verification screen with an error');

  // Tab to the question's radios, arrow to the answer meant, then transcribe the writing.
  await tabTo(page, 'd-trusts_carers');
  const checked = (): Promise<string> => page.evaluate(() => document.querySelector<HTMLInputElement>('input[name="d-trusts_carers"]:checked')?.value ?? '');
  await page.keyboard.press('Space');
  for (let i = 0; i < 10 && (await checked()) !== chosenAnswer; i++) await page.keyboard.press('ArrowDown');
  expect(await checked()).toBe(chosenAnswer);
  await tabTo(page, 't-anything_else');
  await page.keyboard.type('I like my foster carers');
  await tabTo(page, 'Store this form');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/staff\/paper\/scans\?done=stored/);
  expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Form stored as a paper response');
  await checkA11y(page, 'form stored');

  const rows = await h.db.selectFrom('responses').selectAll().where('wave_id', '=', h.waves.ylyc.id).where('channel', '=', 'paper').execute();
  expect(rows).toHaveLength(1);
  expect(JSON.parse(rows[0]!.answers)).toMatchObject({ age: '9', trusts_carers: chosenAnswer });
  expect(await h.db.selectFrom('paper_scan_crops').selectAll().execute()).toEqual([]);
}, 180_000);
