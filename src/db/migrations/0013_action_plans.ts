// Frozen: action plans after a reported wave (New Belongings Plus): plans, actions linked to findings, progress updates, KPIs, and "You said, we did".
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('action_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('la_id', 'text', (c) => c.notNull().references('local_authorities.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull().unique().references('waves.id'))
    .addColumn('report_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('agreed_at', 'text')
    .addColumn('agreed_by_email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_plans_la').on('action_plans').column('la_id').execute();

  // Findings and the indicator are JSON (finding ids; the indicator and its baseline figure as published).
  await db.schema
    .createTable('plan_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('action_plans.id'))
    .addColumn('la_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('baseline', 'text', (c) => c.notNull())
    .addColumn('target', 'real', (c) => c.notNull())
    .addColumn('by_wave', 'integer', (c) => c.notNull())
    .addColumn('owner_role', 'text', (c) => c.notNull())
    .addColumn('owner_team', 'text', (c) => c.notNull())
    .addColumn('partners', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('involvement_group', 'text', (c) => c.notNull())
    .addColumn('involvement_how', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_actions_plan').on('plan_actions').columns(['plan_id', 'position']).execute();

  await db.schema
    .createTable('plan_action_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('plan_actions.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by_email', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_action_updates_action').on('plan_action_updates').columns(['action_id', 'on_date']).execute();

  await db.schema
    .createTable('plan_kpis')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('action_plans.id'))
    .addColumn('la_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('baseline', 'text', (c) => c.notNull())
    .addColumn('target', 'real', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_kpis_plan').on('plan_kpis').columns(['plan_id', 'position']).execute();

  await db.schema
    .createTable('plan_youth_pages')
    .addColumn('plan_id', 'text', (c) => c.primaryKey().references('action_plans.id'))
    .addColumn('la_id', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('share_token', 'text', (c) => c.unique())
    .addColumn('published_at', 'text')
    .addColumn('published_by_email', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('plan_youth_pages').execute();
  await db.schema.dropTable('plan_kpis').execute();
  await db.schema.dropTable('plan_action_updates').execute();
  await db.schema.dropTable('plan_actions').execute();
  await db.schema.dropTable('action_plans').execute();
}
