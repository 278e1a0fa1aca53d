/** SQL for data releases: the requests and decisions, and a wave's analysed responses as disclosure control reads them. */
import type { Db } from '../db/index.ts';
import type { Answer, InstrumentId } from '../instruments/index.ts';
import type { SourceResponse } from './anonymise.ts';
import type { ReleaseSnapshot } from './release-files.ts';

export type ReleaseStatus = 'requested' | 'approved' | 'refused';

export interface ReleaseRequest {
  id: string;
  laId: string;
  waveId: string;
  purpose: string;
  status: ReleaseStatus;
  requestedBy: string;
  requestedByEmail: string;
  requestedAt: string;
  k: number | null;
  decidedByEmail: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  expiresAt: string | null;
  /** Whether the frozen files are still held (deleted when the download window ends). */
  hasFiles: boolean;
}

type Row = {
  id: string;
  la_id: string;
  wave_id: string;
  purpose: string;
  status: string;
  requested_by: string;
  requested_by_email: string;
  requested_at: string;
  k: number | null;
  decided_by_email: string | null;
  decided_at: string | null;
  decision_note: string | null;
  expires_at: string | null;
  has_files: number | string | boolean;
};

const fields = ['id', 'la_id', 'wave_id', 'purpose', 'status', 'requested_by', 'requested_by_email', 'requested_at', 'k', 'decided_by_email', 'decided_at', 'decision_note', 'expires_at'] as const;

function toRequest(r: Row): ReleaseRequest {
  return {
    id: r.id,
    laId: r.la_id,
    waveId: r.wave_id,
    purpose: r.purpose,
    status: r.status as ReleaseStatus,
    requestedBy: r.requested_by,
    requestedByEmail: r.requested_by_email,
    requestedAt: r.requested_at,
    k: r.k === null ? null : Number(r.k),
    decidedByEmail: r.decided_by_email,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    expiresAt: r.expires_at,
    hasFiles: Number(r.has_files) === 1 || r.has_files === true,
  };
}

export function releaseRepository(db: Db) {
  const base = () =>
    db
      .selectFrom('release_requests')
      .select([...fields])
      .select((eb) => eb.case().when('snapshot', 'is not', null).then(1).else(0).end().as('has_files'));

  return {
    async insert(r: { id: string; laId: string; waveId: string; purpose: string; requestedBy: string; requestedByEmail: string; requestedAt: string }): Promise<void> {
      await db
        .insertInto('release_requests')
        .values({ id: r.id, la_id: r.laId, wave_id: r.waveId, purpose: r.purpose, status: 'requested', requested_by: r.requestedBy, requested_by_email: r.requestedByEmail, requested_at: r.requestedAt, k: null, decided_by: null, decided_by_email: null, decided_at: null, decision_note: null, expires_at: null, snapshot: null, snapshot_deleted_at: null })
        .execute();
    },

    async find(id: string): Promise<ReleaseRequest | null> {
      const r = await base().where('id', '=', id).executeTakeFirst();
      return r ? toRequest(r) : null;
    },

    /** Requests of some LAs (or all), newest first. */
    async list(laIds: 'all' | readonly string[]): Promise<ReleaseRequest[]> {
      if (laIds !== 'all' && laIds.length === 0) return [];
      let q = base().orderBy('requested_at', 'desc').orderBy('id');
      if (laIds !== 'all') q = q.where('la_id', 'in', [...laIds]);
      return (await q.execute()).map(toRequest);
    },

    /** Records the decision once: only a request still waiting changes, so two approvers cannot both decide. */
    async decide(id: string, d: { status: 'approved' | 'refused'; decidedBy: string; decidedByEmail: string; decidedAt: string; note: string; k: number | null; expiresAt: string | null; snapshot: ReleaseSnapshot | null }): Promise<boolean> {
      const res = await db
        .updateTable('release_requests')
        .set({ status: d.status, decided_by: d.decidedBy, decided_by_email: d.decidedByEmail, decided_at: d.decidedAt, decision_note: d.note, k: d.k, expires_at: d.expiresAt, snapshot: d.snapshot === null ? null : JSON.stringify(d.snapshot) })
        .where('id', '=', id)
        .where('status', '=', 'requested')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async snapshot(id: string): Promise<ReleaseSnapshot | null> {
      const r = await db.selectFrom('release_requests').select('snapshot').where('id', '=', id).executeTakeFirst();
      return r?.snapshot ? (JSON.parse(r.snapshot) as ReleaseSnapshot) : null;
    },

    /** Deletes the frozen files of approved releases whose download window has ended; returns how many. */
    async deleteExpiredFiles(now: string): Promise<number> {
      const res = await db
        .updateTable('release_requests')
        .set({ snapshot: null, snapshot_deleted_at: now })
        .where('snapshot', 'is not', null)
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },

    /** The wave's responses, less those excluded when cleaning; free text is never read here. */
    async responses(waveId: string, excluded: ReadonlySet<string>): Promise<SourceResponse[]> {
      const rows = await db.selectFrom('responses').select(['id', 'instrument_id', 'answers', 'completed_at']).where('wave_id', '=', waveId).execute();
      return rows
        .filter((r) => !excluded.has(r.id))
        .map((r) => ({ id: r.id, instrumentId: r.instrument_id as InstrumentId, answers: JSON.parse(r.answers) as Record<string, Answer>, completedAt: r.completed_at }));
    },
  };
}

export type ReleaseRepository = ReturnType<typeof releaseRepository>;
