/**
 * The shapes of a printable form, pure data: what is drawn on each page (`Op`), and the layout a scan
 * is read against (`FormLayout`: every answer box and free-text area, the registration marks and the
 * QR code's place). Both come from one computation, so what is drawn and what is recorded never differ.
 * Coordinates are PDF points from the page's top-left corner.
 */

/** A4 in points. */
export const PAGE = { width: 595.28, height: 841.89 } as const;

/** Bumped whenever drawing changes anything a scan reader measures; part of every layout id. */
export const LAYOUT_VERSION = 1;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** One tick box: ticking it gives `answer` (an option code, a score as text, or "I don't want to say"). */
export interface AnswerBox extends Rect {
  readonly page: number;
  readonly questionId: string;
  readonly answer: string;
}

/** The area a free-text answer is written in; kept as an image crop when read. */
export interface TextArea extends Rect {
  readonly page: number;
  readonly questionId: string;
}

/** What a scan reader needs: every box, every text area, and where the marks and QR code are. */
export interface FormLayout {
  readonly layoutId: string;
  readonly layoutVersion: number;
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly lang: string;
  readonly pageSize: { readonly width: number; readonly height: number };
  readonly pages: number;
  /** The four registration marks (solid squares), the same on every page: top-left, top-right, bottom-left, bottom-right. */
  readonly marks: readonly Rect[];
  /** The QR code's square, the same on every page. */
  readonly qr: Rect;
  readonly boxes: readonly AnswerBox[];
  readonly textAreas: readonly TextArea[];
}

export type FontName = 'regular' | 'bold' | 'italic';

/** A drawing instruction. Text is one line, `y` the top of its line box. */
export type Op =
  | { readonly kind: 'text'; readonly x: number; readonly y: number; readonly size: number; readonly font: FontName; readonly colour: string; readonly text: string }
  | { readonly kind: 'box'; readonly x: number; readonly y: number; readonly size: number }
  | { readonly kind: 'tick'; readonly x: number; readonly y: number; readonly size: number }
  | { readonly kind: 'face'; readonly cx: number; readonly cy: number; readonly r: number; readonly face: 1 | 2 | 3 | 4 | 5 }
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill?: string; readonly stroke?: string; readonly lineWidth?: number }
  | { readonly kind: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly colour: string; readonly width: number };

/** A form ready to draw: the static drawing of each page and the layout it records. */
export interface FormDesign {
  readonly layout: FormLayout;
  readonly title: string;
  /** Ops per page (index 0 is page 1). */
  readonly pages: readonly (readonly Op[])[];
  /** Where each page's per-copy footer line (serial and page number) starts, or ends when aligned right (right-to-left forms). */
  readonly footer: { readonly x: number; readonly y: number; readonly size: number; readonly align?: 'right' };
}

/** Width of a line of text in a font at a size, in points (pdfkit's metrics in production). */
export type Measure = (text: string, font: FontName, size: number) => number;

/** Words in the form's language: a catalogue key (with variables) to text. */
export type Words = (key: string, vars?: Record<string, string | number>) => string;

/** The layout id: instrument, version, language and layout version, e.g. `ylyc-4-7@1.0.0.en.L1`. */
export function layoutIdOf(instrumentId: string, version: string, lang: string, layoutVersion = LAYOUT_VERSION): string {
  return `${instrumentId}@${version}.${lang}.L${layoutVersion}`;
}

const LAYOUT_ID = /^([a-z0-9-]+)@(\d+\.\d+\.\d+)\.([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\.L(\d+)$/;

/** Reads a layout id back into its parts, or null when it is not one. */
export function parseLayoutId(id: string): { instrumentId: string; version: string; lang: string; layoutVersion: number } | null {
  const m = LAYOUT_ID.exec(id);
  if (!m) return null;
  return { instrumentId: m[1] ?? '', version: m[2] ?? '', lang: m[3] ?? '', layoutVersion: Number(m[4]) };
}
