/** Counting answers: don't know, declined and skipped answers leave the base; reversed items count the good answer. */
import { describe, expect, it } from 'vitest';
import { DECLINED, getInstrument, type Answer, type Question } from '../instruments/index.ts';
import { tally, treatmentOf, type Measure } from './measures.ts';
import type { SurveyResponse } from './types.ts';

const y8 = getInstrument('ylyc-8-11');
const ylbc = getInstrument('ylbc-16-25');
const question = (inst: typeof y8, id: string): Question => {
  const q = inst?.questions.find((x) => x.id === id);
  if (q === undefined) throw new Error(`no question ${id}`);
  return q;
};
/** Responses answering one question with the given answers (undefined: skipped). */
const responses = (id: string, answers: readonly (Answer | undefined)[]): SurveyResponse[] =>
  answers.map((a) => ({ instrumentId: 'x', answers: a === undefined ? {} : { [id]: a } }));
const times = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);

describe('tally', () => {
  it('leaves "don\'t know", "prefer not to say" and skips out of a yes / no base', () => {
    const q = question(y8, 'good_friend');
    const rs = responses('good_friend', [...times(12, 'yes'), ...times(3, 'no'), ...times(4, 'dont_know'), DECLINED, undefined]);
    expect(tally(q, rs)).toEqual({ count: 12, base: 15 });
  });

  it('counts the good answer of a reversed item (afraid of bullying: hardly ever or never)', () => {
    const q = question(y8, 'bullying_afraid');
    const rs = responses('bullying_afraid', [...times(6, 'never'), ...times(4, 'hardly_ever'), ...times(5, 'sometimes'), ...times(3, 'all_of_the_time'), DECLINED]);
    expect(tally(q, rs)).toEqual({ count: 10, base: 18 });
    expect(tally(q, rs, { kind: 'not_positive' })).toEqual({ count: 8, base: 18 });
  });

  it('leaves "no contact" out of the contact base', () => {
    const q = question(y8, 'contact_dad');
    expect(tally(q, responses('contact_dad', ['about_right', 'too_little', 'no_contact', 'no_contact']))).toEqual({ count: 1, base: 2 });
  });

  it('counts ONS scores in the positive and low bands, anxiety reversed', () => {
    const ls = question(ylbc, 'life_satisfaction');
    const anxious = question(ylbc, 'anxious_yesterday');
    const scores = [0, 2, 4, 5, 6, 7, 8, 9, 10, DECLINED];
    expect(tally(ls, responses('life_satisfaction', scores))).toEqual({ count: 4, base: 9 });
    expect(tally(ls, responses('life_satisfaction', scores), { kind: 'low' })).toEqual({ count: 3, base: 9 });
    expect(tally(anxious, responses('anxious_yesterday', scores))).toEqual({ count: 2, base: 9 });
    expect(tally(anxious, responses('anxious_yesterday', scores), { kind: 'low' })).toEqual({ count: 5, base: 9 });
  });

  it('counts listed codes on a demographic question with its own base', () => {
    const q = question(ylbc, 'disability');
    const m: Measure = { kind: 'answers', codes: ['yes'], excludeFromBase: ['dont_know'] };
    expect(tally(q, responses('disability', ['yes', 'no', 'no', 'dont_know', DECLINED, undefined]), m)).toEqual({ count: 1, base: 3 });
  });
});

describe('treatmentOf', () => {
  it('states the positive answers and what leaves the base', () => {
    expect(treatmentOf(question(y8, 'good_friend'))).toEqual({
      scale: 'yes_no_dk',
      positiveCodes: ['yes'],
      outOfBase: [DECLINED, 'dont_know'],
      conditional: false,
    });
    expect(treatmentOf(question(y8, 'trusts_social_worker'))).toMatchObject({ conditional: true });
    expect(treatmentOf(question(ylbc, 'anxious_yesterday'))).toMatchObject({ positiveRange: { from: 0, to: 3 }, lowRange: { from: 6, to: 10 } });
  });
});
