// Frozen: wave planning (checklist, prize draw setting), LA settings and contacts, and the prize draw.
import { SqliteAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A wave setting: whether young people may enter a prize draw after the thank-you page (0/1).
  await db.schema.alterTable('waves').addColumn('prize_draw', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('wave_plan_items')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('who', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('done_on', 'text')
    .addPrimaryKeyConstraint('wave_plan_items_pk', ['wave_id', 'item'])
    .execute();

  await db.schema
    .createTable('la_settings')
    .addColumn('la_id', 'text', (c) => c.primaryKey().references('local_authorities.id'))
    .addColumn('dsa_signed_on', 'text')
    .addColumn('named_in_comparisons', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('edt_name', 'text')
    .addColumn('edt_phone', 'text')
    .addColumn('edt_email', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('la_safeguarding_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la_id', 'text', (c) => c.notNull().references('local_authorities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('la_safeguarding_contacts_la').on('la_safeguarding_contacts').column('la_id').execute();

  // One row per wave that has had a draw: the day only, and counts (no names).
  await db.schema
    .createTable('prize_draws')
    .addColumn('wave_id', 'text', (c) => c.primaryKey().references('waves.id'))
    .addColumn('drawn_on', 'text', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull())
    .addColumn('winners', 'integer', (c) => c.notNull())
    .addColumn('forget_on', 'text', (c) => c.notNull())
    .execute();

  // Entries hold no time, no link to a response or draft, and a random id. On SQLite, WITHOUT ROWID:
  // rows are kept in the order of their random key, so no hidden rowid records the order of insertion.
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('prize_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('contact_method', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('won', 'integer', (c) => c.notNull().defaultTo(0))
    .$call((b) => (sqlite ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
  await db.schema.createIndex('prize_entries_wave').on('prize_entries').column('wave_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['prize_entries', 'prize_draws', 'la_safeguarding_contacts', 'la_settings', 'wave_plan_items']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('waves').dropColumn('prize_draw').execute();
}
