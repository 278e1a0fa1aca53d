/**
 * Journey: a child of 5 answers "Your Life, Your Care" (4-7) with a trusted adult on a phone, from the
 * survey link to the thank-you page: faces and picture-button pages, "I don't want to say", skipped
 * questions, a comment typed by the adult, the adult's own questions, the 4-7 privacy notice.
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

test('a child of 5 and their trusted adult answer ylyc-4-7 from the link to the thank-you page', async () => {
  const ins = instrument('ylyc-4-7');
  const page = await (await h.newContext()).newPage();
  const check = pageChecker(page);

  const start = await page.goto(h.linkOf(h.waves.ylyc));
  expect(start?.status()).toBe(200);
  await check.once('start', 'start page (age choice)');
  await go(page, page.getByRole('button', { name: `5 ${t('survey.start.age.years')}`, exact: true }));
  expect(new URL(page.url()).pathname).toMatch(/\/intro$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.intro.heading'));
  // The adult is told what to do before the child starts.
  expect(await page.getByRole('heading', { name: t('survey.intro.adult_note.heading') }).isVisible()).toBe(true);
  await check.once('intro', 'introduction (4-7, with the note for the adult)');

  // The privacy notice written for 4-7s, from the introduction.
  await go(page, page.getByRole('link', { name: t('survey.intro.privacy_link') }));
  expect(new URL(page.url()).pathname).toMatch(/\/privacy$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.privacy.ylyc-4-7.title'));
  await check.once('privacy', 'privacy notice (4-7 version)');
  await page.goBack();
  expect(new URL(page.url()).pathname).toMatch(/\/intro$/);

  await press(page, t('survey.intro.start'));
  const given = await answerAllPages(
    page,
    ins,
    mixedPlan(
      {
        // "Yes" shows the follow-up faces question about trusting the social worker.
        knows_social_worker: { choose: 'yes' },
        trusts_social_worker: { choose: 'face_4' },
        trusts_carers: { choose: 'face_5' },
        carers_notice_feelings: 'decline',
        likes_school: 'skip',
        happy_yesterday: { choose: 'face_3' },
        age: { choose: '5' },
      },
      'She said she loves her foster family and the dog. She wants to see her brother more.',
    ),
    check,
  );
  expect(Object.values(given.answers)).toContain('prefer_not_to_say');
  expect(given.answers['likes_school']).toBeUndefined();

  expect(new URL(page.url()).pathname).toMatch(/\/review$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.review.heading'));
  await check.once('review', 'check and send page');
  await press(page, t('survey.review.send'));

  expect(new URL(page.url()).pathname).toMatch(/\/thanks$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.thanks.heading'));
  await check.once('thanks', 'thank-you page');

  await expectOneStoredResponse(h.db, h.waves.ylyc.id, ins, given, { adultHelped: true });
  expect(check.seen()).toEqual(
    expect.arrayContaining(['start', 'intro', 'privacy', 'review', 'thanks', expect.stringMatching(/faces/), expect.stringMatching(/text/)]),
  );
});
