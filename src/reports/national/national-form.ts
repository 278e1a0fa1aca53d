/**
 * The national report's choices (survey, from, to) as a user types them in the form or a URL: checked
 * into a period, or a list of errors for the GOV.UK error summary. Pure.
 */
import type { SurveyId } from '../../findings/index.ts';
import type { NationalPeriod } from './national.ts';
import { defaultPeriod, isIsoDay } from './period.ts';

export interface NationalChoice {
  readonly survey: SurveyId;
  readonly period: NationalPeriod;
}

/** One problem with the form, linked to its field. */
export interface FormError {
  readonly text: string;
  readonly href: string;
}

export type ChoiceResult = { readonly ok: true; readonly choice: NationalChoice } | { readonly ok: false; readonly errors: readonly FormError[] };

export const SURVEYS: readonly { readonly id: SurveyId; readonly name: string }[] = [
  { id: 'ylyc', name: 'Your Life, Your Care (children in care)' },
  { id: 'ylbc', name: 'Your Life Beyond Care (care leavers)' },
];

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * Checks the form's values: a survey, and two days written YYYY-MM-DD with the start not after the
 * end; a missing day takes the default period's (the last 24 months up to `today`).
 */
export function parseChoice(query: Record<string, unknown>, today: string): ChoiceResult {
  const survey = text(query['survey']);
  const fallback = defaultPeriod(today);
  const from = text(query['from']) || fallback.from;
  const to = text(query['to']) || fallback.to;
  const errors: FormError[] = [];
  const known = SURVEYS.find((s) => s.id === survey);
  if (known === undefined) errors.push({ text: 'Choose a survey', href: '#survey' });
  if (!isIsoDay(from)) errors.push({ text: 'Enter the start of the period as a date like 2025-01-01', href: '#from' });
  if (!isIsoDay(to)) errors.push({ text: 'Enter the end of the period as a date like 2026-12-31', href: '#to' });
  if (errors.length === 0 && from > to) errors.push({ text: 'The start of the period must be on or before its end', href: '#from' });
  if (known === undefined || errors.length > 0) return { ok: false, errors };
  return { ok: true, choice: { survey: known.id, period: { from, to } } };
}

/** The query string of a choice, for links to the page and its downloads. */
export function choiceQuery(c: NationalChoice): string {
  return new URLSearchParams({ survey: c.survey, from: c.period.from, to: c.period.to }).toString();
}
