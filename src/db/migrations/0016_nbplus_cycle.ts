// Frozen: the New Belongings Plus cycle of a plan (its sessions), the co-production self-assessment, the reference group register and the practice bank.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A plan run as New Belongings Plus has one row here: the flag, with who switched it on.
  await db.schema
    .createTable('nbplus_cycles')
    .addColumn('plan_id', 'text', (c) => c.primaryKey().references('action_plans.id'))
    .addColumn('la_id', 'text', (c) => c.notNull().references('local_authorities.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('started_by_email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('nbplus_cycles_la').on('nbplus_cycles').column('la_id').execute();

  // Attendees and the linked action ids are JSON; young people are a count only, never names.
  await db.schema
    .createTable('nbplus_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('nbplus_cycles.plan_id'))
    .addColumn('la_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text')
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('young_people', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text', (c) => c.notNull())
    .addColumn('action_ids', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by_email', 'text', (c) => c.notNull())
    .addUniqueConstraint('nbplus_sessions_plan_kind', ['plan_id', 'kind'])
    .execute();

  await db.schema
    .createTable('coproduction_reviews')
    .addColumn('plan_id', 'text', (c) => c.primaryKey().references('nbplus_cycles.plan_id'))
    .addColumn('la_id', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('saved_by_email', 'text', (c) => c.notNull())
    .addColumn('feedback', 'text')
    .addColumn('feedback_at', 'text')
    .addColumn('feedback_by_email', 'text')
    .addColumn('action_ids', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reference_groups')
    .addColumn('la_id', 'text', (c) => c.primaryKey().references('local_authorities.id'))
    .addColumn('young_people', 'integer', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('involvement', 'text', (c) => c.notNull())
    .addColumn('reward', 'text', (c) => c.notNull())
    .addColumn('meets', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by_email', 'text', (c) => c.notNull())
    .execute();

  // A completed action published as an example for other LAs: consent recorded, anonymised if the LA wishes.
  await db.schema
    .createTable('practice_examples')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().unique().references('plan_actions.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('la_id', 'text', (c) => c.notNull())
    .addColumn('indicator_key', 'text', (c) => c.notNull())
    .addColumn('indicator_label', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('shown_as', 'text', (c) => c.notNull())
    .addColumn('consent_from', 'text', (c) => c.notNull())
    .addColumn('consent_on', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by_email', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practice_examples_indicator').on('practice_examples').column('indicator_key').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('practice_examples').execute();
  await db.schema.dropTable('reference_groups').execute();
  await db.schema.dropTable('coproduction_reviews').execute();
  await db.schema.dropTable('nbplus_sessions').execute();
  await db.schema.dropTable('nbplus_cycles').execute();
}
