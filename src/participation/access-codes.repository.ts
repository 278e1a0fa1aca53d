/**
 * SQL for access codes. A code used by a young person is not written on its own row: its hash joins the
 * sorted set of hashes used in that wave that day (access_code_uses). So the code rows keep the order
 * and the transaction they were made in, and nothing's order or last writer says which code was used
 * when. The daily batch copies the day onto the code rows and completes their tracker entries.
 */
import type { Db } from '../db/index.ts';

/** What the tracker shows of an entry's code: whether there is one, and the days the batch recorded. */
export interface CodeState {
  entryId: string;
  createdOn: string;
  usedOn: string | null;
  redeemedOn: string | null;
}

const CHUNK = 500;

function hashesOf(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Access codes' SQL over a database. */
export function accessCodesRepository(db: Db) {
  return {
    async listForWave(waveId: string): Promise<CodeState[]> {
      const rows = await db.selectFrom('access_codes').select(['entry_id', 'created_on', 'used_on', 'redeemed_on']).where('wave_id', '=', waveId).where('replaced_on', 'is', null).execute();
      return rows.map((r) => ({ entryId: r.entry_id, createdOn: r.created_on, usedOn: r.used_on, redeemedOn: r.redeemed_on }));
    },

    /**
     * Gives entries new codes in one transaction. An unused code they had is marked replaced, not deleted:
     * it stops opening the survey, but a use already made with it still completes the entry.
     */
    async replace(waveId: string, codes: ReadonlyArray<{ entryId: string; codeHash: string }>, day: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < codes.length; i += CHUNK) {
          const chunk = codes.slice(i, i + CHUNK);
          await trx
            .updateTable('access_codes')
            .set({ replaced_on: day })
            .where('wave_id', '=', waveId)
            .where('used_on', 'is', null)
            .where('replaced_on', 'is', null)
            .where('entry_id', 'in', chunk.map((c) => c.entryId))
            .execute();
          await trx
            .insertInto('access_codes')
            .values(chunk.map((c) => ({ code_hash: c.codeHash, wave_id: waveId, entry_id: c.entryId, created_on: day, used_on: null, redeemed_on: null, replaced_on: null })))
            .execute();
        }
      });
    },

    /** A code by its hash: its wave, the day the batch recorded it used (null until then), whether it was replaced. */
    async find(codeHash: string): Promise<{ waveId: string; usedOn: string | null; replaced: boolean } | undefined> {
      const r = await db.selectFrom('access_codes').select(['wave_id', 'used_on', 'replaced_on']).where('code_hash', '=', codeHash).executeTakeFirst();
      return r && { waveId: r.wave_id, usedOn: r.used_on, replaced: r.replaced_on !== null };
    },

    /**
     * Adds a code's hash to the set used in its wave on a day. A compare-and-swap on the set's text makes
     * concurrent additions safe on both engines without locks; an unknown code changes nothing.
     */
    async markUsed(codeHash: string, day: string): Promise<void> {
      const code = await db.selectFrom('access_codes').select(['wave_id', 'used_on']).where('code_hash', '=', codeHash).executeTakeFirst();
      if (!code || code.used_on !== null) return;
      const key = { wave_id: code.wave_id, used_on: day };
      await db.insertInto('access_code_uses').values({ ...key, code_hashes: '[]' }).onConflict((oc) => oc.columns(['wave_id', 'used_on']).doNothing()).execute();
      for (let attempt = 0; attempt < 20; attempt++) {
        const row = await db.selectFrom('access_code_uses').select('code_hashes').where('wave_id', '=', key.wave_id).where('used_on', '=', day).executeTakeFirstOrThrow();
        const set = new Set(hashesOf(row.code_hashes));
        if (set.has(codeHash)) return;
        const next = JSON.stringify([...set, codeHash].sort());
        const r = await db
          .updateTable('access_code_uses')
          .set({ code_hashes: next })
          .where('wave_id', '=', key.wave_id)
          .where('used_on', '=', day)
          .where('code_hashes', '=', row.code_hashes)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 1) return;
      }
      throw new Error('access code use could not be recorded');
    },

    /**
     * The daily batch, in one transaction: codes used before `today` get their day on their row, their
     * entries become completed, and the day's set is deleted. Returns how many entries it completed.
     */
    async applyCompletions(today: string): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const sets = await trx.selectFrom('access_code_uses').selectAll().where('used_on', '<', today).orderBy('used_on').execute();
        const entries = new Set<string>();
        for (const s of sets) {
          const hashes = hashesOf(s.code_hashes);
          for (let i = 0; i < hashes.length; i += CHUNK) {
            const chunk = hashes.slice(i, i + CHUNK);
            const due = await trx.selectFrom('access_codes').select('entry_id').where('wave_id', '=', s.wave_id).where('code_hash', 'in', chunk).where('used_on', 'is', null).execute();
            if (due.length === 0) continue;
            await trx.updateTable('access_codes').set({ used_on: s.used_on, redeemed_on: today }).where('wave_id', '=', s.wave_id).where('code_hash', 'in', chunk).where('used_on', 'is', null).execute();
            const ids = due.map((d) => d.entry_id);
            await trx.updateTable('tracker_entries').set({ status: 'completed', updated_on: today }).where('id', 'in', ids).execute();
            for (const id of ids) entries.add(id);
          }
          await trx.deleteFrom('access_code_uses').where('wave_id', '=', s.wave_id).where('used_on', '=', s.used_on).execute();
        }
        return entries.size;
      });
    },
  };
}

export type AccessCodesRepository = ReturnType<typeof accessCodesRepository>;
