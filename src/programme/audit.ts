/** The append-only audit log of staff actions: who, what, which LA, when. */
import type { Db } from '../db/index.ts';
import type { Clock } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import type { Actor } from './roles.ts';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  laId: string | null;
  target: string | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  laId?: string;
  actorEmail?: string;
  action?: string;
  limit?: number;
  before?: string;
}

export function auditLog(db: Db, clock: Clock) {
  return {
    /** Appends an entry; the database refuses updates and deletes. */
    async record(actor: Pick<Actor, 'accountId' | 'email'> | null, action: string, laId: string | null = null, target: string | null = null, detail: Record<string, unknown> = {}): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          id: newId(),
          at: clock.now().toISOString(),
          actor_id: actor?.accountId ?? null,
          actor_email: actor?.email ?? null,
          action,
          la_id: laId,
          target,
          detail: JSON.stringify(detail),
        })
        .execute();
    },
    /** Newest first, filtered. */
    async list(f: AuditFilter = {}): Promise<AuditEntry[]> {
      let q = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id').limit(Math.min(f.limit ?? 200, 1000));
      if (f.laId) q = q.where('la_id', '=', f.laId);
      if (f.actorEmail) q = q.where('actor_email', '=', f.actorEmail.toLowerCase());
      if (f.action) q = q.where('action', '=', f.action);
      if (f.before) q = q.where('at', '<', f.before);
      return (await q.execute()).map((r) => ({
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorEmail: r.actor_email,
        action: r.action,
        laId: r.la_id,
        target: r.target,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
    },
  };
}

export type AuditLog = ReturnType<typeof auditLog>;
