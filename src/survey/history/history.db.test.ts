/** Importing a past wave on both engines: a closed wave with the file's answers, all or nothing, or the valid rows only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { Connection } from '../../db/index.ts';
import { engines, openTestDb } from '../../db/testing.ts';
import { getInstrument, mulberry32, syntheticAnswers, type Answer, type InstrumentId } from '../../instruments/index.ts';
import { fixedClock } from '../../lib/clock.ts';
import { isAppError } from '../../lib/errors.ts';
import type { LocalAuthority } from '../../programme/index.ts';
import { createServices, type Services } from '../../services.ts';
import type { ImportProblem } from './history.ts';
import { templateHeader, toCells } from './template.ts';

const header = templateHeader('ylyc');

/** Synthetic responses as file rows (header first), and the answers each row should store. */
function file(count: number, seed: number): { rows: string[][]; answers: Record<string, Answer>[]; channels: string[] } {
  const rng = mulberry32(seed);
  const ids: InstrumentId[] = ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17'];
  const rows: string[][] = [header];
  const answers: Record<string, Answer>[] = [];
  const channels: string[] = [];
  for (let i = 0; i < count; i++) {
    const inst = getInstrument(ids[i % 3] ?? 'ylyc-8-11');
    if (!inst) throw new Error('no instrument');
    const a = syntheticAnswers(inst, rng).answers;
    const channel = i % 5 === 0 ? 'paper' : 'online';
    rows.push(toCells(header, { instrumentId: inst.id, channel, answers: a }));
    answers.push(a);
    channels.push(channel);
  }
  return { rows, answers, channels };
}

/** The same file with one row's cell made invalid (row numbers as a spreadsheet shows them). */
function withBadRow(rows: string[][], spreadsheetRow: number): string[][] {
  const out = rows.map((r) => [...r]);
  const target = out[spreadsheetRow - 1];
  if (!target) throw new Error('no such row');
  target[header.indexOf('age')] = 'forty';
  return out;
}

describe.each(engines)('import of historical responses on %s', (dialect) => {
  let conn: Connection;
  let s: Services;
  let la: LocalAuthority;
  const spec = (la: LocalAuthority) => ({ la: la.name, survey: 'ylyc' as const, opensOn: '2024-10-07', closesOn: '2024-12-13', eligible: { 'ylyc-8-11': 120 } });
  const count = async () => Number((await conn.db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const waves = async () => (await s.programme.listWaves(la.id)).length;

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    s = createServices(conn.db, conn.dialect, loadConfig({ NODE_ENV: 'test' }), fixedClock('2026-03-02T10:00:00.000Z'));
    la = await s.programme.addLa({ name: 'Historyham Council', nation: 'england', onsCode: 'E06000901' });
  });
  afterAll(() => conn.close());

  it('creates a closed wave holding each row as a response, dated to the close, with its channel and answers', async () => {
    const f = file(60, 1);
    const r = await s.history.importResponses(spec(la), f.rows);
    expect(r).toMatchObject({ outcome: 'imported', rowsRead: 60, validRows: 60, refusedRows: 0, imported: 60, problems: 0 });
    const wave = await s.programme.findWave(r.wave?.id ?? '');
    expect(wave).toMatchObject({ status: 'closed', closedAt: '2024-12-13T12:00:00.000Z', opensOn: '2024-10-07', closesOn: '2024-12-13', survey: 'ylyc', eligible: { 'ylyc-8-11': 120 } });
    const stored = await conn.db.selectFrom('responses').selectAll().where('wave_id', '=', wave?.id ?? '').execute();
    expect(stored).toHaveLength(60);
    // Imports carry no timing: every response has the same completion time.
    expect(new Set(stored.map((x) => x.completed_at))).toEqual(new Set(['2024-12-13T12:00:00.000Z']));
    const key = (instrument: string, channel: string, answers: unknown) => JSON.stringify([instrument, channel, answers]);
    const want = f.rows.slice(1).map((row, i) => key(row[0] ?? '', f.channels[i] ?? '', f.answers[i]));
    expect(stored.map((x) => key(x.instrument_id, x.channel, JSON.parse(x.answers))).sort()).toEqual(want.sort());
    for (const x of stored) expect(Number(x.adult_helped)).toBe(x.instrument_id === 'ylyc-4-7' ? 1 : 0);
    const audit = await s.audit.list({ action: 'responses.imported' });
    expect(audit[0]).toMatchObject({ laId: la.id, target: wave?.id, detail: { responses: 60 } });
  });

  it('imports nothing when one row is refused, even after earlier batches were written', async () => {
    const before = { responses: await count(), waves: await waves() };
    const problems: ImportProblem[] = [];
    const rows = withBadRow(file(700, 2).rows, 650);
    const r = await s.history.importResponses(spec(la), rows, { onProblem: (p) => problems.push(p) });
    expect(r).toMatchObject({ outcome: 'refused', rowsRead: 700, validRows: 699, refusedRows: 1, imported: 0, wave: null });
    expect(problems.map((p) => [p.row, p.column, p.value, p.code])).toEqual([[650, 'age', 'forty', 'not_an_option']]);
    expect({ responses: await count(), waves: await waves() }).toEqual(before);
  });

  it('imports the valid rows and reports the rest with --skip-bad-rows', async () => {
    const before = await count();
    const rows = withBadRow(withBadRow(file(30, 3).rows, 4), 20);
    const r = await s.history.importResponses(spec(la), rows, { skipBadRows: true });
    expect(r).toMatchObject({ outcome: 'imported', rowsRead: 30, validRows: 28, refusedRows: 2, imported: 28, problems: 2 });
    expect((await count()) - before).toBe(28);
  });

  it('writes nothing on a dry run, and says whether the file would import', async () => {
    const before = { responses: await count(), waves: await waves() };
    expect(await s.history.importResponses(spec(la), file(10, 4).rows, { dryRun: true })).toMatchObject({ outcome: 'valid', validRows: 10, imported: 0, wave: null });
    expect((await s.history.importResponses(spec(la), withBadRow(file(10, 4).rows, 3), { dryRun: true })).outcome).toBe('refused');
    expect({ responses: await count(), waves: await waves() }).toEqual(before);
  });

  it('refuses an identifying column without reading a single row', async () => {
    const before = await waves();
    let rowsAsked = 0;
    function* rows() {
      yield ['instrument', 'Date of birth', 'trusts_carers'];
      rowsAsked++;
      yield ['ylyc-8-11', '2014-03-01', 'sometimes'];
    }
    const problems: ImportProblem[] = [];
    const r = await s.history.importResponses(spec(la), rows(), { onProblem: (p) => problems.push(p), skipBadRows: true });
    expect(r).toMatchObject({ outcome: 'refused', headerRefused: true, rowsRead: 0, imported: 0 });
    expect(problems.map((p) => [p.row, p.code])).toEqual([[1, 'identifier_column']]);
    expect(rowsAsked).toBe(0);
    expect(await waves()).toBe(before);
  });

  it('refuses a file with no rows, an unknown LA, and a wave that has not closed yet', async () => {
    expect(await s.history.importResponses(spec(la), [header])).toMatchObject({ outcome: 'refused', problems: 1 });
    const wrongLa = await s.history.importResponses({ ...spec(la), la: 'Nowhere Council' }, [header]).catch((e: unknown) => e);
    expect(isAppError(wrongLa) && wrongLa.code).toBe('not_found');
    const future = await s.history.importResponses({ ...spec(la), closesOn: '2026-03-02' }, file(3, 5).rows).catch((e: unknown) => e);
    expect(isAppError(future) && future.code).toBe('bad_request');
  });
});
