// Frozen: scanned paper forms waiting for verification. A form (one copy, by its sheet serial) gathers its
// pages as they are uploaded: each page's reading (box states and answers, JSON) and the image crops a
// person needs (writing areas and questions for review, PNG as base64). All of a form's rows are deleted
// when it is stored as a response or discarded. `paper_sheets.entered_on` marks a sheet as entered, by
// the day only: the sheet never names its response.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('paper_sheets').addColumn('entered_on', 'text').execute();
  await db.schema
    .createTable('paper_scan_forms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('serial', 'text', (c) => c.notNull().unique())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('layout_id', 'text', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('uploaded_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('paper_scan_pages')
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('reading', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('paper_scan_pages_pk', ['form_id', 'page'])
    .execute();
  await db.schema
    .createTable('paper_scan_crops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('png', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('paper_scan_crops_form').on('paper_scan_crops').columns(['form_id', 'page']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('paper_scan_crops').execute();
  await db.schema.dropTable('paper_scan_pages').execute();
  await db.schema.dropTable('paper_scan_forms').execute();
  await db.schema.alterTable('paper_sheets').dropColumn('entered_on').execute();
}
