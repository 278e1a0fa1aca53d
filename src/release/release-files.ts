/**
 * The files of an approved release, from its frozen snapshot: an XLSX workbook (data, codebook,
 * disclosure control) or a zip of data.csv, codebook.json and disclosure-control.txt. No database.
 */
import { stringify } from 'csv-stringify/sync';
import type { DisclosureReport } from './anonymise.ts';
import { codebookRows, type Codebook } from './codebook.ts';
import { zipSync } from 'fflate';

/** What an approval freezes: exactly the rows, codebook and report the approver saw. */
export interface ReleaseSnapshot {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly codebook: Codebook;
  readonly report: DisclosureReport;
  /** The report in plain sentences. */
  readonly reportLines: readonly string[];
}

export type ReleaseFormat = 'xlsx' | 'zip';

export interface ReleaseFile {
  readonly filename: string;
  readonly contentType: string;
  readonly body: Buffer;
}

// A spreadsheet may run a cell that starts like a formula (a young person's comment could): kept as text.
const guardFormula = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** Rows as CSV, UTF-8 with a byte-order mark so Excel opens it as UTF-8. */
export function csvOf(rows: readonly (readonly string[])[]): Buffer {
  return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify(rows.map((r) => r.map(guardFormula)), { record_delimiter: '\r\n' }))]);
}

async function workbook(s: ReleaseSnapshot): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, rows: readonly (readonly (string | number)[])[]) => {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'number' ? v : guardFormula(v))));
    ws.getRow(1).font = { bold: true };
  };
  // Whole numbers (row numbers, scores, ages) as numbers, so a spreadsheet can sum and sort them.
  sheet('Data', [s.columns, ...s.rows.map((r) => r.map((v) => (/^-?\d{1,9}$/.test(v) ? Number(v) : v)))]);
  sheet('Codebook', codebookRows(s.codebook));
  sheet('Disclosure control', [['What disclosure control did'], ...s.reportLines.map((l) => [l])]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The release as a file in the chosen format, named after the request. */
export async function releaseFile(s: ReleaseSnapshot, format: ReleaseFormat, name: string, at: Date): Promise<ReleaseFile> {
  if (format === 'xlsx') {
    return { filename: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await workbook(s) };
  }
  const mtime = at;
  const body = Buffer.from(
    zipSync({
      'data.csv': [csvOf([s.columns, ...s.rows]), { mtime }],
      'codebook.json': [Buffer.from(JSON.stringify({ ...s.codebook, disclosureControl: s.report }, null, 2)), { mtime }],
      'disclosure-control.txt': [Buffer.from(`${s.reportLines.join('\r\n')}\r\n`), { mtime }],
    }),
  );
  return { filename: `${name}.zip`, contentType: 'application/zip', body };
}
