/**
 * The keying screen and the differences page as plain view models, pure: each question with its printed
 * number, its words, the keys it accepts and their meaning, what was typed, and a plain error message.
 */
import { messageKeys, type Instrument, type Question } from '../../instruments/index.ts';
import { entryQuestions, fieldName, keyOptions, type Difference, type EntryProblem } from './entry.ts';

/** Looks a catalogue key up in English (staff pages are read in English). */
export type Lookup = (key: string) => string;

export interface FieldView {
  readonly id: string;
  readonly name: string;
  readonly number: string;
  readonly text: string;
  readonly isText: boolean;
  readonly maxLength: number | undefined;
  readonly keys: readonly { readonly key: string; readonly label: string }[];
  /** Several keys may be typed (tick-all-that-apply). */
  readonly several: boolean;
  /** The form may have told the young person to skip it. */
  readonly skippable: boolean;
  readonly forAdult: boolean;
  readonly value: string;
  readonly error: string | undefined;
}

/** What the error summary and the field say about a refused value. */
export function problemText(problem: EntryProblem, number: string, keys: readonly { key: string }[]): string {
  const codes = keys.map((k) => k.key).join(', ');
  switch (problem) {
    case 'not_an_option':
      return `Question ${number}: type one of ${codes}, or leave it blank if it was not answered`;
    case 'out_of_range':
      return `Question ${number}: type a whole number from the scale (${keys[0]?.key ?? ''} to ${keys[keys.length - 2]?.key ?? ''}), or x`;
    case 'one_answer_only':
      return `Question ${number} takes one answer: type one code. If more than one box is ticked, leave it blank`;
    case 'declined_with_others':
      return `Question ${number}: type x on its own, or the codes of the boxes ticked`;
    case 'too_long':
      return `Question ${number}: the text is longer than the form allows`;
    case 'not_kept':
      return `Question ${number}: this answer cannot be kept`;
  }
}

const labelOf = (t: Lookup, label: string | undefined, value: string): string => (label === undefined ? value : t(label));

/** The keys of a question with their meaning (scores label only their ends). */
function keysOf(q: Question, t: Lookup): { key: string; label: string }[] {
  return keyOptions(q).map((o) => ({ key: o.key, label: o.label === undefined ? '' : labelOf(t, o.label, o.value) }));
}

/** Every question of the form, in printed order, with what was typed and any error. */
export function fieldViews(
  instrument: Instrument,
  t: Lookup,
  typed: Readonly<Record<string, string>> = {},
  problems: readonly { questionId: string; problem: EntryProblem }[] = [],
): FieldView[] {
  return entryQuestions(instrument).map(({ question: q, number }) => {
    const keys = keysOf(q, t);
    const problem = problems.find((p) => p.questionId === q.id)?.problem;
    return {
      id: q.id,
      name: fieldName(q.id),
      number,
      text: t(messageKeys(instrument.id, q.id).text),
      isText: q.scale.kind === 'text',
      maxLength: q.scale.kind === 'text' ? q.scale.maxLength : undefined,
      keys,
      several: q.scale.kind === 'multi',
      skippable: q.showIf !== undefined,
      forAdult: q.askedOf === 'adult',
      value: typed[fieldName(q.id)] ?? '',
      error: problem === undefined ? undefined : problemText(problem, number, keys),
    };
  });
}

/** A difference as shown side by side: the question, and each entry's keys with their meaning. */
export interface DifferenceView {
  readonly id: string;
  readonly number: string;
  readonly text: string;
  readonly isText: boolean;
  readonly first: string;
  readonly second: string;
}

/** Spells out what was typed: "2 (Most of the time)", "Not answered" for blank. */
function spelt(q: Question, typed: string, t: Lookup): string {
  if (typed === '') return 'Not answered';
  if (q.scale.kind === 'text') return typed;
  const keys = keysOf(q, t);
  return typed
    .split(' ')
    .map((k) => {
      const label = keys.find((x) => x.key === k)?.label ?? '';
      return label === '' ? k : `${k} (${label})`;
    })
    .join(', ');
}

/** The differences of two entries, in words. */
export function differenceViews(instrument: Instrument, t: Lookup, differences: readonly Difference[]): DifferenceView[] {
  const byId = new Map(instrument.questions.map((q) => [q.id, q]));
  return differences.flatMap((d) => {
    const q = byId.get(d.questionId);
    if (!q) return [];
    return [{ id: d.questionId, number: d.number, text: t(messageKeys(instrument.id, q.id).text), isText: q.scale.kind === 'text', first: spelt(q, d.first, t), second: spelt(q, d.second, t) }];
  });
}
