/**
 * Journey: after sending their answers, a young person on a phone enters the prize draw from the
 * thank-you page, fixes a mistake the form points out, and is told they are in the draw. Every page
 * passes axe-core and the 48px targets, and the draw sets no cookie and stores nothing but the entry.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkPage, markNoJs, MOBILE, startHarness, type Harness } from './harness.ts';
import { go, press, t } from './survey-steps.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('a young person enters the prize draw from the thank-you page, with and without JavaScript', async () => {
  const wave = await h.programme.openWave({ laId: h.waves.ylbc.laId, survey: 'ylbc', eligible: { 'ylbc-16-25': 20 }, opensOn: '2026-01-01', closesOn: '2099-12-31', prizeDraw: true });
  for (const js of [true, false]) {
    const context = await h.newContext({ ...MOBILE, javaScriptEnabled: js });
    if (!js) markNoJs(context);
    const page = await context.newPage();
    const label = js ? '' : ' (no JavaScript)';

    await page.goto(`${h.linkOf(wave)}/thanks`);
    await go(page, page.getByRole('link', { name: t('prize.thanks.link') }));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('prize.heading'));
    await checkPage(page, `prize draw entry${label}`);

    await page.getByLabel(t('prize.first_name.label')).fill('Zo3');
    await page.getByRole('radio', { name: t('prize.method.email') }).check();
    await press(page, t('prize.submit'));
    expect(await page.getByText(t('prize.error.first_name.invalid')).count()).toBeGreaterThan(0);
    expect(await page.getByText(t('prize.error.contact.missing.email')).count()).toBeGreaterThan(0);
    await checkPage(page, `prize draw entry with errors${label}`);

    await page.getByLabel(t('prize.first_name.label')).fill(js ? 'Zoë' : 'Yasmin');
    await page.getByLabel(t('prize.contact.label')).fill(js ? 'zoe@example.com' : 'yasmin@example.com');
    await press(page, t('prize.submit'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('prize.entered.heading'));
    await checkPage(page, `in the draw${label}`);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  }
  const stored = await h.db.selectFrom('prize_entries').select(['first_name', 'contact_method', 'contact']).where('wave_id', '=', wave.id).orderBy('first_name').execute();
  expect(stored).toEqual([
    { first_name: 'Yasmin', contact_method: 'email', contact: 'yasmin@example.com' },
    { first_name: 'Zoë', contact_method: 'email', contact: 'zoe@example.com' },
  ]);
});
