/** SQL for staff accounts, roles, recovery codes, sessions and one-time links. */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { StaffAccountTable } from '../../db/schema.ts';
import { isLaRole, isProgrammeRole, type Grant, type Role } from '../roles.ts';

export interface AccountRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  totpSecret: string | null;
  totpLastStep: number | null;
  status: 'invited' | 'active' | 'disabled';
  failedAttempts: number;
  lockedUntil: string | null;
  sessionsValidAfter: string;
  createdAt: string;
  lastSignInAt: string | null;
}

const toAccount = (r: Selectable<StaffAccountTable>): AccountRow => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  totpSecret: r.totp_secret,
  totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step),
  status: r.status as AccountRow['status'],
  failedAttempts: Number(r.failed_attempts),
  lockedUntil: r.locked_until,
  sessionsValidAfter: r.sessions_valid_after,
  createdAt: r.created_at,
  lastSignInAt: r.last_sign_in_at,
});

/** A stored role row as a Grant; rows naming an unknown role are ignored rather than trusted. */
function toGrant(role: string, scope: string): Grant | null {
  if (scope === '*' && isProgrammeRole(role)) return { role, laId: null };
  if (scope !== '*' && isLaRole(role)) return { role, laId: scope };
  return null;
}

export function accountsRepository(db: Db) {
  return {
    async countAccounts(): Promise<number> {
      const r = await db.selectFrom('staff_accounts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async insertAccount(a: AccountRow): Promise<void> {
      await db
        .insertInto('staff_accounts')
        .values({
          id: a.id,
          email: a.email,
          name: a.name,
          password_hash: a.passwordHash,
          totp_secret: a.totpSecret,
          totp_last_step: a.totpLastStep,
          status: a.status,
          failed_attempts: a.failedAttempts,
          locked_until: a.lockedUntil,
          sessions_valid_after: a.sessionsValidAfter,
          created_at: a.createdAt,
          last_sign_in_at: a.lastSignInAt,
        })
        .execute();
    },
    async findById(id: string): Promise<AccountRow | undefined> {
      const r = await db.selectFrom('staff_accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toAccount(r);
    },
    async findByEmail(email: string): Promise<AccountRow | undefined> {
      const r = await db.selectFrom('staff_accounts').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return r && toAccount(r);
    },
    async listAccounts(): Promise<AccountRow[]> {
      return (await db.selectFrom('staff_accounts').selectAll().orderBy('email').execute()).map(toAccount);
    },
    async update(id: string, fields: Partial<Omit<AccountRow, 'id' | 'createdAt'>>): Promise<void> {
      const set: Partial<Selectable<StaffAccountTable>> = {};
      if (fields.email !== undefined) set.email = fields.email;
      if (fields.name !== undefined) set.name = fields.name;
      if (fields.passwordHash !== undefined) set.password_hash = fields.passwordHash;
      if (fields.totpSecret !== undefined) set.totp_secret = fields.totpSecret;
      if (fields.totpLastStep !== undefined) set.totp_last_step = fields.totpLastStep;
      if (fields.status !== undefined) set.status = fields.status;
      if (fields.failedAttempts !== undefined) set.failed_attempts = fields.failedAttempts;
      if (fields.lockedUntil !== undefined) set.locked_until = fields.lockedUntil;
      if (fields.sessionsValidAfter !== undefined) set.sessions_valid_after = fields.sessionsValidAfter;
      if (fields.lastSignInAt !== undefined) set.last_sign_in_at = fields.lastSignInAt;
      if (Object.keys(set).length > 0) await db.updateTable('staff_accounts').set(set).where('id', '=', id).execute();
    },
    async grants(accountId: string): Promise<Grant[]> {
      const rows = await db.selectFrom('staff_roles').select(['role', 'scope']).where('account_id', '=', accountId).execute();
      return rows.map((r) => toGrant(r.role, r.scope)).filter((g): g is Grant => g !== null);
    },
    async allGrants(): Promise<Map<string, Grant[]>> {
      const out = new Map<string, Grant[]>();
      for (const r of await db.selectFrom('staff_roles').selectAll().execute()) {
        const g = toGrant(r.role, r.scope);
        if (g) out.set(r.account_id, [...(out.get(r.account_id) ?? []), g]);
      }
      return out;
    },
    async addGrant(accountId: string, role: Role, laId: string | null): Promise<void> {
      await db
        .insertInto('staff_roles')
        .values({ account_id: accountId, role, scope: laId ?? '*' })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    async removeGrant(accountId: string, role: Role, laId: string | null): Promise<void> {
      await db.deleteFrom('staff_roles').where('account_id', '=', accountId).where('role', '=', role).where('scope', '=', laId ?? '*').execute();
    },
    async replaceRecoveryCodes(accountId: string, hashes: readonly string[]): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
        await tx.insertInto('recovery_codes').values(hashes.map((h) => ({ code_hash: h, account_id: accountId, used_at: null }))).execute();
      });
    },
    /** Marks an unused recovery code used; true if there was one. */
    async useRecoveryCode(accountId: string, codeHash: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('recovery_codes')
        .set({ used_at: at })
        .where('account_id', '=', accountId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async unusedRecoveryCodes(accountId: string): Promise<number> {
      const r = await db
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('account_id', '=', accountId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
