/** `brightspots report --format youth-html|youth-pdf` run as a child process over a temporary data folder. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, STACK } from '../../cli/testing.ts';
import { seedWave } from '../testing.ts';

const box = cliSandbox('youth-cli');
let waveId = '';

beforeAll(() =>
  box.seed(async (s, db) => {
    const la = await s.programme.addLa({ name: 'Printwell Council', nation: 'england', onsCode: 'E06000821' });
    waveId = (await seedWave(db, s.programme, la, { survey: 'ylyc', responses: { 'ylyc-8-11': 40, 'ylyc-11-17': 50 }, seed: 9 })).wave.id;
  }),
);
afterAll(() => box.remove());

describe('brightspots report, young people’s version', () => {
  it('writes "What you told us" as one self-contained HTML file', () => {
    const out = join(box.dir, 'youth.html');
    const r = box.cli('report', '--wave', waveId, '--format', 'youth-html', '--out', out);
    expect(r.err).not.toMatch(STACK);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('What you told us');
    expect(html).toContain('Thank you to the 90 of you who filled in the survey.');
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|href="\//);
  });

  it('writes it as a PDF with the same sections', () => {
    const out = join(box.dir, 'youth.pdf');
    const r = box.cli('report', '--wave', waveId, '--format', 'youth-pdf', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    for (const heading of ['What you told us', 'Thank you', 'Things that are going well', 'What we will do']) expect(text).toContain(heading);
  });
});
