/** `brightspots paper read` run as a child process over synthetic scans of a form printed by `paper forms`. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/index.ts';
import { loadConfig } from '../config.ts';
import { getInstrument } from '../instruments/index.ts';
import { designForm } from '../paper/index.ts';
import { pdfMeasure } from '../paper/forms/draw.ts';
import { wordsFor } from '../paper/forms/testing.ts';
import { distort, seeded } from '../paper/scan/synthetic.ts';
import { rasteriseAll } from '../paper/scan/trial.ts';
import { cliSandbox, STACK } from './testing.ts';

const box = cliSandbox('paper-read');
const { cli, dir } = box;
let linkCode = '';
let waveId = '';

beforeAll(() =>
  box.seed(async (s) => {
    const la = await s.programme.addLa({ name: 'Inkwell Council', nation: 'england', onsCode: 'E06000884' });
    const wave = await s.programme.openWave({ laId: la.id, survey: 'ylbc', eligible: { 'ylbc-16-25': 40 }, opensOn: '2026-02-01', closesOn: '2026-03-01' });
    linkCode = wave.linkCode;
    waveId = wave.id;
  }),
);
afterAll(() => box.remove());

describe('brightspots paper read', () => {
  it('prints one JSON line per page read, reports a bad file and goes on, writes crops, and audits the reading', async () => {
    const pdf = join(dir, 'forms.pdf');
    expect(cli('paper', 'forms', '--wave', linkCode, '--instrument', 'ylbc-16-25', '--copies', '1', '--out', pdf).code).toBe(0);
    const pages = rasteriseAll(readFileSync(pdf), 150);
    const { words, has } = wordsFor('en');
    const layout = designForm(getInstrument('ylbc-16-25')!, 'en', words, has, await pdfMeasure()).layout;
    const withText = layout.textAreas[0]!.page - 1; // a page with a writing box
    const random = seeded(5);
    writeFileSync(join(dir, 'a.jpg'), await distort(pages[0]!, { turns: 1, skew: 1.5, scale: 1, blur: 0, noise: 4, format: 'jpeg', quality: 80 }, random));
    writeFileSync(join(dir, 'b.png'), await distort(pages[withText]!, { turns: 2, skew: -2, scale: 0.97, blur: 0.5, noise: 4, format: 'png', quality: 80 }, random));
    writeFileSync(join(dir, 'notes.jpg'), 'this is not an image');
    const r = cli('paper', 'read', join(dir, 'a.jpg'), join(dir, 'notes.jpg'), join(dir, 'b.png'), '--json', '--crops', join(dir, 'crops'));
    expect(r.err).not.toMatch(STACK);
    expect(r.code).toBe(2);
    expect(r.err).toContain('1 file or page was not read (see above); the rest were.');
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ ok: true, waveId, layoutId: 'ylbc-16-25@1.0.0.en.L1', page: 1, pages: pages.length, issued: true });
    expect(lines[1]).toMatchObject({ ok: false, file: join(dir, 'notes.jpg'), problem: 'unknown_type', message: 'The file is not a PDF, PNG, JPEG or TIFF.' });
    expect(lines[2]).toMatchObject({ ok: true, page: withText + 1, serial: lines[0]!['serial'] });
    // Blank forms: every question read as blank, nothing for review.
    for (const q of [lines[0], lines[2]].flatMap((l) => l!['questions'] as { state: string }[])) expect(q.state).toBe('blank');
    const crops = [lines[0], lines[2]].flatMap((l) => l!['crops'] as { file: string }[]);
    expect(readdirSync(join(dir, 'crops'))).toHaveLength(crops.length);
    expect(crops.length).toBeGreaterThan(0);
    for (const c of crops) expect(readFileSync(c.file).subarray(1, 4).toString()).toBe('PNG');

    const conn = connect(loadConfig(box.env()));
    try {
      const audit = await conn.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'paper.scans_read').execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(String(audit[0]!.detail))).toMatchObject({ pages: 2, crops: crops.length });
    } finally {
      await conn.close();
    }

    const human = cli('paper', 'read', join(dir, 'a.jpg'));
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/a\.jpg: form [A-Z0-9]{4}-[A-Z0-9]{4} \(ylbc-16-25@1\.0\.0\.en\.L1\) page 1 of \d+: 0 answered, \d+ blank, 0 for review/);
    const missing = cli('paper', 'read', join(dir, 'nope.png'));
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('Cannot open the file (ENOENT).');
  }, 120_000);
});
