/** SQL for operations: a cheap liveness query, the migrations applied, and the counts behind /metrics. */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

/** Counts of work waiting or done, from the database (the same figures whichever instance is asked). */
export interface OpsCounts {
  submissions: number;
  /** Flagged comments no reviewer has decided yet. */
  safeguardingQueue: number;
  /** Concerns sent to an LA that nobody there has acknowledged yet. */
  unacknowledgedDisclosures: number;
  /** Scheduled job runs by job name and status (running, done, failed, released). */
  jobRuns: Array<{ job: string; status: string; runs: number }>;
}

export function opsRepository(db: Db) {
  return {
    /** Throws when the database cannot be reached. */
    async ping(): Promise<void> {
      await sql`select 1`.execute(db);
    },

    /** Names of the migrations recorded as applied; throws when the migrations table is missing. */
    async appliedMigrations(): Promise<string[]> {
      const r = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
      return r.rows.map((row) => row.name);
    },

    async counts(): Promise<OpsCounts> {
      const n = (v: unknown) => Number(v ?? 0);
      const submissions = await db.selectFrom('submissions').select(sql<number>`count(*)`.as('n')).executeTakeFirst();
      const queue = await db
        .selectFrom('safeguarding_screenings')
        .select(sql<number>`count(*)`.as('n'))
        .where('flag', '=', 1)
        .where('decision', 'is', null)
        .executeTakeFirst();
      const unacknowledged = await db
        .selectFrom('safeguarding_disclosures')
        .select(sql<number>`count(*)`.as('n'))
        .where('acknowledged_at', 'is', null)
        .executeTakeFirst();
      const runs = await db
        .selectFrom('job_runs')
        .select(['job_name', 'status', sql<number>`count(*)`.as('n')])
        .groupBy(['job_name', 'status'])
        .orderBy('job_name')
        .orderBy('status')
        .execute();
      return {
        submissions: n(submissions?.n),
        safeguardingQueue: n(queue?.n),
        unacknowledgedDisclosures: n(unacknowledged?.n),
        jobRuns: runs.map((r) => ({ job: r.job_name, status: r.status, runs: n(r.n) })),
      };
    },
  };
}

export type OpsRepository = ReturnType<typeof opsRepository>;
