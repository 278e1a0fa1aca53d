/** SQL for staff sessions and one-time links (invitations, password resets, first-run setup). */
import type { Db } from '../../db/index.ts';

export interface SessionRow {
  tokenHash: string;
  accountId: string;
  stage: 'password' | 'full';
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export type LinkPurpose = 'first_run' | 'invite' | 'reset';

export interface LinkRow {
  tokenHash: string;
  purpose: LinkPurpose;
  accountId: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export function sessionsRepository(db: Db) {
  return {
    async insertSession(s: SessionRow): Promise<void> {
      await db
        .insertInto('staff_sessions')
        .values({ token_hash: s.tokenHash, account_id: s.accountId, stage: s.stage, created_at: s.createdAt, last_seen_at: s.lastSeenAt, expires_at: s.expiresAt })
        .execute();
    },
    async findSession(tokenHash: string): Promise<SessionRow | undefined> {
      const r = await db.selectFrom('staff_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return (
        r && { tokenHash: r.token_hash, accountId: r.account_id, stage: r.stage as SessionRow['stage'], createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at }
      );
    },
    async touchSession(tokenHash: string, at: string): Promise<void> {
      await db.updateTable('staff_sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
    },
    async deleteSession(tokenHash: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
    },
    async deleteSessionsOf(accountId: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('account_id', '=', accountId).execute();
    },
    async deleteExpiredSessions(now: string, idleBefore: string): Promise<number> {
      const r = await db
        .deleteFrom('staff_sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async insertLink(l: LinkRow): Promise<void> {
      await db
        .insertInto('one_time_links')
        .values({ token_hash: l.tokenHash, purpose: l.purpose, account_id: l.accountId, created_at: l.createdAt, expires_at: l.expiresAt, used_at: l.usedAt })
        .execute();
    },
    async findLink(tokenHash: string): Promise<LinkRow | undefined> {
      const r = await db.selectFrom('one_time_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return (
        r && { tokenHash: r.token_hash, purpose: r.purpose as LinkPurpose, accountId: r.account_id, createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at }
      );
    },
    /** Marks a link used; false if it was already used (two tabs racing). */
    async useLink(tokenHash: string, at: string): Promise<boolean> {
      const r = await db.updateTable('one_time_links').set({ used_at: at }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async voidLinks(purpose: LinkPurpose, accountId: string | null, at: string): Promise<void> {
      let q = db.updateTable('one_time_links').set({ used_at: at }).where('purpose', '=', purpose).where('used_at', 'is', null);
      q = accountId === null ? q.where('account_id', 'is', null) : q.where('account_id', '=', accountId);
      await q.execute();
    },
  };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
