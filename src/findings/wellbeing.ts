/**
 * Well-being scales. ONS 0-10 items: the share in each ONS band (life satisfaction, worthwhile,
 * happiness: low 0-4, medium 5-6, high 7-8, very high 9-10; anxiety: very low 0-1, low 2-3, medium
 * 4-5, high 6-10, where high is the bad band), the mean with a t interval, and the share with low
 * well-being (the rule's `low` band: 0-4, or 6-10 for anxiety) tested against other LAs. Faces items
 * (4-7s, and 8-11s' feelings items) are reported in their own terms: the share on each face and in
 * the two happiest, never converted to a 0-10 score.
 */
import type { Instrument, Question } from '../instruments/index.ts';
import { cellOf, comparatorUsable, laCell, laResponses, nationalCell, type ReportContext } from './context.ts';
import { distributionCell, meanCell, suppressed } from './disclosure.ts';
import { LOW, POSITIVE, reportedQuestions, type Measure } from './measures.ts';
import { pooledNumbers, pooledTally } from './pool.ts';
import type { ComparisonResult, DistributionCell, MeanCell, ProportionCell, SurveyResponse } from './types.ts';

type Band = { readonly id: string; readonly from: number; readonly to: number };

/** ONS thresholds for life satisfaction, worthwhile and happiness. */
export const ONS_BANDS: readonly Band[] = [
  { id: 'low', from: 0, to: 4 },
  { id: 'medium', from: 5, to: 6 },
  { id: 'high', from: 7, to: 8 },
  { id: 'very_high', from: 9, to: 10 },
];

/** ONS thresholds for anxiety, where high (6-10) is the poor well-being band. */
export const ANXIETY_BANDS: readonly Band[] = [
  { id: 'very_low', from: 0, to: 1 },
  { id: 'low', from: 2, to: 3 },
  { id: 'medium', from: 4, to: 5 },
  { id: 'high', from: 6, to: 10 },
];

/** A 0-10 item in its bands, its mean and its low well-being share. */
export interface OnsWellbeing {
  readonly kind: 'ons';
  readonly instrumentId: Instrument['id'];
  readonly questionId: string;
  readonly key: string;
  readonly bands: 'ons' | 'ons_anxiety';
  readonly la: { readonly distribution: DistributionCell; readonly mean: MeanCell };
  readonly national: { readonly distribution: DistributionCell; readonly mean: MeanCell };
  /** Share in the poor well-being band (low 0-4; for anxiety, high 6-10): lower is better. */
  readonly low: { readonly la: ProportionCell; readonly national: ProportionCell; readonly vsNational: ComparisonResult };
}

/** A faces item: the share on each face (saddest face_1 .. happiest face_5) and in the two happiest. */
export interface FacesWellbeing {
  readonly kind: 'faces';
  readonly instrumentId: Instrument['id'];
  readonly questionId: string;
  readonly key: string;
  readonly la: { readonly distribution: DistributionCell; readonly twoHappiest: ProportionCell };
  readonly national: { readonly distribution: DistributionCell; readonly twoHappiest: ProportionCell };
}

export type WellbeingItem = OnsWellbeing | FacesWellbeing;

/** Numeric answers (DECLINED and skips leave out). */
const scores = (q: Question, responses: readonly SurveyResponse[]): number[] =>
  responses.flatMap((r) => {
    const a = r.answers[q.id];
    return typeof a === 'number' ? [a] : [];
  });

/** Anxiety-type when the poor band sits above the positive one. */
function bandsOf(q: Question): readonly Band[] {
  const rule = q.positive;
  return rule?.type === 'range' && rule.low !== undefined && rule.low.from > rule.positive.to ? ANXIETY_BANDS : ONS_BANDS;
}

function bandCounts(values: readonly number[], bands: readonly Band[]): { id: string; count: number }[] {
  return bands.map((b) => ({ id: b.id, count: values.filter((v) => v >= b.from && v <= b.to).length }));
}

/** The face codes of a faces scale, saddest first ("don't know" is not a face and leaves the base). */
function faceCodes(q: Question): string[] {
  if (q.scale.kind !== 'choice') return [];
  return [...q.scale.options].filter((o) => o.face !== undefined).sort((a, b) => (a.face ?? 0) - (b.face ?? 0)).map((o) => o.code);
}

function faceCounts(q: Question, responses: readonly SurveyResponse[]): { id: string; count: number }[] {
  return faceCodes(q).map((code) => ({ id: code, count: responses.filter((r) => r.answers[q.id] === code).length }));
}

function onsItem(ctx: ReportContext, inst: Instrument, q: Question): OnsWellbeing {
  const { minBase, level } = ctx.options;
  const bands = bandsOf(q);
  const la = scores(q, laResponses(ctx, inst));
  // Means and bands pool the same instrument only: a mean over different wordings would mislead.
  const usable = comparatorUsable(ctx);
  const other = pooledNumbers(ctx.comparatorParts, inst, q);
  const lowLa = laCell(ctx, inst, q, LOW);
  const lowNational = nationalCell(ctx, inst, q, LOW);
  return {
    kind: 'ons',
    instrumentId: inst.id,
    questionId: q.id,
    key: q.key,
    bands: bands === ANXIETY_BANDS ? 'ons_anxiety' : 'ons',
    la: { distribution: distributionCell(bandCounts(la, bands), minBase), mean: meanCell(la, minBase, level) },
    national: usable
      ? { distribution: distributionCell(bandCounts(other, bands), minBase), mean: meanCell(other, minBase, level) }
      : { distribution: suppressed('too_few_authorities'), mean: suppressed('too_few_authorities') },
    low: { la: lowLa, national: lowNational, vsNational: ctx.families.national.compareGroups('national', lowLa, lowNational, 'lower') },
  };
}

function facesItem(ctx: ReportContext, inst: Instrument, q: Question): FacesWellbeing {
  const { minBase } = ctx.options;
  // Faces are compared like with like: other LAs' answers to the same instrument, whatever nationalBy says.
  const pooled = (m: Measure) => pooledTally(ctx.comparatorParts, inst, q, m);
  const usable = comparatorUsable(ctx);
  return {
    kind: 'faces',
    instrumentId: inst.id,
    questionId: q.id,
    key: q.key,
    la: { distribution: distributionCell(faceCounts(q, laResponses(ctx, inst)), minBase), twoHappiest: laCell(ctx, inst, q, POSITIVE) },
    national: usable
      ? {
          distribution: distributionCell(
            faceCodes(q).map((code) => ({ id: code, count: pooled({ kind: 'answers', codes: [code], excludeFromBase: [] }).count })),
            minBase,
          ),
          twoHappiest: cellOf(ctx, pooled(POSITIVE)),
        }
      : { distribution: suppressed('too_few_authorities'), twoHappiest: suppressed('too_few_authorities') },
  };
}

/** The well-being section of an instrument: its ONS items and its faces items in the well-being domain. */
export function instrumentWellbeing(ctx: ReportContext, inst: Instrument): WellbeingItem[] {
  return reportedQuestions(inst).flatMap((q): WellbeingItem[] => {
    if (q.domain !== 'wellbeing') return [];
    if (q.scale.kind === 'score') return [onsItem(ctx, inst, q)];
    if (q.scale.kind === 'choice' && q.scale.layout === 'faces') return [facesItem(ctx, inst, q)];
    return [];
  });
}
