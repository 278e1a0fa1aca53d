import { describe, expect, it } from 'vitest';
import { instruments } from './bank/index.ts';
import cy from './messages/cy.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import { loadCatalogues } from '../lib/i18n.ts';
import { FREE_TEXT } from './scales.ts';
import type { Instrument, Page, Question } from './types.ts';
import { assertValidBank, validateBank } from './validate.ts';

// Every language's catalogue on disk, as the platform loads them (a new language is checked without editing this file).
const catalogues = { ...loadCatalogues([import.meta.dirname]), en, cy };

function real(id: string): Instrument {
  const found = instruments.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no instrument ${id}`);
  return found;
}

/** A copy of a real instrument with one question changed. */
const withQuestion = (inst: Instrument, id: string, change: (q: Question) => Question): Instrument => ({
  ...inst,
  questions: inst.questions.map((q) => (q.id === id ? change(q) : q)),
});

/** A copy of a real instrument with one page changed. */
const withPage = (inst: Instrument, id: string, change: (p: Page) => Page): Instrument => ({
  ...inst,
  pages: inst.pages.map((p) => (p.id === id ? change(p) : p)),
});

/** Problems of the whole bank with one instrument swapped for a broken copy. */
const problemsWith = (broken: Instrument, cats: Record<string, Record<string, unknown>> = catalogues): string[] =>
  validateBank(
    instruments.map((i) => (i.id === broken.id ? broken : i)),
    cats,
  );

const withoutKey = (key: string): Record<string, Record<string, unknown>> => {
  expect(en).toHaveProperty([key]);
  return { en: Object.fromEntries(Object.entries(en).filter(([k]) => k !== key)) };
};

describe('validateBank on the real bank', () => {
  it('finds no problem', () => {
    expect(validateBank(instruments, catalogues)).toEqual([]);
    expect(() => assertValidBank(instruments, catalogues)).not.toThrow();
  });

  it('allows faces in 8-11 and the ONS scale in 11-17 under one key (both declare positive)', () => {
    const kinds = ['ylyc-8-11', 'ylyc-11-17'].map((id) => real(id).questions.find((q) => q.id === 'happy_yesterday')?.scale.kind);
    expect(kinds).toEqual(['choice', 'score']);
  });
});

describe('validateBank on broken copies', () => {
  const y8 = real('ylyc-8-11');
  const y11 = real('ylyc-11-17');

  it('finds duplicate question ids and duplicate page ids', () => {
    const pet = y8.questions.find((q) => q.id === 'has_pet');
    if (pet === undefined) throw new Error('has_pet');
    expect(problemsWith({ ...y8, questions: [...y8.questions, pet] })).toContain("ylyc-8-11: duplicate question id 'has_pet'");
    expect(problemsWith(withPage(y8, 'friends', (p) => ({ ...p, id: 'family' })))).toContain("ylyc-8-11: duplicate page id 'family'");
  });

  it('finds pages naming unknown questions, and questions on no page or on two', () => {
    const unknown = withPage(y8, 'friends', (p) => ({ ...p, questions: [...p.questions, 'no_such_question'] }));
    expect(problemsWith(unknown)).toContain("ylyc-8-11: page 'friends' refers to unknown question 'no_such_question'");
    const orphan = withPage(y8, 'friends', (p) => ({ ...p, questions: ['good_friend'] }));
    expect(problemsWith(orphan)).toContain("ylyc-8-11: question 'has_pet' is on no page");
    const twice = withPage(y8, 'school', (p) => ({ ...p, questions: [...p.questions, 'has_pet'] }));
    expect(problemsWith(twice)).toContain("ylyc-8-11: question 'has_pet' is on more than one page (friends, school)");
  });

  it('finds skip conditions on unknown, same-page or later questions, impossible answers and cycles', () => {
    const unknown = withQuestion(y8, 'has_pet', (q) => ({ ...q, showIf: { question: 'ghost', in: ['yes'] } }));
    expect(problemsWith(unknown)).toContain("ylyc-8-11: skip condition of 'has_pet' refers to unknown question 'ghost'");
    const samePage = withQuestion(y8, 'has_pet', (q) => ({ ...q, showIf: { question: 'good_friend', in: ['yes'] } }));
    expect(problemsWith(samePage)).toContain("ylyc-8-11: skip condition of 'has_pet' refers to 'good_friend' on the same or a later page");
    const later = withQuestion(y8, 'age', (q) => ({ ...q, showIf: { question: 'good_friend', answered: true } }));
    expect(problemsWith(later)).toContain("ylyc-8-11: skip condition of 'age' refers to 'good_friend' on the same or a later page");
    const impossible = withQuestion(y8, 'has_pet', (q) => ({ ...q, showIf: { question: 'knows_social_worker', in: ['maybe'] } }));
    expect(problemsWith(impossible)).toContain(
      "ylyc-8-11: skip condition of 'has_pet' tests 'knows_social_worker' for 'maybe', which it cannot answer",
    );
    const cycle = withQuestion(
      withQuestion(y8, 'age', (q) => ({ ...q, showIf: { question: 'has_pet', in: ['yes'] } })),
      'has_pet',
      (q) => ({ ...q, showIf: { not: { question: 'age', in: ['8'] } } }),
    );
    expect(problemsWith(cycle)).toContainEqual(expect.stringMatching(/^ylyc-8-11: skip conditions form a cycle: (age -> has_pet -> age|has_pet -> age -> has_pet)$/));
  });

  it('finds reported questions and comparison keys without a positive mapping', () => {
    const problems = problemsWith(withQuestion(y8, 'trusts_carers', ({ positive: _dropped, ...q }) => q));
    expect(problems).toContain("ylyc-8-11: question 'trusts_carers' is reported but has no positive rule");
    expect(problems).toContainEqual(expect.stringContaining("comparison key 'trusts_carers': not every member declares a positive mapping"));
  });

  it('finds comparison keys mixing incompatible scale kinds', () => {
    const text = problemsWith(withQuestion(y8, 'has_pet', (q) => ({ ...q, scale: FREE_TEXT })));
    expect(text).toContainEqual(expect.stringContaining("comparison key 'has_pet' mixes incompatible scale kinds choice and text"));
    // choice vs score is only allowed when every member declares a positive mapping.
    const noRule = problemsWith(withQuestion(y8, 'happy_yesterday', ({ positive: _dropped, ...q }) => q));
    expect(noRule).toContainEqual(expect.stringContaining("comparison key 'happy_yesterday' mixes incompatible scale kinds"));
  });

  it('finds positive rules naming codes the scale does not have, or bands outside it', () => {
    const codes = withQuestion(y8, 'trusts_carers', (q) => ({ ...q, positive: { type: 'codes', positive: ['always'] } }));
    expect(problemsWith(codes)).toContain("ylyc-8-11: positive rule of 'trusts_carers' names 'always', which is not an option of scale 'frequency'");
    const excluded = withQuestion(y8, 'good_friend', (q) => ({ ...q, positive: { type: 'codes', positive: ['yes'], excluded: ['unsure'] } }));
    expect(problemsWith(excluded)).toContain("ylyc-8-11: positive rule of 'good_friend' names 'unsure', which is not an option of scale 'yes_no_dk'");
    const band = withQuestion(y11, 'worthwhile', (q) => ({ ...q, positive: { type: 'range', positive: { from: 7, to: 11 } } }));
    expect(problemsWith(band)).toContain("ylyc-11-17: positive rule of 'worthwhile' has band 7-11 outside scale 'ons_0_10'");
    const kind = withQuestion(y11, 'worthwhile', (q) => ({ ...q, positive: { type: 'codes', positive: ['yes'] } }));
    expect(problemsWith(kind)).toContain("ylyc-11-17: positive rule of 'worthwhile' does not fit its score scale");
  });

  it('finds counts that differ from the published length, counting the 4-7 adult questions apart', () => {
    expect(problemsWith({ ...y8, publishedLength: 35 })).toContain(
      'ylyc-8-11: counts 34 items for the young person but its published length is 35',
    );
    const y4 = real('ylyc-4-7');
    const childAge = withQuestion(y4, 'age', (q) => ({ ...q, askedOf: 'child' }));
    const problems = problemsWith(childAge);
    expect(problems).toContain('ylyc-4-7: counts 14 items for the young person but its published length is 13');
    expect(problems).toContain("ylyc-4-7: question 'age' is asked of the child but page 'adult_age' is for the adult");
  });

  it('finds the rows of a grid split across pages', () => {
    const split = withPage(withPage(y8, 'family', (p) => ({ ...p, questions: ['contact_mum', 'contact_dad'] })), 'friends', (p) => ({
      ...p,
      questions: [...p.questions, 'contact_siblings'],
    }));
    expect(problemsWith(split)).toContain("ylyc-8-11: the rows of item 'contact_family' are not together on one page");
  });

  it('finds every kind of missing catalogue key, in every declared language', () => {
    const cases: [string, string][] = [
      ['q.ylyc-8-11.has_pet', 'question text'],
      ['q.ylyc-8-11.knows_social_worker.help', 'help text'],
      ['opt.hardly_ever', 'option label'],
      ['opt.ethnicity.white_roma', 'option label'],
      ['page.ylyc-8-11.friends', 'page title'],
      ['indicator.has_pet', 'indicator name'],
      ['domain.rights', 'domain name'],
      ['scale.ons_0_10.max', 'scale end label'],
      ['instrument.ylyc-8-11.name', 'the instrument name'],
      ['opt.prefer_not_to_say', 'the label for declining'],
    ];
    for (const [key, what] of cases) {
      expect(validateBank(instruments, withoutKey(key))).toContainEqual(expect.stringContaining(`'en' catalogue lacks ${what} '${key}'`));
    }
    expect(validateBank(instruments, { en: { ...en, 'q.ylyc-8-11.has_pet': '  ' } })).toContain(
      "ylyc-8-11: 'en' catalogue lacks question text 'q.ylyc-8-11.has_pet'",
    );
    expect(problemsWith({ ...y8, languages: ['en', 'xx'] })).toContain("ylyc-8-11: no 'xx' catalogue");
    const { ['q.ylyc-8-11.has_pet']: _gone, ...welshLacking } = cy;
    expect(validateBank(instruments, { ...catalogues, cy: welshLacking })).toEqual(["ylyc-8-11: 'cy' catalogue lacks question text 'q.ylyc-8-11.has_pet'"]);
  });

  it('assertValidBank throws listing every problem', () => {
    const broken = instruments.map((i) => (i.id === 'ylyc-8-11' ? { ...i, publishedLength: 1 } : i.id === 'ylyc-11-17' ? { ...i, publishedLength: 2 } : i));
    expect(() => assertValidBank(broken, catalogues)).toThrow(/2 problem\(s\)[\s\S]*ylyc-8-11[\s\S]*ylyc-11-17/);
  });
});
