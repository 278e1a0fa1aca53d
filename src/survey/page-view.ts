/**
 * What a survey page template needs, as plain data. Kind-neutral on purpose: the one place that draws
 * each scale kind is views/questions.njk (a macro per kind), so this module never switches on kinds.
 */
import {
  DECLINED,
  DECLINED_LABEL,
  messageKeys,
  type Answer,
  type Instrument,
  type Page,
  type Question,
  type Scale,
} from '../instruments/index.ts';
import type { DraftState } from './journey.ts';
import { questionsShown } from './journey.ts';
import type { FieldError } from './page-form.ts';
import { forgetField } from './page-form.ts';

/** A question as a page draws it. */
export interface QuestionView {
  readonly id: string;
  readonly kind: Scale['kind'];
  readonly scale: Scale;
  /** The stored answer as text values (a code, codes or a score), for marking what is chosen. */
  readonly chosen: readonly string[];
  /** Catalogue keys of the wording and (when the question has one) its help text. */
  readonly text: string;
  readonly help: string | undefined;
  /** Easy read: the pictogram beside the question (views/pictograms.njk). */
  readonly picture: string | undefined;
  readonly error: FieldError['reason'] | undefined;
  readonly forAdult: boolean;
  /** Free text typed in this browser session, shown back in its box. */
  readonly typed: string;
  /** Free text from an earlier session exists: kept and submitted, never shown back. */
  readonly keptHidden: boolean;
  readonly forgetField: string;
}

/** Any answer as the list of form values that select it, so templates test `value in chosen` for every kind. */
export function asValues(answer: Answer | undefined): string[] {
  if (answer === undefined) return [];
  return typeof answer === 'string' || typeof answer === 'number' ? [String(answer)] : [...answer];
}

/** What every page needs to draw "I don't want to say". */
export const declined = { value: DECLINED, label: DECLINED_LABEL } as const;

/** The view of one question given the draft (and the error it had, when the page is shown again). */
export function questionView(instrument: Instrument, q: Question, state: DraftState, error?: FieldError['reason']): QuestionView {
  const keys = messageKeys(instrument.id, q.id);
  const shownBack = state.textVisible.includes(q.id);
  const stored = state.freeText[q.id];
  return {
    id: q.id,
    kind: q.scale.kind,
    scale: q.scale,
    chosen: asValues(state.answers[q.id]),
    text: keys.text,
    help: q.hasHelp ? keys.help : undefined,
    picture: q.picture,
    error,
    forAdult: q.askedOf === 'adult',
    typed: shownBack ? (stored ?? '') : '',
    keptHidden: !shownBack && stored !== undefined,
    forgetField: forgetField(q.id),
  };
}

/** The views of a page's shown questions, with any errors from the last attempt to save it. */
export function pageView(instrument: Instrument, page: Page, state: DraftState, errors: readonly FieldError[] = []): QuestionView[] {
  return questionsShown(instrument, page, state.answers).map((q) =>
    questionView(instrument, q, state, errors.find((e) => e.questionId === q.id)?.reason),
  );
}
