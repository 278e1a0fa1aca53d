/** SQL for cleaning: a wave's responses as the suspect rules need them, and researchers' decisions. */
import type { Db } from '../../db/index.ts';
import type { Answer } from '../../instruments/index.ts';
import { looksLikeTestComment, type CleaningResponse, type SuspectReason } from './suspects.ts';

export type Decision = 'exclude' | 'keep';

export interface Review {
  responseId: string;
  reason: SuspectReason;
  decision: Decision;
  note: string;
  decidedBy: string;
  decidedAt: string;
}

export function cleaningRepository(db: Db) {
  return {
    /** The wave's responses; comments are only tested for test-like words here and never leave this function. */
    async responses(waveId: string): Promise<CleaningResponse[]> {
      const rows = await db.selectFrom('responses').select(['id', 'instrument_id', 'channel', 'answers', 'completed_at']).where('wave_id', '=', waveId).execute();
      const comments = await db
        .selectFrom('response_comments')
        .innerJoin('responses', 'responses.id', 'response_comments.response_id')
        .select(['response_comments.response_id as responseId', 'response_comments.text as text'])
        .where('responses.wave_id', '=', waveId)
        .execute();
      const test = new Set(comments.filter((c) => looksLikeTestComment(c.text)).map((c) => c.responseId));
      const withComment = new Set(comments.filter((c) => c.text.trim() !== '').map((c) => c.responseId));
      return rows.map((r) => ({
        id: r.id,
        instrumentId: r.instrument_id,
        channel: r.channel,
        answers: JSON.parse(r.answers) as Record<string, Answer>,
        completedAt: r.completed_at,
        testComment: test.has(r.id),
        hasComment: withComment.has(r.id),
      }));
    },
    async reviews(waveId: string): Promise<Review[]> {
      const rows = await db.selectFrom('response_reviews').selectAll().where('wave_id', '=', waveId).execute();
      return rows.map((r) => ({ responseId: r.response_id, reason: r.reason as SuspectReason, decision: r.decision as Decision, note: r.note, decidedBy: r.decided_by, decidedAt: r.decided_at }));
    },
    /** Records (or changes) a decision; the response itself is never touched. */
    async decide(waveId: string, review: Review): Promise<void> {
      const values = { response_id: review.responseId, wave_id: waveId, reason: review.reason, decision: review.decision, note: review.note, decided_by: review.decidedBy, decided_at: review.decidedAt };
      await db
        .insertInto('response_reviews')
        .values(values)
        .onConflict((oc) => oc.column('response_id').doUpdateSet({ decision: values.decision, note: values.note, decided_by: values.decided_by, decided_at: values.decided_at }))
        .execute();
    },
  };
}

/** The responses of a wave that researchers excluded from analysis. */
export async function excludedResponseIds(db: Db, waveId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('response_reviews').select('response_id').where('wave_id', '=', waveId).where('decision', '=', 'exclude').execute();
  return new Set(rows.map((r) => r.response_id));
}
