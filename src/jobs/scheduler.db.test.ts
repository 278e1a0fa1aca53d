/**
 * The scheduler's leases on both engines, with two "instances" on two separate connections to one
 * database wherever the engine allows it (a SQLite file; the PostgreSQL server at TEST_DATABASE_URL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openSqlite } from '../db/connect.ts';
import type { Database, Db, Dialect } from '../db/schema.ts';
import { engines, openTestDb } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { jobsRepository } from './jobs.repository.ts';
import { createScheduler, type Job, type JobLog, type SchedulerOptions } from './scheduler.ts';

/** Two connections to one fresh database, as two app instances would have. */
async function twoInstances(dialect: Dialect): Promise<{ a: Db; b: Db; close(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bs-jobs-'));
    const first = openSqlite(join(dir, 'db.sqlite'));
    await migrate(first.db);
    const second = openSqlite(join(dir, 'db.sqlite'));
    return { a: first.db, b: second.db, close: async () => (await Promise.all([first.close(), second.close()]), rmSync(dir, { recursive: true, force: true })) };
  }
  const conn = await openTestDb('postgres');
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) return { a: conn.db, b: conn.db, close: () => conn.close() }; // in-process PGlite: one connection only
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(conn.db)).rows[0]?.s ?? '';
  const other = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` }) }) });
  return { a: conn.db, b: other, close: async () => (await other.destroy(), await conn.close()) };
}

const logs: Array<{ level: string; msg: string }> = [];
const log: JobLog = {
  info: (_o, msg) => logs.push({ level: 'info', msg }),
  warn: (_o, msg) => logs.push({ level: 'warn', msg }),
  error: (_o, msg) => logs.push({ level: 'error', msg }),
};
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(engines)('job scheduler on %s', (dialect) => {
  let dbs: Awaited<ReturnType<typeof twoInstances>>;
  const clock = fixedClock('2026-03-05T08:00:00.000Z');
  const make = (db: Db, owner: string, extra: Partial<SchedulerOptions> = {}) => createScheduler({ db, clock, log, owner, retryBaseMs: 60_000, leaseMs: 600_000, graceMs: 200, ...extra });

  beforeEach(async () => {
    clock.set('2026-03-05T08:00:00.000Z');
    logs.length = 0;
    dbs = await twoInstances(dialect);
  });
  afterEach(() => dbs.close());

  it('deletes finished and given-up runs older than it keeps, at most once an hour, and nothing in progress', async () => {
    const repo = jobsRepository(dbs.a);
    const day = 86_400_000;
    const iso = (msAgo: number) => new Date(Date.parse('2026-03-05T08:00:00.000Z') - msAgo).toISOString();
    const row = (runKey: string, status: string, agoMs: number) => ({ run_key: runKey, job_name: 'old', status, lease_owner: null, lease_expires: iso(agoMs), attempts: 1, last_error: null, started_at: iso(agoMs), finished_at: status === 'done' ? iso(agoMs) : null });
    await dbs.a
      .insertInto('job_runs')
      .values([row('old:done', 'done', 100 * day), row('old:failed', 'failed', 100 * day), row('old:released', 'released', 100 * day), row('recent:done', 'done', 10 * day)])
      .execute();
    const s = make(dbs.a, 'a', { keepRunsMs: 90 * day });
    await s.tick();
    expect(await repo.find('old:done')).toBeUndefined();
    expect(await repo.find('old:failed')).toBeUndefined();
    expect((await repo.find('old:released'))?.status).toBe('released');
    expect((await repo.find('recent:done'))?.status).toBe('done');
    expect(logs).toContainEqual({ level: 'info', msg: 'old job runs deleted' });
    // Within the hour it does not look again.
    await dbs.a.insertInto('job_runs').values(row('old:again', 'done', 100 * day)).execute();
    clock.advance(59 * 60_000);
    await s.tick();
    expect(await repo.find('old:again')).toBeDefined();
    clock.advance(60_000);
    await s.tick();
    expect(await repo.find('old:again')).toBeUndefined();
  });

  it('two instances ticking at the same moment run each due run exactly once', async () => {
    let key = 'count:0';
    const runs: string[] = [];
    const job = (who: string): Job => ({
      name: 'count',
      due: () => key,
      run: async (k) => {
        runs.push(`${who} ${k}`);
        await pause(5); // a run that takes a little while widens any race
      },
    });
    const a = make(dbs.a, 'instance-a');
    const b = make(dbs.b, 'instance-b');
    a.registerJob(job('a'));
    b.registerJob(job('b'));
    for (let i = 0; i < 8; i++) {
      key = `count:${i}`;
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      await Promise.all([a.tick(), b.tick()]); // and again, once it is done
    }
    expect(runs.map((r) => r.split(' ')[1])).toEqual(Array.from({ length: 8 }, (_, i) => `count:${i}`));
    expect((await jobsRepository(dbs.a).find('count:7'))).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('twenty simultaneous claims over both connections: one wins a new run, one wins an expired one', async () => {
    const now = clock.now().toISOString();
    const claims = (key: string, at: string) =>
      Promise.all(Array.from({ length: 20 }, (_, i) => jobsRepository(i % 2 ? dbs.a : dbs.b).claim('race', key, `owner-${i}`, at, '2026-03-05T08:10:00.000Z', 5)));
    expect((await claims('race:1', now)).filter(Boolean)).toHaveLength(1);
    // Later, the winner's lease has run out: exactly one of the others takes it over.
    const later = '2026-03-05T08:10:00.000Z';
    const again = await Promise.all(Array.from({ length: 20 }, (_, i) => jobsRepository(i % 2 ? dbs.a : dbs.b).claim('race', 'race:1', `late-${i}`, later, '2026-03-05T08:20:00.000Z', 5)));
    expect(again.filter(Boolean)).toHaveLength(1);
    expect(await jobsRepository(dbs.a).find('race:1')).toMatchObject({ attempts: 2, leaseOwner: `late-${again.indexOf(true)}` });
  });

  it("takes over a run whose owner's lease ran out (a crashed instance)", async () => {
    const repo = jobsRepository(dbs.a);
    expect(await repo.claim('digest', 'digest:2026-03-05', 'crashed', clock.now().toISOString(), '2026-03-05T08:10:00.000Z', 5)).toBe(true);
    let ran = 0;
    const b = make(dbs.b, 'instance-b');
    b.registerJob({ name: 'digest', due: () => 'digest:2026-03-05', run: async () => void ran++ });
    expect(await b.tick()).toEqual([]);
    clock.set('2026-03-05T08:09:59.000Z');
    expect(await b.tick()).toEqual([]);
    clock.set('2026-03-05T08:10:00.000Z');
    expect(await b.tick()).toEqual(['digest:2026-03-05']);
    expect(ran).toBe(1);
    expect(await repo.find('digest:2026-03-05')).toMatchObject({ status: 'done', leaseOwner: 'instance-b', attempts: 2 });
  });

  it('retries a failed run after a back-off, from any instance, and gives up after the last attempt', async () => {
    let failures = 1;
    const job: Job = {
      name: 'flaky',
      due: () => 'flaky:1',
      run: async () => {
        if (failures-- > 0) throw new Error('SMTP server unavailable');
      },
    };
    const a = make(dbs.a, 'instance-a');
    const b = make(dbs.b, 'instance-b');
    a.registerJob(job);
    b.registerJob(job);
    await a.tick();
    const repo = jobsRepository(dbs.a);
    expect(await repo.find('flaky:1')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'SMTP server unavailable' });
    expect(await b.tick()).toEqual([]); // back-off: 1 minute
    clock.advance(60_000);
    expect(await b.tick()).toEqual(['flaky:1']);
    expect(await repo.find('flaky:1')).toMatchObject({ status: 'done', attempts: 2, leaseOwner: 'instance-b', lastError: null });
    expect(logs.some((l) => l.level === 'error' && l.msg === 'job failed')).toBe(true);

    const broken = make(dbs.a, 'instance-c', { maxAttempts: 2 });
    broken.registerJob({ name: 'broken', due: () => 'broken:1', run: () => Promise.reject(new Error('always')) });
    await broken.tick();
    clock.advance(60_000);
    await broken.tick();
    clock.advance(24 * 3_600_000);
    expect(await broken.tick()).toEqual([]);
    expect(await repo.find('broken:1')).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('is restart-safe: a finished run is not run again by a new instance', async () => {
    let ran = 0;
    const job: Job = { name: 'digest', due: () => 'digest:2026-03-05', run: async () => void ran++ };
    const first = make(dbs.a, 'before-restart');
    first.registerJob(job);
    await first.tick();
    await first.stop();
    const second = make(dbs.b, 'after-restart');
    second.registerJob(job);
    clock.advance(3 * 3_600_000);
    expect(await second.tick()).toEqual([]);
    expect(ran).toBe(1);
  });

  it('a graceful stop gives back a run in progress, so another instance takes it at once', async () => {
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((r) => (release = r));
    const first = make(dbs.a, 'stopping');
    first.registerJob({ name: 'slow', due: () => 'slow:1', run: () => blocked });
    const inProgress = first.tick();
    while (!(await jobsRepository(dbs.a).find('slow:1'))) await pause(5);
    await first.stop(); // waits 200 ms, then releases the lease
    expect(await jobsRepository(dbs.a).find('slow:1')).toMatchObject({ status: 'released', leaseOwner: null, attempts: 0 });
    let ran = 0;
    const second = make(dbs.b, 'taking-over');
    second.registerJob({ name: 'slow', due: () => 'slow:1', run: async () => void ran++ });
    expect(await second.tick()).toEqual(['slow:1']);
    expect(await jobsRepository(dbs.a).find('slow:1')).toMatchObject({ status: 'done', leaseOwner: 'taking-over', attempts: 1 });
    release();
    await inProgress; // the first run finishes late: it must not mark the run as its own
    expect(logs.some((l) => l.msg === 'job finished after losing its lease')).toBe(true);
    expect(ran).toBe(1);
  });

  it('does not run jobs that are not due, and refuses two jobs of one name', async () => {
    const s = make(dbs.a, 'x');
    s.registerJob({ name: 'never', due: () => null, run: () => Promise.reject(new Error('must not run')) });
    expect(() => s.registerJob({ name: 'never', due: () => null, run: async () => undefined })).toThrow();
    expect(await s.tick()).toEqual([]);
    expect(Number((await sql<{ n: number }>`select count(*) as n from job_runs`.execute(dbs.a)).rows[0]?.n)).toBe(0);
  });
});
