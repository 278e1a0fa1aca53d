/** `brightspots report --format pdf` run as a child process over a temporary data folder with a closed wave. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox } from '../../cli/testing.ts';
import { seedWave } from '../testing.ts';
import { readPdf } from './testing.ts';

const box = cliSandbox('pdf-cli');
let waveId = '';

beforeAll(() =>
  box.seed(async (s, db) => {
    const la = await s.programme.addLa({ name: 'Pressmoor Council', nation: 'england', onsCode: 'E06000861' });
    waveId = (await seedWave(db, s.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 60 }, seed: 12 })).wave.id;
  }),
);
afterAll(() => box.remove());

describe('brightspots report --format pdf', () => {
  it('writes the report as an A4 PDF, marked as the draft when nothing is published', () => {
    const out = join(box.dir, 'report.pdf');
    const r = box.cli('report', '--wave', waveId, '--format', 'pdf', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('60 responses');
    const file = readFileSync(out);
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = readPdf(file);
    expect(pdf.info['Tagged']).toBe('yes');
    expect(pdf.pageTexts[0]).toContain('Pressmoor Council');
    expect(pdf.pageTexts[0]).toContain('Draft: not published, not for sharing');
    expect(pdf.outline.map((o) => o.title)).toContain('Methodology, definitions and caveats');
  }, 120_000);

  it('lists pdf among the formats in its help', () => {
    expect(box.cli('report', '--help').out).toMatch(/pdf \(A4, to print\)/);
  });
});
