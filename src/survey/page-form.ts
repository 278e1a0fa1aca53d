/**
 * Reading what a browser sent from a survey page. Only the questions shown on the page are read, so
 * unknown or tampered field names are ignored; each value is checked by the scale registry, and a value
 * it refuses becomes an error for that question while the other answers are kept.
 */
import { z } from 'zod';
import { parseAnswer, type ParseFailure, type Answer, type Question } from '../instruments/index.ts';
import type { PageInput } from './journey.ts';

/** What the young person asked for with the button they pressed. */
export const PAGE_ACTIONS = ['continue', 'back', 'save', 'autosave'] as const;
export type PageAction = (typeof PAGE_ACTIONS)[number];

const controls = z.object({
  action: z.enum(PAGE_ACTIONS).catch('continue'),
});

/** A form field as the body parser gives it: one value, or several for repeated names (checkboxes). */
const rawField = z.union([z.string(), z.array(z.string()).max(100)]).optional();

/** The field that asks to delete free text typed in an earlier session (it is never shown back). */
export const forgetField = (questionId: string): string => `${questionId}__forget`;

/** One answer that could not be saved, and why (for the error summary). */
export interface FieldError {
  readonly questionId: string;
  readonly reason: ParseFailure;
}

export interface PageForm {
  readonly action: PageAction;
  readonly input: PageInput;
  readonly errors: readonly FieldError[];
}

/** The body as a plain record of own properties, whatever the client sent. */
export function formFields(body: unknown): Readonly<Record<string, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  return body as Record<string, unknown>;
}

/** The value of a field the body really has, ignoring anything inherited (e.g. `__proto__`). */
function own(fields: Readonly<Record<string, unknown>>, name: string): unknown {
  return Object.hasOwn(fields, name) ? fields[name] : undefined;
}

/** Reads a page's form: the action, each shown question's answer or text, and what could not be saved. */
export function readPageForm(shown: readonly Question[], body: unknown): PageForm {
  const fields = formFields(body);
  const { action } = controls.parse({ action: typeof own(fields, 'action') === 'string' ? own(fields, 'action') : undefined });
  const answers: Record<string, Answer | undefined> = {};
  const texts: Record<string, string | undefined> = {};
  const forget: string[] = [];
  const errors: FieldError[] = [];
  for (const q of shown) {
    const raw = rawField.safeParse(own(fields, q.id));
    const parsed = raw.success ? parseAnswer(q.scale, raw.data) : ({ ok: false, reason: 'expected_one_value' } as const);
    if (!parsed.ok) {
      errors.push({ questionId: q.id, reason: parsed.reason });
      continue;
    }
    if (q.scale.kind === 'text') {
      if (own(fields, forgetField(q.id)) === 'yes') forget.push(q.id);
      texts[q.id] = typeof parsed.value === 'string' ? parsed.value : undefined;
    } else {
      answers[q.id] = parsed.value;
    }
  }
  return { action, input: { answers, texts, forget }, errors };
}

/** Whether an adult is helping today, from the introduction's question ("yes", "no" or not answered). */
export function readAdultHelped(body: unknown): boolean | undefined {
  const v = own(formFields(body), 'adultHelped');
  return v === 'yes' ? true : v === 'no' ? false : undefined;
}

const startForm = z.object({
  age: z.coerce.number().int().min(0).max(30).optional().catch(undefined),
  school: z.enum(['primary', 'secondary']).optional().catch(undefined),
});

/** Reads the start form: the age and (for an age two bands share) the school; never stored. */
export function readStartForm(body: unknown): z.infer<typeof startForm> {
  const f = formFields(body);
  return startForm.parse({ age: own(f, 'age'), school: own(f, 'school') });
}

const oneLine = z.string().max(200);

/** Reads a single short text field, or undefined when it is absent or not text. */
export function readField(body: unknown, name: string): string | undefined {
  const r = oneLine.safeParse(own(formFields(body), name));
  return r.success ? r.data : undefined;
}
