// Frozen: the participation tracker and access codes; drafts remember the hash of an access code typed.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tracker_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
    // The LA's own case reference: never a name.
    .addColumn('reference', 'text', (c) => c.notNull())
    // Lower-cased reference: one entry per young person per wave, however the reference is typed.
    .addColumn('reference_key', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('team', 'text')
    .addColumn('placement_type', 'text')
    .addColumn('worker', 'text')
    .addColumn('trusted_adult_name', 'text')
    .addColumn('trusted_adult_role', 'text')
    .addColumn('planned_on', 'text')
    .addColumn('place', 'text')
    .addColumn('backup_plan', 'text')
    .addColumn('backup_note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('needs_support', 'integer')
    .addColumn('pa_catch_up', 'text')
    .addColumn('pa_catch_up_on', 'text')
    .addColumn('additional_needs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unaccompanied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('in_custody', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('out_of_area', 'integer', (c) => c.notNull().defaultTo(0))
    // Days only: nothing on the tracker is timed more finely than a day.
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('updated_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('tracker_entries_reference', ['wave_id', 'reference_key'])
    .execute();
  await db.schema.createIndex('tracker_entries_wave_status').on('tracker_entries').columns(['wave_id', 'status']).execute();

  await db.schema
    .createTable('access_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('tracker_entries.id'))
    .addColumn('created_on', 'text', (c) => c.notNull())
    // The day the code's survey was submitted (never a time), copied here by the daily batch.
    .addColumn('used_on', 'text')
    // The day the daily batch marked the entry completed.
    .addColumn('redeemed_on', 'text')
    // The day a new code replaced this unused one: it no longer opens the survey, but a use already
    // made with it still completes the entry.
    .addColumn('replaced_on', 'text')
    .execute();
  await db.schema.createIndex('access_codes_wave').on('access_codes').column('wave_id').execute();
  await db.schema.createIndex('access_codes_entry').on('access_codes').column('entry_id').execute();

  // Codes used since the last daily batch: one row per wave and day holding a sorted set of code hashes,
  // so neither the rows' order nor which row was written last says which code was used when.
  await db.schema
    .createTable('access_code_uses')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
    .addColumn('used_on', 'text', (c) => c.notNull())
    // JSON array of code hashes, sorted.
    .addColumn('code_hashes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_code_uses_pk', ['wave_id', 'used_on'])
    .execute();

  await db.schema.alterTable('drafts').addColumn('access_code_hash', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('drafts').dropColumn('access_code_hash').execute();
  await db.schema.dropTable('access_code_uses').execute();
  await db.schema.dropTable('access_codes').execute();
  await db.schema.dropTable('tracker_entries').execute();
}
