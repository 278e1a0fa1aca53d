/**
 * Small builders that keep the bank files readable as data: positive rules by name, a question
 * constructor with the usual defaults, demographic items and page lists.
 */
import type { AskedOf, Condition, Domain, InstrumentId, Page, PositiveRule, Question, Scale } from '../types.ts';

// Positive rules, named as the report reads them (see docs/question-bank.md).
/** Faces: the two happiest. */
export const TWO_HAPPIEST: PositiveRule = { type: 'codes', positive: ['face_4', 'face_5'] };
/** Faces with "don't know": the two happiest, "don't know" out of the base. */
export const TWO_HAPPIEST_DK: PositiveRule = { type: 'codes', positive: ['face_4', 'face_5'], excluded: ['dont_know'] };
/** Frequency: all or most of the time. */
export const ALL_OR_MOST: PositiveRule = { type: 'codes', positive: ['all_of_the_time', 'most_of_the_time'] };
/** Reversed frequency (bullying, loneliness, stress): hardly ever or never. */
export const HARDLY_OR_NEVER: PositiveRule = { type: 'codes', positive: ['hardly_ever', 'never'] };
/** Yes / no / don't know: yes, with "don't know" out of the base. */
export const YES: PositiveRule = { type: 'codes', positive: ['yes'], excluded: ['dont_know'] };
/** Yes / sometimes (or partly) / no: only a full yes. */
export const FULL_YES: PositiveRule = { type: 'codes', positive: ['yes'] };
/** Reversed yes / sometimes / no (embarrassed, treated worse): no. */
export const NO: PositiveRule = { type: 'codes', positive: ['no'] };
/** Contact: about right, with "no contact" out of the base. */
export const ABOUT_RIGHT: PositiveRule = { type: 'codes', positive: ['about_right'], excluded: ['no_contact'] };
/** Count of changes: none or one. */
export const NONE_OR_ONE: PositiveRule = { type: 'codes', positive: ['none', 'one'] };
/** Count of moves for a child in care: none (any move in a year disrupts school and friends). */
export const NONE: PositiveRule = { type: 'codes', positive: ['none'] };
/** ONS life satisfaction, worthwhile, happiness: high or very high (7-10); low is 0-4. */
export const ONS_HIGH: PositiveRule = { type: 'range', positive: { from: 7, to: 10 }, low: { from: 0, to: 4 } };
/**
 * ONS anxiety: very low or low (0-3) is positive; the poor well-being band (`low`) is HIGH anxiety
 * (6-10), so "low" always means the bad band whichever way the scale runs.
 */
export const ONS_ANXIETY: PositiveRule = { type: 'range', positive: { from: 0, to: 3 }, low: { from: 6, to: 10 } };

/** Shows a question only when an earlier answer is one of the given codes. */
export const when = (question: string, ...codes: string[]): Condition => ({ question, in: codes });

/** Shows a question unless an earlier answer is one of the given codes (unanswered counts as shown). */
export const unless = (question: string, ...codes: string[]): Condition => ({ not: { question, in: codes } });

/** Optional fields of a question beyond id, domain and scale. */
export type Extra = Partial<Omit<Question, 'id' | 'domain' | 'scale'>>;

/** A question with key and indicator defaulting to its id, asked of the young person. */
export function q(id: string, domain: Domain, scale: Scale, extra: Extra = {}): Question {
  return { id, key: id, indicator: id, askedOf: 'child', domain, scale, ...extra };
}

/** A demographic question (no positive rule; used for breakdowns and safeguarding disclosures). */
export function demographic(
  id: string,
  of: NonNullable<Question['demographicOf']>,
  scale: Scale,
  askedOf: AskedOf = 'child',
  extra: Extra = {},
): Question {
  return q(id, 'about_you', scale, { demographic: true, demographicOf: of, askedOf, ...extra });
}

/** Pages from [id, question ids, forAdult?] rows; titles live at `page.<instrument>.<page id>`. */
export function pagesOf(instrument: InstrumentId, rows: readonly (readonly [string, readonly string[], boolean?])[]): Page[] {
  return rows.map(([id, questions, forAdult]) => ({
    id,
    title: `page.${instrument}.${id}`,
    questions,
    ...(forAdult === true ? { forAdult: true } : {}),
  }));
}

/**
 * The questions of a record in page order, so each bank file states its order once. An id with no
 * question is skipped here and reported by validateBank, which lists every problem at once.
 */
export function inOrder(byId: Readonly<Record<string, Question>>, pages: readonly Page[]): Question[] {
  return pages.flatMap((p) => p.questions.flatMap((id) => (byId[id] === undefined ? [] : [byId[id]])));
}
