/**
 * SQL for paper forms keyed once and waiting for a second entry or a resolution. A row is taken (deleted)
 * just before its response is stored, so nothing here outlives the form or points to its response.
 */
import type { Db } from '../../db/index.ts';
import type { InstrumentId } from '../../instruments/index.ts';
import type { EntryValues } from './entry.ts';

export type PendingStatus = 'awaiting_second' | 'to_resolve';

/** A form keyed once (or twice, with differences), not yet a response. */
export interface PendingEntry {
  readonly id: string;
  readonly reference: string;
  readonly waveId: string;
  readonly instrumentId: InstrumentId;
  readonly sheetSerial: string | null;
  readonly status: PendingStatus;
  readonly firstBy: string;
  readonly first: EntryValues;
  readonly secondBy: string | null;
  readonly second: EntryValues | null;
  readonly createdOn: string;
}

type Row = {
  id: string;
  reference: string;
  wave_id: string;
  instrument_id: string;
  sheet_serial: string | null;
  status: string;
  first_by: string;
  first_values: string;
  second_by: string | null;
  second_values: string | null;
  created_on: string;
};

const toEntry = (r: Row): PendingEntry => ({
  id: r.id,
  reference: r.reference,
  waveId: r.wave_id,
  instrumentId: r.instrument_id as InstrumentId,
  sheetSerial: r.sheet_serial,
  status: r.status as PendingStatus,
  firstBy: r.first_by,
  first: JSON.parse(r.first_values) as EntryValues,
  secondBy: r.second_by,
  second: r.second_values === null ? null : (JSON.parse(r.second_values) as EntryValues),
  createdOn: r.created_on,
});

const toRow = (e: PendingEntry): Row => ({
  id: e.id,
  reference: e.reference,
  wave_id: e.waveId,
  instrument_id: e.instrumentId,
  sheet_serial: e.sheetSerial,
  status: e.status,
  first_by: e.firstBy,
  first_values: JSON.stringify(e.first),
  second_by: e.secondBy,
  second_values: e.second === null ? null : JSON.stringify(e.second),
  created_on: e.createdOn,
});

/** Pending paper entries' SQL over a database. */
export function entryRepository(db: Db) {
  return {
    async insert(entry: PendingEntry): Promise<void> {
      await db.insertInto('paper_entries').values(toRow(entry)).execute();
    },

    async referenceTaken(reference: string): Promise<boolean> {
      return (await db.selectFrom('paper_entries').select('id').where('reference', '=', reference).executeTakeFirst()) !== undefined;
    },

    async find(id: string): Promise<PendingEntry | undefined> {
      const r = await db.selectFrom('paper_entries').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toEntry(r);
    },

    /** Forms waiting for a second entry whose reference or sheet serial is this. */
    async awaitingByReferenceOrSerial(reference: string, serial: string): Promise<PendingEntry[]> {
      const rows = await db
        .selectFrom('paper_entries')
        .selectAll()
        .where('status', '=', 'awaiting_second')
        .where((eb) => eb.or([eb('reference', '=', reference), eb('sheet_serial', '=', serial)]))
        .limit(5)
        .execute();
      return rows.map(toEntry);
    },

    /** Every pending form, oldest first, with its wave's title (no answers). */
    async list(): Promise<Array<Omit<PendingEntry, 'first' | 'second'> & { waveTitle: string }>> {
      const rows = await db
        .selectFrom('paper_entries')
        .innerJoin('waves', 'waves.id', 'paper_entries.wave_id')
        .select(['paper_entries.id', 'reference', 'wave_id', 'instrument_id', 'sheet_serial', 'paper_entries.status', 'first_by', 'second_by', 'created_on', 'waves.title'])
        .orderBy('created_on')
        .orderBy('reference')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        waveId: r.wave_id,
        instrumentId: r.instrument_id as InstrumentId,
        sheetSerial: r.sheet_serial,
        status: r.status as PendingStatus,
        firstBy: r.first_by,
        secondBy: r.second_by,
        createdOn: r.created_on,
        waveTitle: r.title,
      }));
    },

    /** Records the second entry, only while the form still waits for one; false when someone else got there first. */
    async recordSecond(id: string, by: string, values: EntryValues): Promise<boolean> {
      const r = await db
        .updateTable('paper_entries')
        .set({ status: 'to_resolve', second_by: by, second_values: JSON.stringify(values) })
        .where('id', '=', id)
        .where('status', '=', 'awaiting_second')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Takes the form out of the pending list before its response is stored; false when it was already taken. */
    async take(id: string): Promise<boolean> {
      const r = await db.deleteFrom('paper_entries').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },

    /** Puts a taken form back when its response could not be stored, so nothing keyed is lost. */
    async putBack(entry: PendingEntry): Promise<void> {
      await db.insertInto('paper_entries').values(toRow(entry)).execute();
    },
  };
}

export type EntryRepository = ReturnType<typeof entryRepository>;
