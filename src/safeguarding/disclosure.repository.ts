/** SQL for disclosures: what an LA's safeguarding contacts read and acknowledge, and the emails sent for them. */
import type { Db } from '../db/index.ts';
import type { Answer, InstrumentId } from '../instruments/index.ts';
import type { NotificationKind } from './notify.ts';

/** A disclosure's record, without its content. */
export interface Disclosure {
  id: string;
  commentId: string;
  laId: string;
  waveId: string;
  urgent: boolean;
  createdAt: string;
  escalationLevel: number;
  acknowledgedAt: string | null;
  acknowledgedByEmail: string | null;
}

/** A disclosure with its sources, for the content projection only. */
export interface DisclosureWithSources extends Disclosure {
  waveTitle: string;
  instrumentId: InstrumentId;
  answers: Record<string, Answer>;
  completedAt: string;
  text: string;
}

export interface SentNotification {
  kind: NotificationKind;
  level: number;
  recipient: string;
  sentAt: string;
}

type DisclosureRow = {
  id: string;
  comment_id: string;
  la_id: string;
  wave_id: string;
  urgent: number;
  created_at: string;
  escalation_level: number;
  acknowledged_at: string | null;
  acknowledged_by_email: string | null;
};

const toDisclosure = (r: DisclosureRow): Disclosure => ({
  id: r.id,
  commentId: r.comment_id,
  laId: r.la_id,
  waveId: r.wave_id,
  urgent: Number(r.urgent) === 1,
  createdAt: r.created_at,
  escalationLevel: Number(r.escalation_level),
  acknowledgedAt: r.acknowledged_at,
  acknowledgedByEmail: r.acknowledged_by_email,
});

const COLUMNS = ['d.id', 'd.comment_id', 'd.la_id', 'd.wave_id', 'd.urgent', 'd.created_at', 'd.escalation_level', 'd.acknowledged_at', 'd.acknowledged_by_email'] as const;

export function disclosureRepository(db: Db) {
  return {
    async find(id: string): Promise<Disclosure | undefined> {
      const r = await db.selectFrom('safeguarding_disclosures as d').select(COLUMNS).where('d.id', '=', id).executeTakeFirst();
      return r ? toDisclosure(r) : undefined;
    },

    /** A disclosure with the response and comment it discloses, read only to be projected. */
    async withSources(id: string): Promise<DisclosureWithSources | undefined> {
      const r = await db
        .selectFrom('safeguarding_disclosures as d')
        .innerJoin('safeguarding_screenings as s', 's.comment_id', 'd.comment_id')
        .innerJoin('response_comments as c', 'c.id', 'd.comment_id')
        .innerJoin('responses as r', 'r.id', 's.response_id')
        .innerJoin('waves as w', 'w.id', 'd.wave_id')
        .select([...COLUMNS, 'w.title as wave_title', 'r.instrument_id', 'r.answers', 'r.completed_at', 'c.text'])
        .where('d.id', '=', id)
        .executeTakeFirst();
      if (!r) return undefined;
      return {
        ...toDisclosure(r),
        waveTitle: r.wave_title,
        instrumentId: r.instrument_id as InstrumentId,
        answers: JSON.parse(r.answers) as Record<string, Answer>,
        completedAt: r.completed_at,
        text: r.text ?? '',
      };
    },

    /** The disclosures of some LAs, unacknowledged first, newest first; with the wave's title. */
    async listForLas(laIds: readonly string[]): Promise<Array<Disclosure & { waveTitle: string }>> {
      if (laIds.length === 0) return [];
      const rows = await db
        .selectFrom('safeguarding_disclosures as d')
        .innerJoin('waves as w', 'w.id', 'd.wave_id')
        .select([...COLUMNS, 'w.title as wave_title'])
        .where('d.la_id', 'in', laIds)
        .orderBy('d.created_at', 'desc')
        .limit(500)
        .execute();
      const list = rows.map((r) => ({ ...toDisclosure(r), waveTitle: r.wave_title }));
      return [...list.filter((d) => d.acknowledgedAt === null), ...list.filter((d) => d.acknowledgedAt !== null)];
    },

    async countUnacknowledged(laIds: readonly string[]): Promise<number> {
      if (laIds.length === 0) return 0;
      const r = await db.selectFrom('safeguarding_disclosures').select((eb) => eb.fn.countAll().as('n')).where('la_id', 'in', laIds).where('acknowledged_at', 'is', null).executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** Every disclosure not yet acknowledged (the job's work list). */
    async unacknowledged(): Promise<Disclosure[]> {
      const rows = await db.selectFrom('safeguarding_disclosures as d').select(COLUMNS).where('d.acknowledged_at', 'is', null).orderBy('d.created_at').execute();
      return rows.map(toDisclosure);
    },

    /** Records the first acknowledgement; false when it was acknowledged already. */
    async acknowledge(id: string, byId: string, byEmail: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('safeguarding_disclosures')
        .set({ acknowledged_at: at, acknowledged_by: byId, acknowledged_by_email: byEmail })
        .where('id', '=', id)
        .where('acknowledged_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Raises the recorded escalation level (never lowers it). */
    async raiseEscalationLevel(id: string, level: number): Promise<void> {
      await db.updateTable('safeguarding_disclosures').set({ escalation_level: level }).where('id', '=', id).where('escalation_level', '<', level).execute();
    },

    /** Claims one email before it is sent: false when it was claimed (sent) before, so it goes at most once. */
    async claimNotification(disclosureId: string, kind: NotificationKind, level: number, recipient: string, at: string): Promise<boolean> {
      const r = await db
        .insertInto('safeguarding_notifications')
        .values({ disclosure_id: disclosureId, kind, level, recipient: recipient.toLowerCase(), sent_at: at })
        .onConflict((oc) => oc.columns(['disclosure_id', 'kind', 'level', 'recipient']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    /** Gives a claim back after the email could not be sent, so a later run tries again. */
    async releaseNotification(disclosureId: string, kind: NotificationKind, level: number, recipient: string): Promise<void> {
      await db
        .deleteFrom('safeguarding_notifications')
        .where('disclosure_id', '=', disclosureId)
        .where('kind', '=', kind)
        .where('level', '=', level)
        .where('recipient', '=', recipient.toLowerCase())
        .execute();
    },

    async notifications(disclosureId: string): Promise<SentNotification[]> {
      const rows = await db.selectFrom('safeguarding_notifications').selectAll().where('disclosure_id', '=', disclosureId).orderBy('sent_at').orderBy('kind').orderBy('recipient').execute();
      return rows.map((r) => ({ kind: r.kind as NotificationKind, level: Number(r.level), recipient: r.recipient, sentAt: r.sent_at }));
    },
  };
}

export type DisclosureRepository = ReturnType<typeof disclosureRepository>;
