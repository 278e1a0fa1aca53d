import { describe, expect, it } from 'vitest';
import { DECLINED, getInstrument, type Instrument, type Question } from '../../instruments/index.ts';
import { compareEntries, fieldName, keyOf, keyOptions, readForm, readTyped, resolveEntries } from './entry.ts';

const inst = (id: string): Instrument => getInstrument(id)!;
const q = (i: Instrument, id: string): Question => i.questions.find((x) => x.id === id)!;
const older = inst('ylyc-11-17');
const middle = inst('ylyc-8-11');

describe('typed codes per scale kind', () => {
  it('reads a one-answer choice by the place of its option, x for "I don\'t want to say", blank for skipped', () => {
    const trusts = q(middle, 'trusts_carers');
    expect(readTyped(trusts, '1')).toEqual({ ok: true, value: 'all_of_the_time' });
    expect(readTyped(trusts, ' 5 ')).toEqual({ ok: true, value: 'never' });
    expect(readTyped(trusts, 'X')).toEqual({ ok: true, value: DECLINED });
    expect(readTyped(trusts, '')).toEqual({ ok: true, value: undefined });
    expect(readTyped(trusts, '   ')).toEqual({ ok: true, value: undefined });
    expect(keyOptions(trusts).map((o) => o.key)).toEqual(['1', '2', '3', '4', '5', 'x']);
  });

  it('refuses a choice code that is not shown, letters, or two answers to a one-answer question', () => {
    const trusts = q(middle, 'trusts_carers');
    expect(readTyped(trusts, '6')).toEqual({ ok: false, problem: 'not_an_option' });
    expect(readTyped(trusts, '0')).toEqual({ ok: false, problem: 'not_an_option' });
    expect(readTyped(trusts, 'yes')).toEqual({ ok: false, problem: 'not_an_option' });
    expect(readTyped(trusts, '1 2')).toEqual({ ok: false, problem: 'one_answer_only' });
  });

  it('types ages and 0-10 scores as the number itself', () => {
    const age = q(middle, 'age');
    expect(keyOptions(age).map((o) => o.key)).toEqual(['8', '9', '10', '11', 'x']);
    expect(readTyped(age, '9')).toEqual({ ok: true, value: '9' });
    expect(readTyped(age, '1')).toEqual({ ok: false, problem: 'not_an_option' });
    const score = older.questions.find((x) => x.scale.kind === 'score')!;
    expect(readTyped(score, '0')).toEqual({ ok: true, value: 0 });
    expect(readTyped(score, '10')).toEqual({ ok: true, value: 10 });
    expect(readTyped(score, '07')).toEqual({ ok: true, value: 7 });
    expect(readTyped(score, '11')).toEqual({ ok: false, problem: 'out_of_range' });
    expect(readTyped(score, '7.5')).toEqual({ ok: false, problem: 'not_an_option' });
    expect(readTyped(score, 'x')).toEqual({ ok: true, value: DECLINED });
  });

  it('reads tick-all lists as several codes in any order and separator, and refuses x with others', () => {
    const multi = q(inst('ylbc-16-25'), 'emotional_support_who');
    const codes = keyOptions(multi);
    const first = codes[0]!.value;
    const third = codes[2]!.value;
    expect(readTyped(multi, '3 1')).toEqual({ ok: true, value: [first, third] });
    expect(readTyped(multi, '1,3,3')).toEqual({ ok: true, value: [first, third] });
    expect(readTyped(multi, 'x')).toEqual({ ok: true, value: DECLINED });
    expect(readTyped(multi, '1 x')).toEqual({ ok: false, problem: 'declined_with_others' });
    expect(readTyped(multi, '1 99')).toEqual({ ok: false, problem: 'not_an_option' });
    expect(keyOf(multi, [third, first])).toBe('3 1');
  });

  it('keeps free text as transcribed, trimmed, and refuses text over the limit', () => {
    const text = q(middle, 'anything_else');
    expect(readTyped(text, '  I like my carers\r\nand my dog ')).toEqual({ ok: true, value: 'I like my carers\nand my dog' });
    expect(readTyped(text, 'a'.repeat(5000))).toEqual({ ok: false, problem: 'too_long' });
  });
});

describe('reading a whole typed form', () => {
  it('lists every refused field, keeps skipped questions blank and drops answers the form said to skip', () => {
    const typed = {
      [fieldName('age')]: '9',
      [fieldName('knows_social_worker')]: '2',
      [fieldName('trusts_social_worker')]: '1',
      [fieldName('trusts_carers')]: '7',
      [fieldName('has_pet')]: '1 2',
      [fieldName('anything_else')]: 'I like football',
    };
    const read = readForm(middle, typed);
    expect(read.problems).toEqual([
      { questionId: 'trusts_carers', problem: 'not_an_option' },
      { questionId: 'has_pet', problem: 'one_answer_only' },
    ]);
    expect(read.values.answers).toEqual({ age: '9', knows_social_worker: 'no' });
    expect(read.values.freeText).toEqual({ anything_else: 'I like football' });
    expect(read.dropped).toEqual(['trusts_social_worker']);
    expect(read.empty).toBe(false);
    expect(readForm(middle, {}).empty).toBe(true);
  });
});

describe('comparing two entries of one form', () => {
  const a = { answers: { age: '9', knows_social_worker: 'yes', trusts_social_worker: 'sometimes', has_pet: 'yes' }, freeText: { anything_else: 'I  like my\nschool' } };

  it('finds no difference when the entries match, whatever the spacing of the text', () => {
    expect(compareEntries(middle, a, { ...a, freeText: { anything_else: 'I like my school' } })).toEqual([]);
  });

  it('lists each difference in printed order as each person typed it', () => {
    const b = { answers: { age: '10', knows_social_worker: 'yes', trusts_social_worker: 'sometimes' }, freeText: { anything_else: 'I like my schools' } };
    expect(compareEntries(middle, a, b)).toEqual([
      { questionId: 'age', number: '1', first: '9', second: '10' },
      { questionId: 'has_pet', number: '16', first: '1', second: '' },
      { questionId: 'anything_else', number: '34', first: 'I  like my\nschool', second: 'I like my schools' },
    ]);
  });

  it('resolves by the entry chosen for each difference, insists on a choice for each, and re-applies skip logic', () => {
    const b = { answers: { age: '10', knows_social_worker: 'no' }, freeText: {} };
    expect(resolveEntries(middle, a, b, { age: 'second' })).toEqual({ ok: false, missing: ['knows_social_worker', 'trusts_social_worker', 'has_pet', 'anything_else'] });
    const resolved = resolveEntries(middle, a, b, { age: 'second', knows_social_worker: 'second', trusts_social_worker: 'first', has_pet: 'second', anything_else: 'first' });
    expect(resolved).toEqual({ ok: true, values: { answers: { age: '10', knows_social_worker: 'no' }, freeText: { anything_else: 'I  like my\nschool' } }, dropped: ['trusts_social_worker'] });
  });
});
