// Pure domain logic of the journey: age -> instrument, navigation and progress under skip logic, merging
// a page into a draft (with the free-text rules), resume codes, reading forms and composing responses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECLINED, getInstrument, instruments, scales, type Instrument, type Question } from '../instruments/index.ts';
import { CODE_ALPHABET } from '../lib/ids.ts';
import {
  agesOffered,
  atPage,
  instrumentForAge,
  mergePage,
  nextPosition,
  previousPosition,
  progressOf,
  revealedOnPage,
  type DraftState,
} from './journey.ts';
import { readPageForm, readStartForm } from './page-form.ts';
import { asValues } from './page-view.ts';
import { composeResponse } from './response.ts';
import { formatResumeCode, newResumeCode, parseResumeCode } from './resume-code.ts';

// The age groups a wave offers (easy-read variants follow their original and are chosen apart).
const ylyc = instruments.filter((i) => i.survey === 'ylyc' && i.easyReadOf === undefined);
const ylbc = instruments.filter((i) => i.survey === 'ylbc');

describe('choosing the instrument from an age', () => {
  it('follows the bands: 4-7, 8-10, 11 by school, 12-17', () => {
    const id = (age: number, school?: 'primary' | 'secondary') => {
      const o = instrumentForAge(ylyc, age, school);
      return o.kind === 'instrument' ? o.id : o.kind;
    };
    for (const age of [4, 5, 6, 7]) expect(id(age)).toBe('ylyc-4-7');
    for (const age of [8, 9, 10]) expect(id(age)).toBe('ylyc-8-11');
    expect(id(11)).toBe('ask_school');
    expect(id(11, 'primary')).toBe('ylyc-8-11');
    expect(id(11, 'secondary')).toBe('ylyc-11-17');
    for (const age of [12, 13, 14, 15, 16, 17]) expect(id(age)).toBe('ylyc-11-17');
    // The school answer only matters where two bands share the age.
    expect(id(9, 'secondary')).toBe('ylyc-8-11');
    expect(id(14, 'primary')).toBe('ylyc-11-17');
    for (const age of [-1, 0, 3, 18, 30]) expect(id(age)).toBe('out_of_range');
  });

  it('offers every age of the bands once, youngest first', () => {
    expect(agesOffered(ylyc)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(agesOffered(ylbc)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
  });

  it('reads the start form without trusting it', () => {
    expect(readStartForm({ age: '11', school: 'secondary' })).toEqual({ age: 11, school: 'secondary' });
    expect(readStartForm({ age: ['4', '5'], school: 'college' })).toEqual({ age: undefined, school: undefined });
    expect(readStartForm({ age: '1e3' })).toEqual({ age: undefined, school: undefined });
    expect(readStartForm('nonsense')).toEqual({ age: undefined, school: undefined });
  });
});

describe('resume codes', () => {
  it('are 10 characters of the alphabet, shown as 4-4-2', () => {
    const code = newResumeCode();
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{10}$`));
    expect(formatResumeCode('ACD3F7HKMN')).toBe('ACD3-F7HK-MN');
  });

  it('accept what a person types around them, and nothing that cannot be a code', () => {
    fc.assert(
      fc.property(fc.stringMatching(new RegExp(`^[${CODE_ALPHABET}]{10}$`)), fc.boolean(), (code, lower) => {
        const shown = formatResumeCode(code);
        expect(parseResumeCode(` ${lower ? shown.toLowerCase() : shown} `)).toBe(code);
        expect(parseResumeCode(shown.replace(/-/g, ' '))).toBe(code);
      }),
    );
    for (const bad of ['', 'ACD3F7HKM', 'ACD3F7HKMNP', 'ACD3F7HKM0', 'OCD3F7HKMN', 'ACD3F7HK1N', 'ACD3F7HK\u00c9N']) {
      expect(parseResumeCode(bad)).toBeUndefined();
    }
  });
});

// A small instrument whose gate and follow-up share a page, to test what the bank happens not to do.
const gate: Question = { id: 'gate', key: 'gate', indicator: 'gate', domain: 'rights', askedOf: 'child', scale: scales.YES_NO_DK };
const follow: Question = { ...gate, id: 'follow', key: 'follow', indicator: 'follow', showIf: { question: 'gate', in: ['yes'] } };
const later: Question = { ...gate, id: 'later', key: 'later', indicator: 'later', scale: scales.ONS_0_10, showIf: { question: 'gate', in: ['yes', 'no'] } };
const note: Question = { ...gate, id: 'note', key: 'note', indicator: 'note', domain: 'comments', scale: scales.FREE_TEXT };
const tiny: Instrument = {
  ...getInstrument('ylyc-8-11')!,
  questions: [gate, follow, later, note],
  pages: [
    { id: 'one', title: 't1', questions: ['gate', 'follow'] },
    { id: 'two', title: 't2', questions: ['later'] },
    { id: 'three', title: 't3', questions: ['note'] },
  ],
};
const page = (id: string) => tiny.pages.find((p) => p.id === id)!;

const empty: DraftState = {
  instrumentId: 'ylyc-8-11',
  language: 'en',
  answers: {},
  freeText: {},
  textVisible: [],
  adultHelped: false,
  position: 'intro',
};

describe('navigation under skip logic', () => {
  it('skips hidden pages forwards and backwards and counts only shown pages', () => {
    expect(nextPosition(tiny, {}, 'intro')).toBe(atPage('one'));
    // Unanswered gate: page two is hidden.
    expect(nextPosition(tiny, {}, atPage('one'))).toBe(atPage('three'));
    expect(previousPosition(tiny, {}, atPage('three'))).toBe(atPage('one'));
    expect(progressOf(tiny, {}, 'three')).toEqual({ n: 2, total: 2 });
    expect(progressOf(tiny, {}, 'two')).toBeUndefined();
    const answered = { gate: 'no' };
    expect(nextPosition(tiny, answered, atPage('one'))).toBe(atPage('two'));
    expect(progressOf(tiny, answered, 'three')).toEqual({ n: 3, total: 3 });
    expect(previousPosition(tiny, answered, atPage('one'))).toBe('intro');
    expect(nextPosition(tiny, answered, atPage('three'))).toBe('review');
    expect(previousPosition(tiny, answered, 'review')).toBe(atPage('three'));
  });

  it('the real 4-7 instrument skips "trust your social worker" unless the child knows who it is', () => {
    const i = getInstrument('ylyc-4-7')!;
    expect(nextPosition(i, { knows_social_worker: 'no' }, atPage('social_worker'))).toBe(atPage('trust_carers'));
    expect(nextPosition(i, { knows_social_worker: 'yes' }, atPage('social_worker'))).toBe(atPage('trust_social_worker'));
    expect(progressOf(i, { knows_social_worker: 'no' }, 'trust_carers')?.total).toBe(i.pages.length - 1);
    expect(progressOf(i, { knows_social_worker: 'yes' }, 'trust_carers')).toEqual({ n: 3, total: i.pages.length });
  });

  it('notices a question revealed on the page by its own answers', () => {
    expect(revealedOnPage(tiny, page('one'), {}, { gate: 'yes' })).toEqual(['follow']);
    expect(revealedOnPage(tiny, page('one'), { gate: 'yes' }, { gate: 'yes', follow: 'no' })).toEqual([]);
  });
});

describe('merging a page into a draft', () => {
  it('sets, clears and keeps answers, and prunes answers the new ones hide', () => {
    const a = mergePage(tiny, empty, page('one'), { answers: { gate: 'yes', follow: 'no' }, texts: {}, forget: [] });
    expect(a.answers).toEqual({ gate: 'yes', follow: 'no' });
    const b = mergePage(tiny, { ...a, answers: { ...a.answers, later: 7 } }, page('one'), { answers: { gate: 'dont_know' }, texts: {}, forget: [] });
    // "follow" and "later" are hidden by the new gate answer: pruned, not kept.
    expect(b.answers).toEqual({ gate: 'dont_know' });
    const c = mergePage(tiny, a, page('one'), { answers: { follow: undefined }, texts: {}, forget: [] });
    expect(c.answers).toEqual({ gate: 'yes' });
    // A question the input does not mention (refused by the registry) keeps its answer.
    const d = mergePage(tiny, a, page('one'), { answers: { gate: DECLINED }, texts: {}, forget: [] });
    expect(d.answers).toEqual({ gate: DECLINED });
  });

  it('keeps hidden free text unless replaced or deleted on purpose, and shows back only this session\'s', () => {
    const typed = mergePage(tiny, empty, page('three'), { answers: {}, texts: { note: '  hello  ' }, forget: [] });
    expect(typed.freeText).toEqual({ note: 'hello' });
    expect(typed.textVisible).toEqual(['note']);
    // Cleared in the same session: the young person emptied the box.
    expect(mergePage(tiny, typed, page('three'), { answers: {}, texts: { note: undefined }, forget: [] }).freeText).toEqual({});
    // After a resume the text is hidden: an empty box keeps it...
    const resumed: DraftState = { ...typed, textVisible: [] };
    expect(mergePage(tiny, resumed, page('three'), { answers: {}, texts: { note: undefined }, forget: [] }).freeText).toEqual({ note: 'hello' });
    // ...new words replace it (and may be shown back)...
    const replaced = mergePage(tiny, resumed, page('three'), { answers: {}, texts: { note: 'new' }, forget: [] });
    expect(replaced.freeText).toEqual({ note: 'new' });
    expect(replaced.textVisible).toEqual(['note']);
    // ...and "delete what I wrote before" deletes it.
    expect(mergePage(tiny, resumed, page('three'), { answers: {}, texts: { note: undefined }, forget: ['note'] }).freeText).toEqual({});
  });
});

describe('reading a page form', () => {
  const shown = [gate, follow, later, note];

  it('ignores unknown and inherited fields and reports a refused value per question', () => {
    const body = JSON.parse('{"__proto__": {"gate": "yes"}, "constructor": "x", "gate": "maybe", "later": "11", "note": "hi", "zzz": "1"}') as unknown;
    const form = readPageForm(shown, body);
    expect(form.action).toBe('continue');
    expect(form.errors).toEqual([
      { questionId: 'gate', reason: 'not_an_option' },
      { questionId: 'later', reason: 'out_of_range' },
    ]);
    expect(form.input.answers).toEqual({ follow: undefined });
    expect(form.input.texts).toEqual({ note: 'hi' });
  });

  it('accepts "I don\'t want to say" for choice and score questions, and several values only for multi', () => {
    const form = readPageForm(shown, { gate: DECLINED, later: DECLINED, follow: ['yes', 'no'], action: 'back' });
    expect(form.action).toBe('back');
    expect(form.input.answers).toEqual({ gate: DECLINED, later: DECLINED });
    expect(form.errors).toEqual([{ questionId: 'follow', reason: 'expected_one_value' }]);
    expect(readPageForm(shown, { action: 'drop tables' }).action).toBe('continue');
    expect(readPageForm(shown, [1, 2, 3]).input.answers).toEqual({ gate: undefined, follow: undefined, later: undefined });
  });

  it('marks chosen values the same way for every kind', () => {
    expect(asValues(undefined)).toEqual([]);
    expect(asValues(7)).toEqual(['7']);
    expect(asValues('yes')).toEqual(['yes']);
    expect(asValues(['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('composing a response', () => {
  it('keeps valid answers of visible questions in bank order, and free text apart', () => {
    const r = composeResponse(tiny, { later: 4, gate: 'no', follow: 'yes', nope: 'x', note: 'text here' }, { note: ' hi ', gate: 'words' });
    expect(r.answers).toEqual({ gate: 'no', later: 4 });
    expect(Object.keys(r.answers)).toEqual(['gate', 'later']);
    expect(r.comments).toEqual([{ questionId: 'note', text: 'hi' }]);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { questionId: 'nope', reason: 'unknown' },
        { questionId: 'note', reason: 'not_text' },
        { questionId: 'gate', reason: 'not_text' },
        { questionId: 'follow', reason: 'hidden' },
      ]),
    );
    expect(composeResponse(tiny, { later: 12 }, {}).problems).toEqual([{ questionId: 'later', reason: 'invalid' }]);
  });
});
