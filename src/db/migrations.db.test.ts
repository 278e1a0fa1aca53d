import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate, type Connection } from './connect.ts';
import { engines, openTestDb } from './testing.ts';

describe.each(engines)('migrations on %s', (dialect) => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await openTestDb(dialect);
  });
  afterAll(() => conn.close());

  it('creates every table and runs again as a no-op', async () => {
    await migrate(conn.db);
    const tables = (await conn.db.introspection.getTables()).map((t) => t.name);
    for (const t of ['local_authorities', 'waves', 'drafts', 'responses', 'response_comments', 'submissions']) {
      expect(tables).toContain(t);
    }
  });

  it('round-trips text, JSON text, reals and integers the same way on both engines', async () => {
    await conn.db
      .insertInto('local_authorities')
      .values({ id: 'la1', name: 'Testshire', nation: 'england', ons_code: 'E10000001', created_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    await conn.db
      .insertInto('waves')
      .values({
        id: 'w1', la_id: 'la1', survey: 'ylyc', link_code: 'ABCDEFGH', title: 'T', instruments: '["ylyc-8-11"]',
        eligible: '{"ylyc-8-11":10}', languages: '["en"]', target_rate: 0.3, status: 'open',
        opens_on: '2026-01-01', closes_on: '2026-02-01', created_at: '2026-01-01T00:00:00.000Z', closed_at: null,
      })
      .execute();
    const w = await conn.db.selectFrom('waves').selectAll().where('id', '=', 'w1').executeTakeFirstOrThrow();
    expect(Number(w.target_rate)).toBeCloseTo(0.3);
    expect(JSON.parse(w.eligible)).toEqual({ 'ylyc-8-11': 10 });
    const n = await sql<{ n: number }>`select count(*) as n from waves`.execute(conn.db);
    expect(Number(n.rows[0]?.n)).toBe(1);
  });

  it('enforces unique link codes', async () => {
    const dup = conn.db
      .insertInto('waves')
      .values({
        id: 'w2', la_id: 'la1', survey: 'ylyc', link_code: 'ABCDEFGH', title: 'T', instruments: '[]', eligible: '{}',
        languages: '["en"]', target_rate: 0.3, status: 'open', opens_on: '2026-01-01', closes_on: '2026-02-01',
        created_at: '2026-01-01T00:00:00.000Z', closed_at: null,
      })
      .execute();
    await expect(dup).rejects.toThrow();
  });
});
