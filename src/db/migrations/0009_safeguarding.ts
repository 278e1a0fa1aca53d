// Frozen: safeguarding screening of submitted comments, reviewers' decisions, disclosures to LAs and the emails sent for them.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per submitted comment once screened; the reviewer's decision is written on the same row, once.
  await db.schema
    .createTable('safeguarding_screenings')
    .addColumn('comment_id', 'text', (c) => c.primaryKey().references('response_comments.id'))
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('wave_id', 'text', (c) => c.notNull())
    .addColumn('flag', 'integer', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('matches', 'text', (c) => c.notNull())
    .addColumn('max_severity', 'integer')
    .addColumn('rules_version', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('screened_at', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_email', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('safeguarding_screenings_queue').on('safeguarding_screenings').columns(['flag', 'decision', 'max_severity', 'submitted_at']).execute();
  await db.schema.createIndex('safeguarding_screenings_decided').on('safeguarding_screenings').columns(['decided_at']).execute();

  await db.schema
    .createTable('safeguarding_disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comment_id', 'text', (c) => c.notNull().unique().references('safeguarding_screenings.comment_id'))
    .addColumn('la_id', 'text', (c) => c.notNull().references('local_authorities.id'))
    .addColumn('wave_id', 'text', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_by_email', 'text')
    .execute();
  await db.schema.createIndex('safeguarding_disclosures_la').on('safeguarding_disclosures').columns(['la_id', 'acknowledged_at']).execute();

  // Every email sent for a disclosure: the key makes each one at most once per recipient, kind and level.
  await db.schema
    .createTable('safeguarding_notifications')
    .addColumn('disclosure_id', 'text', (c) => c.notNull().references('safeguarding_disclosures.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('safeguarding_notifications_pk', ['disclosure_id', 'kind', 'level', 'recipient'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['safeguarding_notifications', 'safeguarding_disclosures', 'safeguarding_screenings']) await db.schema.dropTable(t).execute();
}
