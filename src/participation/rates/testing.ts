/** Test helpers: responses stored straight into the database, with only what rates count. */
import type { Db } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';

/** Stores `n` minimal responses to a wave's instrument completed at an instant (ISO) or on a day (noon UTC). */
export async function insertResponses(db: Db, waveId: string, instrumentId: string, when: string, n: number): Promise<void> {
  const completedAt = when.length === 10 ? `${when}T12:00:00.000Z` : when;
  for (let i = 0; i < n; i++) {
    await db
      .insertInto('responses')
      .values({ id: newId(), wave_id: waveId, instrument_id: instrumentId, instrument_version: '1.0.0', channel: 'online', language: 'en', answers: '{}', completed_at: completedAt, adult_helped: 0 })
      .execute();
  }
}
