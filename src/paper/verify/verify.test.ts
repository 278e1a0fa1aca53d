import { describe, expect, it } from 'vitest';
import { getInstrument } from '../../instruments/index.ts';
import type { QuestionReading } from '../scan/index.ts';
import { composeScannedForm, formQuestions, readAnswerKey } from './verify.ts';

const instrument = getInstrument('ylyc-8-11')!;
const q = (questionId: string, state: QuestionReading['state'], answers: string[], reasons: QuestionReading['reasons'] = []): QuestionReading => ({ questionId, state, answers, confidence: 1, reasons, boxes: [] });
const readings = [q('age', 'answered', ['9']), q('trusts_carers', 'review', ['all_of_the_time', 'most_of_the_time'], ['two_ticks']), q('has_pet', 'blank', [])];

describe('composing a scanned form', () => {
  const questions = formQuestions(instrument, readings);

  it('puts every question in printed order with how it was read', () => {
    expect(questions.find((x) => x.question.id === 'trusts_carers')?.kind).toBe('review');
    expect(questions.find((x) => x.question.id === 'anything_else')?.kind).toBe('text');
    expect(readAnswerKey(questions.find((x) => x.question.id === 'age')!)).toBe('9');
  });

  it('needs a decision on every question for review, and refuses "left blank" with an answer', () => {
    expect(composeScannedForm(instrument, questions, {})).toEqual({ ok: false, problems: [{ questionId: 'trusts_carers', problem: 'decide' }] });
    expect(composeScannedForm(instrument, questions, { 'd-trusts_carers': ['blank', 'most_of_the_time'] })).toMatchObject({ ok: false, problems: [{ questionId: 'trusts_carers', problem: 'blank_with_others' }] });
    expect(composeScannedForm(instrument, questions, { 'd-trusts_carers': 'not-an-answer' })).toMatchObject({ ok: false, problems: [{ questionId: 'trusts_carers', problem: 'not_an_option' }] });
  });

  it('keeps confident readings unless corrected, takes decisions and transcriptions', () => {
    const r = composeScannedForm(instrument, questions, { 'd-trusts_carers': 'most_of_the_time', 't-anything_else': 'I like my dog' });
    expect(r).toMatchObject({ ok: true, values: { answers: { age: '9', trusts_carers: 'most_of_the_time' }, freeText: { anything_else: 'I like my dog' } } });
    const corrected = composeScannedForm(instrument, questions, { 'a-age': '10', 'd-trusts_carers': 'blank', 'a-has_pet': 'x' });
    expect(corrected).toMatchObject({ ok: true, values: { answers: { age: '10', has_pet: 'prefer_not_to_say' }, freeText: {} } });
    expect(corrected.ok && 'trusts_carers' in corrected.values.answers).toBe(false);
    expect(composeScannedForm(instrument, questions, { 'a-age': '99', 'd-trusts_carers': 'blank' })).toMatchObject({ ok: false, problems: [{ questionId: 'age' }] });
  });
});
