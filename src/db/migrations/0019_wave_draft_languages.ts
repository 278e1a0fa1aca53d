// Frozen: the draft languages a programme administrator switched on for a wave (translations not yet all reviewed).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A JSON array of language codes, a subset of `languages`; every wave so far has none.
  await db.schema
    .alterTable('waves')
    .addColumn('draft_languages', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('waves').dropColumn('draft_languages').execute();
}
