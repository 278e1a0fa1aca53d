/** SQL for the review queue: flagged comments with what a reviewer may see, decisions, and the disclosure a decision makes. */
import type { Db } from '../db/index.ts';
import type { Answer, InstrumentId } from '../instruments/index.ts';
import type { Decision, Span } from './review.ts';

/** A flagged comment as the reviewer's pages need it (the answers go only through the disclosure projection). */
export interface ReviewRow {
  commentId: string;
  waveId: string;
  waveTitle: string;
  laId: string;
  laName: string;
  instrumentId: InstrumentId;
  answers: Record<string, Answer>;
  completedAt: string;
  text: string;
  categories: string[];
  matches: Span[];
  maxSeverity: number | null;
  submittedAt: string;
  decision: Decision | null;
  note: string | null;
  decidedByEmail: string | null;
  decidedAt: string | null;
  disclosure: { id: string; urgent: boolean; createdAt: string; escalationLevel: number; acknowledgedAt: string | null; acknowledgedByEmail: string | null } | null;
}

/** The disclosure a concern makes, written with the decision. */
export interface NewDisclosure {
  id: string;
  laId: string;
  waveId: string;
  urgent: boolean;
  createdAt: string;
}

export function reviewRepository(db: Db) {
  const base = () =>
    db
      .selectFrom('safeguarding_screenings as s')
      .innerJoin('response_comments as c', 'c.id', 's.comment_id')
      .innerJoin('responses as r', 'r.id', 's.response_id')
      .innerJoin('waves as w', 'w.id', 's.wave_id')
      .innerJoin('local_authorities as la', 'la.id', 'w.la_id')
      .leftJoin('safeguarding_disclosures as d', 'd.comment_id', 's.comment_id')
      .where('s.flag', '=', 1)
      .select([
        's.comment_id',
        'w.id as wave_id',
        'w.title as wave_title',
        'la.id as la_id',
        'la.name as la_name',
        'r.instrument_id',
        'r.answers',
        'r.completed_at',
        'c.text',
        's.categories',
        's.matches',
        's.max_severity',
        's.submitted_at',
        's.decision',
        's.note',
        's.decided_by_email',
        's.decided_at',
        'd.id as disclosure_id',
        'd.urgent',
        'd.created_at as disclosed_at',
        'd.escalation_level',
        'd.acknowledged_at',
        'd.acknowledged_by_email',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toRow = (r: Row): ReviewRow => ({
    commentId: r.comment_id,
    waveId: r.wave_id,
    waveTitle: r.wave_title,
    laId: r.la_id,
    laName: r.la_name,
    instrumentId: r.instrument_id as InstrumentId,
    answers: JSON.parse(r.answers) as Record<string, Answer>,
    completedAt: r.completed_at,
    // Retention may have emptied the original.
    text: r.text ?? '',
    categories: JSON.parse(r.categories) as string[],
    matches: JSON.parse(r.matches) as Span[],
    maxSeverity: r.max_severity === null ? null : Number(r.max_severity),
    submittedAt: r.submitted_at,
    decision: r.decision as Decision | null,
    note: r.note,
    decidedByEmail: r.decided_by_email,
    decidedAt: r.decided_at,
    disclosure:
      r.disclosure_id === null
        ? null
        : {
            id: r.disclosure_id,
            urgent: Number(r.urgent) === 1,
            createdAt: r.disclosed_at ?? '',
            escalationLevel: Number(r.escalation_level ?? 0),
            acknowledgedAt: r.acknowledged_at,
            acknowledgedByEmail: r.acknowledged_by_email,
          },
  });

  return {
    /** Flagged comments waiting for a decision: most severe first, then newest first (see compareQueue). */
    async pending(offset: number, limit: number): Promise<ReviewRow[]> {
      const rows = await base()
        .where('s.decision', 'is', null)
        .orderBy('s.max_severity', 'asc')
        .orderBy('s.submitted_at', 'desc')
        .orderBy('s.comment_id', 'asc')
        .offset(offset)
        .limit(limit)
        .execute();
      return rows.map(toRow);
    },

    async countPending(): Promise<number> {
      const r = await db.selectFrom('safeguarding_screenings').select((eb) => eb.fn.countAll().as('n')).where('flag', '=', 1).where('decision', 'is', null).executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** Decided items, latest decision first. */
    async decided(offset: number, limit: number): Promise<ReviewRow[]> {
      const rows = await base().where('s.decision', 'is not', null).orderBy('s.decided_at', 'desc').orderBy('s.comment_id', 'asc').offset(offset).limit(limit).execute();
      return rows.map(toRow);
    },

    async countDecided(): Promise<number> {
      const r = await db.selectFrom('safeguarding_screenings').select((eb) => eb.fn.countAll().as('n')).where('flag', '=', 1).where('decision', 'is not', null).executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** One flagged comment, decided or not. */
    async find(commentId: string): Promise<ReviewRow | undefined> {
      const r = await base().where('s.comment_id', '=', commentId).executeTakeFirst();
      return r ? toRow(r) : undefined;
    },

    /** Submission and decision times of the items decided in [from, to). */
    async decisionTimes(from: string, to: string): Promise<Array<{ submittedAt: string; decidedAt: string }>> {
      const rows = await db
        .selectFrom('safeguarding_screenings')
        .select(['submitted_at', 'decided_at'])
        .where('flag', '=', 1)
        .where('decided_at', '>=', from)
        .where('decided_at', '<', to)
        .execute();
      return rows.map((r) => ({ submittedAt: r.submitted_at, decidedAt: r.decided_at ?? '' }));
    },

    /**
     * Records a decision once, with the disclosure a concern makes, in one transaction. False when the item
     * was decided already (a second reviewer or a double click): the first decision stands.
     */
    async decide(commentId: string, d: { decision: Decision; note: string; byId: string; byEmail: string; at: string }, disclosure: NewDisclosure | null): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('safeguarding_screenings')
          .set({ decision: d.decision, note: d.note, decided_by: d.byId, decided_by_email: d.byEmail, decided_at: d.at })
          .where('comment_id', '=', commentId)
          .where('flag', '=', 1)
          .where('decision', 'is', null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) return false;
        if (disclosure) {
          await trx
            .insertInto('safeguarding_disclosures')
            .values({ id: disclosure.id, comment_id: commentId, la_id: disclosure.laId, wave_id: disclosure.waveId, urgent: disclosure.urgent ? 1 : 0, created_at: disclosure.createdAt, acknowledged_at: null, acknowledged_by: null, acknowledged_by_email: null })
            .execute();
        }
        return true;
      });
    },
  };
}

export type ReviewRepository = ReturnType<typeof reviewRepository>;
