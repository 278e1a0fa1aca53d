/** The young people's PDF: it parses, holds every section's words, and has an outline and tags. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryReport, responses } from './testing.ts';
import { renderYouthPdf } from './youth-pdf.ts';
import { youthReport, type YouthReport } from './youth.ts';

const dir = mkdtempSync(join(tmpdir(), 'youth-pdf-'));
const file = join(dir, 'youth.pdf');
let y: YouthReport;
let bytes: Buffer;

beforeAll(async () => {
  y = youthReport(memoryReport('ylyc', responses({ 'ylyc-4-7': 20, 'ylyc-8-11': 80, 'ylyc-11-17': 120 }, 3, 0.3)), (k) => (k === 'survey.thanks.help.childline' ? 'Call Childline free on 0800 1111.' : 'Talk to someone.'));
  bytes = await renderYouthPdf(y);
  writeFileSync(file, bytes);
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("young people's PDF", () => {
  it('parses, is A4 and tagged, and has the title in its metadata', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+What you told us: Brightwater Council/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(5);
  });

  it('holds every section, each finding and the help', () => {
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of [y.title, y.thanks.heading, ...y.findings.map((f) => f.heading), y.promises.heading, 'We will', 'Call Childline free on 0800 1111.']) expect(text).toContain(s);
    const first = y.findings[0]?.groups[0]?.items[0];
    expect(first).toBeDefined();
    expect(text).toContain(first?.text ?? '-');
  });

  it('has an outline of its sections and alt text for its pictures', () => {
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/Outlines \d+ 0 R/);
    for (const s of y.findings) expect(raw).toContain(`/Title (${s.heading})`);
    expect(raw).toContain('/Title (What we will do)');
    const first = y.findings[0]?.groups[0]?.items[0];
    expect(raw).toContain(`/Alt (${first?.filled ?? '-'} of 10 figures coloured in)`);
    expect(raw).toContain(`/Alt (${y.coverAlt})`);
    expect(raw).toMatch(/\/S \/Figure/);
  });
});
