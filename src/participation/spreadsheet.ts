/**
 * Tables in and out: an uploaded file (CSV or XLSX, told apart by content, never by name) or pasted text
 * read into rows of strings, with a clear refusal for anything else; and rows written as CSV or XLSX.
 * No database, no HTTP: bytes in, rows out.
 */
// Loaded on first use: ExcelJS is large and only imports and exports need it.
import type ExcelJS from 'exceljs';
const excel = async () => (await import('exceljs')).default;
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { checkZip } from './zip-guard.ts';

export const IMPORT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  /** Data rows, not counting the heading row. */
  maxRows: 20_000,
  maxColumns: 60,
  maxUnpacked: 100 * 1024 * 1024,
};
export type ImportLimits = typeof IMPORT_LIMITS;

/** One row as in the spreadsheet: its row number (the heading is row 1) and its cells. */
export interface TableRow {
  n: number;
  cells: string[];
}

export type TableResult = { ok: true; format: 'csv' | 'xlsx'; rows: TableRow[] } | { ok: false; error: string };

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const fail = (error: string): TableResult => ({ ok: false, error });
const startsWith = (buf: Uint8Array, ...bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** Reads an uploaded file: XLSX when it is a zip (PK\x03\x04), otherwise UTF-8 text as CSV. */
export async function readUpload(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<TableResult> {
  if (bytes.length === 0) return fail('The file is empty.');
  if (bytes.length > limits.maxBytes) return fail(`The file is larger than ${MB(limits.maxBytes)}. Split it into smaller files.`);
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return readXlsx(Buffer.from(bytes), limits);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return fail('This is an older Excel file (.xls). Save it as Excel Workbook (.xlsx) or CSV UTF-8 and try again.');
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return fail('This is a PDF. Upload a CSV or XLSX file.');
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return fail('This file is saved as UTF-16 text. Save it as CSV UTF-8 and try again.');
  if (bytes.includes(0)) return fail('This is not a CSV or XLSX file: it holds binary data.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('This file is not UTF-8 text (it may be saved as Windows or Latin-1 text). Save it as CSV UTF-8 and try again.');
  }
  return readText(text, limits);
}

/** Reads CSV text (pasted or decoded): commas, or tabs when pasted straight from a spreadsheet. */
export function readText(input: string, limits: ImportLimits = IMPORT_LIMITS): TableResult {
  const text = input.replace(/^\uFEFF/, '');
  if (Buffer.byteLength(text) > limits.maxBytes) return fail(`The text is larger than ${MB(limits.maxBytes)}. Split it into smaller parts.`);
  if (text.trim() === '') return fail('There is nothing to import.');
  // Control characters other than tab and line breaks mean this is not text a spreadsheet wrote.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return fail('This is not a CSV file: it holds control characters.');
  const lines = text.split(/\r\n|\n|\r/).length;
  if (lines > limits.maxRows * 4 + 1) return fail(`There are more than ${limits.maxRows.toLocaleString('en-GB')} rows. Split the list into smaller files.`);
  const first = text.slice(0, text.search(/\r|\n|$/));
  const count = (ch: string) => first.split(ch).length - 1;
  const delimiter = count('\t') > count(',') ? '\t' : count(';') > count(',') ? ';' : ',';
  let records: string[][];
  try {
    const parsed: unknown = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, max_record_size: 64 * 1024 });
    records = (parsed as unknown[][]).map((r) => r.map(String));
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? ` near line ${(e as { lines: number }).lines}` : '';
    return fail(`The CSV could not be read${line}: check that every quote mark (") is closed.`);
  }
  return table('csv', records.map((cells, i) => ({ n: i + 1, cells })), limits);
}

function table(format: 'csv' | 'xlsx', all: TableRow[], limits: ImportLimits): TableResult {
  const rows = all.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) return fail('There is nothing to import.');
  if (rows.length - 1 > limits.maxRows) return fail(`There are ${(rows.length - 1).toLocaleString('en-GB')} rows: the most one import takes is ${limits.maxRows.toLocaleString('en-GB')}. Split the list.`);
  if (rows.some((r) => r.cells.length > limits.maxColumns)) return fail(`A row has more than ${limits.maxColumns} columns. Keep only the tracker's columns.`);
  return { ok: true, format, rows };
}

/** A spreadsheet cell as text: dates as ISO days, formulas by their result, rich text joined. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return 'result' in v && v.result !== undefined ? cellText(v.result) : '';
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('error' in v) return '';
  return '';
}

async function readXlsx(buf: Buffer, limits: ImportLimits): Promise<TableResult> {
  const zip = checkZip(buf, { maxInflated: limits.maxUnpacked, maxEntries: 500 });
  if (!zip.ok) {
    return fail(zip.reason === 'too_big_unpacked' ? 'This spreadsheet unpacks to far more data than a tracker holds. Save just the tracker sheet and try again.' : 'This file starts like an XLSX spreadsheet but could not be read. Save it again as Excel Workbook (.xlsx) or CSV UTF-8.');
  }
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    return fail('This file could not be read as an XLSX spreadsheet. Save it again as Excel Workbook (.xlsx) or CSV UTF-8.');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return fail('The spreadsheet has no sheets.');
  if (sheet.rowCount - 1 > limits.maxRows) return fail(`There are more than ${limits.maxRows.toLocaleString('en-GB')} rows: split the list.`);
  if (sheet.columnCount > limits.maxColumns) return fail(`The first sheet has more than ${limits.maxColumns} columns. Keep only the tracker's columns.`);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push({ n, cells: Array.from(values, (v) => cellText(v)) });
  });
  return table('xlsx', rows, limits);
}

// A spreadsheet may run a cell that starts like a formula: exported text is kept as text.
const guardFormula = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** Undoes guardFormula on import, so an exported file imports unchanged. */
export const unguardFormula = (v: string): string => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

/** Rows as CSV (UTF-8 with a byte-order mark, so Excel opens it as UTF-8). */
export function writeCsv(rows: readonly (readonly string[])[]): Buffer {
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify(rows.map((r) => r.map(guardFormula)), { record_delimiter: '\r\n' }))]);
}

/** Rows as an XLSX workbook of one sheet; every cell is text. */
export async function writeXlsx(rows: readonly (readonly string[])[], sheetName: string): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  for (const r of rows) ws.addRow([...r]);
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
