/**
 * A database of its own for a bench section: SQLite in a temporary DATA_DIR, or a PostgreSQL database
 * created on TEST_DATABASE_URL's server (not a schema: the real server and the CLI connect to it with
 * a plain DATABASE_URL, as production does) and dropped afterwards. Migrated, empty.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, migrate, type Connection } from '../src/db/index.ts';

export type BenchEngine = 'sqlite' | 'postgres';

export interface BenchDatabase {
  engine: BenchEngine;
  conn: Connection;
  dataDir: string;
  /** What the server and the CLI get: DATA_DIR always, DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  /** Closes the connection (idempotent); the data stays until `cleanup`. */
  close(): Promise<void>;
  /** Closes, drops the PostgreSQL database and removes DATA_DIR. */
  cleanup(): Promise<void>;
}

/** The engine a section was asked for, from an environment variable ('sqlite' unless 'postgres'). */
export function engineFrom(value: string | undefined): BenchEngine {
  if (value === undefined || value === '' || value === 'sqlite') return 'sqlite';
  if (value === 'postgres' || value === 'postgresql' || value === 'pg') return 'postgres';
  throw new Error(`unknown engine "${value}": sqlite or postgres`);
}

export async function benchDatabase(engine: BenchEngine, prefix: string): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `bs-bench-${prefix}-`));
  let env: Record<string, string> = { DATA_DIR: dataDir };
  let drop = async (): Promise<void> => {};
  if (engine === 'postgres') {
    const base = process.env['TEST_DATABASE_URL'];
    if (!base) throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL run needs a server to create its own database on');
    const name = `bs_bench_${prefix.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
    await adminQuery(base, `CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    env = { ...env, DATABASE_URL: url.toString() };
    drop = () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const conn = connect(env['DATABASE_URL'] === undefined ? { dataDir } : { databaseUrl: env['DATABASE_URL'], dataDir });
  await migrate(conn.db);
  let closed = false;
  const close = async () => {
    if (!closed) await conn.close();
    closed = true;
  };
  return {
    engine,
    conn,
    dataDir,
    env,
    close,
    async cleanup() {
      await close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One statement on the server's maintenance connection (creating or dropping a database). */
async function adminQuery(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
