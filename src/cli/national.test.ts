/** `brightspots report national` run as a child process over a temporary data folder with closed waves. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWave } from '../reports/testing.ts';
import type { NationalFindings } from '../reports/national/index.ts';
import { cliSandbox, STACK } from './testing.ts';

const box = cliSandbox('national-cli');
const { cli, dir } = box;
const today = new Date().toISOString().slice(0, 10);

beforeAll(() =>
  box.seed(async (s, db) => {
    for (const [i, name] of ['Alderbank Council', 'Briarwick Council', 'Coldharbour Council'].entries()) {
      const la = await s.programme.addLa({ name, nation: 'england', onsCode: `E0600095${i}` });
      await seedWave(db, s.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 30 + 10 * i }, seed: 40 + i });
    }
  }),
);
afterAll(() => box.remove());

describe('brightspots report national', () => {
  it('writes every figure as JSON, authorities lettered (none consented to be named)', () => {
    const out = join(dir, 'national.json');
    const r = cli('report', 'national', '--survey', 'ylbc', '--from', '2020-01-01', '--to', today, '--format', 'json', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('3 local authorities, 120 responses');
    const json = JSON.parse(readFileSync(out, 'utf8')) as NationalFindings;
    expect(json.authorities.map((a) => a.label)).toEqual(['Authority A', 'Authority B', 'Authority C']);
    expect(readFileSync(out, 'utf8')).not.toMatch(/Alderbank|Briarwick|Coldharbour/);
  });

  it('writes the HTML file by default, the last 24 months when no dates are given', () => {
    const out = join(dir, 'national.html');
    const r = cli('report', 'national', '--survey', 'ylbc', '--out', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Your Life Beyond Care: all local authorities');
    expect(html).toContain('<svg');
  });

  const never = join(dir, 'never.json');
  it.each([
    ['an impossible day', ['--survey', 'ylbc', '--from', '2025-02-30', '--out', never]],
    ['a format the national report has not', ['--survey', 'ylbc', '--format', 'pptx', '--out', never]],
    ['no --out', ['--survey', 'ylbc']],
  ])('refuses %s with exit code 2 and a reason, never a stack trace', (_what, args) => {
    const r = cli('report', 'national', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: /);
    expect(r.err).not.toMatch(STACK);
    expect(existsSync(never)).toBe(false);
  });
});
