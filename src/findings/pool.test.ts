/** The comparator counted part by part (memoised) gives exactly the figures of one flat pass. */
import { describe, expect, it } from 'vitest';
import { instruments, mulberry32, syntheticAnswers, type SurveyId } from '../instruments/index.ts';
import { selectComparator, type WaveResponses } from './comparator.ts';
import { computeFindings } from './findings.ts';
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
        expect(parted.parts?.length).toBe(4);
        const { parts: _parts, ...flat } = parted;
        for (const nationalBy of ['instrument', 'key'] as const) {
          const a = computeFindings({ survey, la: w.responses, comparator: parted, options: { nationalBy } });
          const b = computeFindings({ survey, la: w.responses, comparator: flat, options: { nationalBy } });
          expect(a).toEqual(b);
          expect(a.comparator.usable).toBe(true);
        }
      }
    });
  }
});
