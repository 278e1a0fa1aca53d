/** Test helpers: staff accounts made directly in the database, then signed in through the real pages. */
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import type { Db } from '../../db/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { newId } from '../../lib/ids.ts';
import { client } from '../../http/testing.ts';
import type { Grant } from '../roles.ts';
import { accountsRepository } from './accounts.repository.ts';
import { hashPassword, newTotpSecret } from './credentials.ts';

export const TEST_PASSWORD = 'a long and careful passphrase';

/** Creates an active account with the given roles and a known TOTP secret. */
export async function makeStaff(db: Db, clock: Clock, email: string, grants: Grant[]): Promise<{ id: string; email: string; secret: string }> {
  const repo = accountsRepository(db);
  const id = newId();
  const secret = newTotpSecret();
  await repo.insertAccount({
    id, email, name: email.split('@')[0] ?? email, passwordHash: await hashPassword(TEST_PASSWORD), totpSecret: secret, totpLastStep: null,
    status: 'active', failedAttempts: 0, lockedUntil: null, sessionsValidAfter: new Date(clock.now().getTime() - 1000).toISOString(),
    createdAt: clock.now().toISOString(), lastSignInAt: null,
  });
  for (const g of grants) await repo.addGrant(id, g.role, g.laId);
  return { id, email, secret };
}

/** A client signed in as the account, through the sign-in and second-factor pages. */
export async function signedIn(app: FastifyInstance, clock: Clock, account: { email: string; secret: string }) {
  const c = client(app);
  await c.get('/staff/sign-in');
  const first = await c.submit('/staff/sign-in', { email: account.email, password: TEST_PASSWORD, next: '/staff' });
  if (first.status !== 303) throw new Error(`sign-in failed: ${first.status}`);
  await c.get('/staff/sign-in/code');
  const code = await generate({ secret: account.secret, epoch: Math.floor(clock.now().getTime() / 1000) });
  const second = await c.submit('/staff/sign-in/code', { code, next: '/staff' });
  if (second.status !== 303) throw new Error(`second factor failed: ${second.status}`);
  return c;
}
