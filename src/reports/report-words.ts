/**
 * How a report says its numbers in words: percentages, intervals, suppression reasons and verdicts.
 * Pure; the findings engine decides what is shown, this file only phrases it.
 */
import type { BenchmarkRef, ComparisonResult, InstrumentId, MeanCell, ProportionCell, SuppressionReason } from '../findings/index.ts';

/** The age group an instrument is for, as a report heading says it. */
export const AGE_GROUP: Record<InstrumentId, string> = {
  'ylyc-4-7': 'Ages 4 to 7',
  'ylyc-8-11': 'Ages 8 to 11',
  'ylyc-11-17': 'Ages 11 to 17',
  'ylbc-16-25': 'Care leavers aged 16 to 25',
  // Easy-read answers are folded into their original's age group before a report is made.
  'ylyc-8-11-er': 'Ages 8 to 11',
};

/** The young people an instrument is for, inside a sentence. */
export const WHO: Record<InstrumentId, string> = {
  'ylyc-4-7': 'children aged 4 to 7',
  'ylyc-8-11': 'children aged 8 to 11',
  'ylyc-11-17': 'young people aged 11 to 17',
  'ylbc-16-25': 'care leavers',
  'ylyc-8-11-er': 'children aged 8 to 11',
};

const CATEGORY: Record<string, string> = {
  female: 'Girls and young women',
  male: 'Boys and young men',
  another_way: 'Describe their gender another way',
  foster_care: 'Foster care',
  kinship_care: 'Kinship care (family or friends)',
  residential: "Children's home",
  somewhere_else: 'Somewhere else',
  not_stated: 'Not stated',
};

/** A breakdown group's name: "Aged 11 to 13", "Foster care". */
export function categoryName(id: string): string {
  const ages = /^(\d+)-(\d+)$/.exec(id);
  if (ages !== null) return `Aged ${ages[1]} to ${ages[2]}`;
  return CATEGORY[id] ?? `${id.charAt(0).toUpperCase()}${id.slice(1).replaceAll('_', ' ')}`;
}

/** A proportion (0-1) as a whole percentage. */
export const pct = (p: number): string => `${Math.round(p * 100)}%`;

/** A difference (proportion) in whole percentage points, signed. */
export const points = (d: number): string => `${d > 0 ? '+' : d < 0 ? '-' : ''}${Math.abs(Math.round(d * 100))}`;

/** Why a figure is not shown, in words a reader understands. */
export function reasonText(reason: SuppressionReason, minBase = 10): string {
  switch (reason) {
    case 'no_responses':
      return 'Not shown: nobody answered';
    case 'small_base':
      return `Not shown: fewer than ${minBase} young people answered`;
    case 'secondary':
      return 'Not shown: it would let a small group be worked out';
    case 'category_too_small':
      return 'Not shown: the groups are too small';
    case 'too_few_authorities':
      return 'Not shown: fewer than 3 other local authorities to compare with';
  }
}

/** A shown or suppressed proportion as table text: the figure, or the reason in words. */
export interface FigureText {
  readonly shown: boolean;
  readonly text: string;
  /** The 95% interval, e.g. "61% to 78%" (empty when not shown). */
  readonly interval: string;
  /** Young people in the base (0 when not shown). */
  readonly base: number;
  /** The figure and its interval as proportions (0-1), for charts; absent when not shown. */
  readonly estimate?: Estimate;
}

/** A shown proportion with its 95% interval, 0-1. */
export interface Estimate {
  readonly p: number;
  readonly lower: number;
  readonly upper: number;
}

/** A proportion cell in words. */
export function figureText(cell: ProportionCell, minBase = 10): FigureText {
  if (!cell.shown) return { shown: false, text: reasonText(cell.reason, minBase), interval: '', base: 0 };
  return {
    shown: true,
    text: pct(cell.proportion),
    interval: `${pct(cell.lower)} to ${pct(cell.upper)}`,
    base: cell.base,
    estimate: { p: cell.proportion, lower: cell.lower, upper: cell.upper },
  };
}

/** A mean cell in words: "6.8 (6.3 to 7.2)". */
export function meanText(cell: MeanCell, minBase = 10): string {
  if (!cell.shown) return reasonText(cell.reason, minBase);
  return `${cell.mean.toFixed(1)} (${cell.lower.toFixed(1)} to ${cell.upper.toFixed(1)})`;
}

/** A verdict as a short label and a GOV.UK tag colour. */
export interface VerdictText {
  readonly text: string;
  /** A GOV.UK tag modifier ('green', 'red', 'grey', 'blue'), empty for plain text. */
  readonly colour: string;
}

const TARGET_WORDS: Record<ComparisonResult['against'], string> = {
  national: 'other local authorities',
  general_population: 'the general population',
  rest_of_la: 'the rest of the local authority',
  age_group: 'the other age group',
  children_in_care: 'children in care',
  previous_wave: 'the last survey',
};

/** The verdict of a comparison, after false discovery rate control, or why there is none. */
export function verdictText(c: ComparisonResult, minBase = 10): VerdictText {
  if (!c.tested) return { text: c.reason === 'too_few_authorities' ? reasonText(c.reason, minBase) : 'Not compared: too few answers', colour: '' };
  const against = TARGET_WORDS[c.against];
  switch (c.verdict) {
    case 'better':
      return { text: `Better than ${against}`, colour: 'green' };
    case 'worse':
      return { text: `Worse than ${against}`, colour: 'red' };
    case 'higher':
      return { text: `Higher than ${against}`, colour: 'blue' };
    case 'lower':
      return { text: `Lower than ${against}`, colour: 'blue' };
    case 'no_difference':
      return { text: 'No significant difference', colour: 'grey' };
  }
}

/** A published figure's source in a few words: "children in the general population, 11-18, 2016-21". */
export const benchmarkSource = (b: BenchmarkRef): string => `${b.group}, ${b.ageGroup}, ${b.year}`;
