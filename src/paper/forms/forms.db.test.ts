import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { createTestApp, type TestApp } from '../../http/testing.ts';
import { formsRepository, LayoutChangedError } from './forms.repository.ts';
import { formsService } from './forms.service.ts';
import { collect } from './testing.ts';

describe.each(engines)('issued sheets and stored layouts on %s', (dialect) => {
  let t: TestApp;
  let waveId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const la = await t.services.programme.addLa({ name: 'Serialton Council', nation: 'england', onsCode: 'E06000881' });
    waveId = (await t.services.programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-4-7': 20, 'ylyc-8-11': 30 }, opensOn: '2026-02-01', closesOn: '2026-03-01' })).id;
  });
  afterAll(() => t.close());

  it('never issues a serial twice, even when the generator repeats itself', async () => {
    // A generator with only 40 possible serials, drawn in a fixed cycle: collisions on almost every batch.
    let n = 0;
    const pool = Array.from({ length: 40 }, (_, i) => `ACDEFG${'ACDEFGHJKMNPQRTWXY34679'[i % 23]}${'ACDEFGHJKMNPQRTWXY34679'[Math.floor(i / 23)]}`);
    const service = formsService({ db: t.conn.db, clock: t.clock, programme: t.services.programme, audit: t.services.audit, i18n: t.services.i18n, newSerial: () => pool[n++ % pool.length]! });
    const first = await service.operatorForms(waveId, { instrumentId: 'ylyc-4-7', lang: 'en', copies: 25 });
    const second = await service.operatorForms(waveId, { instrumentId: 'ylyc-8-11', lang: 'en', copies: 15 });
    if (!first.ok || !second.ok) throw new Error('expected forms');
    await Promise.all([collect(first.stream), collect(second.stream)]);
    const rows = await t.conn.db.selectFrom('paper_sheets').select(['serial', 'wave_id', 'instrument_id', 'layout_id', 'batch_id', 'issued_at']).where('wave_id', '=', waveId).execute();
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.serial)).size).toBe(40);
    expect(new Set(rows.map((r) => r.batch_id)).size).toBe(2);
    expect(rows.filter((r) => r.instrument_id === 'ylyc-8-11').every((r) => r.layout_id === 'ylyc-8-11@1.0.0.en.L1')).toBe(true);
    // The key refuses a duplicate serial; with every serial of the generator taken, issuing fails rather than loops.
    await expect(t.conn.db.insertInto('paper_sheets').values({ ...rows[0]!, batch_id: 'again' }).execute()).rejects.toThrow();
    await expect(service.operatorForms(waveId, { instrumentId: 'ylyc-4-7', lang: 'en', copies: 1 })).rejects.toThrow('No new sheet serials');
    // The sheet table holds no column that could point at a response.
    expect(Object.keys(rows[0]!).sort()).toEqual(['batch_id', 'instrument_id', 'issued_at', 'layout_id', 'serial', 'wave_id']);
  });

  it('stores each layout once, keyed by its id, and refuses changed positions under the same id', async () => {
    const repo = formsRepository(t.conn.db);
    const design = await t.services.paperForms.formDesign('ylyc-4-7', 'en');
    await repo.saveLayout(design.layout, t.clock.now().toISOString());
    await repo.saveLayout(design.layout, t.clock.now().toISOString());
    expect(await repo.findLayout(design.layout.layoutId)).toEqual(JSON.parse(JSON.stringify(design.layout)));
    const moved = { ...design.layout, boxes: design.layout.boxes.map((b, i) => (i === 0 ? { ...b, x: b.x + 5 } : b)) };
    await expect(repo.saveLayout(moved, t.clock.now().toISOString())).rejects.toThrow(LayoutChangedError);
    const count = await t.conn.db.selectFrom('paper_layouts').select((eb) => eb.fn.countAll().as('n')).where('layout_id', '=', design.layout.layoutId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
