import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDb } from '../../db/testing.ts';
import type { Connection } from '../../db/index.ts';
import { fixedClock } from '../../lib/clock.ts';
import { programmeRepository, programmeService } from '../../programme/index.ts';
import { scansRepository, type ScanForm } from './scans.repository.ts';

describe.each(engines)('scanned forms waiting for verification on %s', (dialect) => {
  let conn: Connection;
  let waveId: string;
  const clock = fixedClock('2026-03-02T10:00:00.000Z');

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    const programme = programmeService(programmeRepository(conn.db), clock);
    const la = await programme.addLa({ name: 'Scanshire', nation: 'england', onsCode: 'E06000704' });
    waveId = (await programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-8-11': 20 }, opensOn: '2026-02-01', closesOn: '2026-04-01' })).id;
    await conn.db
      .insertInto('paper_layouts')
      .values({ layout_id: 'ylyc-8-11@1.en.L1', instrument_id: 'ylyc-8-11', instrument_version: '1', lang: 'en', layout_version: 1, pages: 3, layout: '{}', fingerprint: 'f', created_at: '2026-03-01' })
      .execute();
    await conn.db.insertInto('paper_sheets').values({ serial: 'ACD3F7HK', wave_id: waveId, instrument_id: 'ylyc-8-11', layout_id: 'ylyc-8-11@1.en.L1', batch_id: 'b', issued_at: '2026-03-01', entered_on: null }).execute();
  });
  afterAll(() => conn.close());

  const form = (id: string): ScanForm => ({ id, serial: 'ACD3F7HK', waveId, instrumentId: 'ylyc-8-11', layoutId: 'ylyc-8-11@1.en.L1', pages: 3, uploadedOn: '2026-03-02' });
  const reading = { rotation: 0, questions: [{ questionId: 'age', state: 'answered' as const, answers: ['9'], confidence: 1, reasons: [], boxes: [] }] };

  it('keeps one form per serial, each page once with its crops, and deletes all of it at once', async () => {
    const repo = scansRepository(conn.db);
    const a = await repo.formFor(form('11111111-1111-4111-8111-111111111111'));
    const b = await repo.formFor(form('22222222-2222-4222-8222-222222222222'));
    expect(b.id).toBe(a.id);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    expect(await repo.addPage(a.id, 1, reading, [{ id: 'c1', kind: 'review', questionId: 'age', png }])).toBe(true);
    expect(await repo.addPage(a.id, 1, reading, [{ id: 'c2', kind: 'review', questionId: 'age', png }])).toBe(false);
    expect(await repo.addPage(a.id, 3, reading, [])).toBe(true);
    const found = await repo.find(a.id);
    expect(found?.pages.map((p) => p.page)).toEqual([1, 3]);
    expect(found?.pages[0]?.reading).toEqual(reading);
    expect(found?.crops).toEqual([{ id: 'c1', page: 1, kind: 'review', questionId: 'age' }]);
    expect(await repo.crop(a.id, 'c1')).toEqual(png);
    expect(await repo.crop('33333333-3333-4333-8333-333333333333', 'c1')).toBeUndefined();
    expect((await repo.list()).map((w) => [w.form.serial, w.pages.length])).toEqual([['ACD3F7HK', 2]]);
    expect(await repo.remove(a.id)).toBe(true);
    expect(await repo.remove(a.id)).toBe(false);
    expect(await repo.find(a.id)).toBeUndefined();
    expect(await conn.db.selectFrom('paper_scan_crops').selectAll().execute()).toEqual([]);
    expect(await conn.db.selectFrom('paper_scan_pages').selectAll().execute()).toEqual([]);
  });

  it('marks a sheet entered once, by the day, and can undo it', async () => {
    const repo = scansRepository(conn.db);
    expect((await repo.sheet('ACD3F7HK'))?.enteredOn).toBeNull();
    expect(await repo.markEntered('ACD3F7HK', '2026-03-02')).toBe(true);
    expect(await repo.markEntered('ACD3F7HK', '2026-03-02')).toBe(false);
    expect((await repo.sheet('ACD3F7HK'))?.enteredOn).toBe('2026-03-02');
    await repo.unmarkEntered('ACD3F7HK');
    expect((await repo.sheet('ACD3F7HK'))?.enteredOn).toBeNull();
    expect(await repo.sheet('NOPE0000')).toBeUndefined();
  });
});
