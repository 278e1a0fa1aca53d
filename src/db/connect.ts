/** The one place that knows which database engine is in use. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { migrationProvider } from './migrations/index.ts';
import type { Database, Db, Dialect } from './schema.ts';

export interface Connection {
  db: Db;
  dialect: Dialect;
  /** For SQLite, the path of the file (backups and tests need it). */
  file?: string;
  close(): Promise<void>;
}

/** Opens SQLite (WAL, foreign keys, a busy timeout) at a path, or ':memory:'. */
export function openSqlite(file: string): Connection {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', file, close: () => db.destroy() };
}

/** Opens a PostgreSQL pool. */
export function openPostgres(url: string, max = 10): Connection {
  const pool = new pg.Pool({ connectionString: url, max });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** PostgreSQL when a URL is given, otherwise SQLite at DATA_DIR/brightspots.sqlite. */
export function connect(opts: { databaseUrl?: string | undefined; dataDir: string }): Connection {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  mkdirSync(opts.dataDir, { recursive: true });
  return openSqlite(join(opts.dataDir, 'brightspots.sqlite'));
}

/** Brings the schema up to date; Kysely's migrator takes a lock, so several instances may call it. */
export async function migrate(db: Db, schema?: string): Promise<void> {
  // A PostgreSQL schema of its own (tests): Kysely must look for its migration tables there only, or
  // another schema's tables on the same server make it skip creating its own.
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}`, { cause: error });
  }
}
