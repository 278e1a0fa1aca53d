// Frozen: the redaction review of free-text comments, one row per comment once a reviewer has acted on it.
// The row outlives the original text: retention may empty response_comments.text, never this row.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('comment_reviews')
    .addColumn('comment_id', 'text', (c) => c.primaryKey().references('response_comments.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull())
    .addColumn('spans', 'text', (c) => c.notNull())
    .addColumn('redacted_text', 'text', (c) => c.notNull())
    .addColumn('edited', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('quote', 'integer', (c) => c.notNull())
    .addColumn('confirmed', 'integer', (c) => c.notNull())
    .addColumn('edited_by', 'text')
    .addColumn('edited_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('comment_reviews_wave').on('comment_reviews').columns(['wave_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('comment_reviews').execute();
}
