/** SQL for imported responses: many rows per statement, inside the import's one transaction. */
import type { Db } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { ImportRow } from './history.ts';

/** Rows per INSERT: 9 values each keeps a statement well under both engines' parameter limits. */
export const BATCH_SIZE = 500;

/** Imported responses' SQL over a database or a transaction. */
export function historyRepository(db: Db) {
  return {
    /**
     * Stores checked rows as responses of a wave. Every row gets the same completion time (the wave's
     * close, at noon) and a random id, so nothing in the stored rows orders or dates the responses.
     */
    async insertResponses(waveId: string, completedAt: string, rows: readonly ImportRow[]): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH_SIZE) {
        const values = rows.slice(i, i + BATCH_SIZE).map((r) => ({
          id: newId(),
          wave_id: waveId,
          instrument_id: r.instrument.id,
          instrument_version: r.instrument.version,
          channel: r.channel,
          language: 'en',
          answers: JSON.stringify(r.answers),
          completed_at: completedAt,
          // The 4-7 version's demographics are always answered by the supporting adult.
          adult_helped: r.instrument.id === 'ylyc-4-7' ? 1 : 0,
        }));
        await db.insertInto('responses').values(values).execute();
      }
    },
  };
}

export type HistoryRepository = ReturnType<typeof historyRepository>;
