// Trying to link access codes (and so tracker entries) to responses, and failing: 30 young people send
// the survey with their codes in a shuffled order, at different times of day. Nothing in the database
// (shared values, row order, transaction ids, timestamps finer than a day) pairs a code with a response.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import type { Wave } from '../programme/index.ts';
import { accessCodeHash, parseAccessCode } from './access-codes.ts';
import { laActor, seedTracker, sendWithCode, waveFor } from './testing.ts';

const N = 30;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

describe.each(engines)('access codes cannot be linked to responses on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  let printed: Array<{ reference: string; code: string }>;
  let orderBefore: string[];
  let xminsBefore: string[];

  // The rows' physical order: SQLite's rowid, PostgreSQL's ctid (what a plain SELECT returns them in).
  const physicalOrder = async (table: 'access_codes' | 'responses', column: 'code_hash' | 'id') => {
    const order = dialect === 'sqlite' ? sql`rowid` : sql`ctid`;
    const r = await sql<{ v: string }>`select ${sql.ref(column)} as v from ${sql.table(table)} where wave_id = ${wave.id} order by ${order}`.execute(t.conn.db);
    return r.rows.map((x) => x.v);
  };

  // PostgreSQL's transaction id that last wrote each code row.
  const xmins = async () => (await sql<{ x: string }>`select xmin::text as x from access_codes where wave_id = ${wave.id} order by code_hash`.execute(t.conn.db)).rows.map((r) => r.x);

  beforeAll(async () => {
    t = await createTestApp(dialect, { RATE_LIMIT_PER_MINUTE: '100000', DRAFTS_PER_WAVE_PER_HOUR: '100000' });
    wave = await waveFor(t.services, 'ylbc');
    await seedTracker(t.services, wave, N);
    printed = (await t.services.participation.generateCodes(laActor(wave.laId), wave.id, 'missing')).codes;
    orderBefore = await physicalOrder('access_codes', 'code_hash');
    xminsBefore = dialect === 'postgres' ? await xmins() : [];
    // A shuffled order of sending, minutes apart.
    const shuffled = [...printed].sort(() => Math.random() - 0.5);
    for (const c of shuffled) {
      t.clock.advance(60_000 + Math.floor(Math.random() * 600_000));
      await sendWithCode(t.app, wave, c.code);
    }
  }, 120_000);
  afterAll(() => t.close());

  it('stores every response, and records every code as used on the day, in one sorted set', async () => {
    const responses = await t.conn.db.selectFrom('responses').selectAll().where('wave_id', '=', wave.id).execute();
    expect(responses).toHaveLength(N);
    const uses = await t.conn.db.selectFrom('access_code_uses').selectAll().where('wave_id', '=', wave.id).execute();
    expect(uses).toHaveLength(1);
    expect(uses[0]!.used_on).toBe('2026-03-02');
    const hashes = JSON.parse(uses[0]!.code_hashes) as string[];
    expect(hashes).toEqual([...orderBefore].sort());
    const codes = await t.conn.db.selectFrom('access_codes').selectAll().where('wave_id', '=', wave.id).execute();
    for (const c of codes) for (const v of [c.created_on, c.used_on, c.redeemed_on, c.replaced_on]) if (v !== null) expect(v).toMatch(DAY);
    // No column of the code or tracker tables is a time: their columns, read from real rows.
    const entries = await t.conn.db.selectFrom('tracker_entries').selectAll().where('wave_id', '=', wave.id).execute();
    for (const row of [codes[0]!, uses[0]!, entries[0]!]) {
      expect(Object.keys(row).filter((c) => /_at$|time/.test(c))).toEqual([]);
      for (const [k, v] of Object.entries(row)) if (/_on$/.test(k) && v !== null) expect(v).toMatch(DAY);
    }
    // The drafts, which held the codes' hashes, are gone with the submission.
    expect(await t.conn.db.selectFrom('drafts').selectAll().where('wave_id', '=', wave.id).execute()).toHaveLength(0);
  });

  it('shares no value between codes or tracker entries and responses, comments or submission keys', async () => {
    const linking = new Set<string>();
    for (const c of printed) {
      const plain = parseAccessCode(c.code)!;
      for (const v of [c.code, plain, accessCodeHash(plain), c.reference]) linking.add(v);
    }
    for (const c of await t.conn.db.selectFrom('access_codes').select(['code_hash', 'entry_id']).execute()) linking.add(c.code_hash).add(c.entry_id);
    for (const e of await t.conn.db.selectFrom('tracker_entries').select(['id', 'reference_key']).execute()) linking.add(e.id).add(e.reference_key);
    const stored = JSON.stringify([
      await t.conn.db.selectFrom('responses').selectAll().execute(),
      await t.conn.db.selectFrom('response_comments').selectAll().execute(),
      await t.conn.db.selectFrom('submissions').selectAll().execute(),
    ]).toLowerCase();
    for (const v of linking) expect(stored, v).not.toContain(v.toLowerCase());
    const responseIds = new Set((await t.conn.db.selectFrom('responses').select('id').execute()).map((r) => r.id));
    const codeValues = (await t.conn.db.selectFrom('access_codes').selectAll().execute()).flatMap((c) => Object.values(c));
    expect(codeValues.filter((v) => typeof v === 'string' && responseIds.has(v))).toEqual([]);
  });

  it('leaves the code rows as they were made, in order and (PostgreSQL) in their writing transaction, whatever the order of use', async () => {
    expect(await physicalOrder('access_codes', 'code_hash')).toEqual(orderBefore);
    if (dialect === 'postgres') expect(await xmins()).toEqual(xminsBefore);
  });

  it('leaves the tracker alone until the daily batch, which completes everyone at once the next day', async () => {
    const statuses = async () => (await t.conn.db.selectFrom('tracker_entries').select(['status', 'updated_on']).where('wave_id', '=', wave.id).execute());
    expect((await statuses()).every((s) => s.status === 'not_planned' && s.updated_on === '2026-03-02')).toBe(true);
    const today = t.clock.now().toISOString().slice(0, 10);
    expect(await t.services.participation.applyCodeCompletions(today)).toBe(0);
    const tomorrow = new Date(t.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    expect(await t.services.participation.applyCodeCompletions(tomorrow)).toBe(N);
    expect((await statuses()).every((s) => s.status === 'completed' && s.updated_on === tomorrow)).toBe(true);
    const codes = await t.conn.db.selectFrom('access_codes').selectAll().where('wave_id', '=', wave.id).execute();
    expect(codes.every((c) => c.used_on === today && c.redeemed_on === tomorrow)).toBe(true);
  });
});
