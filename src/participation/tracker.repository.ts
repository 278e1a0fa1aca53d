/** SQL for the participation tracker's entries, and the row <-> domain mapping. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/index.ts';
import type { TrackerEntryTable } from '../db/schema.ts';
import type { InstrumentId } from '../instruments/types.ts';
import { BACKUP_PLANS, emptyCounts, ENTRY_STATUSES, isOneOf, PLACEMENT_TYPES, PLACES, YES_NO, type EntryFields, type StatusCounts, type TrackerEntry } from './tracker.ts';

const orNull = <T extends string>(list: readonly T[], v: string | null): T | null => (isOneOf(list, v) ? v : null);

function toEntry(r: Selectable<TrackerEntryTable>): TrackerEntry {
  return {
    id: r.id,
    waveId: r.wave_id,
    reference: r.reference,
    ageBand: r.age_band as InstrumentId,
    team: r.team,
    placementType: orNull(PLACEMENT_TYPES, r.placement_type),
    worker: r.worker,
    trustedAdultName: r.trusted_adult_name,
    trustedAdultRole: r.trusted_adult_role,
    plannedOn: r.planned_on,
    place: orNull(PLACES, r.place),
    backupPlan: orNull(BACKUP_PLANS, r.backup_plan),
    backupNote: r.backup_note,
    status: isOneOf(ENTRY_STATUSES, r.status) ? r.status : 'not_planned',
    needsSupport: r.needs_support === null ? null : Number(r.needs_support) === 1,
    paCatchUp: orNull(YES_NO, r.pa_catch_up),
    paCatchUpOn: r.pa_catch_up_on,
    flags: {
      additionalNeeds: Number(r.additional_needs) === 1,
      unaccompanied: Number(r.unaccompanied) === 1,
      inCustody: Number(r.in_custody) === 1,
      outOfArea: Number(r.out_of_area) === 1,
    },
    createdOn: r.created_on,
    updatedOn: r.updated_on,
  };
}

/** The columns an entry's fields set (everything but ids and days). */
function fieldColumns(f: EntryFields) {
  return {
    reference: f.reference,
    reference_key: f.reference.toLowerCase(),
    age_band: f.ageBand,
    team: f.team,
    placement_type: f.placementType,
    worker: f.worker,
    trusted_adult_name: f.trustedAdultName,
    trusted_adult_role: f.trustedAdultRole,
    planned_on: f.plannedOn,
    place: f.place,
    backup_plan: f.backupPlan,
    backup_note: f.backupNote,
    status: f.status,
    needs_support: f.needsSupport === null ? null : f.needsSupport ? 1 : 0,
    pa_catch_up: f.paCatchUp,
    pa_catch_up_on: f.paCatchUpOn,
    additional_needs: f.flags.additionalNeeds ? 1 : 0,
    unaccompanied: f.flags.unaccompanied ? 1 : 0,
    in_custody: f.flags.inCustody ? 1 : 0,
    out_of_area: f.flags.outOfArea ? 1 : 0,
  };
}

const insertRow = (e: TrackerEntry): Insertable<TrackerEntryTable> => ({ id: e.id, wave_id: e.waveId, ...fieldColumns(e), created_on: e.createdOn, updated_on: e.updatedOn });

/** A change to many entries at once: inserts and updates (by id), all or nothing. */
export interface EntryBatch {
  inserts: TrackerEntry[];
  updates: Array<{ id: string; fields: EntryFields }>;
  day: string;
}

// SQLite allows at most 32,766 bound parameters per statement; 25 columns x 500 rows stays well within.
const CHUNK = 500;

/** The tracker's SQL over a database. */
export function trackerRepository(db: Db) {
  return {
    async list(waveId: string): Promise<TrackerEntry[]> {
      const rows = await db.selectFrom('tracker_entries').selectAll().where('wave_id', '=', waveId).orderBy('reference_key').execute();
      return rows.map(toEntry);
    },
    async find(waveId: string, id: string): Promise<TrackerEntry | undefined> {
      const r = await db.selectFrom('tracker_entries').selectAll().where('wave_id', '=', waveId).where('id', '=', id).executeTakeFirst();
      return r && toEntry(r);
    },
    async findByReference(waveId: string, reference: string): Promise<TrackerEntry | undefined> {
      const r = await db.selectFrom('tracker_entries').selectAll().where('wave_id', '=', waveId).where('reference_key', '=', reference.toLowerCase()).executeTakeFirst();
      return r && toEntry(r);
    },
    async insert(e: TrackerEntry): Promise<void> {
      await db.insertInto('tracker_entries').values(insertRow(e)).execute();
    },
    async update(waveId: string, id: string, f: EntryFields, day: string): Promise<void> {
      await db.updateTable('tracker_entries').set({ ...fieldColumns(f), updated_on: day }).where('wave_id', '=', waveId).where('id', '=', id).execute();
    },
    /** Deletes an entry and its access code. */
    async delete(waveId: string, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('access_codes').where('wave_id', '=', waveId).where('entry_id', '=', id).execute();
        await trx.deleteFrom('tracker_entries').where('wave_id', '=', waveId).where('id', '=', id).execute();
      });
    },
    /** Writes every insert and update of an import in one transaction: all of them, or none. */
    async applyBatch(b: EntryBatch): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < b.inserts.length; i += CHUNK) {
          await trx.insertInto('tracker_entries').values(b.inserts.slice(i, i + CHUNK).map(insertRow)).execute();
        }
        for (const u of b.updates) {
          await trx.updateTable('tracker_entries').set({ ...fieldColumns(u.fields), updated_on: b.day }).where('id', '=', u.id).execute();
        }
      });
    },
    /** Entries per status for a wave (every status present). */
    async countByStatus(waveId: string): Promise<StatusCounts> {
      const rows = await db
        .selectFrom('tracker_entries')
        .select(['status', (eb) => eb.fn.countAll().as('n')])
        .where('wave_id', '=', waveId)
        .groupBy('status')
        .execute();
      const counts = emptyCounts();
      for (const r of rows) if (isOneOf(ENTRY_STATUSES, r.status)) counts[r.status] = Number(r.n);
      return counts;
    },
  };
}

export type TrackerRepository = ReturnType<typeof trackerRepository>;
