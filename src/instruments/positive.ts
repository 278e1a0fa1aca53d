/**
 * Reporting helpers over positive rules: which answers are in the base of a measure and which count as
 * positive. DECLINED and unanswered questions always leave the base; so do a rule's `excluded` codes.
 */
import { DECLINED, type Answer, type PositiveRule } from './types.ts';

type Band = { readonly from: number; readonly to: number };
const inBand = (n: number, band: Band): boolean => n >= band.from && n <= band.to;

/** Codes of an answer as a list (a multi answer holds several), or undefined for a number. */
function codesOfAnswer(answer: Answer): readonly string[] | undefined {
  if (typeof answer === 'number') return undefined;
  return typeof answer === 'string' ? [answer] : answer;
}

/** True when an answer counts towards the base (denominator) of the rule's measure. */
export function inBase(rule: PositiveRule, answer: Answer | undefined): boolean {
  if (answer === undefined || answer === DECLINED) return false;
  if (rule.type === 'range') return typeof answer === 'number';
  const codes = codesOfAnswer(answer);
  if (codes === undefined || codes.length === 0) return false;
  const excluded = rule.excluded ?? [];
  return !codes.every((c) => excluded.includes(c));
}

/** True when an answer is in the base and counts as positive (the good answer, reversed items included). */
export function isPositive(rule: PositiveRule, answer: Answer | undefined): boolean {
  if (answer === undefined || !inBase(rule, answer)) return false;
  if (rule.type === 'range') return typeof answer === 'number' && inBand(answer, rule.positive);
  const codes = codesOfAnswer(answer) ?? [];
  return codes.some((c) => rule.positive.includes(c));
}

/** True when an answer falls in the rule's poor well-being band (life satisfaction 0-4, anxiety 6-10). */
export function isLow(rule: PositiveRule, answer: Answer | undefined): boolean {
  if (rule.type !== 'range' || rule.low === undefined || typeof answer !== 'number') return false;
  return inBand(answer, rule.low);
}
