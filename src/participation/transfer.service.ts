/**
 * Import and export of a wave's tracker as CSV or XLSX. An import upserts by reference: a row for a
 * reference already on the tracker updates it (columns the file does not have keep their values), a
 * new reference is added, and entries the file does not mention stay as they are. Everything is checked
 * first; then every row is written in one transaction, or nothing is.
 */
import type { Clock } from '../lib/clock.ts';
import { isoDay } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import type { Actor, AuditLog, ProgrammeService } from '../programme/index.ts';
import { columnsFor } from './columns.ts';
import { exportRows, planImport } from './import.ts';
import { trackerWave } from './policy.ts';
import { readText, readUpload, writeCsv, writeXlsx, type TableResult } from './spreadsheet.ts';
import { entryContext } from './tracker.service.ts';
import { trackerRepository, type EntryBatch } from './tracker.repository.ts';
import type { Db } from '../db/index.ts';

export interface TransferDeps {
  db: Db;
  clock: Clock;
  programme: Pick<ProgrammeService, 'findWave'>;
  audit: AuditLog;
}

/** What an import did, or every problem that stopped it. */
export type ImportOutcome = { ok: true; added: number; updated: number; format: string } | { ok: false; errors: string[]; more: number };

/** Where the table comes from: an uploaded file's bytes, or text pasted into the page. */
export type ImportSource = { kind: 'file'; bytes: Uint8Array } | { kind: 'text'; text: string };

export type ExportFormat = 'csv' | 'xlsx';

/** Builds the import and export use cases. */
export function transferService(d: TransferDeps) {
  const repo = trackerRepository(d.db);
  const today = () => isoDay(d.clock.now());

  return {
    /** Checks that the actor may import into the wave before anything is read. */
    mayImport: (actor: Actor, waveId: string) => trackerWave(d.programme, actor, waveId, 'tracker.edit'),

    /** Imports a table into the wave's tracker: all rows, or none with every problem listed. */
    async importTable(actor: Actor, waveId: string, source: ImportSource): Promise<ImportOutcome> {
      const wave = await trackerWave(d.programme, actor, waveId, 'tracker.edit');
      const table: TableResult = source.kind === 'file' ? await readUpload(source.bytes) : readText(source.text);
      const refuse = async (errors: string[], more: number): Promise<ImportOutcome> => {
        await d.audit.record(actor, 'tracker.import_refused', wave.laId, wave.id, { problems: errors.length + more });
        return { ok: false, errors, more };
      };
      if (!table.ok) return refuse([table.error], 0);
      const current = await repo.list(wave.id);
      const byRef = new Map(current.map((e) => [e.reference.toLowerCase(), e]));
      const plan = planImport(table.rows, entryContext(wave, today()), byRef);
      if (!plan.ok) return refuse(plan.errors, plan.more);
      const day = today();
      const batch: EntryBatch = { inserts: [], updates: [], day };
      for (const row of plan.rows) {
        const before = byRef.get(row.fields.reference.toLowerCase());
        if (before) batch.updates.push({ id: before.id, fields: row.fields });
        else batch.inserts.push({ id: newId(), waveId: wave.id, ...row.fields, createdOn: day, updatedOn: day });
      }
      await repo.applyBatch(batch);
      const format = source.kind === 'text' ? 'pasted' : table.format;
      await d.audit.record(actor, 'tracker.imported', wave.laId, wave.id, { format, added: batch.inserts.length, updated: batch.updates.length });
      return { ok: true, added: batch.inserts.length, updated: batch.updates.length, format };
    },

    /** The wave's tracker as a file, in the import's column layout (so it can be edited and imported back). */
    async exportFile(actor: Actor, waveId: string, format: ExportFormat): Promise<{ filename: string; contentType: string; body: Buffer }> {
      const wave = await trackerWave(d.programme, actor, waveId, 'tracker.view');
      const entries = await repo.list(wave.id);
      const rows = exportRows(entries, columnsFor(wave.survey).map((c) => c.field));
      await d.audit.record(actor, 'tracker.exported', wave.laId, wave.id, { format, rows: entries.length });
      const name = `tracker-${wave.linkCode}-${today()}`;
      return format === 'csv'
        ? { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: writeCsv(rows) }
        : { filename: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await writeXlsx(rows, 'Tracker') };
    },
  };
}

export type TransferService = ReturnType<typeof transferService>;
