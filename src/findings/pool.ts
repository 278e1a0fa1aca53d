/**
 * The comparator as summaries, one per other LA's wave: for each instrument, how many responded and
 * each question's distinct answers with their counts. Every comparator figure (a tally on any
 * measure, a distribution, a mean) is a function of those counts, so a summary stands for a wave's
 * responses exactly: the figures equal those of one flat pass over the responses (pool.test.ts).
 *
 * A summary is a few kilobytes however large the wave, plain JSON, and changes only when the wave's
 * analysable responses do; the report repository keeps one per finished wave in the database, so a
 * draft report reads a few hundred summaries instead of tens of thousands of responses. Tallies
 * are memoised per summary object: a run that reports every LA against the same waves (a national
 * run) classifies each wave's answers once.
 */
import type { Answer, Instrument, Question } from '../instruments/index.ts';
import type { Tally } from './disclosure.ts';
import { classify, type Measure } from './measures.ts';
import type { SurveyResponse } from './types.ts';
import { foldEasyRead } from './fold.ts';

/** One instrument's part of a summary: respondents, and per question its answers (absent = skipped) with counts. */
export interface InstrumentSummary {
  readonly n: number;
  readonly answers: Readonly<Record<string, readonly (readonly [Answer, number])[]>>;
}

/** A wave's (or any set of) responses as counts: JSON-serialisable, keyed by instrument id. */
export interface AnswerSummary {
  /** The layout's version: a stored summary of another layout is recomputed, never misread. */
  readonly format: typeof SUMMARY_FORMAT;
  readonly instruments: Readonly<Record<string, InstrumentSummary>>;
}

export const SUMMARY_FORMAT = 1;

/** Counts responses' answers per instrument and question: one pass, a few entries per question. */
export function summarise(responses: readonly SurveyResponse[]): AnswerSummary {
  // Easy-read answers are summarised as their original instrument's, so they pool with its age group.
  responses = foldEasyRead(responses);
  const byInstrument = new Map<string, { n: number; answers: Map<string, Map<unknown, [Answer, number]>> }>();
  for (const r of responses) {
    let inst = byInstrument.get(r.instrumentId);
    if (inst === undefined) byInstrument.set(r.instrumentId, (inst = { n: 0, answers: new Map<string, Map<unknown, [Answer, number]>>() }));
    inst.n++;
    for (const [qid, a] of Object.entries(r.answers)) {
      if (a === undefined) continue;
      let seen = inst.answers.get(qid);
      if (seen === undefined) inst.answers.set(qid, (seen = new Map<unknown, [Answer, number]>()));
      // Keyed by the answer itself (a code or a number: distinct keys in a Map); a list of codes by
      // its JSON behind a character no code contains.
      const k = typeof a === 'object' ? `\u0001${JSON.stringify(a)}` : a;
      const entry = seen.get(k);
      if (entry === undefined) seen.set(k, [a, 1]);
      else entry[1]++;
    }
  }
  const instruments: Record<string, InstrumentSummary> = {};
  for (const [id, s] of byInstrument) {
    instruments[id] = { n: s.n, answers: Object.fromEntries([...s.answers].map(([qid, seen]) => [qid, [...seen.values()]])) };
  }
  return { format: SUMMARY_FORMAT, instruments };
}

/** Respondents to an instrument over every part. */
export function pooledRespondents(parts: readonly AnswerSummary[], instrumentId: string): number {
  return parts.reduce((n, p) => n + (p.instruments[instrumentId]?.n ?? 0), 0);
}

const tallies = new WeakMap<AnswerSummary, Map<string, Tally>>();

function measureKey(m: Measure): string {
  return m.kind === 'answers' ? `answers:${m.codes.join(',')}|${m.excludeFromBase.join(',')}` : m.kind;
}

/** A question's tally in one part: each distinct answer classified once, the skips as one more. */
function partTally(p: AnswerSummary, inst: Instrument, q: Question, m: Measure): Tally {
  const s = p.instruments[inst.id];
  if (s === undefined) return { count: 0, base: 0 };
  let count = 0;
  let base = 0;
  let answered = 0;
  const add = (a: Answer | undefined, n: number) => {
    const c = classify(q, a, m);
    if (c.base) base += n;
    if (c.counted) count += n;
  };
  for (const [a, n] of s.answers[q.id] ?? []) {
    add(a, n);
    answered += n;
  }
  if (s.n > answered) add(undefined, s.n - answered);
  return { count, base };
}

/** A question's tally over every part (the question's own instrument in each). */
export function pooledTally(parts: readonly AnswerSummary[], inst: Instrument, q: Question, m: Measure): Tally {
  const key = `${inst.id}\u0000${q.id}\u0000${measureKey(m)}`;
  let count = 0;
  let base = 0;
  for (const p of parts) {
    let memo = tallies.get(p);
    if (memo === undefined) tallies.set(p, (memo = new Map<string, Tally>()));
    let t = memo.get(key);
    if (t === undefined) memo.set(key, (t = partTally(p, inst, q, m)));
    count += t.count;
    base += t.base;
  }
  return { count, base };
}

/** A question's numeric answers (0-10 scales) over every part, in ascending order (means and bands do not depend on order). */
export function pooledNumbers(parts: readonly AnswerSummary[], inst: Instrument, q: Question): number[] {
  const counts = new Map<number, number>();
  for (const p of parts) {
    for (const [a, n] of p.instruments[inst.id]?.answers[q.id] ?? []) if (typeof a === 'number') counts.set(a, (counts.get(a) ?? 0) + n);
  }
  return [...counts].sort(([a], [b]) => a - b).flatMap(([a, n]) => Array<number>(n).fill(a));
}
