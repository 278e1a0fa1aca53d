/**
 * Journey, once per language: a 14-year-old whose browser prefers the language answers "Your Life, Your
 * Care" (11-17) from the link to the thank-you page, with the draft language switched on for the wave.
 * Every page is axe-core clean with the page's `lang` and `dir`; a language whose script needs a bundled
 * font gets it (and only it); right-to-left pages run in reading direction (0 of 0-10 at the right); what is
 * stored is the same codes an English response holds. Screenshots go to .tmp/ for people to look at.
 *
 * Adding a language to the walk: add its code to WALKED (and, optionally, a comment in its own words).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LANGUAGES } from '../src/lib/i18n.ts';
import { fontCssFor, SCRIPT_FONTS, scriptOf } from '../src/lib/scripts.ts';
import { startHarness, MOBILE, type Harness } from './harness.ts';
import { answerAllPages, expectOneStoredResponse, go, instrument, mixedPlan, openDraftLanguageWave, pageChecker, press, readPagesIn, t } from './survey-steps.ts';

/** The languages walked, one journey each. */
const WALKED: readonly string[] = ['ar', 'ti', 'vi', 'ps', 'prs'];

/** What the young person writes in the free-text box, in their language (English if not given). */
const COMMENT: Readonly<Record<string, string>> = { ar: 'أحب نادي كرة القدم وكلبي.' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  mkdirSync('.tmp', { recursive: true });
});
afterAll(async () => {
  await h?.close();
});

describe.each(WALKED)('the survey in %s', (lang) => {
  test('a young person completes ylyc-11-17, opened from the browser\'s preferred language', async () => {
    const dir = LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';
    const wave = await openDraftLanguageWave(h, lang);
    readPagesIn(lang);
    const ins = instrument('ylyc-11-17');
    const context = await h.newContext({ ...MOBILE, locale: lang });
    const page = await context.newPage();
    const fontRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/(font-|noto-)/.test(new URL(r.url()).pathname)) fontRequests.push(new URL(r.url()).pathname);
    });
    const check = pageChecker(page);

    await page.goto(h.linkOf(wave));
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('html').getAttribute('dir')).toBe(dir);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.start.heading'));
    const own = page.getByRole('button', { name: LANGUAGES.find((l) => l.code === lang)?.nativeName ?? lang, exact: true });
    expect(await own.getAttribute('lang')).toBe(lang);
    expect(await own.getAttribute('aria-current')).toBe('true');
    await check.once('start', `start page in ${lang}`);
    await page.screenshot({ path: `.tmp/survey-${lang}-start.png`, fullPage: true });

    // The script's font, and only it, is linked and loaded; no other language's font is fetched.
    const script = scriptOf(lang);
    const css = fontCssFor(lang);
    expect(await page.locator('link[href*="/assets/font-"]').evaluateAll((ls) => ls.map((l) => new URL((l as HTMLLinkElement).href).pathname))).toEqual(css ? [`/assets/${css}`] : []);
    if (script !== undefined) {
      const family = SCRIPT_FONTS[script].family;
      const faces = await page.evaluate(() => document.fonts.ready.then(() => [...document.fonts].map((face) => `${face.family.replace(/"/g, '')}:${face.weight}:${face.status}`)));
      expect(faces.join(" ; "), "the script font is used on the page").toContain(`${family}:${SCRIPT_FONTS[script].faces[0]?.weight ?? '400'}:loaded`);
    }

    await go(page, page.getByRole('button', { name: `14 ${t('survey.start.age.years')}`, exact: true }));
    expect(new URL(page.url()).pathname).toMatch(/\/intro$/);
    await check.once('intro', `introduction in ${lang}`);
    await page.getByRole('group', { name: t('survey.intro.adult.legend') }).getByRole('radio', { name: t('survey.intro.adult.no'), exact: true }).check();
    await press(page, t('survey.intro.start'));

    // On the first 0-10 page: a screenshot, and the row runs in reading direction.
    let scoreOrder: { zero: number; ten: number } | undefined;
    page.on('load', () => {
      if (scoreOrder !== undefined) return;
      void page
        .evaluate(() => {
          const boxes = [...document.querySelectorAll('.bs-option--score')].map((o) => o.getBoundingClientRect().x);
          return boxes.length >= 11 ? { zero: boxes[0] ?? 0, ten: boxes[10] ?? 0 } : undefined;
        })
        .then(async (found) => {
          if (found === undefined || scoreOrder !== undefined) return;
          scoreOrder = found;
          await page.screenshot({ path: `.tmp/survey-${lang}-scores.png`, fullPage: true });
        })
        .catch(() => undefined);
    });
    const given = await answerAllPages(
      page,
      ins,
      mixedPlan({ age: { choose: '14' }, ethnicity: 'decline', knows_social_worker: { choose: 'yes' }, life_satisfaction: { choose: 7 }, happy_yesterday: { choose: 9 } }, COMMENT[lang] ?? 'I like my football club and my dog.'),
      check,
    );
    expect(given.answers['life_satisfaction']).toBe(7);
    expect(scoreOrder).toBeDefined();
    if (dir === 'rtl') expect(scoreOrder!.zero).toBeGreaterThan(scoreOrder!.ten);
    else expect(scoreOrder!.zero).toBeLessThan(scoreOrder!.ten);

    expect(await page.locator('html').getAttribute('dir')).toBe(dir);
    await check.once('review', `check and send page in ${lang}`);
    await page.screenshot({ path: `.tmp/survey-${lang}-review.png`, fullPage: true });
    await press(page, t('survey.review.send'));
    expect(new URL(page.url()).pathname).toMatch(/\/thanks$/);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.thanks.heading'));
    await check.once('thanks', `thank-you page in ${lang}`);
    await page.screenshot({ path: `.tmp/survey-${lang}-thanks.png`, fullPage: true });

    // Only this language's font files were fetched, and none for a language without a script font.
    for (const path of fontRequests) expect(path).toMatch(script === undefined ? /^$/ : new RegExp(`font-${script}\\.css|noto-sans-${script}`));

    // Stored by question and answer code, with the language recorded.
    await expectOneStoredResponse(h.db, wave.id, ins, given, { adultHelped: false });
    const row = await h.db.selectFrom('responses').select('language').where('wave_id', '=', wave.id).executeTakeFirstOrThrow();
    expect(row.language).toBe(lang);
    await context.close();
  }, 180_000);
});
