/**
 * Journey, with JavaScript switched off from start to end: an 11-year-old at primary school answers
 * "Your Life, Your Care" (8-11) on a phone, from the survey link to the thank-you page: the school
 * question for an age two versions share, multi-question pages, faces on a page of several questions,
 * "I don't want to say", skipped questions and a comment. Then, still without JavaScript, a closed
 * wave's link and a link that does not exist.
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

test('without JavaScript, an 11-year-old at primary school answers ylyc-8-11 from the link to the thank-you page', async () => {
  const ins = instrument('ylyc-8-11');
  const context = await h.newContext({ ...MOBILE, javaScriptEnabled: false });
  const page = await context.newPage();
  const check = pageChecker(page);

  await page.goto(h.linkOf(h.waves.ylyc));
  // Proof that no script runs: the survey script would reveal the quick-exit keyboard hint.
  expect(await page.getByText(t('survey.exit.hint')).isVisible()).toBe(false);
  await check.once('start', 'start page (age choice), no JavaScript');

  await go(page, page.getByRole('button', { name: `11 ${t('survey.start.age.years')}`, exact: true }));
  // 11 is in two versions' age bands: the school decides, and the age is never put in an address.
  expect(new URL(page.url()).pathname).toMatch(/\/start$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.school.legend'));
  await check.once('school', 'school question (age 11), no JavaScript');
  await go(page, page.getByRole('button', { name: t('survey.school.primary'), exact: true }));

  expect(new URL(page.url()).pathname).toMatch(/\/intro$/);
  await check.once('intro', 'introduction (8-11), no JavaScript');
  await page.getByRole('group', { name: t('survey.intro.adult.legend') }).getByRole('radio', { name: t('survey.intro.adult.no'), exact: true }).check();
  await press(page, t('survey.intro.start'));

  const given = await answerAllPages(
    page,
    ins,
    mixedPlan(
      {
        age: { choose: '11' },
        knows_social_worker: { choose: 'yes' },
        trusts_social_worker: { choose: 'most_of_the_time' },
        social_worker_changes: 'decline',
        contact_dad: 'skip',
        happy_yesterday: { choose: 'face_4' },
        life_satisfaction: { choose: 'face_5' },
        positive_future: 'decline',
      },
      'I want to see my dad more. My carers are kind.',
    ),
    check,
  );
  expect(given.answers['age']).toBe('11');
  expect(Object.values(given.answers)).toContain('prefer_not_to_say');

  expect(new URL(page.url()).pathname).toMatch(/\/review$/);
  await check.once('review', 'check and send page, no JavaScript');
  await press(page, t('survey.review.send'));
  expect(new URL(page.url()).pathname).toMatch(/\/thanks$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.thanks.heading'));
  await check.once('thanks', 'thank-you page, no JavaScript');

  await expectOneStoredResponse(h.db, h.waves.ylyc.id, ins, given, { adultHelped: false });
  // The school question led to the younger version: nothing went to 11-17.
  expect(await h.db.selectFrom('responses').select('id').where('instrument_id', '=', 'ylyc-11-17').execute()).toHaveLength(0);
  expect(check.seen()).toEqual(expect.arrayContaining([expect.stringMatching(/multi-question page \(list\)/), expect.stringMatching(/faces/), expect.stringMatching(/text/)]));
});

test('without JavaScript, the privacy notice, a closed survey and an unknown link show friendly pages', async () => {
  const context = await h.newContext({ ...MOBILE, javaScriptEnabled: false });
  const page = await context.newPage();

  const privacy = await page.goto(`${h.linkOf(h.waves.ylyc)}/privacy?for=ylyc-8-11`);
  expect(privacy?.status()).toBe(200);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.privacy.ylyc-8-11.title'));
  await pageChecker(page).once('privacy', 'privacy notice (8-11 version), no JavaScript');

  const closed = await page.goto(h.linkOf(h.waves.closed));
  expect(closed?.status()).toBe(410);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('error.wave_closed.title'));
  // A closed survey still offers the quick exit and help.
  expect(await page.getByRole('link', { name: t('survey.exit.label') }).isVisible()).toBe(true);
  await pageChecker(page).once('closed', 'closed-survey page, no JavaScript');

  const unknown = await page.goto(`${h.url}/s/NOSUCHCODE`);
  expect(unknown?.status()).toBe(404);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('error.wave_not_found.title'));
  await pageChecker(page).once('error', 'unknown-link error page, no JavaScript');
});
