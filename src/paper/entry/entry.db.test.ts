import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDb } from '../../db/testing.ts';
import type { Connection } from '../../db/index.ts';
import { fixedClock } from '../../lib/clock.ts';
import { auditLog, programmeRepository, programmeService, type Actor } from '../../programme/index.ts';
import { entryRepository, type PendingEntry } from './entry.repository.ts';
import { paperEntryService } from './entry.service.ts';

const actor = (id: string): Actor => ({ accountId: id, email: `${id}@programme.example`, name: id, grants: [{ role: 'programme_data_entry', laId: null }] });

describe.each(engines)('pending paper entries on %s', (dialect) => {
  let conn: Connection;
  let waveId: string;
  const clock = fixedClock('2026-03-02T10:00:00.000Z');

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    const programme = programmeService(programmeRepository(conn.db), clock);
    const la = await programme.addLa({ name: 'Entryshire', nation: 'england', onsCode: 'E06000702' });
    waveId = (await programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-8-11': 20 }, opensOn: '2026-02-01', closesOn: '2026-04-01' })).id;
  });
  afterAll(() => conn.close());

  const entry = (over: Partial<PendingEntry> = {}): PendingEntry => ({
    id: crypto.randomUUID(),
    reference: 'ACD347',
    waveId,
    instrumentId: 'ylyc-8-11',
    sheetSerial: 'S77',
    status: 'awaiting_second',
    firstBy: 'one',
    first: { answers: { age: '9' }, freeText: { anything_else: 'hello' } },
    secondBy: null,
    second: null,
    createdOn: '2026-03-02',
    ...over,
  });

  it('stores, finds by reference or serial, records one second entry only, and is taken once', async () => {
    const repo = entryRepository(conn.db);
    const e = entry();
    await repo.insert(e);
    expect(await repo.referenceTaken('ACD347')).toBe(true);
    expect(await repo.find(e.id)).toEqual(e);
    expect((await repo.awaitingByReferenceOrSerial('ACD347', 'ACD347')).map((x) => x.id)).toEqual([e.id]);
    expect((await repo.awaitingByReferenceOrSerial('S77', 'S77')).map((x) => x.id)).toEqual([e.id]);
    const second = { answers: { age: '10' }, freeText: {} };
    expect(await repo.recordSecond(e.id, 'two', second)).toBe(true);
    expect(await repo.recordSecond(e.id, 'three', second)).toBe(false);
    expect(await repo.find(e.id)).toMatchObject({ status: 'to_resolve', secondBy: 'two', second });
    expect(await repo.awaitingByReferenceOrSerial('S77', 'S77')).toEqual([]);
    expect((await repo.list()).map((x) => [x.reference, x.waveTitle.length > 0])).toEqual([['ACD347', true]]);
    expect(await repo.take(e.id)).toBe(true);
    expect(await repo.take(e.id)).toBe(false);
    expect(await repo.find(e.id)).toBeUndefined();
  });

  it('puts a form back when its response cannot be stored, so nothing keyed is lost', async () => {
    const programme = programmeService(programmeRepository(conn.db), clock);
    const service = paperEntryService({
      db: conn.db,
      clock,
      programme,
      audit: auditLog(conn.db, clock),
      record: () => Promise.reject(new Error('database unavailable')),
      screen: () => Promise.resolve(),
    });
    const pending = await service.enter(actor('one'), `${waveId}/ylyc-8-11`, 'double', '', { 'q-age': '9' });
    expect(pending.kind).toBe('pending');
    if (pending.kind !== 'pending') return;
    await expect(service.enterSecond(actor('two'), pending.entryId, { 'q-age': '9' })).rejects.toThrow('database unavailable');
    expect(await entryRepository(conn.db).find(pending.entryId)).toMatchObject({ status: 'awaiting_second', first: { answers: { age: '9' } } });
    await expect(service.enterSecond(actor('one'), pending.entryId, { 'q-age': '9' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
