/**
 * Planning an import: the heading row mapped to the tracker's columns, every row checked (merged with
 * what the tracker already holds for its reference), and every problem listed by row and column. The
 * plan is all or nothing: the service writes it only when there is not a single problem.
 */
import { blankRaw, columnForHeading, columnOf, FIELD_NAMES, type FieldName, type RawEntry } from './columns.ts';
import { checkEntry, tidy, type EntryContext } from './entry-input.ts';
import { identifyingHeader, IDENTIFIER_WORDS } from './identifiers.ts';
import { unguardFormula, type TableRow } from './spreadsheet.ts';
import type { EntryFields } from './tracker.ts';

/** One checked row, ready to save: inserted when its reference is new, else updated. */
export interface PlannedRow {
  n: number;
  fields: EntryFields;
}

export type ImportPlan = { ok: true; rows: PlannedRow[]; columns: FieldName[] } | { ok: false; errors: string[]; more: number };

const MAX_ERRORS = 100;
const MAX_CELL = 1000;

/** An entry's fields as a person would type them (the edit form and the export use the same). */
export function toRaw(e: EntryFields): RawEntry {
  const yn = (b: boolean | null) => (b === null ? '' : b ? 'yes' : 'no');
  return {
    reference: e.reference,
    ageBand: e.ageBand,
    team: e.team ?? '',
    placementType: e.placementType ?? '',
    worker: e.worker ?? '',
    trustedAdultName: e.trustedAdultName ?? '',
    trustedAdultRole: e.trustedAdultRole ?? '',
    plannedOn: e.plannedOn ?? '',
    place: e.place ?? '',
    backupPlan: e.backupPlan ?? '',
    backupNote: e.backupNote ?? '',
    status: e.status,
    needsSupport: yn(e.needsSupport),
    paCatchUp: e.paCatchUp ?? '',
    paCatchUpOn: e.paCatchUpOn ?? '',
    additionalNeeds: e.flags.additionalNeeds ? 'yes' : '',
    unaccompanied: e.flags.unaccompanied ? 'yes' : '',
    inCustody: e.flags.inCustody ? 'yes' : '',
    outOfArea: e.flags.outOfArea ? 'yes' : '',
  };
}

/** Maps the heading row to fields; problems for headings that are unknown, repeated or identifying. */
function mapHeadings(header: TableRow, body: readonly TableRow[]): { columns: Array<FieldName | null>; errors: string[] } {
  const errors: string[] = [];
  const columns: Array<FieldName | null> = [];
  const seen = new Set<FieldName>();
  header.cells.forEach((raw, i) => {
    const heading = tidy(raw);
    const quoted = `"${heading.slice(0, 40)}"`;
    if (heading === '') {
      if (body.some((r) => tidy(r.cells[i] ?? '') !== '')) errors.push(`column ${i + 1} has values but no heading`);
      columns.push(null);
      return;
    }
    const col = columnForHeading(heading);
    if (col) {
      if (seen.has(col.field)) errors.push(`column ${quoted} appears twice`);
      seen.add(col.field);
      columns.push(col.field);
      return;
    }
    const kind = identifyingHeader(heading);
    if (kind) errors.push(`column ${quoted} looks like it holds ${IDENTIFIER_WORDS[kind]}: the tracker must not hold young people's names, dates of birth or addresses. Remove the column and try again`);
    else errors.push(`column ${quoted} is not one of the tracker's columns (see the list on this page)`);
    columns.push(null);
  });
  // Only the reference is needed to match rows; a new young person's row still needs its age band.
  if (!seen.has('reference')) errors.push('the reference column is missing');
  return { columns, errors };
}

/**
 * Checks a table against the wave. `existing` holds the tracker's entries by lower-cased reference: a
 * row for a known reference updates it, and columns the file does not have keep their values.
 */
export function planImport(table: readonly TableRow[], ctx: EntryContext, existing: ReadonlyMap<string, EntryFields>): ImportPlan {
  const [header, ...body] = table;
  if (!header) return { ok: false, errors: ['there is nothing to import'], more: 0 };
  const mapped = mapHeadings(header, body);
  const errors = [...mapped.errors];
  const present = mapped.columns.filter((c): c is FieldName => c !== null);
  const rows: PlannedRow[] = [];
  const refs = new Map<string, number>();
  let total = errors.length;
  const add = (msg: string) => {
    total++;
    if (errors.length < MAX_ERRORS) errors.push(msg);
  };
  if (mapped.errors.length === 0) {
    for (const row of body) {
      if (row.cells.length > mapped.columns.length && row.cells.slice(mapped.columns.length).some((c) => c.trim() !== '')) {
        add(`row ${row.n}: has more cells than there are headings`);
        continue;
      }
      const typed: Partial<RawEntry> = {};
      mapped.columns.forEach((f, i) => {
        if (!f) return;
        const cell = unguardFormula(row.cells[i] ?? '');
        if (cell.length > MAX_CELL) add(`row ${row.n}, column ${columnOf(f).header}: is too long`);
        else typed[f] = cell;
      });
      const reference = tidy(typed.reference ?? '');
      const before = existing.get(reference.toLowerCase());
      const merged: RawEntry = { ...(before ? toRaw(before) : blankRaw()), ...typed };
      if (before && tidy(merged.status) === '') merged.status = before.status;
      const checked = checkEntry(merged, ctx);
      if (!checked.ok) for (const p of checked.problems) add(`row ${row.n}, column ${columnOf(p.field).header}: ${p.message}`);
      const earlier = refs.get(reference.toLowerCase());
      if (reference !== '' && earlier !== undefined) add(`row ${row.n}, column reference: the same reference is on row ${earlier}`);
      refs.set(reference.toLowerCase(), row.n);
      if (checked.ok) rows.push({ n: row.n, fields: checked.fields });
    }
  }
  if (total > 0) return { ok: false, errors, more: total - errors.length };
  if (rows.length === 0) return { ok: false, errors: ['there are no rows under the headings'], more: 0 };
  return { ok: true, rows, columns: present };
}

/** The heading row and one row per entry, in file order of the wave's columns. */
export function exportRows(entries: readonly EntryFields[], fields: readonly FieldName[] = FIELD_NAMES): string[][] {
  return [fields.map((f) => columnOf(f).header), ...entries.map((e) => fields.map((f) => toRaw(e)[f]))];
}
