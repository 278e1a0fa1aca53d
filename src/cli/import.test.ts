/** `brightspots import` run as a child process: template, import, error report, refused columns, dry run. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { connect, migrate } from '../db/index.ts';
import { createServices } from '../services.ts';
import { cliSandbox, STACK } from './testing.ts';

const box = cliSandbox('import-cli');
const { cli, dir } = box;
const LA = 'Importham Council';
const wave = ['--la', LA, '--survey', 'ylyc', '--opens', '2024-10-07', '--closes', '2024-12-13'];

/** The waves in the sandbox's database, read directly (quicker than another child process). */
async function listWaves() {
  const config = loadConfig(box.env());
  const conn = connect(config);
  try {
    await migrate(conn.db);
    return await createServices(conn.db, conn.dialect, config).programme.listWaves();
  } finally {
    await conn.close();
  }
}

/** Child processes start slowly on a busy machine. */
const SLOW = 120_000;

beforeAll(() => {
  expect(cli('la', 'add', '--name', LA, '--nation', 'england', '--ons-code', 'E06000931').code).toBe(0);
}, SLOW);
afterAll(() => box.remove());

describe('brightspots import', () => {
  it('writes a template that imports as it is, on a dry run and for real, into a closed wave', async () => {
    const template = join(dir, 'template.csv');
    const t = cli('import', 'template', '--survey', 'ylyc', '--out', template);
    expect(t.code).toBe(0);
    const rows = parse(readFileSync(template, 'utf8'));
    expect(rows[0]?.slice(0, 2)).toEqual(['instrument', 'channel']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17']);

    const dry = cli('import', 'responses', ...wave, '--csv', template, '--dry-run');
    expect([dry.code, dry.err]).toEqual([0, '']);
    expect(dry.out).toContain('Dry run: nothing written. 3 rows would be imported');
    expect(await listWaves()).toEqual([]);

    const r = cli('import', 'responses', ...wave, '--eligible', 'ylyc-4-7=10,ylyc-8-11=20,ylyc-11-17=30', '--csv', template);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Rows read: 3; valid: 3; refused: 0; imported: 3.');
    const [w] = await listWaves();
    expect(w).toMatchObject({ status: 'closed', responses: 3, closedAt: '2024-12-13T12:00:00.000Z', responsesByInstrument: { 'ylyc-4-7': 1, 'ylyc-8-11': 1, 'ylyc-11-17': 1 } });
  }, SLOW);

  it('refuses a file with bad rows, writes every problem to the error report and exits 2', async () => {
    const before = (await listWaves()).length;
    const csv = join(dir, 'bad.csv');
    const errors = join(dir, 'errors.csv');
    const bad = Array.from({ length: 25 }, () => 'ylyc-8-11,maybe');
    writeFileSync(csv, `\uFEFFinstrument,trusts_carers\r\nylyc-8-11,sometimes\r\n${bad.join('\r\n')}\r\n`);
    const r = cli('import', 'responses', ...wave, '--csv', csv, '--errors', errors);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.out).toContain('Rows read: 26; valid: 1; refused: 25; imported: 0.');
    expect(r.err).toContain('Nothing imported');
    const report = parse(readFileSync(errors, 'utf8'));
    expect(report[0]).toEqual(['row', 'column', 'value', 'reason', 'code']);
    expect(report.slice(1).map((x) => [x[0], x[1], x[2], x[4]])).toEqual(bad.map((_, i) => [String(i + 3), 'trusts_carers', 'maybe', 'not_an_option']));
    expect(await listWaves()).toHaveLength(before);

    // Without --errors, the first 20 problems go to stderr, then a count of the rest.
    const shown = cli('import', 'responses', ...wave, '--csv', csv);
    expect(shown.code).toBe(2);
    expect(shown.err.split('\n').filter((l) => l.startsWith('row ')).length).toBe(20);
    expect(shown.err).toContain('and 5 more problems');

    const skipped = cli('import', 'responses', ...wave, '--csv', csv, '--skip-bad-rows');
    expect(skipped.code).toBe(0);
    expect(skipped.out).toContain('imported: 1.');
    expect(await listWaves()).toHaveLength(before + 1);
  }, SLOW);

  it('refuses identifying columns before reading any row', async () => {
    const before = (await listWaves()).length;
    const csv = join(dir, 'names.csv');
    writeFileSync(csv, 'instrument,First name,Postcode,trusts_carers\nylyc-8-11,Jamie,AB1 2CD,sometimes\n');
    const r = cli('import', 'responses', ...wave, '--csv', csv, '--skip-bad-rows');
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(r.err).toContain('row 1, first name: Column "first name" looks like a person\'s name');
    expect(r.err).toContain('row 1, postcode:');
    expect(r.err).toContain('no row was read');
    expect(r.err).not.toContain('Jamie');
    expect(await listWaves()).toHaveLength(before);
  }, SLOW);

  it('refuses a missing file, an unknown LA and a malformed file with one line each, exit 2', async () => {
    const missing = cli('import', 'responses', ...wave, '--csv', join(dir, 'nope.csv'));
    expect([missing.code, missing.err.trim().split('\n').length]).toEqual([2, 1]);
    const csv = join(dir, 'ok.csv');
    writeFileSync(csv, 'instrument,trusts_carers\nylyc-8-11,"sometimes\n');
    const malformed = cli('import', 'responses', ...wave, '--csv', csv);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toMatch(/not valid CSV/);
    expect(malformed.err).not.toMatch(STACK);
    const unknown = cli('import', 'responses', '--la', 'Nowhere', '--survey', 'ylyc', '--opens', '2024-10-07', '--closes', '2024-12-13', '--csv', csv);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Nowhere');
  }, SLOW);
});
