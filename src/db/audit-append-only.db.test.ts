import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from './connect.ts';
import { engines, openTestDb } from './testing.ts';

describe.each(engines)('audit log on %s', (dialect) => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await openTestDb(dialect);
  });
  afterAll(() => conn.close());

  it('accepts new entries and refuses to change or delete them', async () => {
    await conn.db
      .insertInto('audit_log')
      .values({ id: 'a1', at: '2026-01-01T00:00:00.000Z', actor_id: null, actor_email: null, action: 'test', la_id: null, target: null, detail: '{}' })
      .execute();
    await expect(conn.db.updateTable('audit_log').set({ action: 'changed' }).execute()).rejects.toThrow(/append-only/);
    await expect(conn.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    const rows = await conn.db.selectFrom('audit_log').select('action').execute();
    expect(rows).toEqual([{ action: 'test' }]);
  });
});
