// Frozen: each finished wave's answers as counts (findings/pool.ts), what other LAs' reports compare with.
// A cache the database keeps: `fingerprint` says which responses and cleaning decisions it was counted
// from; a summary whose fingerprint no longer matches is counted again, so none is ever read stale.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wave_summaries')
    .addColumn('wave_id', 'text', (c) => c.primaryKey().references('waves.id'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('counted_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('wave_summaries').execute();
}
