/**
 * Journey: a 14-year-old answers "Your Life, Your Care" (11-17) on a phone, from the survey link to the
 * thank-you page: pages of several questions, the 0-10 well-being page, skip logic (no social worker
 * page when they don't know who their social worker is), "I don't want to say", skipped questions and
 * a comment. Every answer is checked against what the server stored.
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

test('a 14-year-old answers ylyc-11-17 from the link to the thank-you page', async () => {
  const ins = instrument('ylyc-11-17');
  const page = await (await h.newContext()).newPage();
  const check = pageChecker(page);

  await page.goto(h.linkOf(h.waves.ylyc));
  await check.once('start', 'start page (age choice)');
  await go(page, page.getByRole('button', { name: `14 ${t('survey.start.age.years')}`, exact: true }));
  expect(new URL(page.url()).pathname).toMatch(/\/intro$/);
  await check.once('intro', 'introduction (11-17)');
  await page.getByRole('group', { name: t('survey.intro.adult.legend') }).getByRole('radio', { name: t('survey.intro.adult.yes'), exact: true }).check();
  await press(page, t('survey.intro.start'));

  const visited: string[] = [];
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) visited.push(new URL(f.url()).pathname);
  });
  const given = await answerAllPages(
    page,
    ins,
    mixedPlan(
      {
        age: { choose: '14' },
        ethnicity: 'decline',
        // "No" hides the whole social worker page.
        knows_social_worker: { choose: 'no' },
        worries_feelings: { choose: 'sometimes' },
        life_satisfaction: { choose: 8 },
        worthwhile: 'decline',
        happy_yesterday: { choose: 0 },
        positive_future: 'skip',
      },
      'School is hard sometimes but my mentor helps. I would like more say in where I live.',
    ),
    check,
  );
  expect(visited.some((p) => p.endsWith('/p/social_worker'))).toBe(false);
  expect(given.answers['life_satisfaction']).toBe(8);
  expect(given.answers['happy_yesterday']).toBe(0);
  expect(given.answers['positive_future']).toBeUndefined();

  expect(new URL(page.url()).pathname).toMatch(/\/review$/);
  await check.once('review', 'check and send page');
  await press(page, t('survey.review.send'));
  expect(new URL(page.url()).pathname).toMatch(/\/thanks$/);
  await check.once('thanks', 'thank-you page');

  await expectOneStoredResponse(h.db, h.waves.ylyc.id, ins, given, { adultHelped: true });
  expect(check.seen()).toEqual(expect.arrayContaining([expect.stringMatching(/\(score\)/), expect.stringMatching(/multi-question page \(list\)/), expect.stringMatching(/text/)]));
});
