/**
 * The comparator as parts (one per other LA's wave) whose counts are memoised per part. A count over
 * the pool is the sum of the parts' counts, so the figures are exactly those of one flat pass; the
 * memo only saves work when the same parts serve many reports (a national run reports every LA
 * against the same waves, which would otherwise be counted once per LA). Keyed weakly by the
 * part's array, so nothing outlives the responses it was counted from.
 */
import type { Answer, Instrument, Question } from '../instruments/index.ts';
import type { Tally } from './disclosure.ts';
import { classify, groupByInstrument, type Measure } from './measures.ts';
import type { SurveyResponse } from './types.ts';

type Part = readonly SurveyResponse[];

const grouped = new WeakMap<Part, Map<string, SurveyResponse[]>>();
const tallies = new WeakMap<Part, Map<string, Tally>>();
const numbers = new WeakMap<Part, Map<string, number[]>>();
const histograms = new WeakMap<Part, Map<string, readonly AnswerCount[]>>();

function byInstrument(part: Part, instrumentId: string): readonly SurveyResponse[] {
  let g = grouped.get(part);
  if (g === undefined) grouped.set(part, (g = groupByInstrument(part)));
  return g.get(instrumentId) ?? [];
}

function memo<T>(store: WeakMap<Part, Map<string, T>>, part: Part, key: string, make: () => T): T {
  let m = store.get(part);
  if (m === undefined) store.set(part, (m = new Map<string, T>()));
  let v = m.get(key);
  if (v === undefined) m.set(key, (v = make()));
  return v;
}

function measureKey(m: Measure): string {
  return m.kind === 'answers' ? `answers:${m.codes.join(',')}|${m.excludeFromBase.join(',')}` : m.kind;
}

/** One distinct answer to a question and how many gave it. */
interface AnswerCount {
  readonly answer: Answer | undefined;
  n: number;
}

/**
 * A question's distinct answers in a part with their counts: a few entries however many responses,
 * so every measure of the question is then counted by classifying each distinct answer once.
 */
function answerCounts(part: Part, inst: Instrument, q: Question): readonly AnswerCount[] {
  return memo(histograms, part, `${inst.id}\u0000${q.id}`, () => {
    // Keyed by the answer itself (a code, a number or undefined: distinct keys in a Map); a
    // tick-all-that-apply list by its JSON behind a character no code contains.
    const seen = new Map<unknown, AnswerCount>();
    for (const r of byInstrument(part, inst.id)) {
      const a = r.answers[q.id];
      const k = typeof a === 'object' ? `\u0001${JSON.stringify(a)}` : a;
      const entry = seen.get(k);
      if (entry === undefined) seen.set(k, { answer: a, n: 1 });
      else entry.n++;
    }
    return [...seen.values()];
  });
}

/** A tally from a question's answer counts: the same as counting response by response. */
function tallyCounts(q: Question, counts: readonly AnswerCount[], m: Measure): Tally {
  let count = 0;
  let base = 0;
  for (const { answer, n } of counts) {
    const c = classify(q, answer, m);
    if (c.base) base += n;
    if (c.counted) count += n;
  }
  return { count, base };
}

/** A question's tally over every part (the question's own instrument in each). */
export function pooledTally(parts: readonly Part[], inst: Instrument, q: Question, m: Measure): Tally {
  const key = `${inst.id}\u0000${q.id}\u0000${measureKey(m)}`;
  let count = 0;
  let base = 0;
  for (const p of parts) {
    const t = memo(tallies, p, key, () => tallyCounts(q, answerCounts(p, inst, q), m));
    count += t.count;
    base += t.base;
  }
  return { count, base };
}

/** A question's numeric answers (0-10 scales) over every part, in part order. */
export function pooledNumbers(parts: readonly Part[], inst: Instrument, q: Question): number[] {
  const key = `${inst.id}\u0000${q.id}`;
  return parts.flatMap((p) =>
    memo(numbers, p, key, () =>
      byInstrument(p, inst.id).flatMap((r) => {
        const a = r.answers[q.id];
        return typeof a === 'number' ? [a] : [];
      }),
    ),
  );
}
