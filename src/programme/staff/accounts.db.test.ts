import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/index.ts';
import { engines, openTestDb } from '../../db/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { createMailer, type Mailer } from '../../lib/email.ts';
import { auditLog } from '../audit.ts';
import { accountsRepository } from './accounts.repository.ts';
import { accountsService, LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS, type AccountsService } from './accounts.service.ts';
import { sessionsRepository } from './sessions.repository.ts';

const PASSWORD = 'correct horse battery staple';
const tokenOf = (link: string) => link.split('/').pop() ?? '';
const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

describe.each(engines)('staff accounts on %s', (dialect) => {
  let conn: Connection;
  let svc: AccountsService;
  let mailer: Mailer;
  let dir: string;
  const clock = fixedClock('2026-03-02T09:00:00.000Z');
  let secret = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    dir = mkdtempSync(join(tmpdir(), 'bs-accounts-'));
    mailer = createMailer({ smtpUrl: undefined, dataDir: dir });
    svc = accountsService({
      accounts: accountsRepository(conn.db),
      sessions: sessionsRepository(conn.db),
      audit: auditLog(conn.db, clock),
      mailer,
      clock,
      publicUrl: 'https://bs.example',
      idleMinutes: 30,
      maxHours: 12,
    });
  });
  afterAll(async () => {
    await conn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the first administrator from a one-time link, with a second factor before any access', async () => {
    const link = await svc.firstRunLink();
    expect(link).toMatch(/^https:\/\/bs\.example\/staff\/setup\/[\w-]{43}$/);
    const weak = await svc.useLink(tokenOf(link!), { email: 'ada@council.example', name: 'Ada', password: 'short' });
    expect(weak).toEqual({ problem: 'password_too_short' });
    const used = await svc.useLink(tokenOf(link!), { email: 'ada@council.example', name: 'Ada', password: PASSWORD });
    if (!('token' in used)) throw new Error('setup failed');
    const s = await svc.resolve(used.token);
    expect(s?.stage).toBe('password');
    expect(s?.actor.grants).toEqual([{ role: 'programme_admin', laId: null }]);
    const enrol = await svc.enrolment(s!);
    secret = enrol.secret;
    expect(enrol.uri).toContain('otpauth://totp/');
    expect(enrol.qrSvg).toContain('<svg');
    expect(await svc.confirmEnrolment(s!, '000000')).toBeNull();
    const done = await svc.confirmEnrolment(s!, await codeAt(secret, clock.now()));
    expect(done?.recoveryCodes).toHaveLength(10);
    recoveryCodes = done!.recoveryCodes;
    expect((await svc.resolve(done!.token))?.stage).toBe('full');
    // The old 'password' session was replaced, and the link cannot be used twice.
    expect(await svc.resolve(used.token)).toBeNull();
    await expect(svc.useLink(tokenOf(link!), { password: PASSWORD })).rejects.toMatchObject({ code: 'not_found' });
    expect(await svc.firstRunLink()).toBeNull();
  });

  it('signs in with password then TOTP, and refuses a replayed code', async () => {
    clock.advance(60_000);
    const first = await svc.signIn('ADA@council.example ', PASSWORD);
    if (!first.ok) throw new Error('sign-in failed');
    const s = await svc.resolve(first.token);
    const code = await codeAt(secret, clock.now());
    const ok = await svc.secondFactor(s!, code);
    expect(ok.ok).toBe(true);
    const again = await svc.signIn('ada@council.example', PASSWORD);
    if (!again.ok) throw new Error('sign-in failed');
    const second = (await svc.resolve(again.token))!;
    expect(await svc.secondFactor(second, code)).toEqual({ ok: false, reason: 'invalid' });
    // The next time step's code works, and a full sign-in clears the failure count.
    clock.advance(30_000);
    expect((await svc.secondFactor(second, await codeAt(secret, clock.now()))).ok).toBe(true);
  });

  it('gives the same answer for an unknown email and a wrong password, and locks after repeated failures', async () => {
    expect(await svc.signIn('nobody@council.example', PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) expect(await svc.signIn('ada@council.example', 'wrong password!!')).toEqual({ ok: false, reason: 'invalid' });
    expect(await svc.signIn('ada@council.example', 'wrong password!!')).toEqual({ ok: false, reason: 'invalid' });
    expect(await svc.signIn('ada@council.example', PASSWORD)).toEqual({ ok: false, reason: 'locked' });
    clock.advance((LOCKOUT_MINUTES + 1) * 60_000);
    expect((await svc.signIn('ada@council.example', PASSWORD)).ok).toBe(true);
  });

  it('ends sessions after the idle and absolute time-outs, and everywhere on request', async () => {
    const r = await svc.signIn('ada@council.example', PASSWORD);
    if (!r.ok) throw new Error('sign-in failed');
    clock.advance(31 * 60_000);
    expect(await svc.resolve(r.token)).toBeNull();
    clock.advance(60_000);
    const a = await svc.signIn('ada@council.example', PASSWORD);
    const b = await svc.signIn('ada@council.example', PASSWORD);
    if (!a.ok || !b.ok) throw new Error('sign-in failed');
    await svc.signOutEverywhere((await svc.resolve(a.token))!);
    expect(await svc.resolve(b.token)).toBeNull();
    clock.advance(1000);
    const c = await svc.signIn('ada@council.example', PASSWORD);
    if (!c.ok) throw new Error('sign-in failed');
    for (let i = 0; i < 12 * 4; i++) {
      clock.advance(15 * 60_000);
      if (!(await svc.resolve(c.token))) break;
    }
    expect(await svc.resolve(c.token)).toBeNull();
  });

  it('invites by email, and resets a password by a one-hour link without revealing who has an account', async () => {
    const admin = (await svc.resolve((await svc.signIn('ada@council.example', PASSWORD) as { token: string }).token))!.actor;
    const link = await svc.invite(admin, { email: 'lead@northmere.example', name: 'Lee', grants: [{ role: 'la_lead', laId: 'la-1' }] });
    expect(mailer.outbox().some((m) => m.to === 'lead@northmere.example')).toBe(true);
    expect((await svc.checkLink(tokenOf(link))).purpose).toBe('invite');
    await svc.requestReset('nobody@council.example');
    expect(mailer.outbox().filter((m) => m.subject.includes('Reset'))).toHaveLength(0);
    await svc.requestReset('ada@council.example');
    expect(mailer.outbox().filter((m) => m.subject.includes('Reset'))).toHaveLength(1);
  });

  it('accepts a recovery code once as a second factor', async () => {
    const signInWith = async (code: string) => {
      const r = await svc.signIn('ada@council.example', PASSWORD);
      if (!r.ok) throw new Error('sign-in failed');
      return svc.secondFactor((await svc.resolve(r.token))!, code);
    };
    const code = recoveryCodes[0]!;
    expect((await signInWith(code.toLowerCase())).ok).toBe(true);
    expect(await signInWith(code)).toEqual({ ok: false, reason: 'invalid' });
    const ada = (await svc.listAccounts()).find((a) => a.email === 'ada@council.example')!;
    expect(ada.unusedRecoveryCodes).toBe(9);
  });
});
