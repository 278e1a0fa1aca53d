/**
 * Synthetic responses for the demo, tests and benchmarks. Generated from the instrument definitions
 * alone (scales, positive rules, skip logic, demographic roles), never from lists of question ids, so
 * they stay valid whenever the bank changes. Distributions follow the published figures: about 16% of
 * children in care and 26% of care leavers report low life satisfaction, most answers are positive.
 */
import comments from './synthetic-comments.json' with { type: 'json' };
import { answerValues, isLow, isPositive, sample, type Rng, type Weights } from './registry.ts';
import { evaluate } from './skip.ts';
import { questionsInPageOrder } from './structure.ts';
import { DECLINED, type Answer, type Instrument, type PositiveRule, type Question } from './types.ts';

export interface SyntheticProfile {
  /** Share of positive answers on reported items, 0 to 1 (default 0.8 for YLYC, 0.7 for YLBC). */
  readonly positiveShare?: number;
  /** A local authority's lean, -1 (worse) to 1 (better), default 0: moves the positive share and the low well-being group. */
  readonly outlook?: number;
}

export interface SyntheticResponse {
  readonly answers: Record<string, Answer>;
  /** Free text, kept apart from answers as the survey stores it. */
  readonly freeText: Record<string, string>;
}

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same stream on every machine. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Published shares of low life satisfaction (DOMAIN.md section 7): 11-18 in care 16%, care leavers 26%.
const LOW_WELLBEING = { ylyc: 0.16, ylbc: 0.26 } as const;
const POSITIVE_SHARE = { ylyc: 0.8, ylbc: 0.7 } as const;
// A struggling young person answers in the low band this often; everyone else rarely.
const LOW_IF_STRUGGLING = 0.9;
const LOW_OTHERWISE = 0.02;
const SKIPPED = 0.02;
const DECLINED_SHARE = 0.02;
const EXCLUDED_SHARE = 0.07;
const BREAK_OFF = 0.04;
const COMMENT = 0.1;
const CONCERN = 0.006;

/** Rough shapes of the care population by demographic role; unknown codes weigh 1, so new options still appear. */
const DEMOGRAPHIC_WEIGHTS: Readonly<Record<string, Weights>> = {
  gender: { female: 45, male: 53, another_way: 2 },
  ethnicity: { white_british: 70, white_other: 4, mixed_white_black_caribbean: 4, mixed_other: 3, black_african: 4, asian_other: 2 },
  placement: { foster_care: 70, kinship_care: 14, residential: 10, somewhere_else: 6 },
  time_in_care: { under_one_year: 20, one_to_three_years: 35, three_years_or_more: 40, dont_know: 5 },
  living: { own_home: 35, supported_accommodation: 25, staying_put: 10, with_family: 12, with_partner_or_friends: 8, temporary: 4 },
  eet: { school_or_college: 25, university: 6, apprenticeship_or_training: 6, work_full_time: 12, work_part_time: 10, looking_for_work: 20, caring: 8, unable_to_work: 8 },
  disability: { yes: 24, no: 70, dont_know: 6 },
};

/**
 * Published positive shares for children in care and care leavers (DOMAIN.md section 7), by comparison
 * key: 7% have no good friend, 83% say life is getting better, 29% of 8-10s are afraid of bullying at
 * school, 80% of care leavers have internet at home. Other items spread around the survey's share.
 */
const PUBLISHED_POSITIVE: Readonly<Record<string, number>> = {
  good_friend: 0.93,
  life_getting_better: 0.83,
  bullying_afraid: 0.71,
  internet_at_home: 0.8,
};

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const pickOne = <T>(list: readonly T[], rng: Rng): T | undefined => list[Math.floor(rng() * list.length)];

/** Weights giving every value in `chosen` an equal chance and the rest none. */
const only = (chosen: readonly (string | number)[]): Weights => Object.fromEntries(chosen.map((v) => [String(v), 1]));

interface Mood {
  readonly struggling: boolean;
  /** The survey's positive share, adjusted by the profile. */
  readonly share: number;
  /** How far the profile moves items away from their usual (or published) share. */
  readonly shift: number;
  /** The share of struggling respondents, to keep each item's overall share on target. */
  readonly strugglingShare: number;
}

/** A stable spread of -0.1..0.1 per comparison key, so items differ as they do in real findings. */
function spread(key: string): number {
  let h = 0;
  for (const ch of key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return ((h % 21) - 10) / 100;
}

/** The chance this respondent answers an item positively: struggling ones half as often as others. */
function positiveChance(q: Question, mood: Mood): number {
  const published = PUBLISHED_POSITIVE[q.key];
  const target = clamp(published === undefined ? mood.share + spread(q.key) : published + mood.shift, 0.05, 0.97);
  const others = clamp(target / (1 - mood.strugglingShare / 2), 0, 0.98);
  return mood.struggling ? others / 2 : others;
}

/** An answer to a reported question, consistent with the respondent's mood. */
function reportedAnswer(q: Question, rule: PositiveRule, mood: Mood, rng: Rng): Answer | undefined {
  const values = answerValues(q.scale);
  if (rule.type === 'codes' && rule.excluded !== undefined && rng() < EXCLUDED_SHARE) {
    return sample(q.scale, rng, only(rule.excluded));
  }
  if (rule.type === 'range' && rule.low !== undefined && rng() < (mood.struggling ? LOW_IF_STRUGGLING : LOW_OTHERWISE)) {
    return sample(q.scale, rng, only(values.filter((v) => isLow(rule, v))));
  }
  const excluded = rule.type === 'codes' ? (rule.excluded ?? []) : [];
  const good = values.filter((v) => isPositive(rule, v));
  const rest = values.filter((v) => !isPositive(rule, v) && !isLow(rule, v) && !excluded.includes(String(v)));
  const wantGood = rest.length === 0 || rng() < positiveChance(q, mood);
  return sample(q.scale, rng, only(wantGood ? good : rest));
}

function answerFor(q: Question, mood: Mood, rng: Rng): Answer | undefined {
  if (rng() < SKIPPED) return undefined;
  if (rng() < DECLINED_SHARE) return DECLINED;
  if (q.demographic === true) return sample(q.scale, rng, q.demographicOf ? weightsFor(q, q.demographicOf) : undefined);
  if (q.positive !== undefined) return reportedAnswer(q, q.positive, mood, rng);
  return sample(q.scale, rng);
}

/** Demographic weights for a question's options: known codes by the table, any other code weighs 1. */
function weightsFor(q: Question, role: string): Weights {
  const table = DEMOGRAPHIC_WEIGHTS[role] ?? {};
  return Object.fromEntries(answerValues(q.scale).map((v) => [String(v), table[String(v)] ?? 1]));
}

function comment(instrument: Instrument, rng: Rng): string | undefined {
  const pool = comments[instrument.survey];
  const r = rng();
  if (r < CONCERN) return pickOne(pool.concern, rng);
  if (r < COMMENT) return pickOne(pool.benign, rng);
  return undefined;
}

/** One realistic, valid response to an instrument, following its skip logic. */
export function syntheticAnswers(instrument: Instrument, rng: Rng, profile: SyntheticProfile = {}): SyntheticResponse {
  const outlook = clamp(profile.outlook ?? 0, -1, 1);
  const lowTarget = clamp(LOW_WELLBEING[instrument.survey] * (1 - outlook), 0, 0.9);
  const share = clamp((profile.positiveShare ?? POSITIVE_SHARE[instrument.survey]) + 0.15 * outlook, 0.02, 0.98);
  // The share of struggling respondents that yields lowTarget answers in the low band overall.
  const strugglingShare = clamp((lowTarget - LOW_OTHERWISE) / (LOW_IF_STRUGGLING - LOW_OTHERWISE), 0, 1);
  const shift = share - POSITIVE_SHARE[instrument.survey];
  const mood: Mood = { struggling: rng() < strugglingShare, share, shift, strugglingShare };
  const order = questionsInPageOrder(instrument);
  // A few young people stop part way through; they still have answered at least a third.
  const stopAt = rng() < BREAK_OFF ? Math.ceil(order.length / 3) + Math.floor(rng() * order.length * 0.6) : order.length;
  const answers: Record<string, Answer> = {};
  const freeText: Record<string, string> = {};
  order.slice(0, stopAt).forEach((q) => {
    if (q.showIf !== undefined && !evaluate(q.showIf, answers)) return;
    if (q.scale.kind === 'text') {
      const text = comment(instrument, rng);
      if (text !== undefined) freeText[q.id] = text.slice(0, q.scale.maxLength);
      return;
    }
    const a = answerFor(q, mood, rng);
    if (a !== undefined) answers[q.id] = a;
  });
  return { answers, freeText };
}
