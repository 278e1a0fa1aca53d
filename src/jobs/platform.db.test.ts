/** The platform's jobs on the scheduler: the hourly housekeeping and the tracker's daily batch. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { jobsRepository } from './jobs.repository.ts';
import { platformJobs } from './platform.ts';
import { createScheduler, type JobLog } from './scheduler.ts';

const quiet: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(engines)('platform jobs on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('registers housekeeping, the tracker batch and the updates, each due on its own schedule', () => {
    const jobs = new Map(platformJobs(t.services, quiet).map((j) => [j.name, j]));
    expect([...jobs.keys()]).toEqual(['housekeeping', 'tracker-batch', 'digest', 'safeguarding', 'retention']);
    const at = (iso: string) => Object.fromEntries([...jobs].map(([name, j]) => [name, j.due(new Date(iso))]));
    expect(at('2026-03-05T00:30:00Z')).toEqual({ housekeeping: 'housekeeping:2026-03-05T00', 'tracker-batch': null, digest: null, safeguarding: 'safeguarding:2026-03-05T00:30', retention: null });
    expect(at('2026-03-05T07:34:00Z')).toEqual({ housekeeping: 'housekeeping:2026-03-05T07', 'tracker-batch': 'tracker-batch:2026-03-05', digest: 'digest:2026-03-05', safeguarding: 'safeguarding:2026-03-05T07:30', retention: 'retention:2026-03-05' });
  });

  it('housekeeping deletes expired staff sessions once per hour, whichever instance ticks', async () => {
    const db = t.conn.db;
    await db.insertInto('staff_accounts').values({ id: 'acc', email: 'x@example', name: 'x', password_hash: null, totp_secret: null, totp_last_step: null, status: 'active', failed_attempts: 0, locked_until: null, sessions_valid_after: '2026-01-01T00:00:00.000Z', created_at: '2026-01-01T00:00:00.000Z', last_sign_in_at: null }).execute();
    await db.insertInto('staff_sessions').values({ token_hash: 'old', account_id: 'acc', stage: 'full', created_at: '2026-01-01T00:00:00.000Z', last_seen_at: '2026-01-01T00:00:00.000Z', expires_at: '2026-01-01T12:00:00.000Z' }).execute();
    t.clock.set('2026-03-05T10:15:00.000Z');
    const [a, b] = ['a', 'b'].map((owner) => {
      const s = createScheduler({ db, clock: t.clock, log: quiet, owner });
      for (const job of platformJobs(t.services, quiet)) s.registerJob(job);
      return s;
    });
    const ran = (await Promise.all([a!.tick(), b!.tick()])).flat();
    expect(ran.filter((k) => k.startsWith('housekeeping:'))).toEqual(['housekeeping:2026-03-05T10']);
    expect(ran).toContain('tracker-batch:2026-03-05');
    expect(await db.selectFrom('staff_sessions').selectAll().execute()).toEqual([]);
    expect(await jobsRepository(db).find('tracker-batch:2026-03-05')).toMatchObject({ status: 'done', attempts: 1 });
  });
});
