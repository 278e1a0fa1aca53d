/**
 * The findings contract: what the engine takes (responses grouped as the LA's and the comparator's,
 * benchmarks, options) and the JSON-serialisable `Findings` it returns. Every figure a template can
 * print is either shown (`shown: true`, with its numbers) or suppressed (`shown: false`, with a reason
 * code), so disclosure control is decided here and never in a template.
 */
import type { Answer, Domain, InstrumentId, Question, SurveyId } from '../instruments/index.ts';
import type { DifferenceEstimate } from './stats/difference.ts';
import type { TestMethod } from './stats/tests.ts';
import type { BenchmarkMeasure, Better } from './benchmarks.ts';
import type { AnswerSummary } from './pool.ts';

/** One submitted response as the engine reads it: answers keyed by question id. */
export interface SurveyResponse {
  readonly instrumentId: string;
  readonly answers: Readonly<Record<string, Answer>>;
}

/**
 * Other LAs' answers, pooled, with how many LAs they come from (a pool of one would expose that LA):
 * as responses, or as summaries, one per LA wave (pool.ts), which is how the report repository
 * hands them over: a summary is small, stored per wave, and counted once however many reports use it.
 */
export type ComparatorSet =
  | { readonly authorities: number; readonly responses: readonly SurveyResponse[] }
  | { readonly authorities: number; readonly parts: readonly AnswerSummary[] };

/** Why a figure is not shown. */
export type SuppressionReason =
  /** Nobody is in the base. */
  | 'no_responses'
  /** Fewer than `minBase` young people are in the base. */
  | 'small_base'
  /** Hidden so that another hidden figure cannot be worked out as a total minus the figures shown. */
  | 'secondary'
  /** The breakdown is not shown: too few of its categories are large enough. */
  | 'category_too_small'
  /** The comparator pools fewer than `minComparatorAuthorities` other LAs. */
  | 'too_few_authorities';

export interface Suppressed {
  readonly shown: false;
  readonly reason: SuppressionReason;
}

/** A count of positive answers out of a base, as a proportion (0-1) with its Wilson interval. */
export interface ProportionFigure {
  readonly shown: true;
  readonly count: number;
  readonly base: number;
  readonly proportion: number;
  readonly lower: number;
  readonly upper: number;
}
export type ProportionCell = ProportionFigure | Suppressed;

/** A count of young people (e.g. per gender in "who responded") and its share of the total. */
export interface CountFigure {
  readonly shown: true;
  readonly count: number;
  readonly proportion: number;
}
export type CountCell = CountFigure | Suppressed;

/** A mean score with its t interval. */
export interface MeanFigure {
  readonly shown: true;
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly lower: number;
  readonly upper: number;
}
export type MeanCell = MeanFigure | Suppressed;

/** Shares of a base across the parts of a scale (ONS bands, faces). */
export interface DistributionFigure {
  readonly shown: true;
  readonly base: number;
  readonly parts: readonly { readonly id: string; readonly count: number; readonly proportion: number }[];
}
export type DistributionCell = DistributionFigure | Suppressed;

/**
 * The families within which the false discovery rate is controlled, each separately. The national and
 * general-population comparisons are separate families: care-experienced young people differ from the
 * general population on most measures, and those near-certain differences must not relax the bar for
 * declaring an LA different from other LAs.
 */
export type FamilyId = 'national' | 'general_population' | 'breakdowns' | 'age_groups' | 'care_leavers' | 'change';

/** What a figure is compared with. */
export type ComparisonTarget = 'national' | 'general_population' | 'rest_of_la' | 'age_group' | 'children_in_care' | 'previous_wave';

/**
 * better / worse where the measure has a good direction (positive answers up, low well-being down);
 * higher / lower where it has none (e.g. disability); no_difference when not significant after BH.
 */
export type Verdict = 'better' | 'worse' | 'higher' | 'lower' | 'no_difference';

/** A two-sided test with its BH-adjusted q-value and the difference with its 95% interval. */
export interface Comparison {
  readonly tested: true;
  readonly against: ComparisonTarget;
  readonly family: FamilyId;
  readonly method: TestMethod;
  readonly statistic?: number;
  readonly pValue: number;
  readonly qValue: number;
  readonly significant: boolean;
  readonly verdict: Verdict;
  /** First group minus the comparator, as a proportion (x 100 for percentage points). */
  readonly difference: DifferenceEstimate;
}

/** A comparison that could not be made, and why. */
export interface NotTested {
  readonly tested: false;
  readonly against: ComparisonTarget;
  readonly reason: SuppressionReason;
}
export type ComparisonResult = Comparison | NotTested;

/** How a question's answers are counted: the positive answers, and what leaves the base. */
export interface Treatment {
  readonly scale: string;
  readonly positiveCodes?: readonly string[];
  readonly positiveRange?: { readonly from: number; readonly to: number };
  readonly lowRange?: { readonly from: number; readonly to: number };
  /** Answer codes outside the base: always "prefer not to say", plus e.g. "don't know", "no contact". */
  readonly outOfBase: readonly string[];
  /** True when skip logic asks the question of some young people only (its base is those asked). */
  readonly conditional: boolean;
}

/** A published figure quoted beside a finding, with the id of its citation. */
export interface BenchmarkRef {
  readonly key: string;
  readonly measure: BenchmarkMeasure;
  readonly better: Better;
  readonly description: string;
  readonly group: string;
  readonly ageGroup: string;
  readonly year: string;
  /** As a proportion, 0-1. */
  readonly figure: number;
  readonly citation: string;
  readonly note?: string;
}

/** The LA against a general-population figure: the LA's share on the benchmark's own measure, tested. */
export interface BenchmarkComparison {
  readonly benchmark: BenchmarkRef;
  readonly la: ProportionCell;
  readonly comparison: ComparisonResult;
}

/** Re-exported for callers that build options. */
export type DemographicRole = NonNullable<Question['demographicOf']>;
export type { Domain, InstrumentId, SurveyId };
