/** SQL for screening: submitted comments not screened yet, and the screening rows. Drafts are never read here. */
import type { Db } from '../db/index.ts';

/** A submitted comment waiting to be screened. */
export interface UnscreenedComment {
  commentId: string;
  responseId: string;
  waveId: string;
  channel: string;
  completedAt: string;
  text: string;
}

/** A screening as stored. */
export interface ScreeningRecord {
  commentId: string;
  responseId: string;
  waveId: string;
  flag: boolean;
  categories: readonly string[];
  matches: ReadonlyArray<{ ruleId: string; category: string; start: number; end: number }>;
  maxSeverity: number | null;
  rulesVersion: string;
  submittedAt: string;
  screenedAt: string;
}

export function screeningRepository(db: Db) {
  // Submitted comments (response_comments holds nothing else) with no screening row yet.
  const unscreenedQuery = () =>
    db
      .selectFrom('response_comments as c')
      .innerJoin('responses as r', 'r.id', 'c.response_id')
      .leftJoin('safeguarding_screenings as s', 's.comment_id', 'c.id')
      .where('s.comment_id', 'is', null)
      .select(['c.id as commentId', 'c.response_id as responseId', 'r.wave_id as waveId', 'r.channel as channel', 'r.completed_at as completedAt', 'c.text as text']);

  return {
    /** The response's comments that have not been screened. */
    unscreenedOf: (responseId: string): Promise<UnscreenedComment[]> => unscreenedQuery().where('c.response_id', '=', responseId).execute(),

    /** Up to `limit` comments of any response that have not been screened (after a crash or a failed screening). */
    unscreened: (limit: number): Promise<UnscreenedComment[]> => unscreenedQuery().orderBy('c.id').limit(limit).execute(),

    /** Stores a screening once; a second screening of the same comment (a race with the sweep) changes nothing. */
    async insert(s: ScreeningRecord): Promise<boolean> {
      const r = await db
        .insertInto('safeguarding_screenings')
        .values({
          comment_id: s.commentId,
          response_id: s.responseId,
          wave_id: s.waveId,
          flag: s.flag ? 1 : 0,
          categories: JSON.stringify(s.categories),
          matches: JSON.stringify(s.matches),
          max_severity: s.maxSeverity,
          rules_version: s.rulesVersion,
          submitted_at: s.submittedAt,
          screened_at: s.screenedAt,
          decision: null,
          note: null,
          decided_by: null,
          decided_by_email: null,
          decided_at: null,
        })
        .onConflict((oc) => oc.column('comment_id').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    /** A comment's screening, if it has one. */
    async find(commentId: string): Promise<ScreeningRecord | undefined> {
      const r = await db.selectFrom('safeguarding_screenings').selectAll().where('comment_id', '=', commentId).executeTakeFirst();
      if (!r) return undefined;
      return {
        commentId: r.comment_id,
        responseId: r.response_id,
        waveId: r.wave_id,
        flag: Number(r.flag) === 1,
        categories: JSON.parse(r.categories) as string[],
        matches: JSON.parse(r.matches) as ScreeningRecord['matches'],
        maxSeverity: r.max_severity === null ? null : Number(r.max_severity),
        rulesVersion: r.rules_version,
        submittedAt: r.submitted_at,
        screenedAt: r.screened_at,
      };
    },
  };
}

export type ScreeningRepository = ReturnType<typeof screeningRepository>;
