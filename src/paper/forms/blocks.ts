/**
 * Building blocks of a printed form, pure: text wrapped to a width, and each question drawn as a block
 * of ops with its answer boxes, measured before it is placed so a question never splits across pages.
 * Block coordinates start at (0, 0), the block's top-left; `layout.ts` moves them onto a page.
 */
import type { AnswerBox, FontName, Measure, Op, TextArea } from './design.ts';

/** Type and box sizes for an age group: generous for 4-7s, who answer with an adult beside them. */
export interface Style {
  readonly question: number;
  readonly body: number;
  readonly small: number;
  readonly box: number;
  readonly face: number;
  readonly textArea: number;
  readonly gap: number;
}

export const STYLES = {
  young: { question: 17, body: 13.5, small: 11, box: 30, face: 54, textArea: 190, gap: 26 },
  middle: { question: 13.5, body: 12, small: 10, box: 19, face: 36, textArea: 150, gap: 20 },
  older: { question: 11.5, body: 10.5, small: 9, box: 15, face: 30, textArea: 120, gap: 16 },
} as const satisfies Record<string, Style>;

export const INK = '#0b0c0c';
export const GREY = '#484949';
export const ACCENT = '#1d70b8';
const LEADING = 1.3;

export interface Block {
  readonly height: number;
  readonly ops: readonly Op[];
  readonly boxes: readonly Omit<AnswerBox, 'page'>[];
  readonly textAreas: readonly Omit<TextArea, 'page'>[];
  /** Start this block on a new page. */
  readonly newPage?: boolean;
}

/** Breaks text into lines no wider than `width` (a word longer than the width gets a line of its own). */
export function wrap(measure: Measure, text: string, font: FontName, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const next = line === '' ? word : `${line} ${word}`;
      if (line !== '' && measure(next, font, size) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

/** Ops for wrapped text at (x, y); returns the ops and the height used. */
export function textOps(measure: Measure, text: string, at: { x: number; y: number; width: number; size: number; font?: FontName; colour?: string }): { ops: Op[]; height: number } {
  const font = at.font ?? 'regular';
  const lineHeight = at.size * LEADING;
  const lines = wrap(measure, text, font, at.size, at.width);
  const ops: Op[] = lines.map((text, i) => ({ kind: 'text', x: at.x, y: at.y + i * lineHeight, size: at.size, font, colour: at.colour ?? INK, text }));
  return { ops, height: lines.length * lineHeight };
}

/** A block builder: adds ops top to bottom and tracks the height. */
export class BlockWriter {
  readonly ops: Op[] = [];
  readonly boxes: Omit<AnswerBox, 'page'>[] = [];
  readonly textAreas: Omit<TextArea, 'page'>[] = [];
  y = 0;
  readonly measure: Measure;
  readonly width: number;
  constructor(measure: Measure, width: number) {
    this.measure = measure;
    this.width = width;
  }

  text(text: string, size: number, opts: { font?: FontName; colour?: string; indent?: number; after?: number } = {}): void {
    const indent = opts.indent ?? 0;
    const t = textOps(this.measure, text, { x: indent, y: this.y, width: this.width - indent, size, ...(opts.font ? { font: opts.font } : {}), ...(opts.colour ? { colour: opts.colour } : {}) });
    this.ops.push(...t.ops);
    this.y += t.height + (opts.after ?? size * 0.35);
  }

  space(points: number): void {
    this.y += points;
  }

  block(newPage = false): Block {
    return { height: this.y, ops: this.ops, boxes: this.boxes, textAreas: this.textAreas, ...(newPage ? { newPage } : {}) };
  }
}

export interface Choice {
  readonly answer: string;
  readonly label: string;
}

/**
 * Tick boxes with labels in a grid: as many columns as the longest label allows (at most `maxColumns`),
 * filled row by row, each box left of its label.
 */
export function choiceGrid(w: BlockWriter, questionId: string, choices: readonly Choice[], style: Style, indent: number, maxColumns = 3): void {
  const size = style.box;
  const labelSize = style.body;
  const gap = Math.max(6, size * 0.4);
  const available = w.width - indent;
  const widest = Math.max(...choices.map((c) => w.measure(c.label, 'regular', labelSize)));
  const columnWidth = size + gap + widest + 18;
  const columns = Math.max(1, Math.min(maxColumns, choices.length, Math.floor(available / columnWidth)));
  const cellWidth = available / columns;
  const rowGap = Math.max(8, size * 0.45);
  let rowTop = w.y;
  for (let start = 0; start < choices.length; start += columns) {
    const row = choices.slice(start, start + columns);
    let rowHeight = size;
    row.forEach((c, i) => {
      const x = indent + i * cellWidth;
      const labelWidth = cellWidth - size - gap - 6;
      const lines = wrap(w.measure, c.label, 'regular', labelSize, labelWidth);
      const lineHeight = labelSize * LEADING;
      const textHeight = lines.length * lineHeight;
      // One line sits level with the middle of its box; longer labels start at the box's top.
      const textTop = lines.length === 1 ? rowTop + (size - labelSize) / 2 - labelSize * 0.05 : rowTop;
      lines.forEach((text, j) => w.ops.push({ kind: 'text', x: x + size + gap, y: textTop + j * lineHeight, size: labelSize, font: 'regular', colour: INK, text }));
      w.ops.push({ kind: 'box', x, y: rowTop, size });
      w.boxes.push({ x, y: rowTop, w: size, h: size, questionId, answer: c.answer });
      rowHeight = Math.max(rowHeight, textHeight);
    });
    rowTop += rowHeight + rowGap;
  }
  w.y = rowTop - rowGap;
}

/** Faces in a row, each with its tick box beneath and its name in small type. */
export function facesRow(w: BlockWriter, questionId: string, faces: readonly (Choice & { face: 1 | 2 | 3 | 4 | 5 })[], style: Style, indent: number): void {
  const available = w.width - indent;
  const cell = available / faces.length;
  const r = Math.min(style.face, cell - 10) / 2;
  const top = w.y;
  faces.forEach((f, i) => {
    const cx = indent + cell * i + cell / 2;
    w.ops.push({ kind: 'face', cx, cy: top + r, r, face: f.face });
    const boxY = top + 2 * r + 8;
    const x = cx - style.box / 2;
    w.ops.push({ kind: 'box', x, y: boxY, size: style.box });
    w.boxes.push({ x, y: boxY, w: style.box, h: style.box, questionId, answer: f.answer });
  });
  w.y = top + 2 * r + 8 + style.box;
}

/** A row of numbered boxes (0 to 10), the end labels beneath the first and last. */
export function scoreRow(w: BlockWriter, questionId: string, points: readonly string[], ends: { min: string; max: string }, style: Style, indent: number): void {
  const available = w.width - indent;
  const cell = available / points.length;
  const size = Math.min(style.box + 4, cell - 8);
  const top = w.y;
  points.forEach((p, i) => {
    const x = indent + cell * i + (cell - size) / 2;
    const numberWidth = w.measure(p, 'bold', style.body);
    w.ops.push({ kind: 'text', x: x + (size - numberWidth) / 2, y: top, size: style.body, font: 'bold', colour: INK, text: p });
    const boxY = top + style.body * LEADING + 2;
    w.ops.push({ kind: 'box', x, y: boxY, size });
    w.boxes.push({ x, y: boxY, w: size, h: size, questionId, answer: p });
  });
  const labelsY = top + style.body * LEADING + 2 + size + 4;
  const maxWidth = available / 2 - 4;
  const minLines = textOps(w.measure, ends.min, { x: indent, y: labelsY, width: maxWidth, size: style.small, colour: GREY });
  const maxText = wrap(w.measure, ends.max, 'regular', style.small, maxWidth);
  const maxOps: Op[] = maxText.map((text, i) => ({ kind: 'text', x: w.width - w.measure(text, 'regular', style.small), y: labelsY + i * style.small * LEADING, size: style.small, font: 'regular', colour: GREY, text }));
  w.ops.push(...minLines.ops, ...maxOps);
  w.y = labelsY + Math.max(minLines.height, maxText.length * style.small * LEADING);
}

/** A free-text box with faint writing lines. */
export function textBox(w: BlockWriter, questionId: string, height: number, indent: number): void {
  const x = indent;
  const width = w.width - indent;
  const top = w.y;
  w.ops.push({ kind: 'rect', x, y: top, w: width, h: height, stroke: INK, lineWidth: 1 });
  for (let ly = top + 28; ly < top + height - 10; ly += 28) w.ops.push({ kind: 'line', x1: x + 10, y1: ly, x2: x + width - 10, y2: ly, colour: '#c9cbcc', width: 0.5 });
  w.textAreas.push({ x, y: top, w: width, h: height, questionId });
  w.y = top + height;
}
