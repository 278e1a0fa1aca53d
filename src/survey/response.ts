/**
 * What a response may hold, decided in one place for every channel (online, paper, import): answers
 * valid for their scale, for questions of the instrument that the answers themselves leave visible, and
 * free text only for visible text questions.
 */
import {
  getInstrument,
  isValidAnswer,
  pruneHidden,
  visibleQuestions,
  type Answer,
  type Instrument,
} from '../instruments/index.ts';
import { AppError } from '../lib/errors.ts';

/** The instrument with this id; a draft or wave naming one the bank no longer has is a plain "not found". */
export function instrumentOf(id: string): Instrument {
  const instrument = getInstrument(id);
  if (!instrument) throw new AppError('not_found', `No instrument ${id}`);
  return instrument;
}

/** A checked response body: answers in the bank's order, free text apart, and what had to be left out. */
export interface ComposedResponse {
  readonly answers: Readonly<Record<string, Answer>>;
  readonly comments: readonly { readonly questionId: string; readonly text: string }[];
  /** Question ids (or unknown keys) whose answer or text could not be kept, and why. */
  readonly problems: readonly { readonly questionId: string; readonly reason: 'unknown' | 'invalid' | 'hidden' | 'not_text' }[];
}

type Problem = ComposedResponse['problems'][number];

/** Checks answers and free text against an instrument; never throws, reports what it dropped. */
export function composeResponse(
  instrument: Instrument,
  answers: Readonly<Record<string, unknown>>,
  freeText: Readonly<Record<string, unknown>>,
): ComposedResponse {
  const problems: Problem[] = [];
  const byId = new Map(instrument.questions.map((q) => [q.id, q]));
  const valid: Record<string, Answer> = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) problems.push({ questionId: id, reason: 'unknown' });
    else if (q.scale.kind === 'text') problems.push({ questionId: id, reason: 'not_text' });
    else if (value === undefined) continue;
    else if (!isValidAnswer(q.scale, value)) problems.push({ questionId: id, reason: 'invalid' });
    else valid[id] = value as Answer;
  }
  const kept = pruneHidden(instrument, valid);
  for (const id of Object.keys(valid)) if (!(id in kept)) problems.push({ questionId: id, reason: 'hidden' });
  const shown = new Set(visibleQuestions(instrument, kept).map((q) => q.id));

  const comments: { questionId: string; text: string }[] = [];
  for (const [id, text] of Object.entries(freeText)) {
    const q = byId.get(id);
    if (!q) problems.push({ questionId: id, reason: 'unknown' });
    else if (q.scale.kind !== 'text') problems.push({ questionId: id, reason: 'not_text' });
    else if (!isValidAnswer(q.scale, text)) problems.push({ questionId: id, reason: 'invalid' });
    else if (!shown.has(id)) problems.push({ questionId: id, reason: 'hidden' });
    else comments.push({ questionId: id, text: (text as string).trim() });
  }
  // Bank order, so two equal responses serialise identically.
  const ordered: Record<string, Answer> = {};
  for (const q of instrument.questions) {
    const v = kept[q.id];
    if (v !== undefined) ordered[q.id] = v;
  }
  const rank = (id: string) => instrument.questions.findIndex((q) => q.id === id);
  comments.sort((a, b) => rank(a.questionId) - rank(b.questionId));
  return { answers: ordered, comments, problems };
}
