/**
 * What keeps a young person's survey safe and usable when things go differently: saving and carrying on
 * on another device with the resume code; Back after sending shows nothing; a double-click sends once;
 * "Leave this page quickly" leaves no way back; no page is cached; page titles give nothing away; the
 * pages reflow at 320 CSS px and at 200% zoom.
 */
import type { BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MOBILE, scrollWidth, startHarness, type Harness } from './harness.ts';
import { go, instrument, option, pageChecker, pageIdOf, press, storedResponses, t } from './survey-steps.ts';

const EXIT_PAGE = '<!doctype html><html lang="en"><head><title>Weather</title></head><body><h1>Weather</h1></body></html>';

let h: Harness;
beforeAll(async () => {
  // The back/forward cache on, as young people's browsers have it: Back must not bring answers back from memory either.
  h = await startHarness({}, { backForwardCache: true });
});
afterAll(async () => {
  await h?.close();
});

/** A context whose quick exit lands on a stand-in page (the real one is on the internet). */
async function contextWithExit(options: Parameters<Harness['newContext']>[0] = MOBILE): Promise<BrowserContext> {
  const ctx = await h.newContext(options);
  await ctx.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: EXIT_PAGE }));
  return ctx;
}

/** From the survey link to the first question page, at an age. */
async function startAtAge(page: Page, age: number): Promise<void> {
  await page.goto(h.linkOf(h.waves.ylyc));
  await go(page, page.getByRole('button', { name: `${age} ${t('survey.start.age.years')}`, exact: true }));
  await press(page, t('survey.intro.start'));
}

/** Every document response of a page, to check headers and titles over a whole journey. */
function recordDocuments(page: Page): { responses: Response[]; titles: string[] } {
  const out = { responses: [] as Response[], titles: [] as string[] };
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document' && r.url().startsWith(h.url)) out.responses.push(r);
  });
  page.on('load', () => {
    page.title().then(
      (title) => out.titles.push(title),
      () => undefined,
    );
  });
  return out;
}

const countResponses = async (instrumentId: 'ylyc-4-7' | 'ylyc-8-11' | 'ylyc-11-17') => (await storedResponses(h.db, h.waves.ylyc.id, instrumentId)).length;

describe('save and carry on', () => {
  test('a young person saves on a phone and carries on on another device with the code', async () => {
    const ins = instrument('ylyc-11-17');
    const phone = await (await contextWithExit()).newPage();
    const docs = recordDocuments(phone);
    const check = pageChecker(phone);
    await startAtAge(phone, 15);

    // First page answered; one answer on the second page, then "Save and come back later".
    await option(phone, ins, 'gender', 'female').check();
    await press(phone, t('survey.continue'));
    const secondPage = pageIdOf(phone.url());
    await option(phone, ins, 'placement_type', 'residential').check();
    await press(phone, t('survey.save'));
    expect(await phone.getByRole('heading', { level: 1 }).textContent()).toBe(t('survey.saved.heading'));
    await check.once('saved', 'saved page showing the resume code');
    const code = (await phone.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/).textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/);
    // The code is never in an address.
    expect(docs.responses.every((r) => !r.url().includes(code.replace(/-/g, '')))).toBe(true);

    await press(phone, t('survey.saved.stop'));
    expect(new URL(phone.url()).pathname).toMatch(/\/paused$/);
    await check.once('paused', 'paused page ("see you later")');
    // Nothing of the survey is left on the phone: the link starts afresh.
    await phone.goto(h.linkOf(h.waves.ylyc));
    expect(await phone.getByRole('heading', { name: t('survey.start.back.heading') }).count()).toBe(0);

    // Another device: a laptop, with nothing in common but the code.
    const laptop = await (await contextWithExit({ viewport: { width: 1280, height: 800 } })).newPage();
    const laptopCheck = pageChecker(laptop);
    const laptopDocs = recordDocuments(laptop);
    await laptop.goto(h.linkOf(h.waves.ylyc));
    await go(laptop, laptop.getByRole('link', { name: t('survey.start.resume.link') }));
    expect(new URL(laptop.url()).pathname).toBe('/resume');
    await laptopCheck.once('resume', 'resume page');

    // A code of the wrong shape: the same page with an error summary.
    await laptop.getByRole('textbox', { name: t('survey.resume.heading') }).fill('12');
    await press(laptop, t('survey.resume.submit'));
    expect(await laptop.getByRole('alert').count()).toBeGreaterThan(0);
    await laptopCheck.once('resume-error', 'resume page with an error');

    // The real code, typed in lower case with spaces, leads back to where the phone stopped.
    await laptop.getByRole('textbox', { name: t('survey.resume.heading') }).fill(code.toLowerCase().replace(/-/g, ' '));
    await press(laptop, t('survey.resume.submit'));
    expect(pageIdOf(laptop.url())).toBe(secondPage);
    expect(await option(laptop, ins, 'placement_type', 'residential').isChecked()).toBe(true);

    // Straight to "ready to send?", then save again from there: a new code replaces the old one.
    await laptop.goto(`${h.linkOf(h.waves.ylyc)}/review`);
    await go(laptop, laptop.getByRole('link', { name: t('survey.save') }));
    expect(new URL(laptop.url()).pathname).toMatch(/\/save$/);
    await laptopCheck.once('save', 'save page');
    await press(laptop, t('survey.save.get_code'));
    const second = (await laptop.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/).textContent())?.trim();
    expect(second).not.toBe(code);
    await go(laptop, laptop.getByRole('link', { name: t('survey.saved.carry_on') }));
    expect(new URL(laptop.url()).pathname).toMatch(/\/review$/);
    const before = await countResponses('ylyc-11-17');
    await press(laptop, t('survey.review.send'));
    expect(new URL(laptop.url()).pathname).toMatch(/\/thanks$/);
    const stored = await storedResponses(h.db, h.waves.ylyc.id, 'ylyc-11-17');
    expect(stored).toHaveLength(before + 1);
    expect(stored.some((r) => r.answers['gender'] === 'female' && r.answers['placement_type'] === 'residential')).toBe(true);

    // The first code stopped working when the second was made.
    const other = await (await h.newContext()).newPage();
    await other.goto(`${h.url}/resume`);
    await other.getByRole('textbox', { name: t('survey.resume.heading') }).fill(code);
    const refused = await Promise.all([other.waitForResponse((r) => r.request().method() === 'POST'), press(other, t('survey.resume.submit'))]);
    expect(refused[0].status()).toBe(404);
    expect(await other.getByRole('heading', { level: 1 }).textContent()).toBe(t('error.resume_code_invalid.title'));
    await pageChecker(other).once('resume-unknown', 'unknown resume code page');

    // Every survey page said "do not store me", and no title said what the pages are about.
    const responses = [...docs.responses, ...laptopDocs.responses];
    expect(responses.length).toBeGreaterThan(10);
    for (const r of responses) expect(`${r.url()} ${r.headers()['cache-control'] ?? '(none)'}`).toMatch(/no-store/);
    const titles = [...docs.titles, ...laptopDocs.titles];
    expect(titles.length).toBeGreaterThan(5);
    for (const title of titles) expect(title).not.toMatch(/care|bright spots|well-?being|survey|council|social|safeguard|looked after|abuse/i);
  });
});

describe('an answer the server cannot keep', () => {
  test('is shown again with an error summary that takes focus and links to the question; other answers are kept', async () => {
    const ins = instrument('ylyc-11-17');
    const page = await (await contextWithExit()).newPage();
    await startAtAge(page, 14);
    await option(page, ins, 'gender', 'male').check();
    // A value no option has, as a tampered or stale form would send.
    await option(page, ins, 'age', '14').evaluate((el) => {
      (el as HTMLInputElement).value = 'forty';
      (el as HTMLInputElement).checked = true;
    });
    const [reply] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), press(page, t('survey.continue'))]);
    expect(reply.status()).toBe(422);
    const summary = page.getByRole('alert');
    expect(await summary.getByRole('heading', { name: t('survey.error.summary_title') }).count()).toBe(1);
    // With JavaScript the summary takes focus, so it is read first.
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    // Its link is an in-page jump to the question (no new page loads).
    await summary.getByRole('link').first().click();
    expect(new URL(page.url()).hash).toMatch(/^#q-age/);
    expect(await option(page, ins, 'gender', 'male').isChecked()).toBe(true);
    await pageChecker(page).once('answer-error', 'question page with an error summary (422)');
  });
});

describe('after sending', () => {
  test('Back after sending shows nothing of the answers', async () => {
    const page = await (await contextWithExit()).newPage();
    await startAtAge(page, 9);
    await option(page, instrument('ylyc-8-11'), 'gender', 'male').check();
    await press(page, t('survey.continue'));
    await page.goto(`${h.linkOf(h.waves.ylyc)}/review`);
    await press(page, t('survey.review.send'));
    expect(new URL(page.url()).pathname).toMatch(/\/thanks$/);

    // Back, as far as the history goes into the survey: no page shows an answer again.
    for (let i = 0; i < 4; i++) {
      const before = page.url();
      // A page restored from the back/forward cache fires no load event: wait for the commit only.
      await page.goBack({ waitUntil: 'commit' });
      if (page.url() === before) break;
      // (waitForLoadState would wait for ever on a restored page: its load happened long ago.)
      await page.waitForFunction(() => document.readyState !== 'loading');
      const path = new URL(page.url()).pathname;
      expect(await page.getByRole('radio', { checked: true }).count(), `answers shown at ${path}`).toBe(0);
      expect(await page.getByRole('heading', { name: t('survey.review.heading') }).count(), `"ready to send?" shown at ${path}`).toBe(0);
      expect(await page.getByRole('heading', { name: t('survey.start.back.heading') }).count(), `"welcome back" shown at ${path}`).toBe(0);
    }
  });

  test('a double-click on "Send my answers" stores one response, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const mode = `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;
      const context = await contextWithExit({ ...MOBILE, javaScriptEnabled });
      const page = await context.newPage();
      await startAtAge(page, 6);
      await page.goto(`${h.linkOf(h.waves.ylyc)}/review`);
      // The one-time key the form carries (a hidden field: no role to find it by).
      const key = await page.locator('input[name="key"]').inputValue();
      const before = await countResponses('ylyc-4-7');
      let posts = 0;
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/submit')) posts++;
      });
      await Promise.all([page.waitForURL(/\/thanks$/), page.getByRole('button', { name: t('survey.review.send') }).dblclick()]);
      await page.waitForLoadState();
      expect(await countResponses('ylyc-4-7'), mode).toBe(before + 1);
      // With JavaScript the second click is swallowed; without, the browser may send both.
      if (javaScriptEnabled) expect(posts, mode).toBe(1);
      else expect(posts, mode).toBeGreaterThanOrEqual(1);

      // A replay of the same form later (a reload, a resent request) stores nothing and thanks again.
      const replay = await context.request.post(`${h.linkOf(h.waves.ylyc)}/submit`, { form: { key }, maxRedirects: 0 });
      expect(replay.status(), mode).toBe(303);
      expect(replay.headers()['location'], mode).toMatch(/\/thanks$/);
      expect(await countResponses('ylyc-4-7'), mode).toBe(before + 1);
    }
  });
});

describe('leave this page quickly', () => {
  test('with JavaScript, the exit leaves no way back to the survey and forgets it on the device', async () => {
    const context = await contextWithExit();
    const page = await context.newPage();
    await startAtAge(page, 13);
    await option(page, instrument('ylyc-11-17'), 'gender', 'another_way').check();
    await press(page, t('survey.continue'));

    // Opened fresh on a question page, as if the survey were the only thing in this tab.
    const questionUrl = page.url();
    const tab = await context.newPage();
    await tab.goto(questionUrl);
    expect(pageIdOf(tab.url())).toBeDefined();
    const beacon = tab.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/exit'));
    await go(tab, tab.getByRole('link', { name: t('survey.exit.label') }));
    await beacon;
    expect(tab.url()).toMatch(/^https:\/\/www\.bbc\.co\.uk\//);
    expect(await tab.title()).toBe('Weather');
    // location.replace(): the survey page is not in this tab's history; Back reaches what came before it.
    await tab.goBack();
    expect(tab.url().startsWith(h.url), `Back returned to ${tab.url()}`).toBe(false);

    // The draft is forgotten on this device: the same link starts afresh, no "welcome back", no answers.
    await tab.goto(questionUrl);
    expect(pageIdOf(tab.url())).toBeUndefined();
    expect(await tab.getByRole('heading', { name: t('survey.start.back.heading') }).count()).toBe(0);
    expect(await tab.getByRole('radio', { checked: true }).count()).toBe(0);
  });

  test('with JavaScript, pressing Esc three times leaves too', async () => {
    const page = await (await contextWithExit()).newPage();
    await startAtAge(page, 12);
    await Promise.all([page.waitForURL(/^https:\/\/www\.bbc\.co\.uk\//), (async () => {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    })()]);
    expect(await page.title()).toBe('Weather');
  });

  test('without JavaScript, the exit is an ordinary link that goes straight to the neutral page', async () => {
    const page = await (await contextWithExit({ ...MOBILE, javaScriptEnabled: false })).newPage();
    await startAtAge(page, 10);
    await go(page, page.getByRole('link', { name: t('survey.exit.label') }));
    expect(page.url()).toMatch(/^https:\/\/www\.bbc\.co\.uk\//);
  });
});

describe('reflow', () => {
  /** The pages of the check: start, a question page of faces, one of 0-10, one of several questions, "ready to send?". */
  async function visitEach(page: Page, visit: (label: string) => Promise<void>): Promise<void> {
    await page.goto(h.linkOf(h.waves.ylyc));
    await visit('start page');
    await go(page, page.getByRole('button', { name: `5 ${t('survey.start.age.years')}`, exact: true }));
    await press(page, t('survey.intro.start'));
    await page.goto(`${h.linkOf(h.waves.ylyc)}/p/trust_carers`);
    await visit('faces page (4-7)');
    await page.goto(`${h.linkOf(h.waves.ylyc)}/review`);
    await visit('"ready to send?" page');
    // A new draft for 11-17 for its 0-10 page and a long page of several questions.
    await go(page, page.getByRole('link', { name: t('survey.save') }));
    await press(page, t('survey.save.get_code'));
    await press(page, t('survey.saved.stop'));
    await page.goto(h.linkOf(h.waves.ylyc));
    await go(page, page.getByRole('button', { name: `16 ${t('survey.start.age.years')}`, exact: true }));
    await press(page, t('survey.intro.start'));
    await visit('first question page (11-17, several questions)');
    await page.goto(`${h.linkOf(h.waves.ylyc)}/p/your_life`);
    await visit('0-10 page');
  }

  test('at 320 CSS px wide nothing scrolls sideways', async () => {
    const page = await (await contextWithExit({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true })).newPage();
    const wide: string[] = [];
    await visitEach(page, async (label) => {
      const w = await scrollWidth(page);
      if (w > 320) wide.push(`${label}: ${w}px`);
    });
    expect(wide).toEqual([]);
  });

  test('at 200% zoom (1280 px screen, 640 CSS px) nothing scrolls sideways and Continue is reachable', async () => {
    const page = await (await contextWithExit({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 })).newPage();
    const wide: string[] = [];
    await visitEach(page, async (label) => {
      const w = await scrollWidth(page);
      if (w > 640) wide.push(`${label}: ${w}px`);
      if (pageIdOf(page.url())) {
        const cont = page.getByRole('button', { name: t('survey.continue'), exact: true });
        await cont.scrollIntoViewIfNeeded();
        const box = await cont.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 640, `Continue inside the viewport on ${label}`).toBe(true);
      }
    });
    expect(wide).toEqual([]);
  });
});
