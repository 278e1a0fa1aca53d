/**
 * Journey, with JavaScript switched off: a 9-year-old ticks "Easy read" beside the age buttons and answers
 * the easy-read "Your Life, Your Care" (8-11) on a phone: a pictogram beside every question, picture
 * buttons for every answer (48px targets), axe-core clean on each kind of page; the response is stored
 * as the easy-read instrument.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MOBILE, startHarness, type Harness } from './harness.ts';
import { answerAllPages, expectOneStoredResponse, go, instrument, mixedPlan, pageChecker, press, t } from './survey-steps.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('without JavaScript, a 9-year-old chooses easy read and answers it with pictures, from the link to the thank-you page', async () => {
  const ins = instrument('ylyc-8-11-er');
  const context = await h.newContext({ ...MOBILE, javaScriptEnabled: false });
  const page = await context.newPage();
  const check = pageChecker(page);

  await page.goto(h.linkOf(h.waves.ylyc));
  const easyRead = page.getByRole('checkbox', { name: t('easyread.choice.label') });
  await easyRead.check();
  await check.once('start', 'start page with "Easy read" ticked, no JavaScript');
  if (process.env['SCREENSHOTS']) await page.screenshot({ path: `${process.env['SCREENSHOTS']}/easy-read-start.png`, fullPage: true });
  await go(page, page.getByRole('button', { name: `9 ${t('survey.start.age.years')}`, exact: true }));

  expect(new URL(page.url()).pathname).toMatch(/\/intro$/);
  await page.getByRole('group', { name: t('survey.intro.adult.legend') }).getByRole('radio', { name: t('survey.intro.adult.yes'), exact: true }).check();
  await press(page, t('survey.intro.start'));

  // Every question of the first page has its pictogram, hidden from assistive technology.
  const pictures = page.locator('[data-question] .bs-picto');
  expect(await pictures.count()).toBeGreaterThan(0);
  expect(await pictures.first().getAttribute('aria-hidden')).toBe('true');

  let shot = 0;
  const given = await answerAllPages(
    page,
    ins,
    mixedPlan({ trusted_adult_trust: { choose: 'yes' }, trusted_adult_helps: { choose: 'no' }, trusts_carers: { choose: 'most_of_the_time' } }, 'I like my dog.'),
    {
      async once(kind: string, label?: string) {
        await check.once(kind, label);
        // Each new kind of page: every question pictured, every answer a picture button.
        const questions = await page.locator('[data-question]').count();
        expect(await page.locator('[data-question] .bs-picto').count()).toBe(questions);
        if (process.env['SCREENSHOTS'] && shot < 4) await page.screenshot({ path: `${process.env['SCREENSHOTS']}/easy-read-${shot++}.png`, fullPage: true });
      },
      seen: check.seen,
    },
  );
  expect(given.answers['trusted_adult_trust']).toBe('yes');
  expect(given.answers['trusts_carers']).toBe('most_of_the_time');

  expect(new URL(page.url()).pathname).toMatch(/\/review$/);
  await check.once('review', 'check and send page (easy read), no JavaScript');
  await press(page, t('survey.review.send'));
  expect(new URL(page.url()).pathname).toMatch(/\/thanks$/);
  await expectOneStoredResponse(h.db, h.waves.ylyc.id, ins, given, { adultHelped: true });
  expect(check.seen()).toEqual(expect.arrayContaining([expect.stringMatching(/buttons/), expect.stringMatching(/faces/)]));
});
