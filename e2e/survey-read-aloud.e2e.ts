/**
 * Journey: read-aloud on survey questions. The browser's speech synthesis is a boundary we do not own,
 * so each context gets a stand-in `speechSynthesis` (before any page script runs) whose voices the test
 * chooses and whose utterances it records and finishes one at a time. Checks: the "Read aloud" button
 * stays hidden without a voice for the page's language and shows with one; it reads the question, then
 * each answer, one utterance each in the page's language; the highlight follows the part being read;
 * "Stop" stops and clears it; nothing read goes into a live region; axe-core and 48px targets hold while
 * reading; Welsh pages are read with a Welsh voice.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DECLINED_LABEL, messageKeys } from '../src/instruments/index.ts';
import type { Wave } from '../src/programme/index.ts';
import { checkPage, MOBILE, startHarness, type Harness } from './harness.ts';
import { go, instrument, openDraftLanguageWave, press, question, questionGroup, readPagesIn, t } from './survey-steps.ts';

let h: Harness;
let welsh: Wave;
beforeAll(async () => {
  h = await startHarness();
  welsh = await openDraftLanguageWave(h, 'cy');
});
afterAll(async () => {
  await h?.close();
});

interface Spoken {
  text: string;
  lang: string;
  voice: string;
}

/** Installs the stand-in speech synthesis with these voices (name and BCP 47 language) in every page of the context. */
async function stubSpeech(context: BrowserContext, voices: { name: string; lang: string }[]): Promise<void> {
  await context.addInitScript((given: { name: string; lang: string }[]) => {
    interface Utterance {
      text: string;
      lang: string;
      voice: { name: string } | null;
      rate: number;
      onstart: ((e: unknown) => void) | null;
      onend: ((e: unknown) => void) | null;
      onerror: ((e: unknown) => void) | null;
    }
    const spoken: { text: string; lang: string; voice: string }[] = [];
    let queue: Utterance[] = [];
    let current: Utterance | null = null;
    const next = (): void => {
      if (current || queue.length === 0) return;
      current = queue.shift() ?? null;
      current?.onstart?.({});
    };
    const voiceList = given.map((v) => ({ ...v, voiceURI: v.name, default: false, localService: true }));
    const synth = {
      getVoices: () => voiceList,
      speak(u: Utterance) {
        spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? '' });
        queue.push(u);
        next();
      },
      cancel() {
        const was = current;
        queue = [];
        current = null;
        // As in Chromium: the utterance being spoken reports an interruption afterwards.
        if (was) setTimeout(() => was.onerror?.({ error: 'interrupted' }), 0);
      },
      addEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synth });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      configurable: true,
      value: class {
        text: string;
        lang = '';
        voice = null;
        rate = 1;
        onstart = null;
        onend = null;
        onerror = null;
        constructor(text: string) {
          this.text = text;
        }
      },
    });
    Object.defineProperty(window, '__speech', {
      value: {
        spoken,
        speaking: () => current?.text ?? null,
        /** Finishes the utterance being spoken; the next one in the queue starts. */
        finish() {
          const u = current;
          current = null;
          u?.onend?.({});
          next();
        },
      },
    });
  }, voices);
}

const spoken = (page: Page): Promise<Spoken[]> => page.evaluate(() => (window as unknown as { __speech: { spoken: Spoken[] } }).__speech.spoken);
const speaking = (page: Page): Promise<string | null> => page.evaluate(() => (window as unknown as { __speech: { speaking: () => string | null } }).__speech.speaking());
const finish = (page: Page): Promise<void> => page.evaluate(() => (window as unknown as { __speech: { finish: () => void } }).__speech.finish());
const highlighted = (page: Page): Promise<string[]> =>
  page.locator('.bs-reading').evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));

/** From the link to the first page of questions (ylyc-11-17, "About you"). */
async function firstQuestions(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await go(page, page.getByRole('button', { name: `14 ${t('survey.start.age.years')}`, exact: true }));
  await page.getByRole('group', { name: t('survey.intro.adult.legend') }).getByRole('radio', { name: t('survey.intro.adult.no'), exact: true }).check();
  await press(page, t('survey.intro.start'));
  expect(new URL(page.url()).pathname).toMatch(/\/p\/about_you$/);
}

/** What the button should read for a choice question: the question, its help if any, each answer, then "I don't want to say". */
function expectedParts(questionId: string, hasHelp: boolean): string[] {
  const ins = instrument('ylyc-11-17');
  const q = question(ins, questionId);
  if (q.scale.kind !== 'choice') throw new Error(`${questionId} is not a choice question`);
  const keys = messageKeys(ins.id, q.id);
  return [t(keys.text), ...(hasHelp ? [t(keys.help)] : []), ...q.scale.options.map((o) => t(o.label)), t(DECLINED_LABEL)];
}

test('no voice for the page\'s language: the Read aloud buttons stay hidden', async () => {
  readPagesIn('en');
  const context = await h.newContext(MOBILE);
  // A French voice only: reading English questions in it would be worse than not reading them.
  await stubSpeech(context, [{ name: 'Amélie', lang: 'fr-FR' }]);
  const page = await context.newPage();
  await firstQuestions(page, h.linkOf(h.waves.ylyc));
  expect(await page.locator('[data-listen]').count()).toBeGreaterThan(0);
  expect(await page.getByRole('button', { name: t('survey.listen'), exact: true }).count()).toBe(0);
  expect(await page.locator('[data-listen]:visible').count()).toBe(0);
});

test('with a voice, Read aloud reads the question then each answer in English, the highlight follows, and Stop stops', async () => {
  readPagesIn('en');
  const context = await h.newContext(MOBILE);
  await stubSpeech(context, [
    { name: 'Amélie', lang: 'fr-FR' },
    { name: 'Daniel', lang: 'en-GB' },
  ]);
  const page = await context.newPage();
  await firstQuestions(page, h.linkOf(h.waves.ylyc));
  const ins = instrument('ylyc-11-17');
  const gender = questionGroup(page, ins, question(ins, 'gender'));
  const button = gender.getByRole('button', { name: t('survey.listen'), exact: true });
  expect(await button.isVisible()).toBe(true);
  // Every question on the page has its own button.
  expect(await page.getByRole('button', { name: t('survey.listen'), exact: true }).count()).toBe(3);
  // A toggle's name never changes, so this button changes its words instead of using aria-pressed.
  expect(await button.getAttribute('aria-pressed')).toBeNull();
  await checkPage(page, 'survey page with Read aloud buttons');
  await page.screenshot({ path: '/tmp/read-aloud-idle.png', fullPage: true });

  await button.click();
  const parts = expectedParts('gender', (await page.locator('#q-gender-help').count()) > 0);
  const said = await spoken(page);
  expect(said.map((s) => s.text)).toEqual(parts);
  expect(new Set(said.map((s) => s.lang))).toEqual(new Set(['en-GB']));
  expect(new Set(said.map((s) => s.voice))).toEqual(new Set(['Daniel']));

  // While reading, the same button says Stop, and the question's wording is highlighted.
  const stop = gender.getByRole('button', { name: t('survey.listen.stop'), exact: true });
  expect(await stop.isVisible()).toBe(true);
  expect(await speaking(page)).toBe(parts[0]);
  expect(await highlighted(page)).toEqual([parts[0]]);
  // The highlight has a strong contrast of its own (dark on pale yellow).
  const colours = await page.locator('.bs-reading').evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, background: s.backgroundColor };
  });
  expect(colours).toEqual({ color: 'rgb(27, 27, 31)', background: 'rgb(255, 242, 168)' });
  await checkPage(page, 'survey page while reading aloud');

  // The highlight moves with the reading: first answer, then the next.
  await finish(page);
  expect(await highlighted(page)).toEqual([parts[1]]);
  await finish(page);
  expect(await highlighted(page)).toEqual([parts[2]]);
  await page.screenshot({ path: '/tmp/read-aloud-reading.png', fullPage: true });
  // Nothing read is in a live region, so a screen reader is never made to speak over the voice.
  expect(await page.locator('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]').count()).toBe(0);

  // Stop: nothing highlighted, nothing queued, the button reads "Read aloud" again.
  await stop.click();
  expect(await speaking(page)).toBeNull();
  await expect.poll(() => highlighted(page)).toEqual([]);
  expect(await button.isVisible()).toBe(true);
  expect(await page.locator('.bs-reading').count()).toBe(0);

  // Read to the end: the button comes back by itself once the last answer is read.
  await button.click();
  for (let i = 0; i < parts.length; i++) {
    expect(await highlighted(page)).toEqual([parts[i]]);
    await finish(page);
  }
  expect(await highlighted(page)).toEqual([]);
  expect(await button.isVisible()).toBe(true);
  expect((await spoken(page)).length).toBe(parts.length * 2);

  // Another question's button stops the first reading and starts its own.
  await button.click();
  const ethnicity = questionGroup(page, ins, question(ins, 'ethnicity'));
  await ethnicity.getByRole('button', { name: t('survey.listen'), exact: true }).click();
  expect(await speaking(page)).toBe(t(messageKeys(ins.id, 'ethnicity').text));
  expect(await highlighted(page)).toEqual([t(messageKeys(ins.id, 'ethnicity').text)]);
  expect(await button.isVisible()).toBe(true);
  // Escape stops it too.
  await page.keyboard.press('Escape');
  expect(await speaking(page)).toBeNull();
  await expect.poll(() => highlighted(page)).toEqual([]);
});

test('a Welsh page is read with a Welsh voice, with lang cy on every utterance', async () => {
  readPagesIn('cy');
  const context = await h.newContext({ ...MOBILE, locale: 'cy-GB' });
  await stubSpeech(context, [
    { name: 'Daniel', lang: 'en-GB' },
    { name: 'Geraint', lang: 'cy-GB' },
  ]);
  const page = await context.newPage();
  await firstQuestions(page, h.linkOf(welsh));
  expect(await page.locator('html').getAttribute('lang')).toBe('cy');
  const ins = instrument('ylyc-11-17');
  const button = questionGroup(page, ins, question(ins, 'gender')).getByRole('button', { name: t('survey.listen'), exact: true });
  await button.click();
  const said = await spoken(page);
  expect(said.map((s) => s.text)).toEqual(expectedParts('gender', (await page.locator('#q-gender-help').count()) > 0));
  expect(new Set(said.map((s) => `${s.voice} ${s.lang}`))).toEqual(new Set(['Geraint cy-GB']));
  await checkPage(page, 'Welsh survey page while reading aloud');
});
