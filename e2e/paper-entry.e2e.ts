/**
 * Journey: a programme data-entry member of staff keys a paper form with the keyboard only: chooses the
 * wave and questionnaire, types each answer's code and Tabs on, makes a mistake, finds the field again
 * from the error and corrects it, and stores the form, which becomes a paper response. Each page passes axe-core.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemClock } from '../src/lib/clock.ts';
import { makeStaff } from '../src/programme/staff/testing.ts';
import { checkA11y, startHarness, type Harness } from './harness.ts';
import { DESKTOP, heading, signIn } from './staff-steps.ts';

let h: Harness;
let keyer: { email: string; secret: string };

beforeAll(async () => {
  h = await startHarness();
  keyer = await makeStaff(h.db, systemClock, 'keyer@programme.example', [{ role: 'programme_data_entry', laId: null }]);
});
afterAll(() => h?.close());

const focused = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until the element with this id has focus (as a person tabbing through the page would). */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 200 && (await focused(page)) !== id; i++) await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(id);
}

test('a data-entry user keys a paper form using only the keyboard', async () => {
  const page = await (await h.newContext(DESKTOP)).newPage();
  await signIn(page, keyer);
  await page.goto('/staff/paper/entry');
  expect(await heading(page)).toBe('Paper entry');
  await checkA11y(page, 'paper entry start');

  // The wave and questionnaire list has focus: arrow down to the open wave's 8-11 questionnaire.
  const target = `${h.waves.ylyc.id}/ylyc-8-11`;
  expect(await focused(page)).toBe('form');
  for (let i = 0; i < 20 && (await page.locator('#form').inputValue()) !== target; i++) await page.keyboard.press('ArrowDown');
  expect(await page.locator('#form').inputValue()).toBe(target);
  await page.keyboard.press('Tab');
  await page.keyboard.type('SHEET-1');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/staff\/paper\/entry\/form/);
  expect(await heading(page)).toBe('Key a paper form');
  expect(await focused(page)).toBe('q-age');
  await checkA11y(page, 'keying screen');

  // Question by question in printed order: the code, then Tab. Questions 7 to 10 follow "yes" to
  // knowing a social worker; the form says to skip them, so they stay blank.
  const typed: Array<[string, string]> = [
    ['q-age', '9'],
    ['q-gender', '1'],
    ['q-placement_type', '1'],
    ['q-time_in_care', '2'],
    ['q-trusted_adult', '1'],
    ['q-knows_social_worker', '2'],
    ['q-trusts_social_worker', ''],
    ['q-contact_social_worker', ''],
    ['q-speak_sw_alone', ''],
    ['q-social_worker_changes', ''],
    ['q-trusts_carers', '7'],
    ['q-carers_notice_feelings', '2'],
  ];
  for (const [id, value] of typed) {
    expect(await focused(page)).toBe(id);
    if (value !== '') await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  await tabTo(page, 'q-anything_else');
  await page.keyboard.type('I like my foster carers');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForLoadState();
  expect(await page.locator('.govuk-error-summary').textContent()).toContain('Question 11');
  expect(await page.locator('#q-age').inputValue()).toBe('9');
  expect(await page.locator('#q-trusts_carers').inputValue()).toBe('7');
  expect(await page.locator('#q-anything_else').inputValue()).toBe('I like my foster carers');
  await checkA11y(page, 'keying screen with an error');

  await tabTo(page, 'q-trusts_carers');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/staff\/paper\/entry\/stored/);
  expect(await heading(page)).toBe('Form stored');
  await checkA11y(page, 'form stored');
  expect(await focused(page)).toBe('next');

  const rows = await h.db.selectFrom('responses').selectAll().where('wave_id', '=', h.waves.ylyc.id).where('channel', '=', 'paper').execute();
  expect(rows).toHaveLength(1);
  expect(JSON.parse(rows[0]!.answers)).toMatchObject({ age: '9', knows_social_worker: 'no', trusts_carers: 'most_of_the_time', carers_notice_feelings: 'most_of_the_time' });

  // The next form of the batch opens with the first field focused again.
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/staff\/paper\/entry\/form/);
  expect(await focused(page)).toBe('q-age');
});
