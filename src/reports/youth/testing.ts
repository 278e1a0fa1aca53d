/** Test helpers: a Report built in memory from synthetic responses (no database), and the reading checks. */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { computeFindings, type SurveyResponse } from '../../findings/index.ts';
import { getInstrument, mulberry32, syntheticAnswers, type InstrumentId, type SurveyId } from '../../instruments/index.ts';
import type { Wave } from '../../programme/index.ts';
import type { Report } from '../report.ts';

/** `n` synthetic responses per instrument; outlook -1 (less positive) to 1 (more). */
export function responses(counts: Partial<Record<InstrumentId, number>>, seed: number, outlook = 0): SurveyResponse[] {
  const rng = mulberry32(seed);
  return Object.entries(counts).flatMap(([id, n]) => {
    const inst = getInstrument(id);
    if (!inst) throw new Error(`no instrument ${id}`);
    return Array.from({ length: n ?? 0 }, () => ({ instrumentId: id, answers: syntheticAnswers(inst, rng, { outlook }).answers }));
  });
}

/** A closed wave's report for "Brightwater Council", with the comparator given (or none). */
export function memoryReport(survey: SurveyId, la: SurveyResponse[], comparator: { responses: SurveyResponse[]; authorities: number } = { responses: [], authorities: 0 }): Report {
  const instruments: InstrumentId[] = survey === 'ylyc' ? ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17'] : ['ylbc-16-25'];
  const wave: Wave = {
    id: 'w1', laId: 'la1', survey, linkCode: 'ABCDEFGH', title: `Brightwater ${survey} 2026`, instruments, eligible: {}, languages: ['en'], targetRate: 0.3,
    status: 'closed', opensOn: '2026-01-05', closesOn: '2026-02-27', createdAt: '2026-01-01T00:00:00.000Z', closedAt: '2026-02-27T18:00:00.000Z', prizeDraw: false,
  };
  return {
    wave,
    la: { id: 'la1', name: 'Brightwater Council', nation: 'england', onsCode: 'E06000811', createdAt: '2026-01-01T00:00:00.000Z' },
    findings: computeFindings({ survey, la, comparator }),
    generatedAt: '2026-03-02T10:00:00.000Z',
    comparatorMonths: 24,
    excludedResponses: 0,
    version: null,
  };
}

/** The Flesch-Kincaid grade of some prose: each line is at least one sentence (headings have no full stop). */
export function readingGrade(lines: readonly string[]): number {
  let sentence = 0;
  let word = 0;
  let syllables = 0;
  for (const line of lines) {
    sentence += Math.max(1, line.split(/[.!?]+(?:\s|$)/).filter((s) => /[A-Za-z0-9]/.test(s)).length);
    for (const w of line.match(/[A-Za-z0-9'’]+/g) ?? []) {
      word++;
      // A number is read aloud: count a syllable per digit, more than most numbers need.
      syllables += /^\d+$/.test(w) ? w.length : Math.max(1, syllable(w));
    }
  }
  return fleschKincaid({ sentence, word, syllable: syllables });
}

/** Words of statistics that the young people's version must never use. */
export const JARGON = /significan|confidence|interval|percentage point|statistical|comparator|p-value|q =/i;
