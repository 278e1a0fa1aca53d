// Frozen: paper forms keyed by hand and waiting for a second entry or for their differences to be resolved.
// A row is deleted just before its response is stored, so nothing here outlives the form or points to its response.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('paper_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('sheet_serial', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_by', 'text', (c) => c.notNull())
    .addColumn('first_values', 'text', (c) => c.notNull())
    .addColumn('second_by', 'text')
    .addColumn('second_values', 'text')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('paper_entries_serial').on('paper_entries').columns(['wave_id', 'sheet_serial']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('paper_entries').execute();
}
