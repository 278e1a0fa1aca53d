/**
 * Staff sign-in and account lifecycle: first-run setup, invitations, password + TOTP, recovery codes,
 * lock-out, password reset, sessions with idle and absolute time-outs, sign out everywhere.
 */
import type { Clock } from '../../lib/clock.ts';
import type { Mailer } from '../../lib/email.ts';
import { AppError } from '../../lib/errors.ts';
import { hashSecret, newId, newToken } from '../../lib/ids.ts';
import type { AuditLog } from '../audit.ts';
import type { Actor, Grant } from '../roles.ts';
import type { AccountRow, AccountsRepository } from './accounts.repository.ts';
import {
  checkPassword,
  checkTotp,
  dummyHash,
  hashPassword,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  passwordProblem,
  totpEnrolment,
} from './credentials.ts';
import type { LinkPurpose, SessionsRepository } from './sessions.repository.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
const LINK_HOURS: Record<LinkPurpose, number> = { first_run: 24, invite: 24 * 7, reset: 1 };

export interface AccountsDeps {
  accounts: AccountsRepository;
  sessions: SessionsRepository;
  audit: AuditLog;
  mailer: Mailer;
  clock: Clock;
  publicUrl: string;
  idleMinutes: number;
  maxHours: number;
}

/** A resolved session: who, and whether they have given their second factor yet. */
export interface StaffSession {
  tokenHash: string;
  stage: 'password' | 'full';
  account: AccountRow;
  actor: Actor;
}

export type SignInResult = { ok: true; token: string } | { ok: false; reason: 'invalid' | 'locked' };

const minutes = (n: number) => n * 60_000;

export function accountsService(d: AccountsDeps) {
  const now = () => d.clock.now();
  const iso = (ms = 0) => new Date(now().getTime() + ms).toISOString();

  async function newLink(purpose: LinkPurpose, accountId: string | null): Promise<string> {
    const token = newToken();
    await d.sessions.insertLink({ tokenHash: hashSecret(token), purpose, accountId, createdAt: iso(), expiresAt: iso(LINK_HOURS[purpose] * 3_600_000), usedAt: null });
    return `${d.publicUrl}/staff/setup/${token}`;
  }

  async function newSession(accountId: string, stage: 'password' | 'full'): Promise<string> {
    const token = newToken();
    await d.sessions.insertSession({ tokenHash: hashSecret(token), accountId, stage, createdAt: iso(), lastSeenAt: iso(), expiresAt: iso(d.maxHours * 3_600_000) });
    return token;
  }

  async function toActor(a: AccountRow): Promise<Actor> {
    return { accountId: a.id, email: a.email, name: a.name, grants: await d.accounts.grants(a.id) };
  }

  /** Registers a failed attempt, locking the account after MAX_FAILED_ATTEMPTS. */
  async function fail(a: AccountRow): Promise<void> {
    const failed = a.failedAttempts + 1;
    const lock = failed >= MAX_FAILED_ATTEMPTS;
    await d.accounts.update(a.id, { failedAttempts: lock ? 0 : failed, ...(lock ? { lockedUntil: iso(minutes(LOCKOUT_MINUTES)) } : {}) });
    if (lock) await d.audit.record({ accountId: a.id, email: a.email }, 'account.locked');
  }

  const isLocked = (a: AccountRow) => a.lockedUntil !== null && a.lockedUntil > iso();

  return {
    /** On an empty database, a one-time link to create the first programme administrator; else null. */
    async firstRunLink(): Promise<string | null> {
      if ((await d.accounts.countAccounts()) > 0) return null;
      await d.sessions.voidLinks('first_run', null, iso());
      return newLink('first_run', null);
    },

    /** What a setup link is for, or an error page code if it is unknown, used or expired. */
    async checkLink(token: string): Promise<{ purpose: LinkPurpose; account: AccountRow | null }> {
      const link = await d.sessions.findLink(hashSecret(token));
      if (!link || link.usedAt || link.expiresAt <= iso()) throw new AppError('not_found', 'This link has expired or has been used');
      const account = link.accountId ? ((await d.accounts.findById(link.accountId)) ?? null) : null;
      if (link.purpose === 'first_run' && (await d.accounts.countAccounts()) > 0) throw new AppError('not_found', 'Setup is complete');
      return { purpose: link.purpose, account };
    },

    /**
     * Uses a setup link: first run creates the first programme administrator; an invitation or reset
     * sets the password. Returns a session at the 'password' stage, which can only enrol a second factor.
     */
    async useLink(token: string, input: { email?: string; name?: string; password: string }): Promise<{ token: string } | { problem: string }> {
      const { purpose, account } = await this.checkLink(token);
      const email = (account?.email ?? input.email ?? '').trim().toLowerCase();
      if (purpose === 'first_run' && (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || !input.name?.trim())) return { problem: 'name_and_email_required' };
      const problem = passwordProblem(input.password, email);
      if (problem) return { problem };
      if (!(await d.sessions.useLink(hashSecret(token), iso()))) throw new AppError('not_found', 'This link has been used');
      const passwordHash = await hashPassword(input.password);
      let accountId: string;
      if (purpose === 'first_run') {
        accountId = newId();
        await d.accounts.insertAccount({
          id: accountId, email, name: input.name?.trim() ?? email, passwordHash, totpSecret: null, totpLastStep: null, status: 'invited',
          failedAttempts: 0, lockedUntil: null, sessionsValidAfter: iso(), createdAt: iso(), lastSignInAt: null,
        });
        await d.accounts.addGrant(accountId, 'programme_admin', null);
        await d.audit.record({ accountId, email }, 'account.first_run');
      } else {
        if (!account) throw new AppError('not_found');
        accountId = account.id;
        // A reset voids every session and keeps the second factor; an invitation starts enrolment.
        await d.accounts.update(accountId, { passwordHash, failedAttempts: 0, lockedUntil: null, sessionsValidAfter: iso() });
        await d.sessions.deleteSessionsOf(accountId);
        await d.audit.record({ accountId, email }, purpose === 'reset' ? 'account.password_reset' : 'account.invitation_accepted');
      }
      return { token: await newSession(accountId, 'password') };
    },

    /** Invites a member of staff by email with their roles; returns the link (also emailed). */
    async invite(by: Actor, input: { email: string; name: string; grants: Grant[] }): Promise<string> {
      const email = input.email.trim().toLowerCase();
      if (await d.accounts.findByEmail(email)) throw new AppError('conflict', 'An account with this email exists');
      const id = newId();
      await d.accounts.insertAccount({
        id, email, name: input.name.trim(), passwordHash: null, totpSecret: null, totpLastStep: null, status: 'invited',
        failedAttempts: 0, lockedUntil: null, sessionsValidAfter: iso(), createdAt: iso(), lastSignInAt: null,
      });
      for (const g of input.grants) await d.accounts.addGrant(id, g.role, g.laId);
      const link = await newLink('invite', id);
      await d.mailer.send({
        to: email,
        subject: 'You have been invited to Bright Spots',
        text: `Hello ${input.name.trim()},\n\n${by.name} has invited you to Bright Spots.\n\nSet your password and second factor here (the link works once and expires in 7 days):\n${link}\n\nIf you did not expect this, you can ignore this email.`,
      });
      await d.audit.record(by, 'account.invited', input.grants.find((g) => g.laId)?.laId ?? null, email, { roles: input.grants });
      return link;
    },

    /** Password step of sign-in. The same answer for an unknown email, a wrong password or a disabled account. */
    async signIn(emailInput: string, password: string): Promise<SignInResult> {
      const a = await d.accounts.findByEmail(emailInput.trim());
      if (!a || !a.passwordHash) {
        await checkPassword(await dummyHash, password);
        return { ok: false, reason: 'invalid' };
      }
      if (isLocked(a)) return { ok: false, reason: 'locked' };
      if (!(await checkPassword(a.passwordHash, password)) || a.status === 'disabled') {
        await fail(a);
        return { ok: false, reason: 'invalid' };
      }
      return { ok: true, token: await newSession(a.id, 'password') };
    },

    /** Starts or shows second-factor enrolment for an account that has none yet. */
    async enrolment(s: StaffSession): Promise<{ secret: string; uri: string; qrSvg: string }> {
      if (s.account.status === 'active' && s.account.totpSecret) throw new AppError('conflict', 'A second factor is already set up');
      let secret = s.account.totpSecret;
      if (!secret) {
        secret = newTotpSecret();
        await d.accounts.update(s.account.id, { totpSecret: secret });
      }
      return { secret, ...(await totpEnrolment(secret, s.account.email)) };
    },

    /** Confirms enrolment with a first code; activates the account and returns its recovery codes (shown once). */
    async confirmEnrolment(s: StaffSession, code: string): Promise<{ token: string; recoveryCodes: string[] } | null> {
      // Re-read: the secret was stored by enrolment(), after this session was resolved.
      const account = await d.accounts.findById(s.account.id);
      const secret = account?.totpSecret;
      if (!account || !secret || account.status === 'active') throw new AppError('conflict');
      const step = await checkTotp(secret, code, now(), null);
      if (step === null) return null;
      const { codes, hashes } = newRecoveryCodes();
      await d.accounts.replaceRecoveryCodes(s.account.id, hashes);
      await d.accounts.update(s.account.id, { status: 'active', totpLastStep: step, lastSignInAt: iso() });
      await d.sessions.deleteSession(s.tokenHash);
      await d.audit.record(s.actor, 'account.second_factor_enrolled');
      return { token: await newSession(s.account.id, 'full'), recoveryCodes: codes };
    },

    /** Second step of sign-in: a TOTP code or a recovery code. A new session token replaces the old one. */
    async secondFactor(s: StaffSession, code: string): Promise<SignInResult> {
      const a = s.account;
      if (isLocked(a)) return { ok: false, reason: 'locked' };
      if (!a.totpSecret || a.status !== 'active') return { ok: false, reason: 'invalid' };
      const step = await checkTotp(a.totpSecret, code, now(), a.totpLastStep);
      let via = 'totp';
      if (step === null) {
        const recovery = normaliseRecoveryCode(code);
        if (recovery.length !== 10 || !(await d.accounts.useRecoveryCode(a.id, hashSecret(recovery), iso()))) {
          await fail(a);
          return { ok: false, reason: 'invalid' };
        }
        via = 'recovery_code';
      }
      await d.accounts.update(a.id, { failedAttempts: 0, lastSignInAt: iso(), ...(step !== null ? { totpLastStep: step } : {}) });
      await d.sessions.deleteSession(s.tokenHash);
      await d.audit.record(s.actor, 'account.signed_in', null, null, { via });
      return { ok: true, token: await newSession(a.id, 'full') };
    },

    /** The session for a cookie token, if it is live; touches it (idle time-out). */
    async resolve(token: string | undefined): Promise<StaffSession | null> {
      if (!token) return null;
      const tokenHash = hashSecret(token);
      const s = await d.sessions.findSession(tokenHash);
      if (!s) return null;
      const account = await d.accounts.findById(s.accountId);
      const idleLimit = iso(-minutes(d.idleMinutes));
      if (!account || account.status === 'disabled' || s.expiresAt <= iso() || s.lastSeenAt <= idleLimit || s.createdAt < account.sessionsValidAfter) {
        await d.sessions.deleteSession(tokenHash);
        return null;
      }
      // Touch at most once a minute: idle time-outs need no finer clock, and it spares a write per request.
      if (now().getTime() - new Date(s.lastSeenAt).getTime() > 60_000) await d.sessions.touchSession(tokenHash, iso());
      return { tokenHash, stage: s.stage, account, actor: await toActor(account) };
    },

    /** Ends one session. */
    async signOut(s: StaffSession): Promise<void> {
      await d.sessions.deleteSession(s.tokenHash);
      await d.audit.record(s.actor, 'account.signed_out');
    },

    /** Ends every session of the account, on every device. */
    async signOutEverywhere(s: StaffSession): Promise<void> {
      await d.accounts.update(s.account.id, { sessionsValidAfter: iso() });
      await d.sessions.deleteSessionsOf(s.account.id);
      await d.audit.record(s.actor, 'account.signed_out_everywhere');
    },

    /** Emails a one-hour reset link to an active account; says nothing about whether the email exists. */
    async requestReset(emailInput: string): Promise<void> {
      const a = await d.accounts.findByEmail(emailInput.trim());
      if (!a || a.status !== 'active') return;
      await d.sessions.voidLinks('reset', a.id, iso());
      const link = await newLink('reset', a.id);
      await d.mailer.send({
        to: a.email,
        subject: 'Reset your Bright Spots password',
        text: `Someone asked to reset the password of your Bright Spots account.\n\nUse this link within an hour (it works once):\n${link}\n\nYou will still need your authenticator app or a recovery code to sign in. If you did not ask for this, you can ignore this email.`,
      });
      await d.audit.record({ accountId: a.id, email: a.email }, 'account.reset_requested');
    },

    /** Every account with its roles, for programme administrators. */
    async listAccounts(): Promise<Array<AccountRow & { grants: Grant[]; unusedRecoveryCodes: number }>> {
      const [accounts, grants] = await Promise.all([d.accounts.listAccounts(), d.accounts.allGrants()]);
      return Promise.all(accounts.map(async (a) => ({ ...a, grants: grants.get(a.id) ?? [], unusedRecoveryCodes: await d.accounts.unusedRecoveryCodes(a.id) })));
    },

    findAccount: (id: string) => d.accounts.findById(id),

    /** Grants or removes a role. */
    async setGrant(by: Actor, accountId: string, grant: Grant, on: boolean): Promise<void> {
      if (!(await d.accounts.findById(accountId))) throw new AppError('not_found');
      if (on) await d.accounts.addGrant(accountId, grant.role, grant.laId);
      else await d.accounts.removeGrant(accountId, grant.role, grant.laId);
      await d.audit.record(by, on ? 'account.role_granted' : 'account.role_removed', grant.laId, accountId, { role: grant.role });
    },

    /** Disables or re-enables an account; disabling ends its sessions at once. */
    async setDisabled(by: Actor, accountId: string, disabled: boolean): Promise<void> {
      const a = await d.accounts.findById(accountId);
      if (!a) throw new AppError('not_found');
      if (a.id === by.accountId) throw new AppError('conflict', 'You cannot disable your own account');
      await d.accounts.update(accountId, { status: disabled ? 'disabled' : a.totpSecret ? 'active' : 'invited', sessionsValidAfter: iso() });
      await d.sessions.deleteSessionsOf(accountId);
      await d.audit.record(by, disabled ? 'account.disabled' : 'account.enabled', null, accountId);
    },

    /** Removes sessions past their idle or absolute time-out. */
    purgeSessions: () => d.sessions.deleteExpiredSessions(iso(), iso(-minutes(d.idleMinutes))),
  };
}

export type AccountsService = ReturnType<typeof accountsService>;
