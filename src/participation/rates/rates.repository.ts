/**
 * SQL for response rates: responses counted per wave and day, and the record of updates sent. A
 * completion time leaves the database truncated to its day (YYYY-MM-DD), never finer.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { DailyCount } from './projection.ts';

// ISO timestamps are text: the first 10 characters are the (UTC) day on both engines.
const completedOn = sql<string>`substr(completed_at, 1, 10)`;

/** Response-rate queries over a database. */
export function ratesRepository(db: Db) {
  return {
    /** Responses per day for each wave, oldest day first. */
    async dailyCounts(waveIds: readonly string[]): Promise<Map<string, DailyCount[]>> {
      const out = new Map<string, DailyCount[]>(waveIds.map((id) => [id, []]));
      if (waveIds.length === 0) return out;
      const rows = await db
        .selectFrom('responses')
        .select(['wave_id', completedOn.as('day'), (eb) => eb.fn.countAll().as('n')])
        .where('wave_id', 'in', waveIds)
        .groupBy(['wave_id', completedOn])
        .orderBy(completedOn)
        .execute();
      for (const r of rows) out.get(r.wave_id)?.push({ day: r.day, responses: Number(r.n) });
      return out;
    },

    /** Whether this run already sent this wave's update to this account (a retried run skips it). */
    async digestSent(runKey: string, waveId: string, accountId: string): Promise<boolean> {
      const r = await db
        .selectFrom('digest_sends')
        .select('run_key')
        .where('run_key', '=', runKey)
        .where('wave_id', '=', waveId)
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return r !== undefined;
    },

    /** Records an update as sent. */
    async markDigestSent(runKey: string, waveId: string, accountId: string, sentAt: string): Promise<void> {
      await db
        .insertInto('digest_sends')
        .values({ run_key: runKey, wave_id: waveId, account_id: accountId, sent_at: sentAt })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}

export type RatesRepository = ReturnType<typeof ratesRepository>;
