/** The comparator counted part by part (memoised) gives exactly the figures of one flat pass. */
import { describe, expect, it } from 'vitest';
import { instruments, mulberry32, syntheticAnswers, type SurveyId } from '../instruments/index.ts';
import { selectComparator, type WaveResponses } from './comparator.ts';
import { computeFindings } from './findings.ts';
import { LOW, POSITIVE, reportedQuestions, tally, type Measure } from './measures.ts';
import { pooledNumbers, pooledRespondents, pooledTally, summarise, type AnswerSummary } from './pool.ts';
import type { SurveyResponse } from './types.ts';

function make(survey: SurveyId, n: number, seed: number, outlook: number): SurveyResponse[] {
  const rng = mulberry32(seed);
  return instruments
    .filter((i) => i.survey === survey)
    .flatMap((inst) => Array.from({ length: n }, () => ({ instrumentId: inst.id, answers: syntheticAnswers(inst, rng, { outlook }).answers })));
}

describe('comparator parts', () => {
  for (const survey of ['ylyc', 'ylbc'] as const) {
    it(`match the flat comparator for every LA of a national run (${survey})`, () => {
      const waves: WaveResponses[] = Array.from({ length: 5 }, (_, i) => ({
        laId: `la-${i}`,
        waveId: `w-${i}`,
        survey,
        closedAt: '2026-01-10T00:00:00.000Z',
        responses: make(survey, 30 + 25 * i, 40 + i, i / 3 - 0.6),
      }));
      for (const w of waves) {
        const parted = selectComparator(waves, { laId: w.laId, survey, asOf: '2026-03-01T00:00:00.000Z' });
        expect('parts' in parted && parted.parts.length).toBe(4);
        const flat = { authorities: 4, responses: waves.filter((o) => o !== w).flatMap((o) => o.responses) };
        for (const nationalBy of ['instrument', 'key'] as const) {
          const a = computeFindings({ survey, la: w.responses, comparator: parted, options: { nationalBy } });
          const b = computeFindings({ survey, la: w.responses, comparator: flat, options: { nationalBy } });
          expect(a).toEqual(b);
          expect(a.comparator.usable).toBe(true);
        }
      }
    });
  }

  it('count every question on every measure exactly as one pass over the responses does', () => {
    const measures: Measure[] = [POSITIVE, LOW, { kind: 'not_positive' }, { kind: 'answers', codes: ['yes', 'all_of_the_time', '3', '10'], excludeFromBase: ['dont_know'] }];
    // Easy-read variants are summarised as their original (findings/easy-read.test.ts).
    for (const inst of instruments.filter((i) => i.easyReadOf === undefined)) {
      const parts = [0, 1, 2].map((i) => make(inst.survey, 40 + 15 * i, 70 + i, i / 2 - 0.5).filter((r) => r.instrumentId === inst.id));
      const all = parts.flat();
      // Through JSON, as the summaries are stored.
      const summaries = parts.map((p) => JSON.parse(JSON.stringify(summarise(p))) as AnswerSummary);
      for (const q of [...reportedQuestions(inst), ...inst.questions.filter((x) => x.demographic === true)]) {
        for (const m of measures) expect(pooledTally(summaries, inst, q, m), `${inst.id} ${q.id} ${m.kind}`).toEqual(tally(q, all, m));
        const numbers = all.flatMap((r) => (typeof r.answers[q.id] === 'number' ? [r.answers[q.id] as number] : []));
        expect(pooledNumbers(summaries, inst, q)).toEqual(numbers.sort((a, b) => a - b));
      }
      expect(pooledRespondents(summaries, inst.id)).toBe(all.length);
    }
  });
});
