import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001_survey.ts';
import * as m0003 from './0003_staff.ts';
import * as m0004 from './0004_participation.ts';
import * as m0005 from './0005_jobs.ts';
import * as m0006 from './0006_planning.ts';
import * as m0007 from './0007_cleaning.ts';
import * as m0008 from './0008_report_versions.ts';

/** Migrations in order; a static list so they run the same from source, tests and any bundler. */
export const migrations: Record<string, Migration> = {
  '0001_survey': m0001,
  '0003_staff': m0003,
  '0004_participation': m0004,
  '0005_jobs': m0005,
  '0006_planning': m0006,
  '0007_cleaning': m0007,
  '0008_report_versions': m0008,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
