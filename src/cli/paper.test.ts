/** `brightspots paper forms` run as a child process over a temporary data folder with an open wave. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/index.ts';
import { loadConfig } from '../config.ts';
import { decodePage } from '../paper/index.ts';
import { pageCount, rasterise, readQr } from '../paper/forms/testing.ts';
import { cliSandbox, STACK } from './testing.ts';

const box = cliSandbox('paper-cli');
const { cli, dir } = box;
let waveId = '';
let linkCode = '';

beforeAll(() =>
  box.seed(async (s) => {
    const la = await s.programme.addLa({ name: 'Inkwell Council', nation: 'england', onsCode: 'E06000884' });
    const wave = await s.programme.openWave({ laId: la.id, survey: 'ylbc', eligible: { 'ylbc-16-25': 40 }, opensOn: '2026-02-01', closesOn: '2026-03-01' });
    waveId = wave.id;
    linkCode = wave.linkCode;
  }),
);
afterAll(() => box.remove());

describe('brightspots paper forms', () => {
  it('writes the copies asked for to one PDF and records each copy as an issued sheet', async () => {
    const out = join(dir, 'forms.pdf');
    const r = cli('paper', 'forms', '--wave', linkCode, '--instrument', 'ylbc-16-25', '--copies', '2', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*forms\.pdf: 2 copies of ylbc-16-25 for .*, \d+ pages each \(layout ylbc-16-25@1\.0\.0\.en\.L1\)\./);
    const pages = Number(/(\d+) pages each/.exec(r.out)?.[1]);
    const pdf = readFileSync(out);
    expect(pageCount(pdf)).toBe(2 * pages);
    const first = decodePage(readQr(rasterise(pdf, 1, 100)) ?? '');
    const last = decodePage(readQr(rasterise(pdf, 2 * pages, 100)) ?? '');
    expect(first).toMatchObject({ waveId, page: 1, pages, layoutId: 'ylbc-16-25@1.0.0.en.L1' });
    expect(last).toMatchObject({ waveId, page: pages });
    expect(last?.serial).not.toBe(first?.serial);
    const conn = connect(loadConfig(box.env()));
    try {
      const sheets = await conn.db.selectFrom('paper_sheets').select(['serial', 'wave_id']).execute();
      expect(sheets.map((s) => s.serial).sort()).toEqual([first?.serial, last?.serial].sort());
      expect((await conn.db.selectFrom('audit_log').select('action').where('action', '=', 'paper.forms_issued').execute())).toHaveLength(1);
    } finally {
      await conn.close();
    }
  });

  it('explains a mistake in plain words, without a stack trace', () => {
    const out = join(dir, 'bad.pdf');
    const copies = cli('paper', 'forms', '--wave', waveId, '--instrument', 'ylbc-16-25', '--copies', 'ten', '--out', out);
    expect(copies.code).toBe(2);
    expect(copies.err).toContain('--copies must be a whole number from 1 to 2000');
    const instrument = cli('paper', 'forms', '--wave', waveId, '--instrument', 'ylyc-4-7', '--copies', '1', '--out', out);
    expect(instrument.code).toBe(2);
    expect(instrument.err).toContain('this wave does not offer that questionnaire');
    const wave = cli('paper', 'forms', '--wave', 'NOSUCHWAVE', '--instrument', 'ylbc-16-25', '--copies', '1', '--out', out);
    expect(wave.code).toBe(2);
    for (const r of [copies, instrument, wave]) expect(r.err).not.toMatch(STACK);
  });
});
