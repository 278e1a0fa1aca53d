// Frozen: printable paper forms. `paper_layouts` keeps every printed layout (where each answer box is)
// so scans can be read; `paper_sheets` records each issued copy's serial with its wave, instrument,
// layout and time. A sheet is never linked to a response.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('paper_layouts')
    .addColumn('layout_id', 'text', (c) => c.primaryKey())
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('layout_version', 'integer', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('paper_sheets')
    .addColumn('serial', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('layout_id', 'text', (c) => c.notNull().references('paper_layouts.layout_id'))
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('paper_sheets_wave').on('paper_sheets').columns(['wave_id', 'instrument_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('paper_sheets').execute();
  await db.schema.dropTable('paper_layouts').execute();
}
