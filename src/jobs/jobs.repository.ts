/**
 * Job runs and their leases in the database. Every change is one conditional statement, so two
 * instances racing for the same run cannot both win on SQLite or on PostgreSQL: the insert is guarded
 * by the run key's uniqueness, a takeover by a WHERE clause the database re-checks under its row lock.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

export type RunStatus = 'running' | 'done' | 'failed' | 'released';

/** One run of a job as stored. */
export interface JobRun {
  runKey: string;
  jobName: string;
  status: RunStatus;
  leaseOwner: string | null;
  leaseExpires: string;
  attempts: number;
  lastError: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** Job runs' SQL over a database. */
export function jobsRepository(db: Db) {
  const held = (runKey: string, owner: string) =>
    db.updateTable('job_runs').where('run_key', '=', runKey).where('lease_owner', '=', owner).where('status', '=', 'running');

  return {
    /**
     * Claims a run for an owner until a time: a new run, a run whose owner's lease ran out, a failed run
     * whose back-off is over, or a run given back at shutdown, while it has attempts left.
     */
    async claim(jobName: string, runKey: string, owner: string, now: string, leaseUntil: string, maxAttempts: number): Promise<boolean> {
      const inserted = await db
        .insertInto('job_runs')
        .values({ run_key: runKey, job_name: jobName, status: 'running', lease_owner: owner, lease_expires: leaseUntil, attempts: 1, last_error: null, started_at: now, finished_at: null })
        .onConflict((oc) => oc.column('run_key').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
      const taken = await db
        .updateTable('job_runs')
        .set({ status: 'running', lease_owner: owner, lease_expires: leaseUntil, attempts: sql<number>`attempts + 1`, started_at: now })
        .where('run_key', '=', runKey)
        .where('attempts', '<', maxAttempts)
        .where((eb) => eb.or([eb.and([eb('status', 'in', ['running', 'failed']), eb('lease_expires', '<=', now)]), eb('status', '=', 'released')]))
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) === 1;
    },

    /** Extends a lease the owner still holds; false when it was lost. */
    async renew(runKey: string, owner: string, leaseUntil: string): Promise<boolean> {
      const r = await held(runKey, owner).set({ lease_expires: leaseUntil }).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Marks a run done; false when the owner no longer held it. */
    async finish(runKey: string, owner: string, now: string): Promise<boolean> {
      const r = await held(runKey, owner).set({ status: 'done', finished_at: now, last_error: null }).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Marks a run failed, to be retried (by any instance) after a back-off. */
    async fail(runKey: string, owner: string, error: string, retryAt: string): Promise<boolean> {
      const r = await held(runKey, owner).set({ status: 'failed', last_error: error.slice(0, 2000), lease_expires: retryAt }).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Gives back every run an owner holds (at shutdown), without counting the interrupted attempt. */
    async release(owner: string): Promise<number> {
      const r = await db
        .updateTable('job_runs')
        .set({ status: 'released', lease_owner: null, attempts: sql<number>`attempts - 1` })
        .where('lease_owner', '=', owner)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    /**
     * Deletes finished and given-up runs started before a time; runs in progress, released or waiting for a
     * retry are kept. A run key is only ever due around its own time, so an old row guards nothing.
     */
    async prune(before: string): Promise<number> {
      const r = await db.deleteFrom('job_runs').where('status', 'in', ['done', 'failed']).where('started_at', '<', before).where('lease_expires', '<', before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    /** A run as stored, for tests and diagnostics. */
    async find(runKey: string): Promise<JobRun | undefined> {
      const r = await db.selectFrom('job_runs').selectAll().where('run_key', '=', runKey).executeTakeFirst();
      return (
        r && {
          runKey: r.run_key,
          jobName: r.job_name,
          status: r.status as RunStatus,
          leaseOwner: r.lease_owner,
          leaseExpires: r.lease_expires,
          attempts: Number(r.attempts),
          lastError: r.last_error,
          startedAt: r.started_at,
          finishedAt: r.finished_at,
        }
      );
    },
  };
}

export type JobsRepository = ReturnType<typeof jobsRepository>;
