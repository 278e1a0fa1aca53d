/**
 * SQL for the redaction review: a wave's comments with their reviews, one comment, writing a review,
 * and the approved quotes reports read. The original text leaves here only for the service to redact
 * it or to show it to a safeguarding reviewer; retention may have emptied it (null or '').
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { parseSpans, type ReviewStatus, type Span, type StoredReview } from './comments.ts';

/** A comment with its review, as stored. */
export interface CommentRow {
  readonly id: string;
  readonly responseId: string;
  readonly waveId: string;
  readonly instrumentId: string;
  readonly questionId: string;
  /** Null once retention has removed the original. */
  readonly original: string | null;
  readonly review: (StoredReview & { readonly confirmed: boolean; readonly editedBy: string | null; readonly editedAt: string | null; readonly decidedBy: string | null; readonly decidedAt: string | null }) | null;
}

export interface ReviewWrite {
  readonly commentId: string;
  readonly waveId: string;
  readonly spans: readonly Span[];
  readonly redactedText: string;
  readonly edited: boolean;
  readonly status: ReviewStatus;
  readonly quote: boolean;
  readonly confirmed: boolean;
  readonly editedBy: string | null;
  readonly editedAt: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

const STATUSES = new Set<string>(['pending', 'approved', 'withheld']);

function commentQuery(db: Db) {
  return db
    .selectFrom('response_comments as c')
    .innerJoin('responses as r', 'r.id', 'c.response_id')
    .leftJoin('comment_reviews as v', 'v.comment_id', 'c.id')
    .select([
      'c.id as id',
      'c.response_id as responseId',
      'r.wave_id as waveId',
      'r.instrument_id as instrumentId',
      'c.question_id as questionId',
      'c.text as text',
      'v.spans as spans',
      'v.redacted_text as redactedText',
      'v.edited as edited',
      'v.status as status',
      'v.quote as quote',
      'v.confirmed as confirmed',
      'v.edited_by as editedBy',
      'v.edited_at as editedAt',
      'v.decided_by as decidedBy',
      'v.decided_at as decidedAt',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof commentQuery>['execute']>>[number];

function toRow(r: Raw): CommentRow {
  const review =
    r.status === null || r.redactedText === null
      ? null
      : {
          spans: parseSpans(r.spans ?? '[]'),
          redactedText: r.redactedText,
          edited: Number(r.edited) === 1,
          status: (STATUSES.has(r.status) ? r.status : 'pending') as ReviewStatus,
          quote: Number(r.quote) === 1,
          confirmed: Number(r.confirmed) === 1,
          editedBy: r.editedBy,
          editedAt: r.editedAt,
          decidedBy: r.decidedBy,
          decidedAt: r.decidedAt,
        };
  // Retention empties the original (the column may become nullable), or replaces it with the approved
  // redacted text: each means the original is gone. A text equal to a redaction that hid something
  // cannot be the original.
  const text = r.text as string | null;
  const replaced = review !== null && review.spans.length > 0 && text === review.redactedText;
  const original = text === null || text.trim() === '' || replaced ? null : text;
  return { id: r.id, responseId: r.responseId, waveId: r.waveId, instrumentId: r.instrumentId, questionId: r.questionId, original, review };
}

export function commentsRepository(db: Db) {
  return {
    /** Every comment of a wave with its review, oldest response first (completion time orders, never shown). */
    async waveComments(waveId: string): Promise<CommentRow[]> {
      const rows = await commentQuery(db).where('r.wave_id', '=', waveId).orderBy('r.completed_at').orderBy('c.id').execute();
      return rows.map(toRow).filter((c) => c.original !== null || c.review !== null);
    },

    /** Each comment's status and quote flag, without any text: for counts on the wave page. */
    async statuses(waveId: string): Promise<{ status: ReviewStatus; quote: boolean }[]> {
      const rows = await db
        .selectFrom('response_comments as c')
        .innerJoin('responses as r', 'r.id', 'c.response_id')
        .leftJoin('comment_reviews as v', 'v.comment_id', 'c.id')
        .select(['v.status as status', 'v.quote as quote', sql<number>`case when c.text is null or trim(c.text) = '' then 0 else 1 end`.as('present')])
        .where('r.wave_id', '=', waveId)
        .execute();
      return rows
        .filter((r) => r.status !== null || Number(r.present) === 1)
        .map((r) => ({ status: (r.status !== null && STATUSES.has(r.status) ? r.status : 'pending') as ReviewStatus, quote: Number(r.quote) === 1 }));
    },

    /** One comment of a wave, or undefined (also when it belongs to another wave). */
    async comment(waveId: string, commentId: string): Promise<CommentRow | undefined> {
      const r = await commentQuery(db).where('r.wave_id', '=', waveId).where('c.id', '=', commentId).executeTakeFirst();
      return r === undefined ? undefined : toRow(r);
    },

    /** Writes a comment's review (insert or replace). */
    async save(w: ReviewWrite): Promise<void> {
      const values = {
        comment_id: w.commentId,
        wave_id: w.waveId,
        spans: JSON.stringify(w.spans.map(({ type, start, end }) => ({ type, start, end }))),
        redacted_text: w.redactedText,
        edited: w.edited ? 1 : 0,
        status: w.status,
        quote: w.quote ? 1 : 0,
        confirmed: w.confirmed ? 1 : 0,
        edited_by: w.editedBy,
        edited_at: w.editedAt,
        decided_by: w.decidedBy,
        decided_at: w.decidedAt,
      };
      const { comment_id: _id, ...update } = values;
      await db
        .insertInto('comment_reviews')
        .values(values)
        .onConflict((oc) => oc.column('comment_id').doUpdateSet(update))
        .execute();
    },
  };
}

/**
 * The approved quotes of a wave, redacted, for a report: only comments a reviewer approved for
 * quoting, only of the responses the report analysed, never the original text. In approval order.
 */
export async function approvedQuotes(db: Db, waveId: string, analysed: ReadonlySet<string>): Promise<string[]> {
  const rows = await db
    .selectFrom('comment_reviews as v')
    .innerJoin('response_comments as c', 'c.id', 'v.comment_id')
    .select(['c.response_id as responseId', 'v.redacted_text as text'])
    .where('v.wave_id', '=', waveId)
    .where('v.status', '=', 'approved')
    .where('v.quote', '=', 1)
    .where('v.confirmed', '=', 1)
    .orderBy('v.decided_at')
    .orderBy('v.comment_id')
    .execute();
  return rows.filter((r) => analysed.has(r.responseId)).map((r) => r.text);
}

/**
 * A wave's approved comments (for quoting or not), redacted, by response: what an anonymised data
 * release may carry. Never the original text, never a comment waiting for review or withheld.
 */
export async function approvedTexts(db: Db, waveId: string): Promise<Map<string, Array<{ questionId: string; text: string }>>> {
  const rows = await db
    .selectFrom('comment_reviews as v')
    .innerJoin('response_comments as c', 'c.id', 'v.comment_id')
    .select(['c.response_id as responseId', 'c.question_id as questionId', 'v.redacted_text as text'])
    .where('v.wave_id', '=', waveId)
    .where('v.status', '=', 'approved')
    .orderBy('v.comment_id')
    .execute();
  const out = new Map<string, Array<{ questionId: string; text: string }>>();
  for (const r of rows) {
    const list = out.get(r.responseId) ?? [];
    list.push({ questionId: r.questionId, text: r.text });
    out.set(r.responseId, list);
  }
  return out;
}

export type CommentsRepository = ReturnType<typeof commentsRepository>;
