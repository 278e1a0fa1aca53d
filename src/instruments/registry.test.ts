import { describe, expect, it } from 'vitest';
import { inBase, isLow, isPositive, isValidAnswer, parseAnswer, sample, scaleSummary } from './registry.ts';
import { ALL_OR_MOST, ABOUT_RIGHT, ONS_ANXIETY, ONS_HIGH, YES } from './bank/build.ts';
import { CONTACT, FACES, FREE_TEXT, FREQUENCY, multiScale, ONS_0_10 } from './scales.ts';
import { mulberry32 } from './synthetic.ts';
import { DECLINED } from './types.ts';

const WHO = multiScale('who', ['friends', 'family', 'pa']);

describe('parseAnswer', () => {
  it('treats missing and empty input as unanswered', () => {
    for (const raw of [undefined, '', []]) expect(parseAnswer(FREQUENCY, raw)).toEqual({ ok: true, value: undefined });
    expect(parseAnswer(WHO, ['', ''])).toEqual({ ok: true, value: undefined });
    expect(parseAnswer(FREE_TEXT, '   \n ')).toEqual({ ok: true, value: undefined });
  });

  it('accepts option codes and DECLINED for choice, refusing anything else', () => {
    expect(parseAnswer(FREQUENCY, 'most_of_the_time')).toEqual({ ok: true, value: 'most_of_the_time' });
    expect(parseAnswer(FACES, DECLINED)).toEqual({ ok: true, value: DECLINED });
    expect(parseAnswer(FREQUENCY, 'face_1')).toEqual({ ok: false, reason: 'not_an_option' });
    expect(parseAnswer(FREQUENCY, ['never', 'sometimes'])).toEqual({ ok: false, reason: 'expected_one_value' });
  });

  it('parses scores as canonical integers within the scale', () => {
    expect(parseAnswer(ONS_0_10, '0')).toEqual({ ok: true, value: 0 });
    expect(parseAnswer(ONS_0_10, '10')).toEqual({ ok: true, value: 10 });
    expect(parseAnswer(ONS_0_10, DECLINED)).toEqual({ ok: true, value: DECLINED });
    expect(parseAnswer(ONS_0_10, '11')).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseAnswer(ONS_0_10, '-1')).toEqual({ ok: false, reason: 'out_of_range' });
    for (const bad of ['7.5', '07', ' 7', '1e1', 'seven', '-0']) expect(parseAnswer(ONS_0_10, bad)).toEqual({ ok: false, reason: 'not_a_number' });
  });

  it('normalises multi answers to scale order without repeats, and keeps DECLINED alone', () => {
    expect(parseAnswer(WHO, ['pa', 'friends', 'pa'])).toEqual({ ok: true, value: ['friends', 'pa'] });
    expect(parseAnswer(WHO, 'family')).toEqual({ ok: true, value: ['family'] });
    expect(parseAnswer(WHO, [DECLINED])).toEqual({ ok: true, value: DECLINED });
    expect(parseAnswer(WHO, [DECLINED, 'pa'])).toEqual({ ok: false, reason: 'declined_with_others' });
    expect(parseAnswer(WHO, ['pa', 'boss'])).toEqual({ ok: false, reason: 'not_an_option' });
  });

  it('trims free text, normalises line ends and enforces the length in characters', () => {
    expect(parseAnswer(FREE_TEXT, '  hello\r\nthere ')).toEqual({ ok: true, value: 'hello\nthere' });
    expect(parseAnswer(FREE_TEXT, '😀'.repeat(2000)).ok).toBe(true);
    expect(parseAnswer(FREE_TEXT, 'a'.repeat(2001))).toEqual({ ok: false, reason: 'too_long' });
  });
});

describe('isValidAnswer', () => {
  it('checks stored values by kind', () => {
    expect(isValidAnswer(CONTACT, 'about_right')).toBe(true);
    expect(isValidAnswer(CONTACT, 'yes')).toBe(false);
    expect(isValidAnswer(ONS_0_10, 7)).toBe(true);
    expect(isValidAnswer(ONS_0_10, 7.5)).toBe(false);
    expect(isValidAnswer(ONS_0_10, '7')).toBe(false);
    expect(isValidAnswer(ONS_0_10, DECLINED)).toBe(true);
    expect(isValidAnswer(WHO, ['friends'])).toBe(true);
    expect(isValidAnswer(WHO, [])).toBe(false);
    expect(isValidAnswer(WHO, ['friends', 'friends'])).toBe(false);
    expect(isValidAnswer(FREE_TEXT, 'hi')).toBe(true);
    expect(isValidAnswer(FREE_TEXT, 3)).toBe(false);
  });
});

describe('sample', () => {
  it('respects weights and always returns a valid answer', () => {
    const rng = mulberry32(1);
    for (let i = 0; i < 200; i++) {
      expect(sample(FREQUENCY, rng, { never: 1 })).toBe('never');
      expect(isValidAnswer(ONS_0_10, sample(ONS_0_10, rng))).toBe(true);
      expect(isValidAnswer(WHO, sample(WHO, rng))).toBe(true);
    }
    expect(sample(FREE_TEXT, rng)).toBeUndefined();
  });
});

describe('positive rules', () => {
  it('counts codes, leaving excluded answers and DECLINED out of the base', () => {
    expect(isPositive(ALL_OR_MOST, 'most_of_the_time')).toBe(true);
    expect(isPositive(ALL_OR_MOST, 'sometimes')).toBe(false);
    expect(inBase(YES, 'dont_know')).toBe(false);
    expect(inBase(YES, 'no')).toBe(true);
    expect(inBase(ABOUT_RIGHT, 'no_contact')).toBe(false);
    expect(inBase(ALL_OR_MOST, DECLINED)).toBe(false);
    expect(inBase(ALL_OR_MOST, undefined)).toBe(false);
  });

  it('reads ONS bands, with high anxiety as the poor well-being band', () => {
    expect([isPositive(ONS_HIGH, 7), isPositive(ONS_HIGH, 6), isLow(ONS_HIGH, 4), isLow(ONS_HIGH, 5)]).toEqual([true, false, true, false]);
    expect([isPositive(ONS_ANXIETY, 3), isPositive(ONS_ANXIETY, 4), isLow(ONS_ANXIETY, 6), isLow(ONS_ANXIETY, 5)]).toEqual([true, false, true, false]);
    expect(inBase(ONS_HIGH, 'yes')).toBe(false);
  });
});

describe('scaleSummary', () => {
  it('labels only the ends of a score and reports text length', () => {
    const s = scaleSummary(ONS_0_10);
    expect(s.options).toHaveLength(11);
    expect(s.options[0]).toEqual({ value: '0', label: 'scale.ons_0_10.min' });
    expect(s.options[5]).toEqual({ value: '5' });
    expect(scaleSummary(FREE_TEXT).maxLength).toBe(2000);
  });
});
