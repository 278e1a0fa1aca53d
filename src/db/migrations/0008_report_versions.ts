// Frozen: published report versions, immutable and numbered per wave; append-only in the database itself.
import { sql, SqliteAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('responses', 'integer', (c) => c.notNull())
    .addColumn('response_ids', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_versions_wave_number', ['wave_id', 'number'])
    .execute();

  // A published version never changes and is never withdrawn: readers may compare any two.
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`CREATE TRIGGER report_versions_no_update BEFORE UPDATE ON report_versions BEGIN SELECT RAISE(ABORT, 'report_versions is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER report_versions_no_delete BEFORE DELETE ON report_versions BEGIN SELECT RAISE(ABORT, 'report_versions is append-only'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION report_versions_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'report_versions is append-only'; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER report_versions_no_change BEFORE UPDATE OR DELETE ON report_versions FOR EACH ROW EXECUTE FUNCTION report_versions_append_only()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_versions').execute();
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) await sql`DROP FUNCTION report_versions_append_only()`.execute(db);
}
