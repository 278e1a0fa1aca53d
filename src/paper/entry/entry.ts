/**
 * Keying a paper form by hand, pure: the short code typed for each answer (1, 2, 3... for the options in
 * printed order, the number itself for 0-10 scores and ages, "1 3 4" for tick-all lists, x for "I don't
 * want to say", blank for skipped), reading a whole typed form against its instrument, and comparing two
 * entries of the same form. Every answer still goes through the scale registry and the survey's own
 * `composeResponse`, so a keyed form meets exactly the rules an online response meets.
 */
import {
  DECLINED,
  DECLINED_LABEL,
  parseAnswer,
  questionNumbers,
  questionsInPageOrder,
  scaleSummary,
  type Answer,
  type Instrument,
  type Question,
} from '../../instruments/index.ts';
import { composeResponse } from '../../survey/index.ts';

/** What is typed for "I don't want to say", on every question that offers it. */
export const DECLINED_KEY = 'x';

/** A keyed form: answers as the bank stores them, free text apart (as transcribed). */
export interface EntryValues {
  readonly answers: Readonly<Record<string, Answer>>;
  readonly freeText: Readonly<Record<string, string>>;
}

/** Why a typed value was refused. */
export type EntryProblem = 'not_an_option' | 'one_answer_only' | 'out_of_range' | 'declined_with_others' | 'too_long' | 'not_kept';

/** One key a question accepts and the catalogue key (or plain words) of what it means. */
export interface KeyOption {
  readonly key: string;
  readonly value: string;
  readonly label: string | undefined;
}

/** The form field of a question: `q-<id>`, also its element id for the error summary's links. */
export const fieldName = (questionId: string): string => `q-${questionId}`;

const isText = (q: Question): boolean => scaleSummary(q.scale).kind === 'text';
const isMulti = (q: Question): boolean => scaleSummary(q.scale).kind === 'multi';

/**
 * The keys a question accepts, in printed order, "I don't want to say" last. Options whose codes are all
 * whole numbers (scores, ages) are typed as themselves; others by their place: 1, 2, 3...
 */
export function keyOptions(q: Question): KeyOption[] {
  const s = scaleSummary(q.scale);
  if (s.kind === 'text') return [];
  const numeric = s.options.every((o) => /^\d+$/.test(o.value));
  const out: KeyOption[] = s.options.map((o, i) => ({ key: numeric ? o.value : String(i + 1), value: o.value, label: o.label }));
  out.push({ key: DECLINED_KEY, value: DECLINED, label: DECLINED_LABEL });
  return out;
}

export type Typed = { readonly ok: true; readonly value: Answer | undefined } | { readonly ok: false; readonly problem: EntryProblem };

/** Reads what was typed for one question; blank means skipped. Never throws. */
export function readTyped(q: Question, raw: string): Typed {
  if (isText(q)) {
    const parsed = parseAnswer(q.scale, raw);
    return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problem: 'too_long' };
  }
  const tokens = raw
    .trim()
    .toLowerCase()
    .split(/[\s,;/+]+/)
    .filter((t) => t !== '');
  if (tokens.length === 0) return { ok: true, value: undefined };
  const options = keyOptions(q);
  const values: string[] = [];
  for (const token of tokens) {
    // "07" is 7: a number is the same number however it was typed.
    const key = /^\d+$/.test(token) ? String(Number(token)) : token;
    const found = options.find((o) => o.key === key);
    if (!found) return { ok: false, problem: scaleSummary(q.scale).kind === 'score' && /^\d+$/.test(token) ? 'out_of_range' : 'not_an_option' };
    values.push(found.value);
  }
  if (!isMulti(q) && values.length > 1) return { ok: false, problem: 'one_answer_only' };
  const parsed = parseAnswer(q.scale, isMulti(q) ? values : values[0]);
  if (parsed.ok) return { ok: true, value: parsed.value };
  return { ok: false, problem: parsed.reason === 'declined_with_others' ? 'declined_with_others' : 'not_an_option' };
}

/** What is typed for a stored answer: the inverse of `readTyped` (blank for none). */
export function keyOf(q: Question, answer: Answer | string | undefined): string {
  if (answer === undefined) return '';
  if (isText(q)) return typeof answer === 'string' ? answer : '';
  const options = keyOptions(q);
  const values = Array.isArray(answer) ? (answer as readonly string[]) : [String(answer)];
  return values.map((v) => options.find((o) => o.value === v)?.key ?? v).join(' ');
}

/** A question of the keying screen, in printed order with its printed number. */
export interface EntryQuestion {
  readonly question: Question;
  readonly number: string;
}

/** The instrument's questions in the order the form prints them, numbered as printed. */
export function entryQuestions(instrument: Instrument): EntryQuestion[] {
  const numbers = questionNumbers(instrument);
  return questionsInPageOrder(instrument).map((question) => ({ question, number: numbers.get(question.id) ?? '' }));
}

/** The outcome of reading a typed form: values ready to store, or the problem of each refused field. */
export interface ReadForm {
  readonly values: EntryValues;
  readonly problems: readonly { readonly questionId: string; readonly problem: EntryProblem }[];
  /** Answers to questions the form told the young person to skip: not kept, as online. */
  readonly dropped: readonly string[];
  /** Nothing at all was typed. */
  readonly empty: boolean;
}

/** Reads every typed field of a form (keyed by `fieldName`) against its instrument. */
export function readForm(instrument: Instrument, fields: Readonly<Record<string, string>>): ReadForm {
  const answers: Record<string, Answer> = {};
  const freeText: Record<string, string> = {};
  const problems: { questionId: string; problem: EntryProblem }[] = [];
  for (const { question: q } of entryQuestions(instrument)) {
    const typed = readTyped(q, fields[fieldName(q.id)] ?? '');
    if (!typed.ok) problems.push({ questionId: q.id, problem: typed.problem });
    else if (typed.value === undefined) continue;
    else if (isText(q)) freeText[q.id] = String(typed.value);
    else answers[q.id] = typed.value;
  }
  const settled = settle(instrument, { answers, freeText });
  for (const p of settled.invalid) problems.push({ questionId: p, problem: 'not_kept' });
  const empty = Object.keys(answers).length === 0 && Object.keys(freeText).length === 0 && problems.length === 0;
  return { values: settled.values, problems, dropped: settled.dropped, empty };
}

/** The survey's own check: answers to hidden questions are dropped (as online); anything else refused is reported. */
export function settle(instrument: Instrument, values: EntryValues): { values: EntryValues; dropped: string[]; invalid: string[] } {
  const body = composeResponse(instrument, values.answers, values.freeText);
  const freeText: Record<string, string> = {};
  for (const c of body.comments) freeText[c.questionId] = c.text;
  return {
    values: { answers: body.answers, freeText },
    dropped: body.problems.filter((p) => p.reason === 'hidden').map((p) => p.questionId),
    invalid: body.problems.filter((p) => p.reason !== 'hidden').map((p) => p.questionId),
  };
}

/** One question the two entries of a form disagree on, as each person typed it. */
export interface Difference {
  readonly questionId: string;
  readonly number: string;
  readonly first: string;
  readonly second: string;
}

// Transcriptions that differ only in spacing or line breaks are the same words.
const sameText = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** The questions two entries of one form disagree on, in printed order (none: the entries match). */
export function compareEntries(instrument: Instrument, a: EntryValues, b: EntryValues): Difference[] {
  const out: Difference[] = [];
  for (const { question: q, number } of entryQuestions(instrument)) {
    const first = keyOf(q, isText(q) ? a.freeText[q.id] : a.answers[q.id]);
    const second = keyOf(q, isText(q) ? b.freeText[q.id] : b.answers[q.id]);
    const same = isText(q) ? sameText(first, second) : first === second;
    if (!same) out.push({ questionId: q.id, number, first, second });
  }
  return out;
}

/** Which entry was right for each difference. */
export type Choice = 'first' | 'second';

/**
 * The form as resolved: the first entry, with each difference taken from the entry chosen for it, then
 * settled again (a resolved filter question can hide a follow-up). Questions with no choice are listed.
 */
export function resolveEntries(
  instrument: Instrument,
  a: EntryValues,
  b: EntryValues,
  choices: Readonly<Record<string, string>>,
): { ok: true; values: EntryValues; dropped: string[] } | { ok: false; missing: string[] } {
  const differences = compareEntries(instrument, a, b);
  const missing = differences.filter((d) => choices[d.questionId] !== 'first' && choices[d.questionId] !== 'second').map((d) => d.questionId);
  if (missing.length > 0) return { ok: false, missing };
  const answers: Record<string, Answer> = { ...a.answers };
  const freeText: Record<string, string> = { ...a.freeText };
  for (const d of differences) {
    if (choices[d.questionId] !== 'second') continue;
    const fromB = b.answers[d.questionId];
    const textB = b.freeText[d.questionId];
    delete answers[d.questionId];
    delete freeText[d.questionId];
    if (fromB !== undefined) answers[d.questionId] = fromB;
    if (textB !== undefined) freeText[d.questionId] = textB;
  }
  const settled = settle(instrument, { answers, freeText });
  return { ok: true, values: settled.values, dropped: settled.dropped };
}
