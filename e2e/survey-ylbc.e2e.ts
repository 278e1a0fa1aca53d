/**
 * Journey: a care leaver answers "Your Life Beyond Care" (16-25) on a laptop, from the survey link to
 * the thank-you page: one version, so no age question; a "choose as many as you like" question shown by
 * an earlier answer; the two 0-10 pages (including anxiety); "I don't want to say"; skipped questions; a
 * comment; the privacy notice written for adults.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { answerAllPages, expectOneStoredResponse, go, instrument, mixedPlan, pageChecker, press, t } from './survey-steps.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('a care leaver answers ylbc-16-25 from the link to the thank-you page', async () => {
  const ins = instrument('ylbc-16-25');
  const page = await (await h.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const check = pageChecker(page);

  await page.goto(h.linkOf(h.waves.ylbc));
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.start.heading'));
  // One version for care leavers: no age to choose.
  expect(await page.getByRole('button', { name: `18 ${t('survey.start.age.years')}` }).count()).toBe(0);
  await check.once('start', 'start page (one version, no age choice)');

  // The privacy notice for adults, from the footer, before starting.
  await go(page, page.getByRole('link', { name: t('survey.footer.privacy') }));
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.privacy.adult.title'));
  await check.once('privacy', 'privacy notice (adult version)');
  await page.goBack();

  await press(page, t('survey.start.begin'));
  expect(new URL(page.url()).pathname).toMatch(/\/intro$/);
  await check.once('intro', 'introduction (16-25)');
  // Left unanswered: the question about help is optional.
  await press(page, t('survey.intro.start'));

  const given = await answerAllPages(
    page,
    ins,
    mixedPlan(
      {
        age: { choose: '19' },
        knows_pa: { choose: 'yes' },
        trusts_pa: { choose: 'most_of_the_time' },
        disability: { choose: 'yes' },
        disability_support: 'decline',
        emotional_support: { choose: 'yes' },
        emotional_support_who: { tick: ['friends', 'personal_adviser'] },
        cope_financially: 'skip',
        life_satisfaction: { choose: 6 },
        anxious_yesterday: { choose: 7 },
        happy_yesterday: 'decline',
      },
      'Money is tight but my PA has been brilliant. I would like help finding work.',
    ),
    check,
  );
  expect(given.answers['emotional_support_who']).toEqual(['friends', 'personal_adviser']);
  expect(given.answers['anxious_yesterday']).toBe(7);

  expect(new URL(page.url()).pathname).toMatch(/\/review$/);
  await check.once('review', 'check and send page');
  await press(page, t('survey.review.send'));
  expect(new URL(page.url()).pathname).toMatch(/\/thanks$/);
  await check.once('thanks', 'thank-you page');

  await expectOneStoredResponse(h.db, h.waves.ylbc.id, ins, given, { adultHelped: false });
  expect(check.seen()).toEqual(expect.arrayContaining([expect.stringMatching(/multi/), expect.stringMatching(/\(score\)/), expect.stringMatching(/text/)]));
});
