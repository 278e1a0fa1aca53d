/**
 * Counting answers into measures. The positive rules of the question bank decide the base and the
 * positive answers (reversed items included: the rule already names the good answer); benchmarks may
 * count other answers of the same base (e.g. "lonely always or most of the time").
 */
import { DECLINED, inBase, isLow, isPositive, type Answer, type Instrument, type Question } from '../instruments/index.ts';
import type { BenchmarkRow } from './benchmarks.ts';
import type { Tally } from './disclosure.ts';
import type { SurveyResponse, Treatment } from './types.ts';

/** What to count among a question's answers. */
export type Measure =
  | { readonly kind: 'positive' | 'not_positive' | 'low' }
  | { readonly kind: 'answers'; readonly codes: readonly string[]; readonly excludeFromBase: readonly string[] };

/** The bank's positive answers: the measure of every indicator. */
export const POSITIVE: Measure = { kind: 'positive' };
/** The rule's poor well-being band (ONS low 0-4; high anxiety 6-10). */
export const LOW: Measure = { kind: 'low' };

/** The measure a benchmark row counts, or undefined for a composite the engine does not compute. */
export function measureOfRow(row: BenchmarkRow): Measure | undefined {
  if (row.measure === 'composite') return undefined;
  if (row.measure === 'answers') return { kind: 'answers', codes: row.codes ?? [], excludeFromBase: row.excludeFromBase ?? [] };
  return { kind: row.measure };
}

const codesOf = (a: Answer): readonly string[] => (typeof a === 'number' ? [String(a)] : typeof a === 'string' ? [a] : a);

/** Whether an answer is in the measure's base, and whether it is counted (one answer at a time, for single-pass tallies). */
export function classify(q: Question, answer: Answer | undefined, m: Measure): { base: boolean; counted: boolean } {
  const rule = q.positive;
  if (rule === undefined) {
    // Questions without a rule (demographics) have a base of real answers minus the listed codes.
    if (m.kind !== 'answers' || answer === undefined || answer === DECLINED) return { base: false, counted: false };
    const codes = codesOf(answer);
    const base = !codes.every((c) => m.excludeFromBase.includes(c));
    return { base, counted: base && codes.some((c) => m.codes.includes(c)) };
  }
  const base = inBase(rule, answer);
  if (!base || answer === undefined) return { base: false, counted: false };
  switch (m.kind) {
    case 'positive':
      return { base, counted: isPositive(rule, answer) };
    case 'not_positive':
      return { base, counted: !isPositive(rule, answer) };
    case 'low':
      return { base, counted: isLow(rule, answer) };
    case 'answers':
      return { base, counted: codesOf(answer).some((c) => m.codes.includes(c)) };
  }
}

/** Counts a question's answers across responses (all of the question's own instrument). */
export function tally(q: Question, responses: readonly SurveyResponse[], m: Measure = POSITIVE): Tally {
  let count = 0;
  let base = 0;
  for (const r of responses) {
    const c = classify(q, r.answers[q.id], m);
    if (c.base) base++;
    if (c.counted) count++;
  }
  return { count, base };
}

/** The sum of tallies (pooling instruments or groups). */
export function addTallies(tallies: readonly Tally[]): Tally {
  return tallies.reduce((s, t) => ({ count: s.count + t.count, base: s.base + t.base }), { count: 0, base: 0 });
}

/**
 * Pools a comparison key across instruments: each response is counted with its own instrument's
 * question, so faces at 4-7 and frequency words at 8+ each use their own rule.
 */
export function tallyKey(key: string, instruments: readonly Instrument[], byInstrument: ResponsesByInstrument, m: Measure = POSITIVE): Tally {
  return addTallies(
    instruments.flatMap((inst) => {
      const q = keyQuestion(inst, key);
      return q === undefined ? [] : [tally(q, byInstrument.get(inst.id) ?? [], m)];
    }),
  );
}

/** The instrument's reported question with a comparison key, if it asks one. */
export function keyQuestion(inst: Instrument, key: string): Question | undefined {
  return inst.questions.find((x) => x.key === key && x.positive !== undefined && x.demographic !== true);
}

/** Responses grouped by instrument id. */
export type ResponsesByInstrument = ReadonlyMap<string, readonly SurveyResponse[]>;

/** Groups responses by instrument id. */
export function groupByInstrument(responses: readonly SurveyResponse[]): Map<string, SurveyResponse[]> {
  const out = new Map<string, SurveyResponse[]>();
  for (const r of responses) {
    const list = out.get(r.instrumentId);
    if (list === undefined) out.set(r.instrumentId, [r]);
    else list.push(r);
  }
  return out;
}

/** The questions a report gives a figure for: every question with a positive rule that is not demographic. */
export function reportedQuestions(inst: Instrument): Question[] {
  return inst.questions.filter((q) => q.positive !== undefined && q.demographic !== true);
}

/** How a question's answers are counted, for the report's notes on each figure. */
export function treatmentOf(q: Question): Treatment {
  const rule = q.positive;
  const conditional = q.showIf !== undefined;
  if (rule === undefined) return { scale: q.scale.id, outOfBase: [DECLINED], conditional };
  if (rule.type === 'range') {
    const low = rule.low === undefined ? {} : { lowRange: rule.low };
    return { scale: q.scale.id, positiveRange: rule.positive, ...low, outOfBase: [DECLINED], conditional };
  }
  return { scale: q.scale.id, positiveCodes: rule.positive, outOfBase: [DECLINED, ...(rule.excluded ?? [])], conditional };
}
