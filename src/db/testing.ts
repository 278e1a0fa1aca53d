/**
 * Test databases for both engines. PostgreSQL is the server at TEST_DATABASE_URL when set (CI), or an
 * in-process PGlite otherwise, so every machine tests both. Each call gets a fresh, migrated database;
 * on a server, a schema of its own that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrate, openSqlite, type Connection } from './connect.ts';
import type { Database, Dialect } from './schema.ts';

export const engines: Dialect[] = ['sqlite', 'postgres'];

/** Opens a fresh, migrated test database on the given engine. */
export async function openTestDb(dialect: Dialect): Promise<Connection> {
  if (dialect === 'sqlite') {
    const conn = openSqlite(':memory:');
    await migrate(conn.db);
    return conn;
  }
  const url = process.env['TEST_DATABASE_URL'];
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrate(db, schema);
    return {
      db,
      dialect: 'postgres',
      close: async () => {
        await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
        await db.destroy();
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = new PGlite();
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrate(db);
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
