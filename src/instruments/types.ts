/**
 * The shape of the question bank. Instruments are data (see bank/), checked by validate.ts at start-up
 * and in tests. All wording lives in messages/<lang>.json under the keys named by `messageKeys`.
 */

export type SurveyId = 'ylyc' | 'ylbc';
export type InstrumentId = 'ylyc-4-7' | 'ylyc-8-11' | 'ylyc-11-17' | 'ylbc-16-25' | 'ylyc-8-11-er';
export const INSTRUMENT_IDS: readonly InstrumentId[] = ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17', 'ylbc-16-25', 'ylyc-8-11-er'];
/** Easy-read variants: offered beside their original, never as an age group of their own (docs/easy-read.md). */
export const EASY_READ_IDS: readonly InstrumentId[] = ['ylyc-8-11-er'];

/** The report's domains; demographics and comments sit outside them. */
export type Domain = 'relationships' | 'rights' | 'resilience' | 'recovery' | 'wellbeing' | 'about_you' | 'comments';

/** Who answers: the young person, or (4-7 demographics) the supporting adult. */
export type AskedOf = 'child' | 'adult';

/** The answer code every single- or multi-choice question offers for "I don't want to say". */
export const DECLINED = 'prefer_not_to_say';

/** One option of a choice scale. `code` is stored; its label is the message `label` (a catalogue key). */
export interface ScaleOption {
  readonly code: string;
  readonly label: string;
  /** For faces: which face to draw (1 = saddest .. 5 = happiest). */
  readonly face?: 1 | 2 | 3 | 4 | 5;
}

/** How a choice scale is drawn on a page: big faces, big picture/word buttons, or a list of radios. */
export type ChoiceLayout = 'faces' | 'buttons' | 'list';

export interface ChoiceScale {
  readonly kind: 'choice';
  readonly id: string;
  readonly options: readonly ScaleOption[];
  readonly layout: ChoiceLayout;
}

export interface MultiScale {
  readonly kind: 'multi';
  readonly id: string;
  readonly options: readonly ScaleOption[];
}

export interface ScoreScale {
  readonly kind: 'score';
  readonly id: string;
  readonly min: number;
  readonly max: number;
  /** Catalogue keys for the labels at each end ("Not at all", "Completely"). */
  readonly minLabel: string;
  readonly maxLabel: string;
}

export interface TextScale {
  readonly kind: 'text';
  readonly id: string;
  readonly maxLength: number;
}

export type Scale = ChoiceScale | MultiScale | ScoreScale | TextScale;
export type ScaleKind = Scale['kind'];

/** A stored answer: an option code, a list of codes, a score, or (never in `answers`) free text. */
export type Answer = string | readonly string[] | number;

/**
 * How a question's answers map to the shared, reported measure of its comparison key.
 * - codes: answers (option codes) that count as positive; `excluded` codes leave the base
 *   (e.g. "don't know"); DECLINED and skipped questions always leave the base.
 * - range: scores from..to inclusive count as positive; `low` marks the "low well-being" band.
 */
export type PositiveRule =
  | { readonly type: 'codes'; readonly positive: readonly string[]; readonly excluded?: readonly string[] }
  | {
      readonly type: 'range';
      readonly positive: { readonly from: number; readonly to: number };
      readonly low?: { readonly from: number; readonly to: number };
    };

/** Skip logic, as data: show a question only when the condition holds on earlier answers. */
export type Condition =
  | { readonly question: string; readonly in: readonly string[] }
  | { readonly question: string; readonly answered: true }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

export interface Question {
  /** Stable id within the instrument (the column name in exports), e.g. 'trusts_carers'. */
  readonly id: string;
  /**
   * The numbered item this question is part of, when several questions share one number (a grid such
   * as contact with mum, dad, brothers and sisters). Defaults to the question's own id. Published
   * lengths count items, not rows (see docs/question-bank.md).
   */
  readonly item?: string;
  /** Comparison key shared across instruments for the same measure (usually equal to the id). */
  readonly key: string;
  readonly domain: Domain;
  /** The indicator this question reports, a catalogue key under `indicator.` (e.g. 'trust_carers'). */
  readonly indicator: string;
  readonly scale: Scale;
  readonly askedOf: AskedOf;
  /** Required on every reported question; absent on free text and demographics. */
  readonly positive?: PositiveRule;
  /** True where the good answer is the negative one (bullying, loneliness...). Informational. */
  readonly reversed?: boolean;
  /** Key into the general-population benchmarks file, where a comparator exists. */
  readonly benchmark?: string;
  readonly showIf?: Condition;
  /** True for demographic questions (not counted as indicators; used for breakdowns and disclosures). */
  readonly demographic?: boolean;
  /** Demographic role, for the safeguarding disclosure and breakdowns. */
  readonly demographicOf?: 'age' | 'gender' | 'ethnicity' | 'placement' | 'time_in_care' | 'disability' | 'living' | 'eet';
  /** Has a help text at messageKeys(...).help. */
  readonly hasHelp?: boolean;
  /** Easy read: the pictogram drawn beside the question (decorative: the words say the same). */
  readonly picture?: string;
}

/** A page of the online journey: one question for 4-7s, a few related ones for older young people. */
export interface Page {
  readonly id: string;
  /** Catalogue key of the page heading. */
  readonly title: string;
  readonly questions: readonly string[];
  /** Marks the adult-answered section (ylyc-4-7 demographics). */
  readonly forAdult?: boolean;
}

export interface AgeBand {
  readonly min: number;
  readonly max: number;
}

export interface Instrument {
  readonly id: InstrumentId;
  /** Semantic version of the wording and structure; stored with every response. */
  readonly version: string;
  readonly survey: SurveyId;
  /** The age band this version was written for, stored with the version (bands change over time). */
  readonly band: AgeBand;
  /** The number of questions the programme publishes for this instrument (see docs/GLOSSARY.md). */
  readonly publishedLength: number;
  /** Languages whose catalogues must hold every key of this instrument. */
  readonly languages: readonly string[];
  readonly questions: readonly Question[];
  readonly pages: readonly Page[];
  /**
   * Set on an easy-read variant: the instrument whose age group it belongs to. Its answers count with
   * that instrument's wherever comparison keys match (see findings/easy-read.ts).
   */
  readonly easyReadOf?: InstrumentId;
}

/** Catalogue keys of a question's wording. */
export function messageKeys(instrument: InstrumentId, questionId: string): { text: string; help: string } {
  return { text: `q.${instrument}.${questionId}`, help: `q.${instrument}.${questionId}.help` };
}
