// Frozen: scheduled job runs with database leases, and the record of twice-weekly updates sent.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_runs')
    // One row per run of a job, e.g. 'digest:2026-03-05': the primary key is what lets one instance alone claim a run.
    .addColumn('run_key', 'text', (c) => c.primaryKey())
    .addColumn('job_name', 'text', (c) => c.notNull())
    // 'running', 'done', 'failed' (to be retried) or 'released' (given back at shutdown).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    // Until when the run is held: by its owner while running, or as a back-off after a failure.
    .addColumn('lease_expires', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('job_runs_job').on('job_runs').columns(['job_name', 'started_at']).execute();

  await db.schema
    .createTable('digest_sends')
    // One row per update sent to one survey lead about one wave in one run: a retried run skips these.
    .addColumn('run_key', 'text', (c) => c.notNull())
    .addColumn('wave_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_sends_pk', ['run_key', 'wave_id', 'account_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('digest_sends').execute();
  await db.schema.dropTable('job_runs').execute();
}
