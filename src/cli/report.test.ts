/** `brightspots report` run as a child process over a temporary data folder with a closed wave. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWave } from '../reports/testing.ts';
import { cliSandbox, STACK } from './testing.ts';

const box = cliSandbox('report-cli');
const { cli, dir: dataDir } = box;
let closedId = '';
let openCode = '';

beforeAll(() =>
  box.seed(async (s, db) => {
    const la = await s.programme.addLa({ name: 'Printwell Council', nation: 'england', onsCode: 'E06000821' });
    closedId = (await seedWave(db, s.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 40 }, seed: 9 })).wave.id;
    openCode = (await seedWave(db, s.programme, la, { survey: 'ylyc', responses: { 'ylyc-8-11': 5 }, seed: 10, close: false })).wave.linkCode;
  }),
);
afterAll(() => box.remove());

describe('brightspots report', () => {
  it('writes every figure as JSON', () => {
    const out = join(dataDir, 'report.json');
    const r = cli('report', '--wave', closedId, '--format', 'json', '--out', out);
    // Nothing is published yet: the draft, with a notice where the operator sees it.
    expect(r.err).toMatch(/^Notice: no version of this report is published yet; this is the draft, not for sharing/);
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
    expect(cli('report', '--wave', closedId, '--format', 'docx', '--out', missing).code).toBe(2);
    expect(cli('report', '--wave', closedId, '--out', join(dataDir, 'no', 'such', 'folder.html')).code).toBe(2);
  }, 120_000);

  it('publishes the draft as version 1, writes it by default and by --version, and refuses a version 2 too close to it', () => {
    const pub = cli('report', 'publish', '--wave', closedId, '--note', 'First publication');
    expect(pub.err).toBe('');
    expect(pub.code).toBe(0);
    expect(pub.out).toMatch(/Published .+: Version 1, published \d+ \w+ \d{4}, 40 responses\./);
    const again = cli('report', 'publish', '--wave', closedId, '--note', 'Again');
    expect(again.code).toBe(2);
    expect(again.err).toContain('same as version 1');
    expect(again.err).not.toMatch(STACK);
    const out = join(dataDir, 'v1.json');
    const latest = cli('report', '--wave', closedId, '--format', 'json', '--out', out);
    expect([latest.code, latest.err]).toEqual([0, '']);
    expect(latest.out).toContain('Version 1, published');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { version: { number: number } }).version.number).toBe(1);
    const draft = cli('report', '--wave', closedId, '--version', 'draft', '--format', 'json', '--out', out);
    expect([draft.code, (JSON.parse(readFileSync(out, 'utf8')) as { version: unknown }).version]).toEqual([0, null]);
    const bad = cli('report', '--wave', closedId, '--version', '2', '--format', 'json', '--out', join(dataDir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('no version 2');
  }, 120_000);
  it('writes the draft of every finished wave into a folder with report all, and says when there is none', () => {
    const folder = join(dataDir, 'round');
    const r = cli('report', 'all', '--format', 'json', '--out', folder);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = readdirSync(folder);
    // The closed care leavers' wave only: the open wave has no report yet.
    expect(files).toEqual([expect.stringMatching(/-draft-report\.json$/)]);
    const json = JSON.parse(readFileSync(join(folder, files[0] ?? ''), 'utf8')) as { wave: { id: string }; version: unknown };
    expect(json.wave.id).toBe(closedId);
    expect(r.out).toMatch(/1 draft report in [\d.]+ s/);
    const none = cli('report', 'all', '--survey', 'ylyc', '--out', folder);
    expect(none.code).toBe(2);
    expect(none.err).toContain('No closed or reported wave of ylyc');
    expect(none.err).not.toMatch(STACK);
  });
});
