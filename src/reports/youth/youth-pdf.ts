/**
 * "What you told us" as an A4 PDF to print and hand out: a picture cover, then the same sections as the
 * HTML in big type, each finding with its row of figures, and ruled boxes for the LA's promises. Drawn
 * with the shared tagged-PDF writer (headings make the outline; pictures are figures with alt text).
 */
import type SVGtoPDFType from 'svg-to-pdfkit';
import { createPdf, DEFAULT_THEME, type PdfWriter, type Theme } from '../pdf/document.ts';
import { printable } from '../pdf/printable.ts';
import { COLOURS, coverPicture, icon, pictogram, pictogramLabel } from './pictures.ts';
import type { YouthItem, YouthReport, YouthSection } from './youth.ts';

const THEME: Theme = {
  ...DEFAULT_THEME,
  text: { ...DEFAULT_THEME.text, size: 15, smallSize: 12.5, ink: COLOURS.ink, secondary: '#4a4540', leading: 1.45 },
  headings: [36, 23, 17],
  accent: COLOURS.good,
  rule: '#e0d6c8',
};

type Svg = typeof SVGtoPDFType;

/** Draws an SVG as a tagged figure with alt text at (x, y). */
function figureAt(w: PdfWriter, svgToPdf: Svg, svg: string, alt: string, x: number, y: number, width: number, height: number): void {
  const { doc } = w;
  const fig = doc.struct('Figure', { alt });
  w.current.add(fig);
  fig.add(doc.markStructureContent('Figure'));
  svgToPdf(doc, svg, x, y, { width, height, preserveAspectRatio: 'xMidYMid meet' });
  doc.endMarkedContent();
  fig.end();
}

function cover(w: PdfWriter, svgToPdf: Svg, y: YouthReport): void {
  const { doc } = w;
  w.artifact(() => doc.roundedRect(w.left - 16, 50, w.width + 32, 700, 24).lineWidth(4).strokeColor('#f0c14b').stroke());
  figureAt(w, svgToPdf, coverPicture(y.coverAlt), y.coverAlt, w.left + (w.width - 400) / 2, 110, 400, 212);
  doc.y = 370;
  w.paragraph([{ text: y.laName, bold: true, colour: COLOURS.good }], { style: { size: 19 }, gap: 10 });
  w.heading(1, y.title, { keepWithNext: 40 });
  w.paragraph(y.survey, { style: { size: 19 }, gap: 18 });
  w.paragraph(y.audience, { style: { ink: '#4a4540' } });
}

function item(w: PdfWriter, svgToPdf: Svg, it: YouthItem): void {
  const { doc } = w;
  const indent = 44;
  const text = w.measure(it.text, w.width - indent, { size: 16 });
  const note = it.note === null ? [] : w.measure(it.note, w.width - indent, { size: 14 });
  const height = [...text, ...note].reduce((a, l) => a + l.height, 0) + 48;
  w.keepTogether(height);
  const top = doc.y;
  w.artifact(() => svgToPdf(doc, icon(it.icon), w.left, top + 2, { width: 30, height: 30, preserveAspectRatio: 'xMidYMid meet' }));
  w.paragraph(it.text, { indent, style: { size: 16 }, gap: 4 });
  if (it.note !== null) w.paragraph([{ text: it.note, bold: true, colour: COLOURS[it.tone] }], { indent, style: { size: 14 }, gap: 4 });
  const y = doc.y + 2;
  figureAt(w, svgToPdf, pictogram(it.filled, it.tone), pictogramLabel(it.filled), w.left + indent, y, 177, 30);
  doc.y = y + 30 + 16;
}

function section(w: PdfWriter, svgToPdf: Svg, s: YouthSection): void {
  w.section();
  w.heading(2, s.heading, { newPage: true, colour: s.id === 'get-better' ? COLOURS.work : COLOURS.good });
  for (const p of s.intro) w.paragraph(p);
  if (s.empty !== null) w.paragraph(s.empty, { style: { ink: '#4a4540' } });
  for (const g of s.groups) {
    if (g.heading !== null) w.heading(3, g.heading, { keepWithNext: 110 });
    if (g.empty !== null) w.paragraph(g.empty, { style: { ink: '#4a4540' } });
    for (const it of g.items) item(w, svgToPdf, it);
  }
  w.endSection();
}

/** A young person's own words in a tinted box with a rule beside it, kept whole on a page. */
function quote(w: PdfWriter, text: string): void {
  const { doc } = w;
  const indent = 22;
  const words = `“${printable(text)}”`;
  const lines = w.measure(words, w.width - indent - 12, { size: 16 });
  const height = lines.reduce((a, l) => a + l.height, 0) + 20;
  w.keepTogether(height + 14);
  const top = doc.y;
  w.artifact(() => {
    doc.roundedRect(w.left, top, w.width, height, 8).fill('#eef4fb');
    doc.rect(w.left, top, 6, height).fill('#1d5fa8');
  });
  doc.y = top + 10;
  w.paragraph(words, { type: 'BlockQuote', indent, style: { size: 16 }, gap: 0 });
  doc.y = top + height + 14;
}

/** Three ruled boxes that start "We will", for the LA to write its promises in by hand. */
function promiseBoxes(w: PdfWriter, prompts: readonly string[]): void {
  const { doc } = w;
  for (const prompt of prompts) {
    w.keepTogether(150);
    const top = doc.y;
    w.artifact(() => doc.roundedRect(w.left, top, w.width, 140, 14).lineWidth(2.5).strokeColor(COLOURS.star).stroke());
    doc.y = top + 12;
    w.paragraph([{ text: prompt, bold: true, colour: '#5b2d78' }], { indent: 16, gap: 0 });
    w.artifact(() => {
      for (let i = 1; i <= 3; i++) doc.moveTo(w.left + 16, top + 20 + i * 34).lineTo(w.left + w.width - 16, top + 20 + i * 34).lineWidth(1).strokeColor('#8a8178').stroke();
    });
    doc.y = top + 140 + 16;
  }
}

/** Renders the young people's report to PDF bytes. */
export async function renderYouthPdf(y: YouthReport): Promise<Buffer> {
  const { default: svgToPdf } = await import('svg-to-pdfkit');
  const w = await createPdf({
    title: `${y.title}: ${y.laName}`,
    subject: y.survey,
    theme: THEME,
    footer: (page, pages) => (page === 1 ? null : `${y.title}  ·  ${y.laName}  ·  Page ${page} of ${pages}`),
  });
  cover(w, svgToPdf, y);

  w.section();
  w.heading(2, y.thanks.heading, { newPage: true });
  y.thanks.paragraphs.forEach((p, i) => w.paragraph(i === 0 ? [{ text: p, bold: true }] : p, i === 0 ? { style: { size: 18 } } : {}));
  w.paragraph(y.privacy, { style: { size: 13, ink: '#4a4540' } });
  w.endSection();

  for (const s of y.findings) section(w, svgToPdf, s);

  if (y.quotes !== null) {
    w.section();
    w.heading(2, y.quotes.heading, { newPage: true, colour: '#1d5fa8' });
    for (const p of y.quotes.intro) w.paragraph(p);
    for (const q of y.quotes.items) quote(w, q);
    w.endSection();
  }

  w.section();
  w.heading(2, y.promises.heading, { newPage: true, colour: COLOURS.star });
  for (const p of y.promises.paragraphs) w.paragraph(p);
  promiseBoxes(w, y.promises.prompts);
  w.endSection();

  w.section();
  w.heading(2, y.help.heading, { colour: COLOURS.heart, keepWithNext: 200 });
  w.paragraph(y.help.intro);
  w.list(y.help.items);
  w.paragraph([{ text: y.help.urgent, bold: true }]);
  w.endSection();
  return w.finish();
}
