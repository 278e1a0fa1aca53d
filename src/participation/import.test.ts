import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EntryContext } from './entry-input.ts';
import { exportRows, planImport } from './import.ts';
import { IMPORT_LIMITS, readText, readUpload, writeCsv, writeXlsx } from './spreadsheet.ts';
import type { EntryFields } from './tracker.ts';

const ctx: EntryContext = { survey: 'ylyc', instruments: ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17'], opensOn: '2026-03-01', closesOn: '2026-04-30', today: '2026-03-02' };
const none = new Map<string, EntryFields>();
const table = (csv: string) => {
  const t = readText(csv);
  if (!t.ok) throw new Error(t.error);
  return t.rows;
};

describe('planning an import', () => {
  it('maps headings in any order and case, and reports every problem by row and column', () => {
    const plan = planImport(table('Reference,Planned date,AGE-BAND\nCS-1,27/03/2026,8-11\nCS-2,not a date,8-11\nCS-3,2026-03-30,99\n'), ctx, none);
    expect(plan).toEqual({
      ok: false,
      more: 0,
      errors: ['row 3, column planned_date: not a date (use 2026-03-27 or 27/03/2026)', "row 4, column age_band: must be one of this wave's age bands: ylyc-4-7, ylyc-8-11, ylyc-11-17"],
    });
  });

  it('refuses identifying and unknown columns before reading any row', () => {
    const plan = planImport(table('reference,age_band,First name,DOB,Postcode,colour\nCS-1,8-11,Jamie,01/02/2015,LS6 2AB,blue\n'), ctx, none);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors).toHaveLength(4);
    expect(plan.errors[0]).toMatch(/^column "First name" looks like it holds a person's name/);
    expect(plan.errors[1]).toMatch(/^column "DOB" looks like it holds a date of birth/);
    expect(plan.errors[2]).toMatch(/^column "Postcode" looks like it holds an address/);
    expect(plan.errors[3]).toMatch(/^column "colour" is not one of the tracker's columns/);
  });

  it('refuses repeated references and missing required columns', () => {
    const twice = planImport(table('reference,age_band\nCS-1,8-11\ncs-1,8-11\n'), ctx, none);
    expect(twice.ok === false && twice.errors).toEqual(['row 3, column reference: the same reference is on row 2']);
    const missing = planImport(table('team,age_band\nNorth,8-11\n'), ctx, none);
    expect(missing.ok === false && missing.errors).toEqual(['the reference column is missing']);
    const noBand = planImport(table('reference,team\nCS-1,North\n'), ctx, none);
    expect(noBand.ok === false && noBand.errors).toEqual(['row 2, column age_band: choose the age band']);
  });

  it('upserts: a known reference keeps the columns the file does not have, and its status when blank', () => {
    const before = planImport(table('reference,age_band,team,status,trusted_adult_name\nCS-1,8-11,North,completed,Kim Lee\n'), ctx, none);
    if (!before.ok) throw new Error(before.errors.join());
    const existing = new Map([['cs-1', before.rows[0]!.fields]]);
    const again = planImport(table('reference,age_band,status\nCS-1,11-17,\n'), ctx, existing);
    expect(again.ok && again.rows[0]!.fields).toMatchObject({ ageBand: 'ylyc-11-17', team: 'North', status: 'completed', trustedAdultName: 'Kim Lee' });
  });

  it('round-trips its own export, CSV and XLSX, including text that looks like a formula', async () => {
    const plan = planImport(table('reference,age_band,team,backup_description\nCS-1,8-11,=North,"-, ok"\n'), ctx, none);
    if (!plan.ok) throw new Error(plan.errors.join());
    const rows = exportRows(plan.rows.map((r) => r.fields));
    const csv = writeCsv(rows);
    expect(csv.toString('utf8')).toContain("'=North");
    for (const bytes of [csv, await writeXlsx(rows, 'Tracker')]) {
      const read = await readUpload(bytes);
      if (!read.ok) throw new Error(read.error);
      const again = planImport(read.rows, ctx, none);
      expect(again.ok && again.rows[0]!.fields).toEqual(plan.rows[0]!.fields);
    }
  });

  it('takes tab-separated text pasted from a spreadsheet', () => {
    const plan = planImport(table('reference\tage_band\tteam\nCS-1\t4-7\tSouth, East\n'), ctx, none);
    expect(plan.ok && plan.rows[0]!.fields.team).toBe('South, East');
  });
});

describe('import properties', () => {
  const cell = fc.oneof(fc.constantFrom('', 'CS-1', '8-11', 'planned', 'Jamie Smith', '12 High Street', '27/03/2026', 'LS6 2AB', '"', ',', '\n', 'yes', 'x'), fc.string({ maxLength: 12 }));
  const headers = fc.shuffledSubarray(['reference', 'age_band', 'team', 'status', 'planned_date', 'place', 'trusted_adult_name', 'Name', 'notes'], { minLength: 1 });

  it('random rows are all planned or refused with a problem per bad row, never a partial plan', () => {
    fc.assert(
      fc.property(headers, fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 30 }), (hs, body) => {
        const rows = [{ n: 1, cells: hs }, ...body.map((cells, i) => ({ n: i + 2, cells }))];
        const plan = planImport(rows, ctx, none);
        if (plan.ok) {
          expect(plan.rows.length).toBeGreaterThan(0);
          expect(plan.rows.length).toBeLessThanOrEqual(body.length);
        } else {
          expect(plan.errors.length).toBeGreaterThan(0);
          for (const e of plan.errors) expect(e).toMatch(/^(row \d+|column|the |there )/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes always read as a table or give one clear refusal, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.uint8Array({ maxLength: 500 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b]))), async (bytes) => {
        const r = await readUpload(bytes);
        if (!r.ok) expect(r.error).toMatch(/\.$/);
      }),
      { numRuns: 300 },
    );
  });

  it('inputs over the limits are always refused whole, whatever they hold', async () => {
    const small = { ...IMPORT_LIMITS, maxBytes: 2000, maxRows: 40 };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 41, max: 400 }), fc.constantFrom('csv', 'xlsx'), async (n, kind) => {
        const rows = [['reference', 'age_band'], ...Array.from({ length: n }, (_, i) => [`R-${i}`, '8-11'])];
        const bytes = kind === 'csv' ? writeCsv(rows) : await writeXlsx(rows, 'Tracker');
        const r = await readUpload(bytes, small);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatch(/larger than|rows/);
      }),
      { numRuns: 30 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 2001, maxLength: 6000 }), async (bytes) => {
        expect(await readUpload(bytes, small)).toEqual({ ok: false, error: expect.stringMatching(/larger than/) as unknown });
      }),
      { numRuns: 30 },
    );
  });

  it('refuses wrong encodings and files over the limits with a clear message', async () => {
    const latin1 = Buffer.from('reference,age_band,team\nCS-1,8-11,Caf\xe9\n', 'latin1');
    expect(await readUpload(latin1)).toEqual({ ok: false, error: expect.stringMatching(/not UTF-8/) as unknown });
    expect(await readUpload(Buffer.from('\ufeffreference,age_band\n', 'utf16le'))).toEqual({ ok: false, error: expect.stringMatching(/UTF-16/) as unknown });
    expect((await readUpload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).ok).toBe(false);
    const bom = await readUpload(Buffer.from('\ufeffreference,age_band\nCS-1,8-11\n'));
    expect(bom.ok && bom.rows[0]!.cells[0]).toBe('reference');
    const big = Buffer.alloc(IMPORT_LIMITS.maxBytes + 1, 'a');
    expect(await readUpload(big)).toEqual({ ok: false, error: expect.stringMatching(/larger than 5 MB/) as unknown });
    const many = 'reference,age_band\n' + 'CS-1,8-11\n'.repeat(IMPORT_LIMITS.maxRows + 1);
    expect(readText(many)).toEqual({ ok: false, error: expect.stringMatching(/20,001 rows/) as unknown });
    expect(readText('reference,age_band\n"CS-1,8-11\n')).toEqual({ ok: false, error: expect.stringMatching(/quote/) as unknown });
  });
});
