/**
 * Journey: a young person writes a worrying comment at the end of the survey and sees the same help as
 * everyone; a programme safeguarding reviewer finds it at the top of the queue, reads it and decides
 * "concern"; the LA's safeguarding contact is emailed a link, signs in, reads exactly the promised
 * content and acknowledges it. Every staff page passes axe-core.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemClock } from '../src/lib/clock.ts';
import { makeStaff } from '../src/programme/staff/testing.ts';
import type { Services } from '../src/services.ts';
import { checkA11y, startHarness, type Harness } from './harness.ts';
import { DESKTOP, heading, serverServices, signIn, visit } from './staff-steps.ts';
import { answerAllPages, go, instrument, mixedPlan, press, t } from './survey-steps.ts';

const WORRY = 'my step dad hits me when hes drunk and i am scared to go home';

let h: Harness;
let services: Services;
let reviewer: { email: string; secret: string };
let contact: { email: string; secret: string };

beforeAll(async () => {
  h = await startHarness();
  services = serverServices(h);
  const laId = h.waves.ylyc.laId;
  reviewer = await makeStaff(h.db, systemClock, 'reviewer@programme.example', [{ role: 'programme_safeguarding', laId: null }]);
  contact = await makeStaff(h.db, systemClock, 'safeguarding@testshire.example', [{ role: 'la_safeguarding', laId }]);
  const lead = await makeStaff(h.db, systemClock, 'lead@testshire.example', [{ role: 'la_lead', laId }]);
  const added = await services.planning.addContact({ accountId: lead.id, email: lead.email, name: 'lead', grants: [{ role: 'la_lead', laId }] }, laId, {
    contactName: 'Sam Officer',
    contactRole: 'Designated officer',
    contactEmail: 'safeguarding@testshire.example',
    contactPhone: '01632 960 001',
  });
  if (!added.ok) throw new Error('contact not added');
});
afterAll(() => h?.close());

test('a worrying comment reaches a reviewer, is disclosed, and the LA contact reads and acknowledges it', async () => {
  const young = await (await h.newContext()).newPage();
  // The survey's own pages are checked by its journeys; this one checks the thank-you page and the staff pages.
  const check = { once: async () => undefined, seen: () => [] };
  await young.goto(h.linkOf(h.waves.ylyc));
  await go(young, young.getByRole('button', { name: `14 ${t('survey.start.age.years')}`, exact: true }));
  await young.getByRole('group', { name: t('survey.intro.adult.legend') }).getByRole('radio', { name: t('survey.intro.adult.no'), exact: true }).check();
  await press(young, t('survey.intro.start'));
  await answerAllPages(young, instrument('ylyc-11-17'), mixedPlan({ age: { choose: '14' }, gender: { choose: 'male' }, placement_type: { choose: 'foster_care' } }, WORRY), check);
  await press(young, t('survey.review.send'));
  expect(new URL(young.url()).pathname).toMatch(/\/thanks$/);
  const thanks = (await young.locator('main').textContent()) ?? '';
  expect(thanks).toContain('0800 1111');
  expect(thanks).not.toMatch(/worr|concern|flag/i);
  await checkA11y(young, 'thank-you page after a worrying comment');

  const page = await (await h.newContext(DESKTOP)).newPage();
  await signIn(page, reviewer);
  await expect.poll(async () => (await page.goto('/staff/safeguarding'), await page.locator('main').textContent()), { timeout: 10_000 }).toContain('hits me');
  expect(await heading(page)).toBe('Safeguarding');
  expect(await page.locator('main mark').count()).toBeGreaterThan(0);
  await checkA11y(page, 'review queue (reviewer)');
  await go(page, page.getByRole('link', { name: /^Decide on the comment/ }).first());
  expect(await heading(page)).toBe('Flagged comment');
  await checkA11y(page, 'flagged comment (reviewer)');
  await page.getByRole('radio', { name: 'Concern', exact: true }).check();
  await page.getByLabel('Note').fill('Physical abuse at home: disclose to the LA.');
  await press(page, 'Record decision');
  expect(await page.locator('main').textContent()).toContain('Concern: disclosed to the local authority');
  await checkA11y(page, 'decided comment (reviewer)');
  await visit(page, '/staff/safeguarding/decided', 'Decided comments', 'decided list (reviewer)');

  const email = services.mailer.outbox().find((m) => m.to.includes('safeguarding@testshire.example'));
  expect(email?.subject).toBe('A safeguarding disclosure to read');

  const la = await (await h.newContext(DESKTOP)).newPage();
  await signIn(la, contact);
  await visit(la, '/staff/safeguarding', 'Safeguarding', 'disclosures (LA contact)');
  expect(await la.getByRole('navigation', { name: 'Staff menu' }).textContent()).toContain('Safeguarding (1');
  await go(la, la.getByRole('link', { name: /^Read/ }).first());
  expect(await heading(la)).toBe('Safeguarding disclosure');
  const main = (await la.locator('main').textContent()) ?? '';
  expect(main).toContain(WORRY);
  expect(main).toContain('14 (questionnaire for ages 11 to 17)');
  expect(main).toContain('With foster carers');
  expect(main).not.toContain('Physical abuse at home');
  await checkA11y(la, 'disclosure (LA contact)');
  await press(la, 'I have read this disclosure');
  expect(await la.locator('#acknowledged').textContent()).toContain('Acknowledged by safeguarding@testshire.example');
  await checkA11y(la, 'acknowledged disclosure (LA contact)');
});
