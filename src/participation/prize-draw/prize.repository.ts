/**
 * SQL for prize draw entries and draws. Entries are never read in the order they were stored: lists
 * are ordered by first name (for people) or by random id (for the draw), never by insertion.
 */
import type { Db } from '../../db/index.ts';
import type { ContactMethod, PrizeEntry } from './draw.ts';

export interface DrawRecord {
  waveId: string;
  drawnOn: string;
  entries: number;
  winners: number;
  forgetOn: string;
}

export function prizeRepository(db: Db) {
  return {
    /** Stores an entry unless the same name and contact already entered this wave (a resubmitted form). */
    async insertEntry(e: Omit<PrizeEntry, 'won'>): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const same = await tx
          .selectFrom('prize_entries')
          .select('id')
          .where('wave_id', '=', e.waveId)
          .where('first_name', '=', e.firstName)
          .where('contact', '=', e.contact)
          .executeTakeFirst();
        if (same) return;
        await tx.insertInto('prize_entries').values({ id: e.id, wave_id: e.waveId, first_name: e.firstName, contact_method: e.contactMethod, contact: e.contact }).execute();
      });
    },

    /** A wave's entries, by first name: what the LA lead sees. */
    async listEntries(waveId: string): Promise<PrizeEntry[]> {
      const rows = await db.selectFrom('prize_entries').selectAll().where('wave_id', '=', waveId).orderBy('first_name').orderBy('contact').orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, waveId: r.wave_id, firstName: r.first_name, contactMethod: r.contact_method as ContactMethod, contact: r.contact, won: Number(r.won) === 1 }));
    },

    /**
     * In one transaction: marks the chosen entries as winners, deletes every other undrawn entry of the
     * wave, and records the draw (day and counts only). `choose` picks among the undrawn entries' ids.
     */
    async draw(waveId: string, choose: (ids: string[]) => string[], record: Omit<DrawRecord, 'entries' | 'winners'>): Promise<{ entries: number; winners: string[] }> {
      return db.transaction().execute(async (tx) => {
        const ids = (await tx.selectFrom('prize_entries').select('id').where('wave_id', '=', waveId).where('won', '=', 0).orderBy('id').execute()).map((r) => r.id);
        const winners = ids.length > 0 ? choose(ids) : [];
        if (winners.length > 0) await tx.updateTable('prize_entries').set({ won: 1 }).where('wave_id', '=', waveId).where('id', 'in', winners).execute();
        await tx.deleteFrom('prize_entries').where('wave_id', '=', waveId).where('won', '=', 0).execute();
        const row = { drawn_on: record.drawnOn, entries: ids.length, winners: winners.length, forget_on: record.forgetOn };
        await tx
          .insertInto('prize_draws')
          .values({ wave_id: waveId, ...row })
          .onConflict((oc) => oc.column('wave_id').doUpdateSet(row))
          .execute();
        return { entries: ids.length, winners };
      });
    },

    async findDraw(waveId: string): Promise<DrawRecord | undefined> {
      const r = await db.selectFrom('prize_draws').selectAll().where('wave_id', '=', waveId).executeTakeFirst();
      return r && { waveId: r.wave_id, drawnOn: r.drawn_on, entries: Number(r.entries), winners: Number(r.winners), forgetOn: r.forget_on };
    },

    /** Deletes a wave's entries: all of them, or only the winners. Returns how many went. */
    async deleteEntries(waveId: string, only?: 'winners'): Promise<number> {
      let q = db.deleteFrom('prize_entries').where('wave_id', '=', waveId);
      if (only === 'winners') q = q.where('won', '=', 1);
      return Number((await q.executeTakeFirst()).numDeletedRows);
    },

    /** The waves that have any entries at all. */
    async wavesWithEntries(): Promise<string[]> {
      return (await db.selectFrom('prize_entries').select('wave_id').distinct().orderBy('wave_id').execute()).map((r) => r.wave_id);
    },

    /** Waves whose winners' details are due to be forgotten on or before a day. */
    async drawsToForget(today: string): Promise<string[]> {
      return (await db.selectFrom('prize_draws').select('wave_id').where('forget_on', '<=', today).orderBy('wave_id').execute()).map((r) => r.wave_id);
    },
  };
}

export type PrizeRepository = ReturnType<typeof prizeRepository>;
