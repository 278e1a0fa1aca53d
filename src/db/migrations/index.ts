import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001_survey.ts';

/** Migrations in order; a static list so they run the same from source, tests and any bundler. */
export const migrations: Record<string, Migration> = {
  '0001_survey': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
