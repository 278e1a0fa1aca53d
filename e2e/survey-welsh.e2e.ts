/**
 * Journey: a 14-year-old whose browser prefers Welsh answers "Your Life, Your Care" (11-17) in Welsh, from
 * the link to the thank-you page. The wave has switched draft Welsh on; the survey opens in Welsh from
 * Accept-Language, the picker names the languages in their own words, every page is axe-core clean with
 * `lang="cy"`, and what is stored is the same codes an English response would hold.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Wave } from '../src/programme/index.ts';
import { startHarness, MOBILE, type Harness } from './harness.ts';
import { answerAllPages, expectOneStoredResponse, go, instrument, mixedPlan, openDraftLanguageWave, pageChecker, press, readPagesIn, t } from './survey-steps.ts';

let h: Harness;
let wave: Wave;
beforeAll(async () => {
  h = await startHarness();
  wave = await openDraftLanguageWave(h, 'cy');
  readPagesIn('cy');
});
afterAll(async () => {
  await h?.close();
});

test('a young person completes ylyc-11-17 in Welsh, opened from the browser\'s preferred language', async () => {
  const ins = instrument('ylyc-11-17');
  const page = await (await h.newContext({ ...MOBILE, locale: 'cy-GB' })).newPage();
  const check = pageChecker(page);

  await page.goto(h.linkOf(wave));
  expect(await page.locator('html').getAttribute('lang')).toBe('cy');
  expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.start.heading'));
  // The picker: each language in its own name and marked with its language; the current one says so.
  const cymraeg = page.getByRole('button', { name: 'Cymraeg', exact: true });
  expect(await cymraeg.getAttribute('lang')).toBe('cy');
  expect(await cymraeg.getAttribute('aria-current')).toBe('true');
  expect(await page.getByRole('button', { name: 'English', exact: true }).getAttribute('lang')).toBe('en');
  await check.once('start', 'start page in Welsh');
  await page.screenshot({ path: '/tmp/welsh-start.png', fullPage: true });

  await go(page, page.getByRole('button', { name: `14 ${t('survey.start.age.years')}`, exact: true }));
  expect(new URL(page.url()).pathname).toMatch(/\/intro$/);
  await check.once('intro', 'introduction in Welsh');
  await page.getByRole('group', { name: t('survey.intro.adult.legend') }).getByRole('radio', { name: t('survey.intro.adult.no'), exact: true }).check();
  await press(page, t('survey.intro.start'));

  let shot = false;
  page.on('load', () => {
    if (!shot && /\/p\/how_you_feel$/.test(new URL(page.url()).pathname)) {
      shot = true;
      void page.screenshot({ path: '/tmp/welsh-scores.png', fullPage: true });
    }
  });
  const given = await answerAllPages(
    page,
    ins,
    mixedPlan({ age: { choose: '14' }, ethnicity: 'decline', knows_social_worker: { choose: 'yes' }, life_satisfaction: { choose: 7 }, happy_yesterday: { choose: 9 } }, 'Rwy\'n hoffi fy nghlwb pêl-droed.'),
    check,
  );
  expect(given.answers['life_satisfaction']).toBe(7);
  expect(await page.locator('html').getAttribute('lang')).toBe('cy');
  await check.once('review', 'check and send page in Welsh');
  await press(page, t('survey.review.send'));
  expect(new URL(page.url()).pathname).toMatch(/\/thanks$/);
  expect(await page.locator('html').getAttribute('lang')).toBe('cy');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.thanks.heading'));
  await check.once('thanks', 'thank-you page in Welsh');
  await page.screenshot({ path: '/tmp/welsh-thanks.png', fullPage: true });

  // Stored by question and answer code, with the language recorded: analysis reads it like any other.
  await expectOneStoredResponse(h.db, wave.id, ins, given, { adultHelped: false });
  const row = await h.db.selectFrom('responses').select('language').where('wave_id', '=', wave.id).executeTakeFirstOrThrow();
  expect(row.language).toBe('cy');
}, 120_000);
