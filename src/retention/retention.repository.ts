/**
 * SQL for retention: the one place that knows every table holding a response or a comment, so that
 * deleting a response removes everything that hangs on it. Counts come back; content never leaves.
 */
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import type { ClosedWave, RetentionItem } from './retention.ts';

export interface RetentionLogEntry {
  id: string;
  runKey: string;
  ranAt: string;
  item: RetentionItem;
  waveId: string | null;
  deleted: number;
  kept: number;
}

const CHUNK = 500;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** A comment's standing for retention; `pending` when a safeguarding concern is open or it was never screened. */
interface CommentState {
  id: string;
  responseId: string;
  text: string;
  approvedText: string | null;
  pending: boolean;
}

export function retentionRepository(db: Db) {
  /** The wave's comments with their review and safeguarding state. */
  async function comments(waveId: string): Promise<CommentState[]> {
    const rows = await db
      .selectFrom('response_comments as c')
      .innerJoin('responses as r', 'r.id', 'c.response_id')
      .leftJoin('comment_reviews as v', 'v.comment_id', 'c.id')
      .leftJoin('safeguarding_screenings as s', 's.comment_id', 'c.id')
      .leftJoin('safeguarding_disclosures as d', 'd.comment_id', 'c.id')
      .select(['c.id as id', 'c.response_id as responseId', 'c.text as text', 'v.status as status', 'v.redacted_text as redacted', 's.comment_id as screened', 's.flag as flag', 's.decision as decision', 'd.id as disclosure', 'd.acknowledged_at as acknowledged'])
      .where('r.wave_id', '=', waveId)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      responseId: r.responseId,
      text: r.text,
      approvedText: r.status === 'approved' ? r.redacted : null,
      // Unscreened, flagged and undecided, or disclosed and not yet acknowledged: a person still has to act.
      pending: r.screened === null || (Number(r.flag) === 1 && r.decision === null) || (r.disclosure !== null && r.acknowledged === null),
    }));
  }

  return {
    /** Waves that have closed (closed or reported). */
    async closedWaves(): Promise<ClosedWave[]> {
      const rows = await db.selectFrom('waves').select(['id', 'la_id', 'status', 'closed_at', 'closes_on']).where('status', 'in', ['closed', 'reported']).execute();
      return rows.map((r) => ({ id: r.id, laId: r.la_id, status: r.status, closedAt: r.closed_at, closesOn: r.closes_on }));
    },

    /**
     * Replaces each original comment of the wave with its approved redacted text, or empties it when none
     * was approved; comments with a safeguarding concern still open are kept as they are. `beforeChange`
     * runs first when anything will change (to keep each comment's redacted form). Idempotent.
     */
    async expireFreeText(waveId: string, beforeChange: () => Promise<unknown>): Promise<{ deleted: number; kept: number }> {
      const all = (await comments(waveId)).filter((c) => c.text !== '');
      const kept = all.filter((c) => c.pending).length;
      const todo = all.filter((c) => !c.pending && c.text !== (c.approvedText ?? ''));
      if (todo.length === 0) return { deleted: 0, kept };
      // Storing redactions adds reviews waiting for a decision: it approves nothing, so the list still holds.
      await beforeChange();
      await db.transaction().execute(async (trx) => {
        for (const c of todo.filter((x) => x.approvedText !== null)) await trx.updateTable('response_comments').set({ text: c.approvedText ?? '' }).where('id', '=', c.id).execute();
        for (const ids of chunks(todo.filter((x) => x.approvedText === null).map((x) => x.id))) await trx.updateTable('response_comments').set({ text: '' }).where('id', 'in', ids).execute();
      });
      return { deleted: todo.length, kept };
    },

    /** Deletes the wave's responses and all that hangs on them, except those with a safeguarding concern still open. */
    async deleteResponses(waveId: string): Promise<{ deleted: number; kept: number }> {
      const states = await comments(waveId);
      const keep = new Set(states.filter((c) => c.pending).map((c) => c.responseId));
      const ids = (await db.selectFrom('responses').select('id').where('wave_id', '=', waveId).execute()).map((r) => r.id).filter((id) => !keep.has(id));
      const commentsOf = new Map<string, string[]>();
      for (const c of states) commentsOf.set(c.responseId, [...(commentsOf.get(c.responseId) ?? []), c.id]);
      await db.transaction().execute(async (trx) => {
        for (const chunk of chunks(ids)) {
          const commentIds = chunk.flatMap((id) => commentsOf.get(id) ?? []);
          for (const cs of chunks(commentIds)) {
            await trx.deleteFrom('safeguarding_notifications').where('disclosure_id', 'in', (eb) => eb.selectFrom('safeguarding_disclosures').select('id').where('comment_id', 'in', cs)).execute();
            await trx.deleteFrom('safeguarding_disclosures').where('comment_id', 'in', cs).execute();
            await trx.deleteFrom('safeguarding_screenings').where('comment_id', 'in', cs).execute();
            await trx.deleteFrom('comment_reviews').where('comment_id', 'in', cs).execute();
            await trx.deleteFrom('response_comments').where('id', 'in', cs).execute();
          }
          await trx.deleteFrom('response_reviews').where('response_id', 'in', chunk).execute();
          await trx.deleteFrom('responses').where('id', 'in', chunk).execute();
        }
      });
      return { deleted: ids.length, kept: keep.size };
    },

    /** Appends one line to the retention log. */
    async log(e: Omit<RetentionLogEntry, 'id'>): Promise<void> {
      await db.insertInto('retention_log').values({ id: newId(), run_key: e.runKey, ran_at: e.ranAt, item: e.item, wave_id: e.waveId, deleted: e.deleted, kept: e.kept }).execute();
    },

    /** The latest lines of the log, newest first. */
    async entries(limit = 300): Promise<RetentionLogEntry[]> {
      const rows = await db.selectFrom('retention_log').selectAll().orderBy('ran_at', 'desc').orderBy('item').orderBy('id').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, runKey: r.run_key, ranAt: r.ran_at, item: r.item as RetentionItem, waveId: r.wave_id, deleted: Number(r.deleted), kept: Number(r.kept) }));
    },
  };
}

export type RetentionRepository = ReturnType<typeof retentionRepository>;
