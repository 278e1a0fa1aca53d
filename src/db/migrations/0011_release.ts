// Frozen: requests for an anonymised data release, and the retention log (counts of what was deleted, append-only).
import { sql, SqliteAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('release_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la_id', 'text', (c) => c.notNull().references('local_authorities.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_by_email', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('k', 'integer')
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_email', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('snapshot', 'text')
    .addColumn('snapshot_deleted_at', 'text')
    .execute();
  await db.schema.createIndex('release_requests_la').on('release_requests').columns(['la_id', 'requested_at']).execute();
  await db.schema.createIndex('release_requests_status').on('release_requests').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('retention_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_key', 'text', (c) => c.notNull())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('wave_id', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('kept', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('retention_log_ran_at').on('retention_log').column('ran_at').execute();

  // The record of what retention deleted is itself never changed or deleted.
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`CREATE TRIGGER retention_log_no_update BEFORE UPDATE ON retention_log BEGIN SELECT RAISE(ABORT, 'retention_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER retention_log_no_delete BEFORE DELETE ON retention_log BEGIN SELECT RAISE(ABORT, 'retention_log is append-only'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION retention_log_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'retention_log is append-only'; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER retention_log_no_change BEFORE UPDATE OR DELETE ON retention_log FOR EACH ROW EXECUTE FUNCTION retention_log_append_only()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('retention_log').execute();
  await db.schema.dropTable('release_requests').execute();
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) await sql`DROP FUNCTION retention_log_append_only()`.execute(db);
}
