/**
 * The scale registry: the ONE place that switches over `scale.kind`. Parsing form input, checking
 * stored data, sampling synthetic answers and describing a scale all go through `handlerOf`, so adding
 * a scale kind is one new handler here and the compiler points at nothing else.
 */
import { DECLINED, type Answer, type PositiveRule, type Scale, type ScaleOption } from './types.ts';

/** Raw form input: one string for choice, score and text; one string or several for multi. */
export type RawValue = string | readonly string[] | undefined;

/** Why a raw value was refused: stable codes the survey maps to messages (`answer_error.<reason>`). */
export type ParseFailure = 'not_an_option' | 'not_a_number' | 'out_of_range' | 'too_long' | 'expected_one_value' | 'declined_with_others';

export type ParseResult = { ok: true; value: Answer | undefined } | { ok: false; reason: ParseFailure };

/** Weights for sampling, keyed by answer value as text (option code, or a score such as '7'). */
export type Weights = Readonly<Record<string, number>>;

/** A random source returning numbers in [0, 1), e.g. Math.random or mulberry32(seed). */
export type Rng = () => number;

/** A kind-neutral description of a scale, for staff views and printed question banks. */
export interface ScaleSummary {
  readonly kind: Scale['kind'];
  readonly id: string;
  /** Choice and multi: the options; score: one entry per point, labelled only at the ends. */
  readonly options: readonly { readonly value: string; readonly label?: string }[];
  readonly maxLength?: number;
}

/** What every scale kind must be able to do; `handlerOf` binds one to a scale. */
interface Handler {
  parse(raw: string | readonly string[]): ParseResult;
  isValid(value: unknown): boolean;
  sample(rng: Rng, weights?: Weights): Answer | undefined;
  /** The values one answer can take (DECLINED aside); empty for free text. */
  values(): readonly (string | number)[];
  summary(): Omit<ScaleSummary, 'id'>;
}

const ok = (value: Answer | undefined): ParseResult => ({ ok: true, value });
const fail = (reason: ParseFailure): ParseResult => ({ ok: false, reason });
const codesOf = (options: readonly ScaleOption[]): string[] => options.map((o) => o.code);

/** Picks one of `values` with probability proportional to its weight (uniform without weights). */
function pick<T extends string | number>(values: readonly T[], rng: Rng, weights?: Weights): T | undefined {
  const w = values.map((v) => (weights ? Math.max(0, weights[String(v)] ?? 0) : 1));
  const total = w.reduce((a, b) => a + b, 0);
  if (total <= 0) return values[Math.floor(rng() * values.length)];
  let r = rng() * total;
  for (let i = 0; i < values.length; i++) {
    r -= w[i] ?? 0;
    if (r < 0) return values[i];
  }
  return values[values.length - 1];
}

function choiceHandler(options: readonly ScaleOption[]): Handler {
  const codes = codesOf(options);
  return {
    parse: (raw) => {
      if (typeof raw !== 'string') return fail('expected_one_value');
      return raw === DECLINED || codes.includes(raw) ? ok(raw) : fail('not_an_option');
    },
    isValid: (v) => typeof v === 'string' && (v === DECLINED || codes.includes(v)),
    sample: (rng, weights) => pick(codes, rng, weights),
    values: () => codes,
    summary: () => ({ kind: 'choice', options: options.map((o) => ({ value: o.code, label: o.label })) }),
  };
}

function multiHandler(options: readonly ScaleOption[]): Handler {
  const codes = codesOf(options);
  return {
    parse: (raw) => {
      // Browsers and some form patterns send empty placeholders alongside ticked boxes: ignore them.
      const given = (typeof raw === 'string' ? [raw] : raw).filter((c) => c !== '');
      if (given.length === 0) return ok(undefined);
      if (given.includes(DECLINED)) return given.every((c) => c === DECLINED) ? ok(DECLINED) : fail('declined_with_others');
      if (!given.every((c) => codes.includes(c))) return fail('not_an_option');
      // Stored in scale order without repeats, so equal choices compare equal.
      return ok(codes.filter((c) => given.includes(c)));
    },
    isValid: (v) => {
      if (v === DECLINED) return true;
      if (!Array.isArray(v) || v.length === 0) return false;
      const list: unknown[] = v;
      return list.every((c) => typeof c === 'string' && codes.includes(c)) && new Set(list).size === list.length;
    },
    sample: (rng, weights) => {
      // Weights are the chance of ticking each option; at least one is always ticked.
      const ticked = codes.filter((c) => rng() < (weights?.[c] ?? 0.3));
      if (ticked.length > 0) return ticked;
      const one = pick(codes, rng, weights);
      return one === undefined ? undefined : [one];
    },
    values: () => codes,
    summary: () => ({ kind: 'multi', options: options.map((o) => ({ value: o.code, label: o.label })) }),
  };
}

function scoreHandler(min: number, max: number, minLabel: string, maxLabel: string): Handler {
  const points: number[] = [];
  for (let n = min; n <= max; n++) points.push(n);
  const inRange = (n: number): boolean => Number.isInteger(n) && n >= min && n <= max;
  return {
    parse: (raw) => {
      if (typeof raw !== 'string') return fail('expected_one_value');
      if (raw === DECLINED) return ok(DECLINED);
      // Canonical integers only ('7', not '07' or '-0'): what the form's own radios send.
      if (!/^(?:0|-?[1-9]\d{0,5})$/.test(raw)) return fail('not_a_number');
      const n = Number(raw);
      return inRange(n) ? ok(n) : fail('out_of_range');
    },
    isValid: (v) => v === DECLINED || (typeof v === 'number' && inRange(v)),
    sample: (rng, weights) => pick(points, rng, weights),
    values: () => points,
    summary: () => ({
      kind: 'score',
      options: points.map((n) => {
        const label = n === min ? minLabel : n === max ? maxLabel : undefined;
        return label === undefined ? { value: String(n) } : { value: String(n), label };
      }),
    }),
  };
}

function textHandler(maxLength: number): Handler {
  // Length in characters as a person counts them (code points), not UTF-16 units.
  const length = (s: string): number => [...s].length;
  return {
    parse: (raw) => {
      if (typeof raw !== 'string') return fail('expected_one_value');
      const text = raw.replace(/\r\n?/g, '\n').trim();
      if (text === '') return ok(undefined);
      return length(text) > maxLength ? fail('too_long') : ok(text);
    },
    isValid: (v) => typeof v === 'string' && v.trim() !== '' && length(v) <= maxLength,
    // Free text is never invented here: synthetic comments come from synthetic-comments.json.
    sample: () => undefined,
    values: () => [],
    summary: () => ({ kind: 'text', options: [], maxLength }),
  };
}

/** The single switch over scale kinds; the `never` check makes a new kind a compile error here. */
function handlerOf(scale: Scale): Handler {
  switch (scale.kind) {
    case 'choice':
      return choiceHandler(scale.options);
    case 'multi':
      return multiHandler(scale.options);
    case 'score':
      return scoreHandler(scale.min, scale.max, scale.minLabel, scale.maxLabel);
    case 'text':
      return textHandler(scale.maxLength);
    default: {
      const unknownKind: never = scale;
      throw new Error(`unknown scale kind: ${JSON.stringify(unknownKind)}`);
    }
  }
}

/** Parses raw form input into an answer: `value` undefined means unanswered; never throws. */
export function parseAnswer(scale: Scale, raw: RawValue): ParseResult {
  if (raw === undefined || raw === '') return ok(undefined);
  if (typeof raw !== 'string' && scale.kind !== 'multi') {
    // Only an empty list means "nothing sent"; several values for a one-answer question is tampering.
    if (raw.length === 0) return ok(undefined);
    return fail('expected_one_value');
  }
  return handlerOf(scale).parse(raw);
}

/** True when a stored value is a complete, valid answer to the scale (DECLINED included). */
export function isValidAnswer(scale: Scale, value: unknown): boolean {
  return handlerOf(scale).isValid(value);
}

/** Draws a random valid answer, optionally weighted; free text yields undefined. */
export function sample(scale: Scale, rng: Rng, weights?: Weights): Answer | undefined {
  return handlerOf(scale).sample(rng, weights);
}

/** The values one answer can take, DECLINED aside (option codes, or every score); empty for free text. */
export function answerValues(scale: Scale): readonly (string | number)[] {
  return handlerOf(scale).values();
}

/** Describes a scale without its kind leaking into callers (labels are catalogue keys). */
export function scaleSummary(scale: Scale): ScaleSummary {
  return { id: scale.id, ...handlerOf(scale).summary() };
}

/** True when a positive rule could ever match the values of a scale (codes on options, ranges on scores). */
export function ruleFitsScale(rule: PositiveRule, scale: Scale): boolean {
  const values = answerValues(scale);
  return rule.type === 'codes' ? values.some((v) => typeof v === 'string') : values.some((v) => typeof v === 'number');
}

export { inBase, isLow, isPositive } from './positive.ts';
