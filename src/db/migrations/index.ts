import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001_survey.ts';
import * as m0003 from './0003_staff.ts';

/** Migrations in order; a static list so they run the same from source, tests and any bundler. */
export const migrations: Record<string, Migration> = {
  '0001_survey': m0001,
  '0003_staff': m0003,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
