/**
 * Line breaking for styled text: runs of words in different fonts, sizes and colours wrapped to a
 * width, so a block's height is known before it is drawn (tables keep rows whole, headings stay with
 * what follows). Pure apart from asking pdfkit how wide a string is.
 */

/** A GOV.UK tag colour: the run is drawn as a label on a tint. */
export type TagColour = 'green' | 'red' | 'grey' | 'blue' | 'yellow' | 'orange' | 'purple';

/** A piece of text in one style. A "\n" inside `text` breaks the line. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Secondary text: a smaller size in the secondary colour. */
  readonly small?: boolean;
  readonly colour?: string;
  readonly tag?: TagColour;
  /** A web address the run links to. */
  readonly link?: string;
}

/** Text to draw: plain, or styled runs. */
export type Inline = string | readonly Run[];

/** The type a block is set in. */
export interface TextStyle {
  readonly font: string;
  readonly bold: string;
  readonly italic: string;
  readonly size: number;
  readonly smallSize: number;
  readonly ink: string;
  readonly secondary: string;
  /** Line height as a multiple of the size. */
  readonly leading: number;
}

/** One stretch of a line in one style. */
export interface Segment {
  text: string;
  readonly run: Run;
  readonly font: string;
  readonly size: number;
  readonly colour: string;
  x: number;
  width: number;
}

export interface Line {
  readonly segments: Segment[];
  readonly height: number;
  /** Distance from the line's top to its baseline. */
  readonly ascent: number;
  width: number;
}

/** What layout needs of a pdfkit document: a string's width in a font and size. */
export interface Measurer {
  font(name: string): Measurer;
  fontSize(size: number): Measurer;
  widthOfString(text: string): number;
}

/** Room on either side of a tag's words for its tint. */
export const TAG_PAD = 3;

// Helvetica's ascender (all four standard faces share it), as a share of the size.
const ASCENT = 0.718;

export const runs = (inline: Inline): readonly Run[] => (typeof inline === 'string' ? [{ text: inline }] : inline);

/** The plain text of some inline content. */
export const plainText = (inline: Inline): string => runs(inline).map((r) => r.text).join('');

// Widths of words in the standard fonts at size 1, shared by every document: measuring (with kerning)
// is most of the cost of laying out a long report.
const STANDARD = /^(Helvetica|Times|Courier)(-(Bold|Oblique|BoldOblique|Roman|Italic|BoldItalic))?$/;
const widthCache = new Map<string, number>();

/** The width of `text` in `font` at `size`, cached for the standard fonts. */
export function textWidth(m: Measurer, font: string, size: number, text: string): number {
  if (!STANDARD.test(font)) return m.font(font).fontSize(size).widthOfString(text);
  const key = `${font}\u0000${text}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    w = m.font(font).fontSize(1000).widthOfString(text) / 1000;
    if (widthCache.size > 50_000) widthCache.clear();
    widthCache.set(key, w);
  }
  return w * size;
}

function styleOf(run: Run, base: TextStyle): { font: string; size: number; colour: string } {
  const font = run.bold === true || run.tag !== undefined ? base.bold : run.italic === true ? base.italic : base.font;
  const size = run.small === true || run.tag !== undefined ? base.smallSize : base.size;
  const colour = run.colour ?? (run.small === true ? base.secondary : base.ink);
  return { font, size, colour };
}

/** Wraps styled runs to `width`, breaking at spaces (and inside a word only when it cannot fit alone). */
export function layout(m: Measurer, inline: Inline, width: number, base: TextStyle): Line[] {
  const lines: Line[] = [];
  let segs: Segment[] = [];
  let x = 0;
  let pendingSpace: Segment | null = null;
  const close = (force: boolean): void => {
    if (segs.length === 0 && !force) return;
    const sizes = segs.length > 0 ? segs.map((s) => s.size) : [base.size];
    const size = Math.max(...sizes);
    lines.push({ segments: segs, height: size * base.leading, ascent: size * ASCENT + (size * (base.leading - 1)) / 2, width: x });
    segs = [];
    x = 0;
    pendingSpace = null;
  };
  const place = (word: string, run: Run): void => {
    const st = styleOf(run, base);
    const w = textWidth(m, st.font, st.size, word);
    const space = pendingSpace;
    const spaceW = space === null || segs.length === 0 ? 0 : textWidth(m, space.font, space.size, ' ');
    const extra = run.tag !== undefined && segs[segs.length - 1]?.run !== run ? 2 * TAG_PAD : 0;
    if (segs.length > 0 && x + spaceW + w + extra > width) close(false);
    if (w > width && word.length > 1) {
      // A long web address: break it by characters.
      let cut = word.length - 1;
      while (cut > 1 && textWidth(m, st.font, st.size, word.slice(0, cut)) > width - x) cut--;
      place(word.slice(0, cut), run);
      close(false);
      place(word.slice(cut), run);
      return;
    }
    const last = segs[segs.length - 1];
    const gap = segs.length === 0 || space === null ? 0 : spaceW;
    // A tag is drawn on a tint a little wider than its words: room is kept on either side.
    const pad = run.tag === undefined ? 0 : TAG_PAD;
    if (last !== undefined && last.run === run) {
      last.text += (gap > 0 ? ' ' : '') + word;
      last.width += gap + w;
      x += gap + w;
    } else {
      if (last !== undefined && gap > 0) {
        last.text += ' ';
        last.width += gap;
      }
      segs.push({ text: word, run, font: st.font, size: st.size, colour: st.colour, x: x + gap + pad, width: w });
      x += gap + w + 2 * pad;
    }
    pendingSpace = null;
  };
  for (const run of runs(inline)) {
    const st = styleOf(run, base);
    const parts = run.text.split(/(\n| +)/);
    for (const part of parts) {
      if (part === '') continue;
      if (part === '\n') close(true);
      else if (part.trim() === '') pendingSpace = { text: ' ', run, font: st.font, size: st.size, colour: st.colour, x: 0, width: 0 };
      else place(part, run);
    }
  }
  close(false);
  return lines;
}

/** The total height of some lines. */
export const heightOf = (lines: readonly Line[]): number => lines.reduce((h, l) => h + l.height, 0);
