/** Test helpers for safeguarding: responses stored straight in the database, and waiting for screening. */
import type { Db } from '../db/index.ts';
import type { InstrumentId } from '../instruments/index.ts';
import { newId } from '../lib/ids.ts';

/** Stores a response with comments directly, as if screening had never run (a crash right after the commit). */
export async function insertResponse(
  db: Db,
  r: { waveId: string; instrumentId?: InstrumentId; channel?: string; completedAt: string; answers?: Record<string, unknown>; comments: string[] },
): Promise<{ responseId: string; commentIds: string[] }> {
  const responseId = newId();
  await db
    .insertInto('responses')
    .values({ id: responseId, wave_id: r.waveId, instrument_id: r.instrumentId ?? 'ylyc-11-17', instrument_version: '1.0.0', channel: r.channel ?? 'online', language: 'en', answers: JSON.stringify(r.answers ?? {}), completed_at: r.completedAt, adult_helped: 0 })
    .execute();
  const commentIds: string[] = [];
  for (const text of r.comments) {
    const id = newId();
    await db.insertInto('response_comments').values({ id, response_id: responseId, question_id: 'anything_else', text }).execute();
    commentIds.push(id);
  }
  return { responseId, commentIds };
}

/** Waits until every comment of a response has a screening row (screening runs after the response commits). */
export async function screened(db: Db, responseId: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const comments = await db.selectFrom('response_comments').select('id').where('response_id', '=', responseId).execute();
    const rows = await db.selectFrom('safeguarding_screenings').select('comment_id').where('response_id', '=', responseId).execute();
    if (rows.length === comments.length) return;
    if (Date.now() > until) throw new Error(`response ${responseId} was not screened in time`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
