/**
 * A tagged A4 PDF for reports, drawn with pdfkit: headings that make the outline (bookmarks), paragraphs
 * and lists of styled text, tables whose header row repeats on each page and whose rows never split,
 * and SVG figures with a text alternative. Every block is a structure element (H1-H3, P, L/LI,
 * Table/TR/TH/TD, Figure with Alt) so screen readers, reflow and "find" work; decoration is marked as
 * an artifact. Follows the choices of the trusted adults' guide (src/programme/guide/guide.pdf.ts).
 */
// Loaded on first use: pdfkit and svg-to-pdfkit are large and only downloads need them.
import type PDFDocumentType from 'pdfkit';
import type SVGtoPDFType from 'svg-to-pdfkit';
import { drawLines, drawTable, type TableSpec } from './table.ts';
import { heightOf, layout, plainText, type Inline, type Line, type TextStyle } from './layout.ts';

export type { Inline, Run, TagColour } from './layout.ts';
export type { TableSpec, TableColumn } from './table.ts';

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

/** Colours and type; a version for young people may set larger type. */
export interface Theme {
  readonly text: TextStyle;
  /** Sizes of H1, H2 and H3. */
  readonly headings: readonly [number, number, number];
  readonly accent: string;
  readonly rule: string;
  /** Table text (usually a little smaller than body text). */
  readonly table: TextStyle;
}

export const DEFAULT_THEME: Theme = {
  text: { font: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', size: 10.5, smallSize: 9, ink: '#0b0c0c', secondary: '#484949', leading: 1.38 },
  headings: [24, 17, 12.5],
  accent: '#1d70b8',
  rule: '#b1b4b6',
  table: { font: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', size: 8.5, smallSize: 7.5, ink: '#0b0c0c', secondary: '#484949', leading: 1.3 },
};

export interface PdfOptions {
  readonly title: string;
  /** Defaults to "Bright Spots programme". */
  readonly author?: string;
  readonly subject?: string;
  readonly keywords?: string;
  /** Defaults to en-GB. */
  readonly lang?: string;
  readonly theme?: Theme;
  readonly margins?: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  /** The running footer of page `page` (1-based) of `pages`, one text or two (left and right); null leaves the page bare (a cover). */
  readonly footer?: (page: number, pages: number) => string | { readonly left: string; readonly right: string } | null;
  /** A word set faintly across every page behind the content, e.g. "DRAFT". */
  readonly watermark?: string;
}

export interface FigureSpec {
  /** SVG markup (svg-to-pdfkit draws it as vectors). */
  readonly svg: string;
  /** The text alternative, read instead of the picture. */
  readonly alt: string;
  readonly caption?: Inline;
  /** Largest width and height in points (defaults: the text width, the page's text height). */
  readonly maxWidth?: number;
  readonly maxHeight?: number;
}

export interface HeadingOptions {
  /** Add a bookmark (default: H1 to H3); nested under the last heading one level up. */
  readonly outline?: boolean;
  /** Start a new page first (unless the page is still empty). */
  readonly newPage?: boolean;
  /** Points that must fit below the heading, or it moves to the next page (default 90). */
  readonly keepWithNext?: number;
  readonly colour?: string;
}

export interface BlockOptions {
  readonly parent?: Struct;
  /** Space after the block in points. */
  readonly gap?: number;
  readonly style?: Partial<TextStyle>;
  readonly indent?: number;
  /** Structure type, e.g. 'P' (default), 'Caption', 'BlockQuote'. */
  readonly type?: string;
}

const A4 = { width: 595.28, height: 841.89 };

/** An A4 document being written top to bottom; `finish()` adds footers and returns the bytes. */
export interface PdfWriter {
  readonly doc: Doc;
  readonly theme: Theme;
  readonly left: number;
  readonly width: number;
  /** The lowest y text may reach on a page. */
  readonly bottom: number;
  /** The structure element new blocks go into (the document, or the open section). */
  readonly current: Struct;
  /** Opens a section ('Sect', 'Part', 'TOC'...) that following blocks belong to, until `endSection()`. */
  section(type?: string): Struct;
  endSection(): void;
  /** H1 to H4; H4 is a run-in subheading left out of the outline unless asked for. */
  heading(level: 1 | 2 | 3 | 4, text: string, opts?: HeadingOptions): void;
  paragraph(text: Inline, opts?: BlockOptions): void;
  list(items: readonly Inline[], opts?: BlockOptions & { readonly ordered?: boolean }): void;
  table(spec: TableSpec, opts?: { readonly parent?: Struct }): void;
  figure(spec: FigureSpec, opts?: { readonly parent?: Struct }): void;
  /** Moves to a new page unless `points` still fit on this one. */
  keepTogether(points: number): void;
  newPage(): void;
  space(points: number): void;
  /** Draws decoration that assistive technology should skip. */
  artifact(draw: () => void): void;
  /** Lays out text without drawing it (to measure, or to draw with `drawLines`). */
  measure(text: Inline, width: number, style?: Partial<TextStyle>): Line[];
  /** Page numbers (1-based) of the document so far. */
  pageNumber(): number;
  finish(): Promise<Buffer>;
}

/** Starts an A4 tagged PDF with metadata (title shown in the viewer's title bar, language, author). */
export async function createPdf(options: PdfOptions): Promise<PdfWriter> {
  const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([import('pdfkit'), import('svg-to-pdfkit')]) as [{ default: typeof PDFDocumentType }, { default: typeof SVGtoPDFType }];
  const theme = options.theme ?? DEFAULT_THEME;
  const margins = options.margins ?? { top: 60, bottom: 66, left: 56, right: 56 };
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    tagged: true,
    lang: options.lang ?? 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: options.title, Author: options.author ?? 'Bright Spots programme', ...(options.subject === undefined ? {} : { Subject: options.subject }), ...(options.keywords === undefined ? {} : { Keywords: options.keywords }) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = margins.left;
  const width = A4.width - margins.left - margins.right;
  const bottom = A4.height - margins.bottom;
  const root = doc.struct('Document');
  doc.addStructure(root);
  const stack: Struct[] = [root];
  const outlines: PDFKit.PDFOutline[] = [];
  let pageDirty = false;
  doc.on('pageAdded', () => {
    pageDirty = false;
  });

  const top = (): Struct => stack[stack.length - 1] ?? root;
  const style = (over?: Partial<TextStyle>): TextStyle => ({ ...theme.text, ...over });
  const measure = (text: Inline, w: number, over?: Partial<TextStyle>): Line[] => layout(doc, text, w, style(over));
  const newPage = (): void => {
    doc.continueOnNewPage();
  };
  const keepTogether = (points: number): void => {
    if (doc.y + points > bottom && pageDirty) newPage();
  };
  /** What must fit before a block starts: all of a short one, else two lines (no line alone at a page's foot). */
  const unbroken = (lines: readonly Line[]): number => {
    const all = heightOf(lines);
    return lines.length <= 6 ? all : heightOf(lines.slice(0, 2));
  };
  const artifact = (draw: () => void): void => {
    doc.markContent('Artifact', { type: 'Layout' });
    draw();
    doc.endMarkedContent();
  };

  /** Draws lines inside a structure element, continuing on the next page when they do not fit. */
  function tagged(type: string, parent: Struct, lines: readonly Line[], x: number, opts: { alt?: string } = {}): void {
    const el = doc.struct(type, opts.alt === undefined ? {} : { alt: opts.alt });
    parent.add(el);
    el.add(doc.markStructureContent(type));
    let y = doc.y;
    for (const line of lines) {
      if (y + line.height > bottom) {
        newPage();
        y = doc.y;
      }
      drawLines(doc, [line], x, y);
      y += line.height;
    }
    doc.endMarkedContent();
    el.end();
    doc.x = left;
    doc.y = y;
    pageDirty = true;
  }

  const writer: PdfWriter = {
    doc,
    theme,
    left,
    width,
    bottom,
    get current() {
      return top();
    },
    section(type = 'Sect') {
      const s = doc.struct(type);
      top().add(s);
      stack.push(s);
      return s;
    },
    endSection() {
      const s = stack.pop();
      if (s === undefined || s === root) throw new Error('endSection without section');
      s.end();
    },
    heading(level, text, opts = {}) {
      if (opts.newPage === true && pageDirty) newPage();
      const size = theme.headings[level - 1] ?? theme.text.size + 0.5;
      const lines = measure(text, width, { font: theme.text.bold, bold: theme.text.bold, size, leading: 1.2, ink: opts.colour ?? theme.text.ink });
      if (pageDirty && level > 1) doc.y += size * (level === 2 ? 0.7 : level === 3 ? 0.6 : 0.4);
      keepTogether(heightOf(lines) + (opts.keepWithNext ?? 90));
      if (opts.outline ?? level < 4) {
        const parent = level > 1 ? outlines[level - 2] : undefined;
        const item = (parent ?? doc.outline).addItem(text);
        outlines[level - 1] = item;
        outlines.length = level;
      }
      tagged(`H${level}`, top(), lines, left);
      if (level === 2) {
        const y = doc.y + 3;
        artifact(() => doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.75).strokeColor(theme.rule).stroke());
        doc.y = y + size * 0.55;
      } else doc.y += size * (level === 4 ? 0.2 : 0.35);
    },
    paragraph(text, opts = {}) {
      const indent = opts.indent ?? 0;
      const lines = measure(text, width - indent, opts.style);
      keepTogether(unbroken(lines));
      tagged(opts.type ?? 'P', opts.parent ?? top(), lines, left + indent);
      doc.y += opts.gap ?? theme.text.size * 0.65;
    },
    list(items, opts = {}) {
      const l = doc.struct('L');
      (opts.parent ?? top()).add(l);
      const indent = (opts.indent ?? 0) + (opts.ordered === true ? 18 : 14);
      const st = style(opts.style);
      items.forEach((item, i) => {
        const lines = measure(item, width - indent, opts.style);
        keepTogether(unbroken(lines));
        const li = doc.struct('LI');
        l.add(li);
        const first = lines[0];
        const y = doc.y;
        const label = doc.struct('Lbl');
        li.add(label);
        label.add(doc.markStructureContent('Lbl'));
        if (opts.ordered === true) {
          doc.font(st.font).fontSize(st.size).fillColor(st.ink).text(`${i + 1}.`, left + indent - 18, y + (first === undefined ? 0 : first.ascent - st.size * 0.718), { lineBreak: false });
        } else {
          const cy = y + (first?.height ?? st.size) / 2;
          doc.circle(left + indent - 9, cy, 2.1).fill(st.ink);
        }
        doc.endMarkedContent();
        label.end();
        doc.y = y;
        tagged('LBody', li, lines, left + indent);
        li.end();
        doc.y += st.size * 0.4;
      });
      l.end();
      doc.y += opts.gap ?? theme.text.size * 0.35;
    },
    table(spec, opts = {}) {
      drawTable(writer, spec, opts.parent ?? top());
      pageDirty = true;
    },
    figure(spec, opts = {}) {
      const { w, h } = svgSize(spec.svg, spec.maxWidth ?? width, spec.maxHeight ?? bottom - margins.top - 40);
      const captionLines = spec.caption === undefined ? [] : measure(spec.caption, width, { size: theme.text.smallSize, ink: theme.text.secondary });
      keepTogether(h + heightOf(captionLines) + 8);
      const parent = opts.parent ?? top();
      const fig = doc.struct('Figure', { alt: spec.alt });
      parent.add(fig);
      const y = doc.y;
      fig.add(doc.markStructureContent('Figure'));
      SVGtoPDF(doc, printableSvg(spec.svg), left + (width - w) / 2, y, { width: w, height: h, preserveAspectRatio: 'xMidYMid meet' });
      doc.endMarkedContent();
      fig.end();
      doc.x = left;
      doc.y = y + h + 4;
      pageDirty = true;
      if (spec.caption !== undefined) tagged('Caption', parent, captionLines, left);
      doc.y += 10;
    },
    keepTogether,
    newPage,
    space(points) {
      doc.y += points;
    },
    artifact,
    measure,
    pageNumber() {
      return doc.bufferedPageRange().start + doc.bufferedPageRange().count;
    },
    async finish() {
      if (stack.length > 1) throw new Error('finish with a section still open');
      root.end();
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        if (options.watermark !== undefined) {
          doc.switchToPage(i);
          const mark = options.watermark;
          artifact(() => {
            doc.save().rotate(-40, { origin: [A4.width / 2, A4.height / 2] });
            doc.font(theme.text.bold).fontSize(110).fillColor(theme.text.ink).fillOpacity(0.06);
            doc.text(mark, 0, A4.height / 2 - 55, { width: A4.width, align: 'center', lineBreak: false });
            doc.restore();
          });
        }
        const footer = options.footer?.(i - range.start + 1, range.count) ?? null;
        if (footer === null) continue;
        const text = typeof footer === 'string' ? footer : footer.left;
        const right = typeof footer === 'string' ? '' : footer.right;
        doc.switchToPage(i);
        const keep = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.markContent('Artifact', { type: 'Pagination' });
        const y = A4.height - margins.bottom + 24;
        doc.moveTo(left, y - 8).lineTo(left + width, y - 8).lineWidth(0.5).strokeColor(theme.rule).stroke();
        doc.font(theme.text.font).fontSize(8).fillColor(theme.text.secondary);
        const rightW = right === '' ? 0 : doc.widthOfString(right) + 12;
        doc.text(text, left, y, { width: width - rightW, height: 10, ellipsis: true, lineBreak: false });
        if (right !== '') doc.text(right, left + width - rightW + 12, y, { lineBreak: false });
        doc.endMarkedContent();
        doc.page.margins.bottom = keep;
      }
      doc.end();
      return done;
    },
  };
  return writer;
}

/** The size an SVG is drawn at: its own size (width/height or viewBox), scaled down to fit. */
export function svgSize(svg: string, maxWidth: number, maxHeight: number): { w: number; h: number } {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const num = (name: string): number | undefined => {
    const m = new RegExp(`\\s${name}="([\\d.]+)(?:px)?"`).exec(open);
    return m?.[1] === undefined ? undefined : Number(m[1]);
  };
  const box = /\sviewBox="[\d.-]+[ ,]+[\d.-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(open);
  const w0 = num('width') ?? Number(box?.[1] ?? maxWidth);
  const h0 = num('height') ?? Number(box?.[2] ?? maxHeight);
  // Vega sizes in CSS pixels; 0.75 turns them into points, as a browser prints them.
  const scale = Math.min(0.75, maxWidth / w0, maxHeight / h0);
  return { w: w0 * scale, h: h0 * scale };
}

/**
 * Fixes what pdfkit refuses in browser-valid SVG: a dash pattern with a zero length (vega writes "1,0"
 * for a solid line) becomes solid or a hairline gap.
 */
export function printableSvg(svg: string): string {
  return svg.replace(/stroke-dasharray(="|:\s*)([^";]+)/g, (_m, sep: string, value: string) => {
    const parts = value.trim().split(/[\s,]+/).map(Number);
    const solid = parts.every((n, i) => i % 2 === 0 || n === 0) || parts.some((n) => !Number.isFinite(n));
    return `stroke-dasharray${sep}${solid ? 'none' : parts.map((n) => (n <= 0 ? 0.01 : n)).join(',')}`;
  });
}

/** The plain text of inline content (e.g. for an outline entry or alt text). */
export { plainText };
