import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001_survey.ts';
import * as m0003 from './0003_staff.ts';
import * as m0004 from './0004_participation.ts';
import * as m0005 from './0005_jobs.ts';
import * as m0006 from './0006_planning.ts';
import * as m0007 from './0007_cleaning.ts';
import * as m0008 from './0008_report_versions.ts';
import * as m0009 from './0009_safeguarding.ts';
import * as m0010 from './0010_comment_review.ts';
import * as m0011 from './0011_release.ts';
import * as m0012 from './0012_wave_summaries.ts';
import * as m0013 from './0013_action_plans.ts';
import * as m0014 from './0014_paper_forms.ts';
import * as m0015 from './0015_paper_entry.ts';
import * as m0016 from './0016_nbplus_cycle.ts';
import * as m0017 from './0017_paper_scans.ts';
import * as m0019 from './0019_wave_draft_languages.ts';

/** Migrations in order; a static list so they run the same from source, tests and any bundler. */
export const migrations: Record<string, Migration> = {
  '0001_survey': m0001,
  '0003_staff': m0003,
  '0004_participation': m0004,
  '0005_jobs': m0005,
  '0006_planning': m0006,
  '0007_cleaning': m0007,
  '0008_report_versions': m0008,
  '0009_safeguarding': m0009,
  '0010_comment_review': m0010,
  '0011_release': m0011,
  '0012_wave_summaries': m0012,
  '0013_action_plans': m0013,
  '0014_paper_forms': m0014,
  '0015_paper_entry': m0015,
  '0016_nbplus_cycle': m0016,
  '0017_paper_scans': m0017,
  '0019_wave_draft_languages': m0019,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
