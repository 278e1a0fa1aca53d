/**
 * The entry form over HTTP: what a browser sent, as a raw entry (dates from day, month and year boxes,
 * flags from checkboxes), and problems as GOV.UK error summary items pointing at their fields.
 */
import type { FastifyRequest } from 'fastify';
import { columnOf, FIELD_NAMES, type FieldName, type RawEntry } from './columns.ts';
import { formMessage, type FieldProblem } from './entry-input.ts';
import { toRaw } from './import.ts';
import { FLAGS, type EntryFields } from './tracker.ts';

/** The body of a urlencoded form as a record (empty for anything else). */
export const formBody = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});

/** A field's value when it is one string; anything else (absent, repeated, an object) is blank. */
export const field = (body: Record<string, unknown>, name: string): string => {
  const v = Object.hasOwn(body, name) ? body[name] : undefined;
  return typeof v === 'string' ? v.slice(0, 2000) : '';
};

/** A route parameter as a string. */
export const param = (req: FastifyRequest, name: string): string => {
  const v = (req.params as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : '';
};

const DATE_FIELDS = ['plannedOn', 'paCatchUpOn'] as const;
type DateField = (typeof DATE_FIELDS)[number];
const isDateField = (f: FieldName): f is DateField => (DATE_FIELDS as readonly string[]).includes(f);

/** The form's values for re-display: the raw entry plus each date's day, month and year boxes. */
export type FormValues = RawEntry & Record<`${DateField}-${'day' | 'month' | 'year'}`, string> & { flags: string[] };

/** Reads the entry form. A date with any box filled becomes d/m/y text, checked like an imported date. */
export function readEntryForm(body: Record<string, unknown>): { raw: RawEntry; values: FormValues } {
  const raw = Object.fromEntries(FIELD_NAMES.map((f) => [f, field(body, f)])) as RawEntry;
  const values = { ...raw } as FormValues;
  for (const f of DATE_FIELDS) {
    const [d, m, y] = (['day', 'month', 'year'] as const).map((p) => field(body, `${f}-${p}`).trim());
    values[`${f}-day`] = d ?? '';
    values[`${f}-month`] = m ?? '';
    values[`${f}-year`] = y ?? '';
    raw[f] = d || m || y ? `${d || '?'}/${m || '?'}/${y || '?'}` : '';
  }
  const ticked = [body['flags']].flat().filter((v): v is string => typeof v === 'string');
  for (const f of FLAGS) raw[f] = ticked.includes(f) ? 'yes' : '';
  values.flags = FLAGS.filter((f) => ticked.includes(f));
  return { raw, values };
}

/** An entry's values for the edit form. */
export function formValues(e: EntryFields): FormValues {
  const raw = toRaw(e);
  const values = { ...raw, flags: FLAGS.filter((f) => e.flags[f]) } as FormValues;
  for (const f of DATE_FIELDS) {
    const [y = '', m = '', d = ''] = raw[f] ? raw[f].split('-') : [];
    values[`${f}-day`] = d ? String(Number(d)) : '';
    values[`${f}-month`] = m ? String(Number(m)) : '';
    values[`${f}-year`] = y;
  }
  return values;
}

const FLAG_FIELDS: readonly FieldName[] = FLAGS;

/** Where an error summary item links to: the first box of a date, the checkboxes, or the field. */
export function fieldAnchor(f: FieldName): string {
  if (isDateField(f)) return `#${f}-day`;
  if (FLAG_FIELDS.includes(f)) return '#flags';
  return `#${f}`;
}

/** Error summary items and per-field messages for the form. */
export function formErrors(problems: readonly FieldProblem[]): { errors: Array<{ text: string; href: string }>; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  for (const p of problems) {
    const key = FLAG_FIELDS.includes(p.field) ? 'flags' : p.field;
    fieldErrors[key] ??= `${columnOf(p.field).label}: ${p.message}`;
  }
  return { errors: problems.map((p) => ({ text: formMessage(p), href: fieldAnchor(p.field) })), fieldErrors };
}
