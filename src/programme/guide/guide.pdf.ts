/**
 * The trusted adults' guide as a printable A4 PDF, drawn with pdfkit from the same sections as the web
 * page. Tagged (headings, paragraphs, lists) with a language and an outline, so screen readers and
 * "find" work; no browser is needed to make it.
 */
// Loaded on first use: pdfkit is large and only the printable guide needs it.
import type PDFDocumentType from 'pdfkit';
import type { Guide, GuideBlock } from './content.ts';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 62, bottom: 70, left: 64, right: 64 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const INK = '#0b0c0c';
const SECONDARY = '#484949';
const ACCENT = '#1d70b8';
const BODY = { font: 'Helvetica', size: 11.5, lineGap: 3.5 };

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Starts a new page unless `needed` points still fit, so a heading never sits alone at a page's foot. */
function keepTogether(doc: Doc, needed: number): void {
  if (doc.y + needed > A4.height - MARGIN.bottom) doc.addPage();
}

/** Draws decoration that assistive technology should skip. */
function artifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Layout' });
  draw();
  doc.endMarkedContent();
}

function body(doc: Doc): Doc {
  return doc.font(BODY.font).fontSize(BODY.size).fillColor(INK);
}

/** A block of text in a tinted box with a bar on its left: suggested words, or the safeguarding warning. */
function boxed(doc: Doc, parent: Struct, text: string, opts: { type: 'BlockQuote' | 'P'; bar: string; tint: string; bold: boolean }): void {
  const pad = 10;
  const inner = WIDTH - 2 * pad - 6;
  doc.font(opts.bold ? 'Helvetica-Bold' : BODY.font).fontSize(BODY.size);
  const h = doc.heightOfString(text, { width: inner, lineGap: BODY.lineGap }) + 2 * pad;
  keepTogether(doc, h + 6);
  const top = doc.y;
  artifact(doc, () => {
    doc.rect(MARGIN.left, top, WIDTH, h).fill(opts.tint);
    doc.rect(MARGIN.left, top, 5, h).fill(opts.bar);
  });
  doc.fillColor(INK).text(text, MARGIN.left + 6 + pad, top + pad, { width: inner, lineGap: BODY.lineGap, structParent: parent, structType: opts.type });
  doc.x = MARGIN.left;
  doc.y = top + h + 10;
}

function block(doc: Doc, parent: Struct, b: GuideBlock): void {
  switch (b.kind) {
    case 'p':
      body(doc).text(b.text, MARGIN.left, doc.y, { width: WIDTH, lineGap: BODY.lineGap, paragraphGap: 8, structParent: parent, structType: 'P' });
      break;
    case 'h3':
      keepTogether(doc, 60);
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(12.5).fillColor(INK).text(b.text, MARGIN.left, doc.y, { width: WIDTH, paragraphGap: 4, structParent: parent, structType: 'H3' });
      break;
    case 'list': {
      const list = doc.struct('L');
      parent.add(list);
      body(doc).list([...b.items], MARGIN.left + 14, doc.y, { width: WIDTH - 14, lineGap: BODY.lineGap, paragraphGap: 5, bulletRadius: 2.2, textIndent: 12, structParent: list });
      list.end();
      doc.x = MARGIN.left;
      doc.moveDown(0.5);
      break;
    }
    case 'say':
      boxed(doc, parent, `"${b.text}"`, { type: 'BlockQuote', bar: '#b1b4b6', tint: '#f3f2f1', bold: false });
      break;
    case 'warning':
      boxed(doc, parent, b.text, { type: 'P', bar: '#d4351c', tint: '#fdf0ee', bold: true });
      break;
  }
}

/** Writes "page N of M" on every page once all pages exist. */
function footers(doc: Doc, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(BODY.font).fontSize(9).fillColor(SECONDARY);
    doc.text(`Bright Spots  ·  ${title}  ·  Page ${i - range.start + 1} of ${range.count}`, MARGIN.left, A4.height - 42, { width: WIDTH, align: 'center', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

/** Renders a guide to PDF bytes. */
export async function renderGuidePdf(guide: Guide): Promise<Buffer> {
  const PDFDocument: typeof PDFDocumentType = (await import('pdfkit')).default;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: guide.title, Author: 'Bright Spots', Subject: guide.audience },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  artifact(doc, () => {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(ACCENT).text('Bright Spots', MARGIN.left, MARGIN.top);
  });
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(22).fillColor(INK).text(guide.title, MARGIN.left, doc.y, { width: WIDTH, lineGap: 2, paragraphGap: 6, structParent: root, structType: 'H1' });
  doc.font(BODY.font).fontSize(13).fillColor(SECONDARY).text(guide.audience, { width: WIDTH, lineGap: 3, paragraphGap: 10, structParent: root, structType: 'P' });
  const ruleY = doc.y;
  artifact(doc, () => {
    doc.moveTo(MARGIN.left, ruleY).lineTo(MARGIN.left + WIDTH, ruleY).lineWidth(1).strokeColor('#b1b4b6').stroke();
  });
  doc.y = ruleY + 16;

  for (const section of guide.sections) {
    const sect = doc.struct('Sect');
    root.add(sect);
    keepTogether(doc, 90);
    doc.outline.addItem(section.heading);
    doc.font('Helvetica-Bold').fontSize(15).fillColor(INK).text(section.heading, MARGIN.left, doc.y, { width: WIDTH, paragraphGap: 7, structParent: sect, structType: 'H2' });
    for (const b of section.blocks) block(doc, sect, b);
    sect.end();
    doc.moveDown(0.6);
  }
  root.end();
  footers(doc, guide.title);
  doc.end();
  return done;
}
