// The tracker and access codes over a real database on both engines: saving, tenancy in the service,
// all-or-nothing imports, code generation, the day-only marking and the daily batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import type { Wave } from '../programme/index.ts';
import { accessCodeHash, parseAccessCode } from './access-codes.ts';
import { laActor, seedTracker, waveFor } from './testing.ts';
import { trackerRepository } from './tracker.repository.ts';

describe.each(engines)('the participation tracker on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    wave = await waveFor(t.services, 'ylyc');
  });
  afterAll(() => t.close());
  const p = () => t.services.participation;

  it('adds and changes an entry, refusing a reference already on the tracker', async () => {
    const lead = laActor(wave.laId);
    const added = await p().save(lead, wave.id, { reference: 'AB-77', ageBand: '8-11', team: 'North', plannedOn: '2026-03-10', status: 'planned', additionalNeeds: 'yes' });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const again = await p().save(lead, wave.id, { reference: 'ab-77', ageBand: '8-11' });
    expect(again.ok === false && again.problems).toEqual([{ field: 'reference', message: 'is already on this tracker' }]);
    const changed = await p().save(lead, wave.id, { reference: 'AB-77', ageBand: '11-17', status: 'offered' }, added.entry.id);
    expect(changed.ok).toBe(true);
    const row = await t.conn.db.selectFrom('tracker_entries').selectAll().where('id', '=', added.entry.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ age_band: 'ylyc-11-17', status: 'offered', team: null, created_on: '2026-03-02', updated_on: '2026-03-02' });
    const audit = await t.services.audit.list({ laId: wave.laId });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['tracker.entry_added', 'tracker.entry_updated']));
    // The audit names the fields that changed, never their values.
    expect(JSON.stringify(audit)).not.toContain('North');
  });

  it('answers another LA, a viewer editing and every programme role with not_found', async () => {
    const other = await waveFor(t.services, 'ylyc');
    await expect(p().list(laActor(other.laId), wave.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(p().save(laActor(wave.laId, 'la_viewer'), wave.id, { reference: 'X-1', ageBand: '8-11' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(p().list(laActor(wave.laId, 'la_safeguarding'), wave.id)).rejects.toMatchObject({ code: 'not_found' });
    for (const role of ['programme_admin', 'programme_researcher', 'programme_safeguarding', 'programme_data_entry'] as const) {
      const actor = { accountId: role, email: `${role}@p.example`, name: role, grants: [{ role, laId: null }] };
      await expect(p().list(actor, wave.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(p().exportFile(actor, wave.id, 'csv')).rejects.toMatchObject({ code: 'not_found' });
    }
    // The programme side gets counts by status only.
    const counts = await p().trackerCounts(wave.id);
    expect(counts.total).toBeGreaterThan(0);
    expect(Object.keys(counts.byStatus).sort()).toEqual(['completed', 'declined', 'not_eligible', 'not_planned', 'offered', 'planned', 'unable']);
  });

  it('imports all rows in one transaction or none: a failure part-way leaves the tracker as it was', async () => {
    const w = await waveFor(t.services, 'ylyc');
    await seedTracker(t.services, w, 3);
    const repo = trackerRepository(t.conn.db);
    const before = await repo.list(w.id);
    const bad = await p().importTable(laActor(w.laId), w.id, { kind: 'text', text: 'reference,age_band\nCS-2001,8-11\nCS-2002,99\n' });
    expect(bad.ok).toBe(false);
    expect(await repo.list(w.id)).toEqual(before);
    // A write that fails in the database after 600 good rows (a reference clash slipped past the checks) rolls back too.
    const day = '2026-03-02';
    const fresh = (i: number, reference: string) => ({ ...before[0]!, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, reference, createdOn: day, updatedOn: day });
    const inserts = [...Array.from({ length: 600 }, (_, i) => fresh(i, `NEW-${i}`)), fresh(999, before[1]!.reference)];
    await expect(repo.applyBatch({ inserts, updates: [], day })).rejects.toThrow();
    expect(await repo.list(w.id)).toEqual(before);
  });

  it('makes codes once, keeps only hashes and refuses codes of other waves', async () => {
    const w = await waveFor(t.services, 'ylbc');
    await seedTracker(t.services, w, 4);
    const made = await p().generateCodes(laActor(w.laId), w.id, 'missing');
    expect(made.codes).toHaveLength(4);
    const stored = await t.conn.db.selectFrom('access_codes').selectAll().where('wave_id', '=', w.id).execute();
    const plain = made.codes.map((c) => parseAccessCode(c.code)!);
    expect(stored.map((s) => s.code_hash).sort()).toEqual(plain.map(accessCodeHash).sort());
    expect(JSON.stringify(stored)).not.toContain(plain[0]);
    // Only young people without a code get one the second time.
    expect((await p().generateCodes(laActor(w.laId), w.id, 'missing')).codes).toHaveLength(0);
    expect(await p().checkAccessCode(w.id, made.codes[0]!.code.toLowerCase())).toEqual({ kind: 'ok', codeHash: accessCodeHash(plain[0]!) });
    expect(await p().checkAccessCode(wave.id, made.codes[0]!.code)).toEqual({ kind: 'unknown' });
    expect(await p().checkAccessCode(w.id, 'nonsense')).toEqual({ kind: 'bad_format' });
    // Replacing unused codes makes the old ones stop working.
    const replaced = await p().generateCodes(laActor(w.laId), w.id, 'unused');
    expect(replaced.codes).toHaveLength(4);
    expect(await p().checkAccessCode(w.id, made.codes[0]!.code)).toEqual({ kind: 'unknown' });
  });

  it('records a use by the day only, out of sight, and the daily batch completes the entry from the next day', async () => {
    const w = await waveFor(t.services, 'ylbc');
    await seedTracker(t.services, w, 3);
    const { codes } = await p().generateCodes(laActor(w.laId), w.id, 'missing');
    const hash = accessCodeHash(parseAccessCode(codes[1]!.code)!);
    const before = await t.conn.db.selectFrom('access_codes').selectAll().where('wave_id', '=', w.id).orderBy('code_hash').execute();
    await p().markCodeUsed(hash, '2026-03-02');
    await p().markCodeUsed(hash, '2026-03-02');
    // The code rows do not change; the use joins the day's set. Typing the code again still works today.
    expect(await t.conn.db.selectFrom('access_codes').selectAll().where('wave_id', '=', w.id).orderBy('code_hash').execute()).toEqual(before);
    expect(await t.conn.db.selectFrom('access_code_uses').selectAll().where('wave_id', '=', w.id).execute()).toEqual([{ wave_id: w.id, used_on: '2026-03-02', code_hashes: JSON.stringify([hash]) }]);
    expect(await p().checkAccessCode(w.id, codes[1]!.code)).toEqual({ kind: 'ok', codeHash: hash });
    const status = async () => (await trackerRepository(t.conn.db).list(w.id)).map((e) => e.status);
    // The same day: nothing moves. The next day: the batch completes it, once.
    expect(await p().applyCodeCompletions('2026-03-02')).toBe(0);
    expect(await status()).not.toContain('completed');
    expect(await p().applyCodeCompletions('2026-03-03')).toBe(1);
    expect(await p().applyCodeCompletions('2026-03-03')).toBe(0);
    expect((await status()).filter((s) => s === 'completed')).toHaveLength(1);
    const entry = (await trackerRepository(t.conn.db).list(w.id)).find((e) => e.reference === codes[1]!.reference);
    expect(entry).toMatchObject({ status: 'completed', updatedOn: '2026-03-03' });
    const row = await t.conn.db.selectFrom('access_codes').selectAll().where('code_hash', '=', hash).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ used_on: '2026-03-02', redeemed_on: '2026-03-03' });
    expect(await t.conn.db.selectFrom('access_code_uses').selectAll().where('wave_id', '=', w.id).execute()).toEqual([]);
    // From now on the code is used (as the tracker shows), and another use changes nothing.
    expect(await p().checkAccessCode(w.id, codes[1]!.code)).toEqual({ kind: 'used' });
    await p().markCodeUsed(hash, '2026-03-04');
    expect(await t.conn.db.selectFrom('access_code_uses').selectAll().where('wave_id', '=', w.id).execute()).toEqual([]);
  });

  it('records uses made at the same moment without losing any, and completes entries whose code was replaced after use', async () => {
    const w = await waveFor(t.services, 'ylbc');
    await seedTracker(t.services, w, 25);
    const { codes } = await p().generateCodes(laActor(w.laId), w.id, 'missing');
    const hashes = codes.map((c) => accessCodeHash(parseAccessCode(c.code)!));
    await Promise.all(hashes.slice(0, 20).map((h) => p().markCodeUsed(h, '2026-03-02')));
    const set = await t.conn.db.selectFrom('access_code_uses').select('code_hashes').where('wave_id', '=', w.id).executeTakeFirstOrThrow();
    expect(JSON.parse(set.code_hashes)).toEqual(hashes.slice(0, 20).sort());
    // Used today, then the lead replaces every code not recorded as used: the use still counts.
    await p().generateCodes(laActor(w.laId), w.id, 'unused');
    expect(await p().checkAccessCode(w.id, codes[0]!.code)).toEqual({ kind: 'unknown' });
    expect(await p().applyCodeCompletions('2026-03-03')).toBe(20);
  });
});
