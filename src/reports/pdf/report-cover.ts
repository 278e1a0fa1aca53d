/**
 * The report PDF's cover and contents page. The cover prints the report's own opening (the same
 * caption, title, version and fieldwork lines as the web page); the contents list every section with
 * its page, linked, and is written last, once those pages are known.
 */
import type { ReportView } from '../report-view.ts';
import type { PdfWriter, Struct } from './document.ts';
import type { Block } from './html-blocks.ts';
import { drawLines } from './table.ts';

export interface ContentsEntry {
  readonly title: string;
  /** 1-based page number. */
  readonly page: number;
  /** Named destination of the section's first page. */
  readonly dest: string;
}

/** Draws the cover: the report's opening blocks on a page of their own. */
export function drawCover(w: PdfWriter, view: ReportView, prelude: readonly Block[]): void {
  const { doc, theme, left, width } = w;
  w.artifact(() => {
    doc.rect(0, 0, doc.page.width, 14).fill(theme.accent);
    doc.font(theme.text.bold).fontSize(11).fillColor(theme.accent).text('BRIGHT SPOTS', left, 96, { characterSpacing: 2, lineBreak: false });
  });
  doc.y = 190;
  const h1 = prelude.findIndex((b) => b.kind === 'heading');
  prelude.forEach((b, i) => {
    if (b.kind === 'heading') {
      // Sections are the outline's top level; the title is already the viewer's window title.
      w.heading(1, b.text, { keepWithNext: 0, outline: false });
      const y = doc.y + 6;
      w.artifact(() => doc.rect(left, y, 64, 4).fill(theme.accent));
      doc.y = y + 28;
    } else if (b.kind === 'paragraph') {
      const caption = h1 >= 0 && i < h1;
      const runs = caption ? b.runs.map((r) => ({ ...r, small: false })) : b.runs;
      w.paragraph(runs, { style: caption ? { size: 15, ink: theme.text.secondary, leading: 1.3 } : { size: 12, smallSize: 10.5 }, gap: caption ? 10 : 8 });
    }
  });
  // Who the report is for sits at the foot of the cover, as on a printed board paper.
  const footY = w.bottom - 60;
  w.artifact(() => {
    doc.moveTo(left, footY).lineTo(left + width, footY).lineWidth(0.75).strokeColor(theme.rule).stroke();
    doc.font(theme.text.bold).fontSize(12).fillColor(theme.text.ink).text(view.laName, left, footY + 14, { width, lineBreak: false });
    doc.font(theme.text.font).fontSize(10.5).fillColor(theme.text.secondary).text(view.surveyName, left, footY + 32, { width, lineBreak: false });
  });
}

/** Places the contents' heading and list in the structure now (in reading order); drawn by `drawContents`. */
export function reserveContents(w: PdfWriter): { heading: Struct; toc: Struct; page: number } {
  const heading = w.doc.struct('H2');
  const toc = w.doc.struct('TOC');
  w.current.add(heading);
  w.current.add(toc);
  w.doc.outline.addItem('Contents');
  return { heading, toc, page: w.pageNumber() };
}

/** Writes the contents page: each section, a dotted leader and its page, linked to the section. */
export function drawContents(w: PdfWriter, at: { heading: Struct; toc: Struct; page: number }, entries: readonly ContentsEntry[]): void {
  const { doc, theme, left, width } = w;
  doc.switchToPage(at.page - 1);
  const size = theme.headings[1];
  let y = doc.page.margins.top;
  at.heading.add(doc.markStructureContent('H2'));
  drawLines(doc, w.measure('Contents', width, { font: theme.text.bold, size }), left, y);
  doc.endMarkedContent();
  at.heading.end();
  y += size * 1.2 + 4;
  w.artifact(() => doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.75).strokeColor(theme.rule).stroke());
  y += 18;
  const rowH = 24;
  entries.forEach((e, i) => {
    const item = doc.struct('TOCI');
    at.toc.add(item);
    item.add(doc.markStructureContent('TOCI'));
    const num = `${i + 1}`;
    const pageText = `${e.page}`;
    doc.font(theme.text.bold).fontSize(11.5).fillColor(theme.accent).text(num, left, y, { lineBreak: false });
    doc.font(theme.text.font).fontSize(11.5).fillColor(theme.text.ink).text(e.title, left + 26, y, { lineBreak: false, goTo: e.dest });
    const titleEnd = left + 26 + doc.widthOfString(e.title) + 6;
    const pageW = doc.widthOfString(pageText);
    doc.text(pageText, left + width - pageW, y, { lineBreak: false, goTo: e.dest });
    doc.endMarkedContent();
    item.end();
    w.artifact(() => {
      const dotsEnd = left + width - pageW - 6;
      if (dotsEnd > titleEnd) doc.moveTo(titleEnd, y + 10).lineTo(dotsEnd, y + 10).lineWidth(0.8).dash(0.8, { space: 3 }).strokeColor(theme.rule).stroke().undash();
    });
    y += rowH;
  });
  at.toc.end();
}
