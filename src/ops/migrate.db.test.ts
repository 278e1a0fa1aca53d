/**
 * Upgrades with several instances: each runs migrate() at start-up, possibly at the same moment. On
 * PostgreSQL, Kysely's migrator holds an advisory lock while it migrates, so the migrations run once.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db/index.ts';
import { migrations } from '../db/migrations/index.ts';
import type { Database } from '../db/schema.ts';

const INSTANCES = 3;

describe('migrations started by several instances at once (postgres)', () => {
  it('applies every migration exactly once and every instance starts', { timeout: 120_000 }, async () => {
    const url = process.env['TEST_DATABASE_URL'];
    let dbs: Kysely<Database>[];
    let schema: string | undefined;
    let cleanup: () => Promise<void>;
    if (url) {
      // A fresh, empty schema on the real server, and one connection pool per "instance".
      schema = `t_mig_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      dbs = Array.from({ length: INSTANCES }, () => new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` }) }) }));
      cleanup = async () => {
        for (const db of dbs) await db.destroy();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      };
    } else {
      // No server: PGlite in process, the same database reached through several Kysely instances.
      const { PGlite } = await import('@electric-sql/pglite');
      const pglite = new PGlite();
      dbs = Array.from({ length: INSTANCES }, () => new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) }));
      cleanup = async () => {
        await pglite.close();
      };
    }
    try {
      const results = await Promise.allSettled(dbs.map((db) => migrate(db, schema)));
      expect(results.map((r) => r.status)).toEqual(Array(INSTANCES).fill('fulfilled'));
      const first = dbs[0];
      if (!first) throw new Error('no database');
      const applied = await sql<{ name: string; n: number }>`select name, count(*) as n from kysely_migration group by name order by name`.execute(first);
      expect(applied.rows.map((r) => [r.name, Number(r.n)])).toEqual(Object.keys(migrations).sort().map((name) => [name, 1]));
      // And a later start finds nothing to do.
      await migrate(first, schema);
      const again = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(first);
      expect(Number(again.rows[0]?.n)).toBe(Object.keys(migrations).length);
    } finally {
      await cleanup();
    }
  });
});
