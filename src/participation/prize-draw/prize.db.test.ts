import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../db/index.ts';
import { engines, openTestDb } from '../../db/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { auditLog, programmeRepository, programmeService, type Actor, type Wave } from '../../programme/index.ts';
import { RETENTION_DAYS, WINNERS_KEEP_DAYS } from './draw.ts';
import { prizeDrawService } from './prize.service.ts';

const lead: Actor = { accountId: 'lead-1', email: 'lead@la.example', name: 'Lead', grants: [] };
const DAY = 86_400_000;

describe.each(engines)('prize draw storage on %s', (dialect) => {
  let conn: Connection;
  const clock = fixedClock('2026-03-02T10:00:00.000Z');
  let programme: ReturnType<typeof programmeService>;
  let prize: ReturnType<typeof prizeDrawService>;
  let laId: string;

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    programme = programmeService(programmeRepository(conn.db), clock);
    prize = prizeDrawService({ db: conn.db, clock, programme, audit: auditLog(conn.db, clock) });
    laId = (await programme.addLa({ name: 'Prizeford Council', nation: 'england', onsCode: 'E06000950' })).id;
  });
  afterAll(() => conn.close());

  const newWave = (prizeDraw = true): Promise<Wave> => programme.openWave({ laId, survey: 'ylbc', eligible: { 'ylbc-16-25': 50 }, opensOn: '2026-03-01', closesOn: '2026-04-30', prizeDraw });
  const enter = (wave: Wave, firstName: string, contact = `${firstName.toLowerCase()}@example.com`) => prize.enter(wave, { firstName, contactMethod: 'email', contact });
  const rows = (waveId: string) => conn.db.selectFrom('prize_entries').selectAll().where('wave_id', '=', waveId).execute();
  const close = async (wave: Wave) => ({ ...(await programme.closeWave(wave.id)) });

  it('holds no time, no order and nothing that links an entry to a response or a draft', async () => {
    const table = (await conn.db.introspection.getTables()).find((t) => t.name === 'prize_entries');
    expect(table?.columns.map((c) => c.name).sort()).toEqual(['contact', 'contact_method', 'first_name', 'id', 'wave_id', 'won']);
    if (dialect === 'sqlite') {
      // WITHOUT ROWID: no hidden, ever-increasing row number records the order of insertion.
      await expect(sql`select rowid from prize_entries`.execute(conn.db)).rejects.toThrow();
    }
    const wave = await newWave();
    for (const n of ['Zed', 'Yusuf', 'Xena', 'Will', 'Vic', 'Uma']) await enter(wave, n);
    const stored = await rows(wave.id);
    for (const r of stored) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    if (dialect === 'sqlite') {
      // Read back in storage order: it is the order of the random ids, not the order the entries came in.
      const raw = (await sql<{ id: string }>`select id from prize_entries where wave_id = ${wave.id}`.execute(conn.db)).rows.map((r) => r.id);
      expect(raw).toEqual([...raw].sort());
    }
  });

  it('keeps one entry for a form sent twice, and takes entries only while an open wave offers a draw', async () => {
    const wave = await newWave();
    await enter(wave, 'Amara');
    await enter(wave, 'Amara');
    expect(await rows(wave.id)).toHaveLength(1);
    await expect(prize.enter(await newWave(false), { firstName: 'Jo', contactMethod: 'email', contact: 'jo@example.com' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(prize.enter(await close(wave), { firstName: 'Jo', contactMethod: 'email', contact: 'jo@example.com' })).rejects.toMatchObject({ code: 'wave_closed' });
    expect(await rows(wave.id)).toHaveLength(1);
  });

  it('hides entries until the wave closes, then draws winners and deletes every other entry at once', async () => {
    const wave = await newWave();
    for (const n of ['Amara', 'Ben', 'Cara', 'Dev', 'Eli', 'Fay', 'Gus']) await enter(wave, n);
    expect(await prize.forLead(lead, wave)).toEqual({ visible: false });
    await expect(prize.draw(lead, wave, '2')).rejects.toMatchObject({ code: 'conflict' });

    const closed = await close(wave);
    const view = await prize.forLead(lead, closed);
    expect(view.visible && view.entries.map((e) => e.firstName)).toEqual(['Amara', 'Ben', 'Cara', 'Dev', 'Eli', 'Fay', 'Gus']);
    expect(await prize.draw(lead, closed, '8')).toEqual({ ok: false, error: 'Enter a number of winners from 1 to 7' });
    expect(await prize.draw(lead, closed, 'two')).toMatchObject({ ok: false });
    expect(await prize.draw(lead, closed, '2')).toEqual({ ok: true, winners: 2 });

    const left = await rows(wave.id);
    expect(left).toHaveLength(2);
    expect(left.every((r) => Number(r.won) === 1)).toBe(true);
    const record = await conn.db.selectFrom('prize_draws').selectAll().where('wave_id', '=', wave.id).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ drawn_on: '2026-03-02', forget_on: '2026-03-30' });
    expect([Number(record.entries), Number(record.winners)]).toEqual([7, 2]);
    // The audit log says that a draw was made and how, never who won.
    const audit = await auditLog(conn.db, clock).list({ action: 'prize.drawn' });
    expect(audit[0]).toMatchObject({ laId, target: wave.id, detail: { entries: 7, winners: 2, method: 'crypto.randomInt' } });
    expect(JSON.stringify(await auditLog(conn.db, clock).list())).not.toMatch(/Amara|Ben|Cara|Dev|Eli|Fay|Gus/);
    // Nothing left to draw from.
    expect(await prize.draw(lead, closed, '1')).toEqual({ ok: false, error: 'There are no entries to draw from' });

    await prize.forgetWinners(lead, closed);
    expect(await rows(wave.id)).toHaveLength(0);
  });

  it('deletes undrawn entries after the retention period, and winners once their time is up', async () => {
    const undrawn = await newWave();
    await enter(undrawn, 'Hana');
    const drawn = await newWave();
    await enter(drawn, 'Ivo');
    await enter(drawn, 'Jun');
    const open = await newWave();
    await enter(open, 'Kit');
    await close(undrawn);
    const closedDrawn = await close(drawn);
    await prize.draw(lead, closedDrawn, '1');

    clock.advance((WINNERS_KEEP_DAYS - 1) * DAY);
    expect(await prize.purgeExpired()).toBe(0);
    clock.advance(DAY);
    expect(await prize.purgeExpired()).toBe(1);
    expect(await rows(drawn.id)).toHaveLength(0);
    expect(await rows(undrawn.id)).toHaveLength(1);

    clock.set(new Date(Date.parse('2026-03-02T00:00:00Z') + RETENTION_DAYS * DAY));
    await prize.purgeExpired();
    expect(await rows(undrawn.id)).toHaveLength(0);
    // An open wave's entries wait for the wave to close, however long that takes.
    expect(await rows(open.id)).toHaveLength(1);
    clock.set('2026-03-02T10:00:00.000Z');
  });
});
