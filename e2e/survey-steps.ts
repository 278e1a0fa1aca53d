/**
 * Steps of the young person's survey in a real browser, through accessible names only (roles, labels,
 * the wording in the message catalogues), so every step also proves the page can be used with a screen
 * reader or voice control. Also: reading back what the server stored, from its own database.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Db } from '../src/db/index.ts';
import {
  DECLINED,
  DECLINED_LABEL,
  getInstrument,
  messageKeys,
  visibleQuestions,
  type Answer,
  type Instrument,
  type InstrumentId,
  type Question,
} from '../src/instruments/index.ts';
import { createTranslator, loadCatalogues } from '../src/lib/i18n.ts';
import { catalogueDirs } from '../src/services.ts';
import type { Wave } from '../src/programme/index.ts';
import { checkPage, type Harness } from './harness.ts';

const translator = createTranslator(loadCatalogues(catalogueDirs));

/** The language the steps read pages in: English unless a journey says otherwise (each test file has its own copy of this module). */
let stepsLanguage = 'en';
export function readPagesIn(lang: string): void {
  stepsLanguage = lang;
}

/** A YLYC 11-17 wave of the harness's LA offering English and a draft language, switched on for it as an administrator would. */
export function openDraftLanguageWave(h: Harness, lang: string): Promise<Wave> {
  return h.programme.openWave({
    laId: h.waves.ylyc.laId,
    survey: 'ylyc',
    eligible: { 'ylyc-11-17': 40 },
    languages: ['en', lang],
    draftLanguages: [lang],
    opensOn: h.waves.ylyc.opensOn,
    closesOn: h.waves.ylyc.closesOn,
  });
}

/** The wording of a catalogue key in the steps' language, as the page shows it. */
export const t = (key: string, vars?: Record<string, string | number>): string => translator.t(stepsLanguage, key, vars);

export function instrument(id: InstrumentId): Instrument {
  const i = getInstrument(id);
  if (!i) throw new Error(`no instrument ${id}`);
  return i;
}

/** Clicks a control that submits a form or follows a link, and waits for the next document to load. */
export async function go(page: Page, control: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), control.click()]);
}

/** Submits the current page with the button of that wording, waiting for the next page. */
export function press(page: Page, wording: string): Promise<void> {
  return go(page, page.getByRole('button', { name: wording, exact: true }));
}

/**
 * Runs the page checks (axe-core, 48px targets) once per kind of page in a test file: a journey meets
 * the same layout many times, and checking each kind once keeps the suite fast.
 */
export function pageChecker(page: Page) {
  const seen = new Set<string>();
  return {
    async once(kind: string, label = kind): Promise<void> {
      if (seen.has(kind)) return;
      seen.add(kind);
      await checkPage(page, label);
    },
    seen: () => [...seen],
  };
}

/** What to do with one question: choose an option (by code or score), decline, skip it, or write text. */
export type Move = { choose: string | number } | { tick: readonly string[] } | 'decline' | 'skip' | { write: string };

/** The page id in a survey page's address, or undefined on other pages. */
export function pageIdOf(url: string): string | undefined {
  const m = /\/s\/[^/]+\/p\/([^/?#]+)/.exec(new URL(url).pathname);
  return m?.[1] ? decodeURIComponent(m[1]) : undefined;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The accessible name of an option of a question (a 0-10 end reads its label too: "0, Not at all"). */
function optionName(q: Question, code: string | number): string | RegExp {
  if (code === DECLINED) return t(DECLINED_LABEL);
  const s = q.scale;
  if (s.kind === 'choice' || s.kind === 'multi') {
    const o = s.options.find((x) => x.code === code);
    if (!o) throw new Error(`${q.id} has no option ${code}`);
    return t(o.label);
  }
  if (s.kind === 'score') {
    const n = Number(code);
    // Chromium may put a space before the comma where the label's parts are separate boxes.
    if (n === s.min) return new RegExp(`^${n}\\s*,\\s*${escapeRegExp(t(s.minLabel))}$`);
    if (n === s.max) return new RegExp(`^${n}\\s*,\\s*${escapeRegExp(t(s.maxLabel))}$`);
    return String(n);
  }
  throw new Error(`${q.id} is free text`);
}

/** The group (fieldset) of a question on the page, found by its wording. */
export function questionGroup(page: Page, ins: Instrument, q: Question): Locator {
  return page.getByRole('group', { name: t(messageKeys(ins.id, q.id).text), exact: true });
}

/** A question of an instrument by id. */
export function question(ins: Instrument, id: string): Question {
  const q = ins.questions.find((x) => x.id === id);
  if (!q) throw new Error(`${ins.id} has no question ${id}`);
  return q;
}

/** The radio button of one option of a choice or 0-10 question on the page, by the wording a person sees. */
export function option(page: Page, ins: Instrument, questionId: string, code: string | number): Locator {
  const q = question(ins, questionId);
  return questionGroup(page, ins, q).getByRole('radio', { name: optionName(q, code), exact: true });
}

/** Carries out one move on one question and returns the answer the server should store (if any). */
export async function answer(page: Page, ins: Instrument, q: Question, move: Move): Promise<{ answer?: Answer; text?: string }> {
  if (move === 'skip') return {};
  if (q.scale.kind === 'text') {
    if (typeof move !== 'object' || !('write' in move)) throw new Error(`${q.id}: free text needs { write }`);
    await page.getByRole('textbox', { name: t(messageKeys(ins.id, q.id).text), exact: true }).fill(move.write);
    return { text: move.write };
  }
  const group = questionGroup(page, ins, q);
  if (move === 'decline') {
    await group.getByRole(q.scale.kind === 'multi' ? 'checkbox' : 'radio', { name: optionName(q, DECLINED), exact: true }).check();
    return { answer: q.scale.kind === 'multi' ? [DECLINED] : DECLINED };
  }
  if ('tick' in move) {
    for (const code of move.tick) await group.getByRole('checkbox', { name: optionName(q, code), exact: true }).check();
    return { answer: [...move.tick] };
  }
  if ('choose' in move) {
    await group.getByRole('radio', { name: optionName(q, move.choose), exact: true }).check();
    return { answer: move.choose };
  }
  throw new Error(`${q.id}: a choice question cannot take text`);
}

/** What the young person gave, in the shape the server stores it: answers by question id, and comments. */
export interface Given {
  answers: Record<string, Answer>;
  comments: Record<string, string>;
}

/** The kind of a page for the checks: the layouts on it (faces, list, score...) and whether it is for the adult. */
export function pageKind(ins: Instrument, pageId: string): string {
  const p = ins.pages.find((x) => x.id === pageId);
  if (!p) return 'unknown page';
  const kinds = new Set(
    p.questions.map((id) => {
      const s = ins.questions.find((q) => q.id === id)?.scale;
      return s ? (s.kind === 'choice' ? s.layout : s.kind) : '?';
    }),
  );
  return `${p.questions.length > 1 ? 'multi-question' : 'one-question'} page (${[...kinds].sort().join(', ')})${p.forAdult ? ' for the adult' : ''}`;
}

/**
 * Answers every survey page from the current one to "ready to send?": for each question shown (as the
 * answers so far leave it visible), the move `plan` picks; checks each new kind of page on the way.
 */
export async function answerAllPages(
  page: Page,
  ins: Instrument,
  plan: (q: Question, index: number) => Move,
  check: ReturnType<typeof pageChecker>,
): Promise<Given> {
  const given: Given = { answers: {}, comments: {} };
  let index = 0;
  for (let step = 0; ; step++) {
    const pageId = pageIdOf(page.url());
    if (pageId === undefined) break;
    if (step > ins.pages.length * 2) throw new Error(`${ins.id}: the journey did not reach the end`);
    const p = ins.pages.find((x) => x.id === pageId);
    if (!p) throw new Error(`${ins.id}: unknown page ${pageId}`);
    const visible = new Set(visibleQuestions(ins, given.answers).map((q) => q.id));
    const shown = p.questions.filter((id) => visible.has(id)).map((id) => ins.questions.find((q) => q.id === id) as Question);
    await check.once(`${ins.id} ${pageKind(ins, pageId)}`, `${ins.id} page ${pageId}: ${pageKind(ins, pageId)}`);
    for (const q of shown) {
      const move = plan(q, index++);
      const r = await answer(page, ins, q, move);
      if (r.answer !== undefined) given.answers[q.id] = r.answer;
      if (r.text !== undefined) given.comments[q.id] = r.text;
    }
    await press(page, t('survey.continue'));
  }
  return given;
}

/** A plan that mixes answers: mostly the first or second option, some declined, some skipped. */
export function mixedPlan(overrides: Readonly<Record<string, Move>> = {}, comment = 'I like my football club and my dog.'): (q: Question, i: number) => Move {
  return (q, i) => {
    const o = overrides[q.id];
    if (o !== undefined) return o;
    const s = q.scale;
    if (s.kind === 'text') return { write: comment };
    if (i % 5 === 3) return 'decline';
    if (i % 7 === 5) return 'skip';
    if (s.kind === 'score') return { choose: s.min + ((i * 3) % (s.max - s.min + 1)) };
    if (s.kind === 'multi') return { tick: s.options.slice(0, 2).map((x) => x.code) };
    return { choose: s.options[i % Math.min(2, s.options.length)]?.code ?? DECLINED };
  };
}

/** The responses the server stored for an instrument of a wave, with their comments, read from its database. */
export async function storedResponses(db: Db, waveId: string, instrumentId: InstrumentId) {
  const rows = await db.selectFrom('responses').selectAll().where('wave_id', '=', waveId).where('instrument_id', '=', instrumentId).execute();
  const out = [];
  for (const r of rows) {
    const comments = await db.selectFrom('response_comments').select(['question_id', 'text']).where('response_id', '=', r.id).execute();
    out.push({
      ...r,
      answers: JSON.parse(r.answers) as Record<string, Answer>,
      comments: Object.fromEntries(comments.map((c) => [c.question_id, c.text])),
    });
  }
  return out;
}

/** Asserts exactly one response of the instrument was stored, holding exactly what was given. */
export async function expectOneStoredResponse(db: Db, waveId: string, ins: Instrument, given: Given, extra: { adultHelped?: boolean } = {}) {
  const stored = await storedResponses(db, waveId, ins.id);
  expect(stored).toHaveLength(1);
  const r = stored[0];
  if (!r) return;
  expect(r.answers).toEqual(given.answers);
  expect(r.comments).toEqual(given.comments);
  expect(r.instrument_version).toBe(ins.version);
  expect(r.channel).toBe('online');
  if (extra.adultHelped !== undefined) expect(Number(r.adult_helped)).toBe(extra.adultHelped ? 1 : 0);
  // Nothing links the response to the draft, the browser or the time finer than the database's own clock.
  expect(Object.keys(r).sort()).toEqual(
    ['adult_helped', 'answers', 'channel', 'comments', 'completed_at', 'id', 'instrument_id', 'instrument_version', 'language', 'wave_id'].sort(),
  );
  // The draft is gone once submitted.
  const drafts = await db.selectFrom('drafts').select('id').where('wave_id', '=', waveId).where('instrument_id', '=', ins.id).execute();
  expect(drafts).toHaveLength(0);
}
