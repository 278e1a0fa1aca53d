/**
 * computeFindings end to end on synthetic responses from the question bank: serialisable, nothing
 * shown under the threshold, nothing hidden recoverable, bright spots only after BH, and each section.
 */
import { describe, expect, it } from 'vitest';
import { instruments, mulberry32, syntheticAnswers, type SurveyId } from '../instruments/index.ts';
import { computeFindings, type Findings } from './findings.ts';
import type { ComparatorSet, SurveyResponse } from './types.ts';

/** n synthetic responses per instrument of a survey. */
function make(survey: SurveyId, n: number, seed: number, outlook = 0): SurveyResponse[] {
  const rng = mulberry32(seed);
  return instruments
    .filter((i) => i.survey === survey)
    .flatMap((inst) => Array.from({ length: n }, () => ({ instrumentId: inst.id, answers: syntheticAnswers(inst, rng, { outlook }).answers })));
}

const national: ComparatorSet = { responses: make('ylyc', 800, 1), authorities: 25 };
const ylbcNational: ComparatorSet = { responses: make('ylbc', 800, 2), authorities: 25 };

/** Every object in a JSON-like tree. */
function* objects(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) for (const x of node) yield* objects(x);
  else if (node !== null && typeof node === 'object') {
    yield node as Record<string, unknown>;
    for (const v of Object.values(node)) yield* objects(v);
  }
}

describe('computeFindings', () => {
  const report = computeFindings({ survey: 'ylyc', la: make('ylyc', 70, 3, 0.3), comparator: national, previous: make('ylyc', 60, 4), otherSurvey: make('ylbc', 60, 5) });

  it('returns plain JSON: the same object after a round trip, no NaN or infinities', () => {
    const text = JSON.stringify(report);
    expect(JSON.parse(text)).toEqual(report);
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it('shows no percentage, mean or distribution from fewer than 10 young people', () => {
    let shown = 0;
    for (const o of objects(report)) {
      if (o['shown'] !== true) continue;
      shown++;
      if (typeof o['base'] === 'number') expect(o['base']).toBeGreaterThanOrEqual(10);
      if (typeof o['n'] === 'number') expect(o['n']).toBeGreaterThanOrEqual(10);
    }
    expect(shown).toBeGreaterThan(100);
  });

  it('leaves no breakdown cell or respondent count recoverable as a total minus the cells shown', () => {
    for (const inst of report.instruments) {
      for (const dim of inst.profile.dimensions) {
        const shownSum = dim.categories.reduce((s, c) => s + (c.respondents.shown ? c.respondents.count : 0), 0);
        const remainder = inst.profile.respondents - shownSum;
        expect(remainder === 0 || remainder >= 10).toBe(true);
      }
      for (const b of inst.breakdowns) {
        for (const row of b.rows) {
          const total = inst.indicators.find((i) => i.questionId === row.questionId)?.la;
          const shown = row.cells.flatMap((c) => (c.figure.shown ? [c.figure.base] : []));
          if (!total?.shown) {
            expect(shown).toEqual([]);
            continue;
          }
          const remainder = total.base - shown.reduce((s, x) => s + x, 0);
          expect(remainder === 0 || remainder >= 10).toBe(true);
          expect(shown.length === 0 || shown.length >= 2).toBe(true);
        }
      }
    }
  });

  it('controls the false discovery rate: every key finding has q <= 0.05 and q >= p', () => {
    for (const o of objects(report)) {
      if (o['tested'] !== true) continue;
      expect(o['qValue']).toBeGreaterThanOrEqual(o['pValue'] as number);
      expect(o['significant']).toBe((o['qValue'] as number) <= 0.05);
    }
    for (const k of report.keyFindings) expect(k.qValue).toBeLessThanOrEqual(0.05);
  });

  it('reports the other sections: age groups, care leavers, change and citations', () => {
    expect(report.ageGroups?.map((r) => r.key)).toContain('trusts_carers');
    expect(report.ageGroups?.[0]?.pairs).toHaveLength(3);
    expect(report.careLeavers?.rows.map((r) => r.key)).toEqual(expect.arrayContaining(['safe_at_home', 'life_satisfaction', 'worthwhile']));
    expect(report.instruments.every((i) => i.change !== undefined && i.change.length === i.indicators.length)).toBe(true);
    expect(report.citations.length).toBeGreaterThan(0);
    const cited = new Set(report.citations.map((c) => c.id));
    for (const o of objects(report)) if (typeof o['citation'] === 'string') expect(cited.has(o['citation'])).toBe(true);
  });
});

describe('bright spots and areas for improvement', () => {
  const keysOf = (f: Findings, kind: string): string[] => f.keyFindings.filter((k) => k.kind === kind && k.against === 'national').map((k) => k.key);

  it('finds bright spots in an LA doing much better, areas for improvement in one doing much worse', () => {
    const better = computeFindings({ survey: 'ylyc', la: make('ylyc', 150, 6, 1), comparator: national });
    const worse = computeFindings({ survey: 'ylyc', la: make('ylyc', 150, 7, -1), comparator: national });
    expect(keysOf(better, 'bright_spot').length).toBeGreaterThan(5);
    expect(keysOf(better, 'area_for_improvement')).toEqual([]);
    expect(keysOf(worse, 'area_for_improvement').length).toBeGreaterThan(5);
    expect(keysOf(worse, 'bright_spot')).toEqual([]);
  });

  it('reads "better" on a reversed item as fewer young people afraid of bullying', () => {
    const la: SurveyResponse[] = Array.from({ length: 40 }, () => ({ instrumentId: 'ylyc-8-11', answers: { bullying_afraid: 'never' } }));
    const f = computeFindings({ survey: 'ylyc', la, comparator: national });
    const ind = f.instruments.find((i) => i.instrumentId === 'ylyc-8-11')?.indicators.find((i) => i.key === 'bullying_afraid');
    expect(ind?.reversed).toBe(true);
    expect(ind?.vsNational).toMatchObject({ tested: true, verdict: 'better' });
    expect(ind?.generalPopulation[0]).toMatchObject({ la: { count: 0, base: 40 }, comparison: { verdict: 'better' } });
  });

  it('rarely invents findings when the LA is like the rest (the null): at most a few of 20 reports', () => {
    // Under the null, BH at 0.05 bounds the chance of any false finding in a report near 5%: 1 in 20.
    let withFalse = 0;
    for (let seed = 100; seed < 120; seed++) {
      const comparator = { responses: make('ylyc', 400, seed + 1000), authorities: 25 };
      const f = computeFindings({ survey: 'ylyc', la: make('ylyc', 60, seed), comparator });
      if (f.keyFindings.some((k) => k.against === 'national')) withFalse++;
    }
    expect(withFalse).toBeLessThanOrEqual(3);
  });
});

describe('comparator and well-being', () => {
  it('suppresses the national figure when it pools too few LAs', () => {
    const f = computeFindings({ survey: 'ylyc', la: make('ylyc', 40, 8), comparator: { ...national, authorities: 2 } });
    const ind = f.instruments[0]?.indicators[0];
    expect(ind?.national).toEqual({ shown: false, reason: 'too_few_authorities' });
    expect(ind?.vsNational).toEqual({ tested: false, against: 'national', reason: 'too_few_authorities' });
    expect(f.comparator).toEqual({ authorities: 2, respondents: 0, usable: false });
  });

  it('reports ONS items in their bands (anxiety: high is the bad band) with a mean, and faces in their own terms', () => {
    const f = computeFindings({ survey: 'ylbc', la: make('ylbc', 80, 9), comparator: ylbcNational });
    const anxiety = f.instruments[0]?.wellbeing.find((w) => w.questionId === 'anxious_yesterday');
    if (anxiety?.kind !== 'ons' || !anxiety.la.distribution.shown || !anxiety.la.mean.shown) throw new Error('expected ONS anxiety');
    expect(anxiety.bands).toBe('ons_anxiety');
    expect(anxiety.la.distribution.parts.map((p) => p.id)).toEqual(['very_low', 'low', 'medium', 'high']);
    expect(anxiety.low.la).toMatchObject({ count: anxiety.la.distribution.parts[3]?.count });
    expect(anxiety.la.mean.lower).toBeLessThan(anxiety.la.mean.mean);

    const young = computeFindings({ survey: 'ylyc', la: make('ylyc', 40, 10), comparator: national });
    const faces = young.instruments.find((i) => i.instrumentId === 'ylyc-4-7')?.wellbeing[0];
    if (faces?.kind !== 'faces' || !faces.la.distribution.shown || !faces.la.twoHappiest.shown) throw new Error('expected faces');
    const parts = faces.la.distribution.parts;
    expect(parts.map((p) => p.id)).toEqual(['face_1', 'face_2', 'face_3', 'face_4', 'face_5']);
    expect((parts[3]?.count ?? 0) + (parts[4]?.count ?? 0)).toBe(faces.la.twoHappiest.count);
  });
});
