/** `brightspots report` run as a child process over a temporary data folder with a closed wave. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { connect, migrate } from '../db/index.ts';
import { createServices } from '../services.ts';
import { seedWave } from '../reports/testing.ts';
import { cliSandbox, STACK } from './testing.ts';

const box = cliSandbox('report-cli');
const { cli, dir: dataDir } = box;
let closedId = '';
let openCode = '';

beforeAll(async () => {
  const config = loadConfig(box.env());
  const conn = connect(config);
  try {
    await migrate(conn.db);
    const s = createServices(conn.db, conn.dialect, config);
    const la = await s.programme.addLa({ name: 'Printwell Council', nation: 'england', onsCode: 'E06000821' });
    closedId = (await seedWave(conn.db, s.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 40 }, seed: 9 })).wave.id;
    openCode = (await seedWave(conn.db, s.programme, la, { survey: 'ylyc', responses: { 'ylyc-8-11': 5 }, seed: 10, close: false })).wave.linkCode;
  } finally {
    await conn.close();
  }
});
afterAll(() => box.remove());

describe('brightspots report', () => {
  it('writes every figure as JSON', () => {
    const out = join(dataDir, 'report.json');
    const r = cli('report', '--wave', closedId, '--format', 'json', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('40 responses');
    const json = JSON.parse(readFileSync(out, 'utf8')) as { format: string; wave: { id: string }; findings: { survey: string } };
    expect([json.format, json.wave.id, json.findings.survey]).toEqual(['brightspots-report/1', closedId, 'ylbc']);
  });

  it('writes one self-contained HTML file', () => {
    const out = join(dataDir, 'report.html');
    const r = cli('report', '--wave', closedId, '--format', 'html', '--out', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('id="key-findings"');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|href="\//);
  });

  it('exits 2 with one line, and writes nothing, for a wave that does not exist or has not closed', () => {
    const missing = join(dataDir, 'missing.json');
    const bad = cli('report', '--wave', 'no-such-wave', '--format', 'json', '--out', missing);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('no-such-wave');
    expect(bad.err).not.toMatch(STACK);
    const open = cli('report', '--wave', openCode, '--format', 'json', '--out', missing);
    expect(open.code).toBe(2);
    expect(open.err).toContain('close the wave first');
    expect(existsSync(missing)).toBe(false);
    expect(cli('report', '--wave', closedId, '--format', 'pdf', '--out', missing).code).toBe(2);
    expect(cli('report', '--wave', closedId, '--out', join(dataDir, 'no', 'such', 'folder.html')).code).toBe(2);
  });
});
