/**
 * Eligible counts pasted as a small CSV ("age group,count" per line), as an LA usually has them in a
 * spreadsheet. Age groups may be written as the instrument id ("ylyc-8-11") or as the ages ("8-11",
 * "8 to 11", "Ages 8 to 11"); a header line is allowed. Pure: no I/O.
 */
import { parse } from 'csv-parse/sync';
import type { InstrumentId } from '../../instruments/types.ts';

/** The ages an instrument covers, read from its id (e.g. ylyc-8-11 -> 8 to 11). */
export function agesOf(id: InstrumentId): { from: number; to: number } {
  const m = /(\d+)-(\d+)$/.exec(id);
  return { from: Number(m?.[1]), to: Number(m?.[2]) };
}

/** How an age group reads on staff pages. */
export function ageGroupLabel(id: InstrumentId): string {
  const { from, to } = agesOf(id);
  return id.startsWith('ylbc') ? `Care leavers aged ${from} to ${to}` : `Children aged ${from} to ${to}`;
}

/** At most this many lines: it is a paste of a few age groups, not an upload. */
const MAX_LINES = 20;

export type CsvResult = { ok: true; counts: Partial<Record<InstrumentId, number>> } | { ok: false; errors: string[] };

/** Reads pasted counts for the given instruments; every problem is reported with its line number. */
export function parseEligibleCsv(text: string, instruments: readonly InstrumentId[]): CsvResult {
  let rows: string[][];
  try {
    rows = parse(text.trim(), { relax_column_count: true, skip_empty_lines: true, trim: true, delimiter: [',', ';', '\t'] });
  } catch {
    return { ok: false, errors: ['The pasted counts could not be read: put one age group and its count on each line, separated by a comma'] };
  }
  if (rows.length > MAX_LINES) return { ok: false, errors: [`Paste at most ${MAX_LINES} lines`] };
  const groups = instruments.map((id) => `${agesOf(id).from}-${agesOf(id).to}`).join(', ');
  const counts: Partial<Record<InstrumentId, number>> = {};
  const errors: string[] = [];
  rows.forEach((row, i) => {
    const line = i + 1;
    const [band = '', count = '', ...rest] = row;
    // A header such as "age group,eligible" on the first line.
    if (i === 0 && !/\d/.test(count) && !matchBand(band, instruments)) return;
    if (rest.some((c) => c !== '')) {
      errors.push(`Line ${line}: put just the age group and the count, without commas inside the number`);
      return;
    }
    const id = matchBand(band, instruments);
    if (!id) {
      errors.push(`Line ${line}: "${band.slice(0, 30)}" is not an age group offered in this wave (use ${groups})`);
      return;
    }
    if (!/^\d{1,6}$/.test(count) || Number(count) > 100_000) {
      errors.push(`Line ${line}: the count for ages ${agesOf(id).from} to ${agesOf(id).to} must be a whole number from 0 to 100,000`);
      return;
    }
    if (counts[id] !== undefined) {
      errors.push(`Line ${line}: ages ${agesOf(id).from} to ${agesOf(id).to} appear twice`);
      return;
    }
    counts[id] = Number(count);
  });
  if (errors.length === 0 && Object.keys(counts).length === 0) errors.push('The pasted counts have no lines with an age group and a count');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, counts };
}

/** The instrument an age group names, by id or by its two ages. */
function matchBand(band: string, instruments: readonly InstrumentId[]): InstrumentId | undefined {
  const exact = instruments.find((id) => id === band.toLowerCase());
  if (exact) return exact;
  const m = /(\d+)\D+(\d+)/.exec(band);
  if (!m) return undefined;
  return instruments.find((id) => agesOf(id).from === Number(m[1]) && agesOf(id).to === Number(m[2]));
}
