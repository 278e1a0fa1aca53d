/**
 * Draws a form design with pdfkit, one copy per serial: the static pages, and on every page the
 * registration marks, the page's QR code and the footer with the serial. Copies are written as a
 * stream, one at a time, waiting whenever the reader falls behind, so 500 copies never sit in memory.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type PDFDocumentType from 'pdfkit';
import QRCode from 'qrcode';
import { dirOf, SCRIPT_FONTS, scriptOf, scriptRuns } from '../../lib/scripts.ts';
import { visualRuns } from './bidi.ts';
import type { FontName, FormDesign, Measure, Op } from './design.ts';
import { encodePage, printedSerial } from './payload.ts';

type Doc = PDFKit.PDFDocument;
/** English forms use the standard PDF fonts (their layouts are stored and must not change). */
const STANDARD_FONTS: Record<FontName, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
/**
 * Other languages need letters the standard fonts (WinAnsi) lack, such as Welsh ŵ and ŷ: DejaVu Sans from
 * npm (dejavu-fonts-ttf), embedded as a subset, never fetched at run time.
 */
const dejavu = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const EMBEDDED_FONTS: Record<FontName, string> = {
  regular: join(dejavu, 'DejaVuSans.ttf'),
  bold: join(dejavu, 'DejaVuSans-Bold.ttf'),
  italic: join(dejavu, 'DejaVuSans-Oblique.ttf'),
};

/** The fonts a form in this language is measured and drawn with. */
export const fontsFor = (lang: string): Record<FontName, string> => (lang === 'en' ? STANDARD_FONTS : EMBEDDED_FONTS);

/**
 * The script font a language's own letters are drawn with (Arabic script, Ethiopic), or undefined: the same
 * fontsource package the web pages use (WOFF/WOFF2, which fontkit reads and pdfkit embeds as a subset).
 * Everything else on the line (digits, Latin, punctuation) stays in DejaVu Sans.
 */
export function scriptFontFor(lang: string): string | undefined {
  const script = scriptOf(lang);
  if (script === undefined) return undefined;
  const font = SCRIPT_FONTS[script];
  return join(dirname(createRequire(import.meta.url).resolve(`${font.packageName}/package.json`)), 'files', font.printFile);
}

/** How a form's text is drawn: its fonts, its direction, and the script font (if any) for its own letters. */
interface TextStyle {
  readonly fonts: Record<FontName, string>;
  readonly dir: 'ltr' | 'rtl';
  readonly script: ReturnType<typeof scriptOf>;
  readonly scriptFont: string | undefined;
}

const textStyleFor = (lang: string): TextStyle => ({ fonts: fontsFor(lang), dir: dirOf(lang), script: scriptOf(lang), scriptFont: scriptFontFor(lang) });

/** Width of a line: each run in the font it is drawn with (runs' widths do not depend on their order). */
function lineWidth(doc: Doc, style: TextStyle, text: string, font: FontName, size: number): number {
  if (style.script === undefined || style.scriptFont === undefined) return doc.font(style.fonts[font]).fontSize(size).widthOfString(text);
  let width = 0;
  for (const run of scriptRuns(style.script, text)) width += doc.font(run.own ? style.scriptFont : style.fonts[font]).fontSize(size).widthOfString(run.text);
  return width;
}

/**
 * Draws one line with its top at y: runs left to right in bidi order, each in its font, all on the Latin
 * font's baseline so mixed runs line up.
 */
function drawLine(doc: Doc, style: TextStyle, text: string, x: number, y: number, font: FontName, size: number, colour: string): void {
  if (style.script === undefined || style.scriptFont === undefined) {
    doc.font(style.fonts[font]).fontSize(size).fillColor(colour).text(text, x, y, { lineBreak: false });
    return;
  }
  // pdfkit keeps the current font's ascender (per 1000 units) on the font object; not in its typings.
  const ascender = (doc.font(style.fonts[font]) as unknown as { _font: { ascender: number } })._font.ascender;
  const baseline = y + (ascender / 1000) * size;
  let at = x;
  for (const run of visualRuns(text, style.dir, style.script)) {
    doc.font(run.own ? style.scriptFont : style.fonts[font]).fontSize(size).fillColor(colour).text(run.text, at, baseline, { lineBreak: false, baseline: 'alphabetic' });
    at += doc.widthOfString(run.text);
  }
}

async function pdfkit(): Promise<typeof PDFDocumentType> {
  return ((await import('pdfkit')) as { default: typeof PDFDocumentType }).default;
}

/** Text widths from pdfkit's own font metrics, the ones the drawing of a form in `lang` uses. */
export async function pdfMeasure(lang = 'en'): Promise<Measure> {
  const PDFDocument = await pdfkit();
  const doc = new PDFDocument({ autoFirstPage: false });
  const style = textStyleFor(lang);
  return (text, font, size) => lineWidth(doc, style, text, font, size);
}

function drawFace(doc: Doc, cx: number, cy: number, r: number, face: 1 | 2 | 3 | 4 | 5): void {
  doc.save().lineWidth(Math.max(1, r * 0.06)).circle(cx, cy, r).fillAndStroke('#fff4c2', '#505a5f');
  doc.fillColor('#0b0c0c').circle(cx - r * 0.35, cy - r * 0.22, r * 0.09).fill().circle(cx + r * 0.35, cy - r * 0.22, r * 0.09).fill();
  const my = cy + r * 0.38 - (face - 3) * r * 0.06;
  const bend = (face - 3) * r * 0.2;
  doc.lineWidth(Math.max(1.2, r * 0.08)).lineCap('round').moveTo(cx - r * 0.45, my).quadraticCurveTo(cx, my + bend, cx + r * 0.45, my).stroke('#0b0c0c');
  doc.restore();
}

function drawOp(doc: Doc, op: Op, style: TextStyle): void {
  switch (op.kind) {
    case 'text':
      drawLine(doc, style, op.text, op.x, op.y, op.font, op.size, op.colour);
      break;
    case 'box':
      doc.save().lineWidth(1.25).rect(op.x, op.y, op.size, op.size).fillAndStroke('#ffffff', '#000000').restore();
      break;
    case 'tick':
      doc.save().lineWidth(op.size * 0.11).lineCap('round').lineJoin('round')
        .moveTo(op.x + op.size * 0.2, op.y + op.size * 0.55).lineTo(op.x + op.size * 0.42, op.y + op.size * 0.78).lineTo(op.x + op.size * 0.82, op.y + op.size * 0.2)
        .stroke('#0b0c0c').restore();
      break;
    case 'face':
      drawFace(doc, op.cx, op.cy, op.r, op.face);
      break;
    case 'rect': {
      doc.save().rect(op.x, op.y, op.w, op.h);
      if (op.fill !== undefined && op.stroke !== undefined) doc.lineWidth(op.lineWidth ?? 1).fillAndStroke(op.fill, op.stroke);
      else if (op.fill !== undefined) doc.fill(op.fill);
      else doc.lineWidth(op.lineWidth ?? 1).stroke(op.stroke ?? '#000000');
      doc.restore();
      break;
    }
    case 'line':
      doc.save().lineWidth(op.width).moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke(op.colour).restore();
      break;
  }
}

/** Draws a QR code as filled squares (runs of dark modules merged per row). */
function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / n;
  doc.save().fillColor('#000000');
  for (let row = 0; row < n; row++) {
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell);
        start = -1;
      }
    }
  }
  doc.fill().restore();
}

export interface Copies {
  readonly waveId: string;
  readonly serials: readonly string[];
  /** The footer line of a page, e.g. "Form ACD3-F7HK · Page 2 of 8". */
  readonly footer: (serial: string, page: number, pages: number) => string;
}

/** Bytes the PDF may run ahead of its reader before drawing waits. */
const AHEAD = 1 << 20;

/** A readable PDF of one copy of the form per serial; errors end the stream with the error. */
export async function renderForms(design: FormDesign, copies: Copies): Promise<Readable> {
  const PDFDocument = await pdfkit();
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, pdfVersion: '1.7', lang: design.layout.lang, info: { Title: design.title, Author: 'Bright Spots programme', Subject: design.layout.layoutId } });
  const { layout } = design;
  const style = textStyleFor(layout.lang);
  const draw = async (): Promise<void> => {
    for (const serial of copies.serials) {
      for (let page = 1; page <= layout.pages; page++) {
        doc.addPage({ size: 'A4', margin: 0 });
        for (const op of design.pages[page - 1] ?? []) drawOp(doc, op, style);
        drawQr(doc, encodePage({ waveId: copies.waveId, layoutId: layout.layoutId, page, pages: layout.pages, serial }), layout.qr.x, layout.qr.y, layout.qr.w);
        const f = design.footer;
        const footer = `${copies.footer(printedSerial(serial), page, layout.pages)}   ·   ${layout.layoutId}`;
        const fx = f.align === 'right' ? f.x - lineWidth(doc, style, footer, 'regular', f.size) : f.x;
        drawLine(doc, style, footer, fx, f.y, 'regular', f.size, '#484949');
      }
      // Let the reader catch up: nothing more is drawn while a megabyte waits unread.
      while (doc.readableLength > AHEAD && !doc.destroyed) await sleep(5);
      if (doc.destroyed) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    doc.end();
  };
  draw().catch((e: unknown) => doc.destroy(e instanceof Error ? e : new Error(String(e))));
  return doc;
}
