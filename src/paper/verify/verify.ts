/**
 * Verifying a scanned paper form, pure: the reading of every page put together in printed order, each
 * question for review with its reasons in plain words, and the form composed from the reading plus a
 * person's decisions, corrections and transcriptions. Every answer goes through the scale registry and
 * the survey's own `composeResponse` (by way of manual entry's `settle` and `readTyped`), so a scanned
 * form meets exactly the rules an online response meets.
 */
import { DECLINED, parseAnswer, scaleSummary, type Answer, type Instrument, type Question } from '../../instruments/index.ts';
import { entryQuestions, keyOf, readTyped, settle, type EntryValues } from '../entry/index.ts';
import type { QuestionReading, ReviewReason } from '../scan/index.ts';

/** What "left blank" is sent as for a question for review. */
export const LEFT_BLANK = 'blank';

export const reasonText: Record<ReviewReason, string> = {
  unclear_mark: 'A mark is too faint or too small to be sure it is a tick.',
  two_ticks: 'More than one box is ticked, but the question takes one answer.',
  declined_and_answer: '"I don\'t want to say" is ticked together with other answers.',
  coloured_in_only: 'A box is coloured in (a crossed-out answer) and nothing else is ticked.',
};

/** The form's fields: `d-<id>` a decision on a question for review, `a-<id>` a correction (typed as in manual entry), `t-<id>` a transcription. */
export const decisionField = (id: string): string => `d-${id}`;
export const answerField = (id: string): string => `a-${id}`;
export const textField = (id: string): string => `t-${id}`;

export type Fields = Readonly<Record<string, string | readonly string[]>>;

/** How each question of the form was read, in printed order. */
export interface FormQuestion {
  readonly question: Question;
  readonly number: string;
  readonly kind: 'review' | 'answered' | 'blank' | 'text' | 'unread';
  readonly multi: boolean;
  readonly reading: QuestionReading | undefined;
}

const isText = (q: Question): boolean => scaleSummary(q.scale).kind === 'text';
const isMulti = (q: Question): boolean => scaleSummary(q.scale).kind === 'multi';

/** Every question of the instrument in printed order with its reading from the scanned pages. */
export function formQuestions(instrument: Instrument, readings: readonly QuestionReading[]): FormQuestion[] {
  const byId = new Map(readings.map((r) => [r.questionId, r]));
  return entryQuestions(instrument).map(({ question, number }) => {
    const reading = byId.get(question.id);
    const kind = isText(question) ? 'text' : reading === undefined ? 'unread' : reading.state;
    return { question, number, kind, multi: isMulti(question), reading };
  });
}

/** The correction field's starting value: what the reader found, typed as in manual entry. */
export function readAnswerKey(q: FormQuestion): string {
  if (q.reading === undefined || q.reading.state !== 'answered') return '';
  const answers = q.reading.answers;
  return keyOf(q.question, q.multi ? answers : answers[0]);
}

/** Why a value sent for a question was refused. */
export type VerifyProblem = 'decide' | 'blank_with_others' | 'not_an_option' | 'one_answer_only' | 'declined_with_others' | 'out_of_range' | 'too_long' | 'not_kept';

export const problemText: Record<VerifyProblem, string> = {
  decide: 'choose what the paper says',
  blank_with_others: '"Left blank" cannot go with an answer',
  not_an_option: 'type the code of one of the answers printed on the form',
  one_answer_only: 'this question takes one answer',
  declined_with_others: '"I don\'t want to say" cannot go with other answers',
  out_of_range: 'the number is outside the scale printed on the form',
  too_long: 'the transcription is too long',
  not_kept: 'this answer cannot be kept with the other answers: check the form',
};

const listOf = (v: string | readonly string[] | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : [...v]).filter((x) => x !== '');
const textOf = (v: string | readonly string[] | undefined): string => (typeof v === 'string' ? v : (v?.[0] ?? ''));

/** The decision on a question for review: its answer, left blank (undefined), or a problem. */
function decide(q: FormQuestion, sent: string[]): { ok: true; value: Answer | undefined } | { ok: false; problem: VerifyProblem } {
  if (sent.length === 0) return { ok: false, problem: 'decide' };
  if (sent.includes(LEFT_BLANK)) return sent.length === 1 ? { ok: true, value: undefined } : { ok: false, problem: 'blank_with_others' };
  if (!q.multi && sent.length > 1) return { ok: false, problem: 'one_answer_only' };
  const parsed = parseAnswer(q.question.scale, q.multi ? sent : sent[0]);
  if (parsed.ok) return { ok: true, value: parsed.value };
  return { ok: false, problem: parsed.reason === 'declined_with_others' ? 'declined_with_others' : 'not_an_option' };
}

/** The form composed from the reading and the person's fields, or the problem of each refused question. */
export function composeScannedForm(
  instrument: Instrument,
  questions: readonly FormQuestion[],
  fields: Fields,
): { ok: true; values: EntryValues; dropped: string[] } | { ok: false; problems: { questionId: string; problem: VerifyProblem }[] } {
  const answers: Record<string, Answer> = {};
  const freeText: Record<string, string> = {};
  const problems: { questionId: string; problem: VerifyProblem }[] = [];
  for (const q of questions) {
    const id = q.question.id;
    let got: { ok: true; value: Answer | undefined } | { ok: false; problem: VerifyProblem };
    if (q.kind === 'review') got = decide(q, listOf(fields[decisionField(id)]));
    else if (q.kind === 'text') got = readTyped(q.question, textOf(fields[textField(id)]));
    // A confident reading stands unless corrected: the correction field starts with it.
    else got = readTyped(q.question, fields[answerField(id)] === undefined ? readAnswerKey(q) : textOf(fields[answerField(id)]));
    if (!got.ok) problems.push({ questionId: id, problem: got.problem });
    else if (got.value === undefined) continue;
    else if (q.kind === 'text') freeText[id] = String(got.value);
    else answers[id] = got.value;
  }
  if (problems.length > 0) return { ok: false, problems };
  const settled = settle(instrument, { answers, freeText });
  if (settled.invalid.length > 0) return { ok: false, problems: settled.invalid.map((questionId) => ({ questionId, problem: 'not_kept' as const })) };
  return { ok: true, values: settled.values, dropped: settled.dropped };
}

/** The answer choices offered for a question for review, "I don't want to say" and "left blank" last. */
export function decisionChoices(q: Question, label: (key: string) => string): { value: string; text: string }[] {
  const s = scaleSummary(q.scale);
  if (s.kind === 'text') return [];
  return [
    ...s.options.map((o) => ({ value: o.value, text: o.label === undefined ? o.value : label(o.label) })),
    { value: DECLINED, text: "I don't want to say" },
    { value: LEFT_BLANK, text: 'Left blank' },
  ];
}
