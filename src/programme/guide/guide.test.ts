import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GUIDES, guideFor, type Guide } from './content.ts';
import { renderGuidePdf } from './guide.pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'bs-guide-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a reader sees in a guide, as one string. */
const words = (g: Guide): string =>
  g.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b.text]))]).join(' ');
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe.each(Object.values(GUIDES))('the trusted adults\' guide for $survey', (guide) => {
  it('says how to introduce the survey, help without influencing, and act on a disclosure at once', () => {
    const all = words(guide);
    const ids = guide.sections.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['who', 'introducing', 'helping', 'worried']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(all).toMatch(/follow your council's safeguarding procedures at once/);
    expect(all).toMatch(/Childline \(0800 1111/);
    expect(all).toMatch(/Never read, check or ask about their answers/);
    if (guide.survey === 'ylyc') expect(all).toMatch(/must not be the child's own social worker or foster carer/);
    else {
      expect(all).toMatch(/not their own PA/);
      expect(ids).toContain('catch-up');
    }
  });

  it('prints as an A4 PDF of several pages with every heading as real text', async () => {
    const pdf = await renderGuidePdf(guide);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(dir, `${guide.survey}.pdf`);
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThan(10);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toContain(`Title:           ${guide.title}`);
    const text = squash(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
    for (const s of guide.sections) expect(text).toContain(s.heading);
    expect(text).toContain(guide.title);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });
});

it('finds a guide only for the two surveys', () => {
  expect(guideFor('ylyc')?.survey).toBe('ylyc');
  expect(guideFor('ylbc')?.survey).toBe('ylbc');
  expect(guideFor('constructor')).toBeUndefined();
  expect(guideFor('ylyc.pdf')).toBeUndefined();
});
