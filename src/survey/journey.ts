/**
 * The young person's route through an instrument, as pure functions: which instrument an age leads to,
 * which page comes next or before given the answers so far (skip logic lives in the instrument data),
 * how far along they are, and how a page's answers merge into the draft.
 */
import {
  pruneHidden,
  visiblePages,
  visibleQuestions,
  type Answer,
  type Instrument,
  type InstrumentId,
  type Page,
  type Question,
} from '../instruments/index.ts';

/** Answers by question id (free text is kept apart, see DraftState). */
export type Answers = Readonly<Record<string, Answer>>;

/** Where in the journey a draft is: the introduction, a page of the instrument, or the "ready to send?" step. */
export type Position = 'intro' | 'review' | `page:${string}`;

/** What a draft holds about the journey, without its keys and timestamps. */
export interface DraftState {
  readonly instrumentId: InstrumentId;
  readonly language: string;
  readonly answers: Answers;
  /** Free text by question id; kept, and submitted, even when it is no longer shown. */
  readonly freeText: Readonly<Record<string, string>>;
  /** Question ids whose text was typed in this browser session and so may be shown back. */
  readonly textVisible: readonly string[];
  readonly adultHelped: boolean;
  readonly position: Position;
}

/** Which school a young person of an age shared by two bands goes to. */
export type School = 'primary' | 'secondary';

/** The outcome of choosing an age: an instrument, a question about school first, or an age no band covers. */
export type AgeOutcome = { kind: 'instrument'; id: InstrumentId } | { kind: 'ask_school' } | { kind: 'out_of_range' };

/**
 * Picks the instrument for an age from the offered instruments' bands, so a change of bands is a change
 * of data. Where two bands share an age (11), primary school leads to the younger band.
 */
export function instrumentForAge(offered: readonly Instrument[], age: number, school?: School): AgeOutcome {
  const fits = offered.filter((i) => age >= i.band.min && age <= i.band.max).sort((a, b) => a.band.min - b.band.min);
  const [younger, older] = fits;
  if (!younger) return { kind: 'out_of_range' };
  if (!older) return { kind: 'instrument', id: younger.id };
  if (!school) return { kind: 'ask_school' };
  return { kind: 'instrument', id: school === 'primary' ? younger.id : older.id };
}

/** The ages offered as buttons: every age covered by the offered instruments, youngest first. */
export function agesOffered(offered: readonly Instrument[]): number[] {
  const ages = new Set<number>();
  for (const i of offered) for (let a = i.band.min; a <= i.band.max; a++) ages.add(a);
  return [...ages].sort((a, b) => a - b);
}

/** The page id of a position, if it is a page. */
export const pageIdOf = (p: Position): string | undefined => (p.startsWith('page:') ? p.slice(5) : undefined);

/** The position of a page. */
export const atPage = (pageId: string): Position => `page:${pageId}`;

/** The pages a young person will see given their answers so far, in order. */
export function pagesShown(instrument: Instrument, answers: Answers): readonly Page[] {
  return visiblePages(instrument, answers);
}

/** The questions of a page that are shown given the answers so far. */
export function questionsShown(instrument: Instrument, page: Page, answers: Answers): Question[] {
  const visible = new Set(visibleQuestions(instrument, answers).map((q) => q.id));
  return page.questions.filter((id) => visible.has(id)).flatMap((id) => instrument.questions.filter((q) => q.id === id));
}

/** Where Continue leads from a position: the next shown page, or the "ready to send?" step after the last. */
export function nextPosition(instrument: Instrument, answers: Answers, from: Position): Position {
  const shown = pagesShown(instrument, answers);
  if (from === 'review') return 'review';
  const fromId = pageIdOf(from);
  if (fromId === undefined) return shown[0] ? atPage(shown[0].id) : 'review';
  // Walk the bank's order, not the shown list: the page we leave may itself have just been hidden.
  const order = instrument.pages.map((p) => p.id);
  const shownIds = new Set(shown.map((p) => p.id));
  const after = order.slice(order.indexOf(fromId) + 1).find((id) => shownIds.has(id));
  return after === undefined ? 'review' : atPage(after);
}

/** Where Back leads from a position: the previous shown page, or the introduction before the first. */
export function previousPosition(instrument: Instrument, answers: Answers, from: Position): Position {
  const shown = pagesShown(instrument, answers);
  if (from === 'intro') return 'intro';
  if (from === 'review') {
    const last = shown[shown.length - 1];
    return last ? atPage(last.id) : 'intro';
  }
  const fromId = pageIdOf(from) ?? '';
  const order = instrument.pages.map((p) => p.id);
  const shownIds = new Set(shown.map((p) => p.id));
  const before = order
    .slice(0, Math.max(0, order.indexOf(fromId)))
    .reverse()
    .find((id) => shownIds.has(id));
  return before === undefined ? 'intro' : atPage(before);
}

/** "Page n of total", counted over the pages shown given the answers; undefined for a hidden page. */
export function progressOf(instrument: Instrument, answers: Answers, pageId: string): { n: number; total: number } | undefined {
  const shown = pagesShown(instrument, answers);
  const i = shown.findIndex((p) => p.id === pageId);
  return i < 0 ? undefined : { n: i + 1, total: shown.length };
}

/**
 * What a young person sent from one page, already checked against each question's scale. A question
 * missing from both records is left as it was.
 */
export interface PageInput {
  /** Answers for the page's choice and score questions; undefined clears an answer. */
  readonly answers: Readonly<Record<string, Answer | undefined>>;
  /** Text typed into the page's boxes; undefined or empty means the box was left empty. */
  readonly texts: Readonly<Record<string, string | undefined>>;
  /** Text questions whose earlier, hidden text the young person asked us to delete. */
  readonly forget: readonly string[];
}

/**
 * Merges one page's input into a draft, then prunes answers and text of questions the new answers hide.
 * An empty box never deletes text typed in an earlier session: it is hidden, so the box looks empty.
 */
export function mergePage(instrument: Instrument, state: DraftState, page: Page, input: PageInput): DraftState {
  const answers: Record<string, Answer> = { ...state.answers };
  const freeText: Record<string, string> = { ...state.freeText };
  const visible = new Set(state.textVisible);
  for (const id of page.questions) {
    const q = instrument.questions.find((x) => x.id === id);
    // A question the input does not mention (not shown, or refused by the registry) keeps its answer.
    if (!q) continue;
    if (q.scale.kind === 'text') {
      if (!Object.hasOwn(input.texts, id) && !input.forget.includes(id)) continue;
      const text = input.texts[id]?.trim();
      if (text) {
        freeText[id] = text;
        visible.add(id);
      } else if (visible.has(id) || input.forget.includes(id)) {
        delete freeText[id];
        visible.delete(id);
      }
      continue;
    }
    if (!Object.hasOwn(input.answers, id)) continue;
    const value = input.answers[id];
    if (value === undefined) delete answers[id];
    else answers[id] = value;
  }
  return pruneDraft(instrument, { ...state, answers, freeText, textVisible: [...visible] });
}

/** Removes answers and free text of questions that the current answers hide. */
export function pruneDraft(instrument: Instrument, state: DraftState): DraftState {
  const answers = pruneHidden(instrument, state.answers);
  const shown = new Set(visibleQuestions(instrument, answers).map((q) => q.id));
  const freeText = Object.fromEntries(Object.entries(state.freeText).filter(([id]) => shown.has(id)));
  return { ...state, answers, freeText, textVisible: state.textVisible.filter((id) => id in freeText) };
}

/** Questions newly shown on a page by its own answers: the page is shown again so they can be answered. */
export function revealedOnPage(instrument: Instrument, page: Page, before: Answers, after: Answers): string[] {
  const was = new Set(questionsShown(instrument, page, before).map((q) => q.id));
  return questionsShown(instrument, page, after)
    .map((q) => q.id)
    .filter((id) => !was.has(id));
}
