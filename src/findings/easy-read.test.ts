// Easy-read answers in the findings: folded into their original age group by comparison key, counted in
// the methodology, split questions reported alone, and pooled the same way in comparator summaries.
import { describe, expect, it } from 'vitest';
import { getInstrument, instruments, mulberry32, syntheticAnswers, type Answer } from '../instruments/index.ts';
import { computeFindings } from './findings.ts';
import { foldEasyRead } from './fold.ts';
import { summarise } from './pool.ts';
import type { ComparatorSet, SurveyResponse } from './types.ts';

const original = getInstrument('ylyc-8-11')!;
const easy = getInstrument('ylyc-8-11-er')!;

/** n responses to an instrument, synthetic except for the answers given. */
function responses(instrumentId: string, n: number, seed: number, fixed: Record<string, Answer>): SurveyResponse[] {
  const inst = getInstrument(instrumentId)!;
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => ({ instrumentId, answers: { ...syntheticAnswers(inst, rng).answers, ...fixed } }));
}

const national: ComparatorSet = {
  authorities: 25,
  responses: instruments
    .filter((i) => i.survey === 'ylyc' && i.easyReadOf === undefined)
    .flatMap((i) => responses(i.id, 300, i.band.min, {})),
};

describe('folding easy-read responses', () => {
  it('moves answers with a shared comparison key to the original question and leaves split questions out', () => {
    const [folded] = foldEasyRead([
      { instrumentId: 'ylyc-8-11-er', answers: { trusts_carers: 'never', trusted_adult_trust: 'yes', trusted_adult_helps: 'no', age: '9' } },
    ]);
    expect(folded).toEqual({ instrumentId: 'ylyc-8-11', answers: { trusts_carers: 'never', age: '9' } });
  });

  it('leaves other responses as they are', () => {
    const r: SurveyResponse = { instrumentId: 'ylyc-11-17', answers: { trusts_carers: 'never' } };
    expect(foldEasyRead([r])).toEqual([r]);
  });

  it('every easy-read question that shares its key with the original asks on the same answer codes and rule', () => {
    for (const q of easy.questions) {
      const o = original.questions.find((x) => x.key === q.key);
      if (o === undefined) continue;
      expect(q.id, q.key).toBe(o.id);
      expect(q.positive, q.key).toEqual(o.positive);
      const codes = (s: typeof q.scale): unknown => (s.kind === 'choice' || s.kind === 'multi' ? s.options.map((x) => x.code) : s.kind);
      expect(codes(q.scale), q.key).toEqual(codes(o.scale));
    }
  });
});

describe('findings with easy-read responses', () => {
  // 20 answered the usual 8-11 questions and trust their carers "hardly ever"; 20 answered easy read and do "all of the time".
  const la = [
    ...responses('ylyc-8-11', 20, 7, { trusts_carers: 'hardly_ever', trusted_adult: 'no' }),
    ...responses('ylyc-8-11-er', 20, 8, { trusts_carers: 'all_of_the_time', trusted_adult_trust: 'yes', trusted_adult_helps: 'no' }),
  ];
  const findings = computeFindings({ survey: 'ylyc', la, comparator: national });
  const eightToEleven = findings.instruments.find((i) => i.instrumentId === 'ylyc-8-11')!;
  const figure = (questionId: string) => eightToEleven.indicators.find((i) => i.questionId === questionId)!.la;

  it('reports easy read within its age group, not as a group of its own', () => {
    expect(findings.instruments.map((i) => i.instrumentId)).toEqual(['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17']);
    expect(findings.ageGroups?.every((row) => row.groups.every((g) => g.instrumentId !== 'ylyc-8-11-er'))).toBe(true);
  });

  it('combines both versions on a shared comparison key: 20 of 40 trust their carers', () => {
    expect(figure('trusts_carers')).toMatchObject({ shown: true, count: 20, base: 40, proportion: 0.5 });
  });

  it('keeps a question easy read split in two out of the original figure: only those who answered the original count', () => {
    expect(figure('trusted_adult')).toMatchObject({ shown: true, count: 0, base: 20 });
  });

  it('says how many answered easy read, and reports the split questions alone', () => {
    expect(findings.easyRead).toHaveLength(1);
    const part = findings.easyRead![0]!;
    expect(part).toMatchObject({ instrumentId: 'ylyc-8-11-er', ageGroup: 'ylyc-8-11', respondents: { shown: true, n: 20 } });
    expect(part.alone.map((a) => a.key)).toEqual(['trusted_adult_trust_er', 'trusted_adult_helps_er']);
    expect(part.alone[0]!.la).toMatchObject({ shown: true, count: 20, base: 20 });
    expect(part.alone[1]!.la).toMatchObject({ shown: true, count: 0, base: 20 });
  });

  it('does not show how many answered easy read, nor their own figures, when fewer than the minimum base did', () => {
    const few = computeFindings({ survey: 'ylyc', la: [...la.slice(0, 20), ...la.slice(20, 24)], comparator: national });
    const part = few.easyRead![0]!;
    expect(part.respondents).toEqual({ shown: false });
    expect(part.alone.every((a) => !a.la.shown)).toBe(true);
  });

  it('has no easy-read section when nobody answered easy read', () => {
    expect(computeFindings({ survey: 'ylyc', la: la.slice(0, 20), comparator: national }).easyRead).toBeUndefined();
  });

  it('pools other LAs\' easy-read answers with their age group in comparator summaries', () => {
    const summary = summarise(la);
    expect(Object.keys(summary.instruments)).toEqual(['ylyc-8-11']);
    expect(summary.instruments['ylyc-8-11']!.n).toBe(40);
  });
});
