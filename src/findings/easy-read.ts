/**
 * Easy-read answers in the findings, pure. An easy-read response counts with its original instrument's
 * age group for every question whose comparison key the original also asks (the answer codes are the
 * same, see instruments/bank/easy-read.ts); questions with a key of their own (a double question split
 * in two) are reported alone, for the LA only. The methodology says how many answered the easy-read
 * version, as a small number suppressed below the minimum base.
 */
import type { Instrument, InstrumentId } from '../instruments/index.ts';
import { cellOf, type ReportContext } from './context.ts';
import { reportedQuestions, tally } from './measures.ts';
import { variants } from './fold.ts';
import type { ProportionCell, SurveyResponse } from './types.ts';

/** One easy-read instrument's part in a report. */
export interface EasyReadFindings {
  readonly instrumentId: InstrumentId;
  /** The age group its answers count with. */
  readonly ageGroup: InstrumentId;
  /** How many of the LA's young people answered it; `shown` is false below the minimum base. */
  readonly respondents: { readonly shown: true; readonly n: number } | { readonly shown: false };
  /** Questions reported alone (no comparison key in the original), LA figures only. */
  readonly alone: readonly { readonly questionId: string; readonly key: string; readonly indicator: string; readonly la: ProportionCell }[];
}

/** The easy-read part of a report: counts and the questions reported alone, for the variants of these age groups. */
export function easyReadFindings(ctx: ReportContext, surveyInstruments: readonly Instrument[], la: readonly SurveyResponse[]): EasyReadFindings[] {
  return variants()
    .filter((v) => surveyInstruments.some((i) => i.id === v.easyReadOf))
    .flatMap((v): EasyReadFindings[] => {
      const mine = la.filter((r) => r.instrumentId === v.id);
      const original = surveyInstruments.find((i) => i.id === v.easyReadOf);
      if (mine.length === 0 || original === undefined || v.easyReadOf === undefined) return [];
      const sharedKeys = new Set(original.questions.map((q) => q.key));
      return [
        {
          instrumentId: v.id,
          ageGroup: v.easyReadOf,
          respondents: mine.length >= ctx.options.minBase ? { shown: true, n: mine.length } : { shown: false },
          alone: reportedQuestions(v)
            .filter((q) => !sharedKeys.has(q.key))
            .map((q) => ({ questionId: q.id, key: q.key, indicator: q.indicator, la: cellOf(ctx, tally(q, mine)) })),
        },
      ];
    });
}
