/** The PDF primitives: tagging, metadata, outline, tables over pages, figures with alt text, line breaking. */
import { describe, expect, it } from 'vitest';
import { createPdf, printableSvg, svgSize } from './document.ts';
import { heightOf, layout, type Measurer, type TextStyle } from './layout.ts';
import { readPdf } from './testing.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100" viewBox="0 0 400 100"><rect x="10" y="10" width="80" height="40" fill="#1d70b8"/><path d="M0 90 L400 90" stroke="#000" stroke-dasharray="1,0"/></svg>';

async function sample() {
  const w = await createPdf({ title: 'Sample report', subject: 'A test', footer: (page, pages) => (page === 1 ? null : { left: 'Sample footer', right: `Page ${page} of ${pages}` }) });
  w.heading(1, 'Sample report');
  w.newPage();
  w.section();
  w.heading(2, 'First section');
  w.paragraph([{ text: 'A bold start', bold: true }, { text: '. Then plain words. ' }, { text: 'Better than others', tag: 'green' }]);
  w.list(['One item', 'Another item']);
  w.heading(3, 'A sub-section');
  w.table({
    caption: 'Sixty rows',
    rowHeaders: true,
    columns: [{ header: 'Row name' }, { header: 'Figure' }, { header: 'Note' }],
    rows: Array.from({ length: 60 }, (_, i) => [`Row ${i + 1}`, [{ text: `${i}%`, bold: true }, { text: `\nline two of row ${i + 1}`, small: true }], 'Some words that wrap in a narrow column of a table'] as const),
  });
  w.figure({ svg: SVG, alt: 'A blue box above a line', caption: 'Figure caption' });
  w.endSection();
  return readPdf(await w.finish());
}

describe('createPdf', () => {
  it('writes an A4, tagged PDF with its title shown, language, author and a running footer', async () => {
    const pdf = await sample();
    expect(pdf.info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(pdf.info['Title']).toBe('Sample report');
    expect(pdf.info['Author']).toBe('Bright Spots programme');
    expect(pdf.info['Tagged']).toBe('yes');
    expect(pdf.raw).toContain('/StructTreeRoot');
    expect(pdf.raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(pdf.raw).toMatch(/\/Marked true/);
    expect(pdf.raw).toContain('/Lang (en-GB)');
    expect(pdf.raw).toMatch(/\/DisplayDocTitle true/);
    expect(pdf.pageTexts[0]).not.toContain('Sample footer');
    expect(pdf.pageTexts[1]).toContain('Sample footer');
    expect(pdf.pageTexts[1]).toContain(`Page 2 of ${pdf.pages}`);
  });

  it('tags headings, paragraphs, lists, tables and figures, with the figure\'s alternative text', async () => {
    const pdf = await sample();
    for (const el of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'LBody', 'Table', 'Caption', 'TR', 'TH', 'TD', 'Figure', 'Sect']) expect(pdf.struct).toMatch(new RegExp(`^\\s*${el}\\b`, 'm'));
    expect(pdf.raw).toContain('/Alt (A blue box above a line)');
  });

  it('bookmarks headings, nesting each under the one above', async () => {
    const pdf = await sample();
    expect(pdf.outline.map((o) => [o.title, o.depth])).toEqual([
      ['Sample report', 0],
      ['First section', 1],
      ['A sub-section', 2],
    ]);
  });

  it('repeats a long table\'s header row on every page it runs onto and never splits a row', async () => {
    const pdf = await sample();
    const withRows = pdf.pageTexts.filter((t) => /Row \d+/.test(t));
    expect(withRows.length).toBeGreaterThan(1);
    for (const t of withRows) expect(t).toContain('Row name');
    for (let i = 1; i <= 60; i++) {
      const page = pdf.pageTexts.findIndex((t) => new RegExp(`^Row ${i}$`, 'm').test(t));
      expect(page).toBeGreaterThan(0);
      expect(pdf.pageTexts[page]).toContain(`line two of row ${i}\n`);
    }
  });
});

describe('figures', () => {
  it('sizes an SVG as a browser prints it, scaled down to fit', () => {
    expect(svgSize(SVG, 1000, 1000)).toEqual({ w: 300, h: 75 });
    expect(svgSize(SVG, 200, 1000)).toEqual({ w: 200, h: 50 });
    expect(svgSize('<svg viewBox="0 0 800 400"></svg>', 400, 1000)).toEqual({ w: 400, h: 200 });
  });

  it('turns dash patterns pdfkit refuses into ones it draws', () => {
    expect(printableSvg('<path stroke-dasharray="1,0"/>')).toBe('<path stroke-dasharray="none"/>');
    expect(printableSvg('<path style="stroke-dasharray: 4,0,2,3"/>')).toBe('<path style="stroke-dasharray: 4,0.01,2,3"/>');
    expect(printableSvg('<path stroke-dasharray="3 2"/>')).toBe('<path stroke-dasharray="3,2"/>');
  });
});

describe('layout', () => {
  // A fixed-pitch measurer: every character is half the size wide.
  const m: Measurer & { size: number } = {
    size: 10,
    font() {
      return this;
    },
    fontSize(s: number) {
      this.size = s;
      return this;
    },
    widthOfString(t: string) {
      return t.length * this.size * 0.5;
    },
  };
  const style: TextStyle = { font: 'Mono', bold: 'Mono-Bold', italic: 'Mono-Italic', size: 10, smallSize: 8, ink: '#000', secondary: '#444', leading: 1.5 };

  it('wraps at spaces within the width, keeps hard breaks, and measures the height', () => {
    const lines = layout(m, 'aaaa bbbb cccc dddd\neeee', 50, style);
    expect(lines.map((l) => l.segments.map((s) => s.text).join(''))).toEqual(['aaaa bbbb', 'cccc dddd', 'eeee']);
    expect(lines.every((l) => l.width <= 50)).toBe(true);
    expect(heightOf(lines)).toBe(45);
  });

  it('keeps styles on their words and breaks a word too long for the width', () => {
    const lines = layout(m, [{ text: 'Bold', bold: true }, { text: ' then small', small: true }, { text: ' https://example.org/a/very/long/address' }], 60, style);
    expect(lines[0]?.segments.map((s) => [s.text.trim(), s.font, s.size])).toEqual([
      ['Bold', 'Mono-Bold', 10],
      ['then', 'Mono', 8],
    ]);
    expect(lines.every((l) => l.width <= 60)).toBe(true);
    expect(lines.map((l) => l.segments.map((s) => s.text).join('')).join('').replace(/\s/g, '')).toBe('Boldthensmallhttps://example.org/a/very/long/address');
  });
});
