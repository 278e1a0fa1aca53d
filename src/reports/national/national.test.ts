/** The national findings, pure: pooling, each authority's figure as its own report has it, labels, hiding, variation. */
import { describe, expect, it } from 'vitest';
import { computeFindings, homogeneityTest, proportionCell, tally, type SurveyResponse } from '../../findings/index.ts';
import { getInstrument, mulberry32, syntheticAnswers, type InstrumentId } from '../../instruments/index.ts';
import { letters, anonymousLabels } from './labels.ts';
import { instrumentsOfSurvey, nationalFindings, type NationalInput } from './national.ts';
import { quantile, variationOf } from './variation.ts';

const period = { from: '2025-01-01', to: '2026-12-31' };

function responses(seed: number, counts: Partial<Record<InstrumentId, number>>, outlook = 0): SurveyResponse[] {
  const rng = mulberry32(seed);
  return Object.entries(counts).flatMap(([id, n]) => {
    const inst = getInstrument(id);
    if (!inst) throw new Error(id);
    return Array.from({ length: n ?? 0 }, () => ({ instrumentId: inst.id, answers: syntheticAnswers(inst, rng, { outlook }).answers }));
  });
}

/** Five authorities: two consented to be named; one (Smallbrook) has too few 4-7s to show. */
const authorities: NationalInput['authorities'] = [
  { laId: 'c3', name: 'Northmere Council', named: false, responses: responses(1, { 'ylyc-4-7': 30, 'ylyc-8-11': 60, 'ylyc-11-17': 80 }, 0.4) },
  { laId: 'a1', name: 'Eastfold Council', named: true, responses: responses(2, { 'ylyc-4-7': 25, 'ylyc-8-11': 40, 'ylyc-11-17': 50 }, -0.3) },
  { laId: 'e5', name: 'Smallbrook Council', named: false, responses: responses(3, { 'ylyc-4-7': 4, 'ylyc-8-11': 30, 'ylyc-11-17': 35 }, 0) },
  { laId: 'b2', name: 'Westbury Council', named: false, responses: responses(4, { 'ylyc-4-7': 20, 'ylyc-8-11': 50, 'ylyc-11-17': 45 }, 0.1) },
  { laId: 'd4', name: 'Southport Council', named: true, responses: [...responses(5, { 'ylyc-8-11': 45, 'ylyc-11-17': 60 }, 0.8), ...responses(6, { 'ylbc-16-25': 12 })] },
];
const input: NationalInput = { survey: 'ylyc', period, authorities };
const findings = nationalFindings(input);

describe('nationalFindings', () => {
  it('pools every authority: the national figure is the tally of all their answers, and the sum of theirs', () => {
    const all = authorities.flatMap((a) => a.responses);
    for (const inst of findings.instruments) {
      const q = (id: string) => getInstrument(inst.instrumentId)?.questions.find((x) => x.id === id);
      const own = all.filter((r) => r.instrumentId === inst.instrumentId);
      expect(inst.respondents).toBe(own.length);
      for (const ind of inst.indicators) {
        const question = q(ind.questionId);
        if (!question) throw new Error(ind.questionId);
        const pooled = tally(question, own);
        const summed = authorities.map((a) => tally(question, a.responses.filter((r) => r.instrumentId === inst.instrumentId)));
        expect(summed.reduce((s, t) => s + t.count, 0)).toBe(pooled.count);
        expect(summed.reduce((s, t) => s + t.base, 0)).toBe(pooled.base);
        expect(ind.national).toEqual(proportionCell(pooled, 10, 0.95));
      }
    }
    expect(findings.respondents).toBe(authorities.reduce((s, a) => s + a.responses.filter((r) => r.instrumentId.startsWith('ylyc')).length, 0));
    expect(findings.instruments.map((i) => i.instrumentId)).toEqual(instrumentsOfSurvey('ylyc').map((i) => i.id));
  });

  it("gives each authority exactly the figure its own report gives it", () => {
    const labels = anonymousLabels(authorities);
    let compared = 0;
    authorities.forEach((a, i) => {
      const own = computeFindings({ survey: 'ylyc', la: a.responses, comparator: { responses: [], authorities: 0 } });
      for (const inst of own.instruments) {
        const national = findings.instruments.find((x) => x.instrumentId === inst.instrumentId);
        for (const ind of inst.indicators) {
          const row = national?.indicators.find((x) => x.questionId === ind.questionId)?.ranked.find((r) => r.label === labels[i]?.label);
          if (ind.la.shown && row !== undefined) {
            expect(row.figure).toEqual(ind.la);
            compared++;
          }
          if (!ind.la.shown) expect(row).toBeUndefined();
        }
      }
    });
    expect(compared).toBeGreaterThan(300);
  });

  it('names consenting authorities, letters the others by id, the same on every indicator and whatever the input order', () => {
    expect(anonymousLabels(authorities).map((l) => l.label)).toEqual(['Authority B', 'Eastfold Council', 'Authority C', 'Authority A', 'Southport Council']);
    const shuffled = nationalFindings({ ...input, authorities: [...authorities].reverse() });
    expect(shuffled.authorities).toEqual(findings.authorities);
    expect(shuffled.instruments).toEqual(findings.instruments);
    // Northmere (c3) is "Authority B" everywhere: its 8-11 respondents sit under that label.
    expect(findings.authorities.find((a) => a.label === 'Authority B')?.respondents).toBe(170);
    const text = JSON.stringify(findings);
    for (const a of authorities) {
      if (a.named) expect(text).toContain(a.name);
      else {
        expect(text).not.toContain(a.name);
        expect(text).not.toContain(a.name.split(' ')[0]);
      }
      // Ids may be derived from names elsewhere: never printed.
      expect(text).not.toContain(`"${a.laId}"`);
    }
  });

  it('never shows a figure under 10 answers, nor leaves one to be worked out from the national figure', () => {
    let smallSeen = 0;
    for (const inst of findings.instruments) {
      for (const ind of inst.indicators) {
        for (const r of ind.ranked) expect(r.figure.base).toBeGreaterThanOrEqual(10);
        if (!ind.national.shown) continue;
        const remainder = ind.national.base - ind.ranked.reduce((s, r) => s + r.figure.base, 0);
        expect(remainder === 0 || remainder >= 10).toBe(true);
        smallSeen += ind.hidden.smallBase;
      }
    }
    // Smallbrook's four 4-7s are under the minimum base on every 4-7 indicator; with so small a
    // remainder, a second authority is hidden too.
    const faces = findings.instruments.find((i) => i.instrumentId === 'ylyc-4-7');
    expect(faces?.indicators.every((i) => i.hidden.smallBase >= 1 && !i.ranked.some((r) => r.label === 'Authority C'))).toBe(true);
    expect(faces?.indicators.some((i) => i.hidden.secondary >= 1)).toBe(true);
    expect(smallSeen).toBeGreaterThan(0);
  });

  it('ranks authorities highest first and describes their variation over the figures shown', () => {
    for (const inst of findings.instruments) {
      for (const ind of inst.indicators) {
        const p = ind.ranked.map((r) => r.figure.proportion);
        expect([...p].sort((a, b) => b - a)).toEqual(p);
        expect(ind.variation.authorities).toBe(ind.ranked.length);
        if (ind.ranked.length >= 2) expect(ind.variation.range).toEqual({ min: Math.min(...p), max: Math.max(...p), width: Math.max(...p) - Math.min(...p) });
        expect(ind.variation.homogeneity).toEqual(homogeneityTest(ind.ranked.map((r) => r.figure)));
      }
    }
  });

  it('ignores responses to the other survey and counts an authority with no responses to an instrument nowhere', () => {
    const faces = findings.instruments.find((i) => i.instrumentId === 'ylyc-4-7');
    expect(faces?.authorities).toBe(4);
    expect(findings.authorities.find((a) => a.label === 'Southport Council')?.respondents).toBe(105);
  });
});

describe('labels and quartiles', () => {
  it('letters authorities as spreadsheet columns', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(letters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(() => letters(-1)).toThrow(RangeError);
  });

  it('interpolates quartiles between figures (type 7) and gives none under four authorities', () => {
    expect(quantile([0.1, 0.2, 0.3, 0.4], 0.25)).toBeCloseTo(0.175, 12);
    expect(quantile([0.1, 0.2, 0.3, 0.4], 0.75)).toBeCloseTo(0.325, 12);
    expect(quantile([0.5], 0.25)).toBe(0.5);
    const fig = (count: number, base: number) => ({ shown: true as const, count, base, proportion: count / base, lower: 0, upper: 1 });
    expect(variationOf([fig(3, 10), fig(5, 10), fig(8, 10)]).iqr).toBeUndefined();
    expect(variationOf([fig(3, 10)]).range).toBeUndefined();
    const v = variationOf([fig(30, 50), fig(20, 50), fig(25, 50)]);
    expect(v.homogeneity?.statistic).toBeCloseTo(4, 12);
    expect(v.homogeneity?.pValue).toBeCloseTo(Math.exp(-2), 12);
  });
});
