/** Builders for question-specific scales; kept apart so scales.ts and demographics.ts share them without a cycle. */
import type { ChoiceLayout, ChoiceScale, MultiScale, ScaleOption } from './types.ts';

/** Options of a question-specific set: labels live under `opt.<set>.<code>`. */
export function optionsOf(set: string, codes: readonly string[]): ScaleOption[] {
  return codes.map((code) => ({ code, label: `opt.${set}.${code}` }));
}

/** A single-choice scale whose labels live under `opt.<id>.<code>`. */
export function choiceScale(id: string, codes: readonly string[], layout: ChoiceLayout = 'list'): ChoiceScale {
  return { kind: 'choice', id, options: optionsOf(id, codes), layout };
}

/** A tick-all-that-apply scale whose labels live under `opt.<id>.<code>`. */
export function multiScale(id: string, codes: readonly string[]): MultiScale {
  return { kind: 'multi', id, options: optionsOf(id, codes) };
}
