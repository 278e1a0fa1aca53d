/**
 * Tables for report PDFs: columns sized to their content, a header row that repeats on every page the
 * table runs onto (as decoration, so it is read once), rows never split across pages, and TH/TD
 * structure elements with column and row scope.
 */
import type { Doc, PdfWriter, Struct } from './document.ts';
import { TAG_PAD, heightOf, layout, runs, textWidth, type Inline, type Line, type TagColour, type TextStyle } from './layout.ts';

export interface TableColumn {
  readonly header: Inline;
  /** Share of the width; columns without one are sized to their content. */
  readonly weight?: number;
  readonly align?: 'left' | 'right';
}

export interface TableSpec {
  readonly caption?: Inline;
  readonly columns: readonly TableColumn[];
  /** One Inline per column; a "\n" in a run breaks the line inside the cell. */
  readonly rows: readonly (readonly Inline[])[];
  /** The first cell of each row heads the row (TH scope Row). */
  readonly rowHeaders?: boolean;
}

const TAGS: Record<TagColour, { ink: string; tint: string }> = {
  green: { ink: '#005a30', tint: '#cce2d8' },
  red: { ink: '#942514', tint: '#f4cdc6' },
  grey: { ink: '#282d30', tint: '#e5e6e7' },
  blue: { ink: '#0c2d4a', tint: '#bbd4ea' },
  yellow: { ink: '#594d00', tint: '#fff7bf' },
  orange: { ink: '#6e3619', tint: '#fcd6c3' },
  purple: { ink: '#491644', tint: '#efdfed' },
};

const PAD = { x: 4.5, y: 4 };
const ASCENT = 0.718;

/** Draws laid-out lines with their top-left corner at (x, y); tags get their tinted label behind them. */
export function drawLines(doc: Doc, lines: readonly Line[], x: number, y: number, opts: { align?: 'left' | 'right'; width?: number } = {}): void {
  let top = y;
  for (const line of lines) {
    const dx = opts.align === 'right' && opts.width !== undefined ? opts.width - line.width : 0;
    for (const s of line.segments) {
      const sy = top + line.ascent - ASCENT * s.size;
      const tag = s.run.tag === undefined ? undefined : TAGS[s.run.tag];
      if (tag !== undefined) {
        const w = textWidth(doc, s.font, s.size, s.text.trimEnd());
        doc.roundedRect(x + dx + s.x - TAG_PAD, sy - 2.2, w + 2 * TAG_PAD, s.size + 3.6, 1.5).fill(tag.tint);
      }
      doc.font(s.font).fontSize(s.size).fillColor(tag?.ink ?? s.colour);
      doc.text(s.text, x + dx + s.x, sy, { lineBreak: false, ...(s.run.link === undefined ? {} : { link: s.run.link, underline: true }) });
    }
    top += line.height;
  }
}

/** The narrowest a column can be (its longest word) and the width it would like (its longest line). */
function naturalWidths(doc: Doc, cells: readonly Inline[], style: TextStyle): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const cell of cells) {
    for (const line of layout(doc, cell, 1e6, style)) max = Math.max(max, line.width);
    for (const r of runs(cell)) {
      const font = r.bold === true || r.tag !== undefined ? style.bold : style.font;
      const size = r.small === true || r.tag !== undefined ? style.smallSize : style.size;
      for (const word of r.text.split(/\s+/)) min = Math.max(min, textWidth(doc, font, size, word) + (r.tag === undefined ? 0 : 6));
    }
  }
  return { min: min + 2 * PAD.x, max: max + 2 * PAD.x };
}

/** Column widths that fill `total`: weighted columns get their share, the rest what their content asks. */
export function columnWidths(doc: Doc, spec: TableSpec, total: number, style: TextStyle): number[] {
  const cols = spec.columns;
  if (cols.every((c) => c.weight !== undefined)) {
    const sum = cols.reduce((a, c) => a + (c.weight ?? 1), 0);
    return cols.map((c) => (total * (c.weight ?? 1)) / sum);
  }
  const nat = cols.map((c, i) =>
    naturalWidths(doc, [c.header, ...spec.rows.map((r) => r[i] ?? '')], { ...style, font: i === 0 && spec.rowHeaders === true ? style.bold : style.font }),
  );
  // Headers wrap readily, so a column's need is driven by its cells' words, its header's only a little.
  const mins = nat.map((n) => Math.min(n.min, total / cols.length + 40));
  const minSum = mins.reduce((a, b) => a + b, 0);
  if (minSum >= total) return mins.map((m) => (m * total) / minSum);
  const extra = nat.map((n, i) => Math.max(0, Math.min(n.max, total * 0.45) - (mins[i] ?? 0)));
  const extraSum = extra.reduce((a, b) => a + b, 0);
  const spare = total - minSum;
  if (extraSum <= spare) {
    const left = spare - extraSum;
    const base = mins.map((m, i) => m + (extra[i] ?? 0));
    const sum = base.reduce((a, b) => a + b, 0);
    return base.map((b) => b + (left * b) / sum);
  }
  return mins.map((m, i) => m + (spare * (extra[i] ?? 0)) / extraSum);
}

interface LaidRow {
  readonly cells: readonly Line[][];
  readonly height: number;
}

function layRow(doc: Doc, cells: readonly Inline[], widths: readonly number[], style: TextStyle, boldFirst: boolean): LaidRow {
  const laid = widths.map((w, i) => {
    const cell = cells[i] ?? '';
    const bold = boldFirst && i === 0;
    return layout(doc, bold ? runs(cell).map((r) => ({ ...r, bold: r.small !== true })) : cell, w - 2 * PAD.x, style);
  });
  return { cells: laid, height: Math.max(...laid.map(heightOf), style.size) + 2 * PAD.y };
}

/** Draws a table into `parent` at the current position, over as many pages as it needs. */
export function drawTable(w: PdfWriter, spec: TableSpec, parent: Struct): void {
  const { doc, theme } = w;
  const style = theme.table;
  const widths = columnWidths(doc, spec, w.width, style);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const header = layRow(doc, spec.columns.map((c) => runs(c.header).map((r) => ({ ...r, bold: true }))), widths, style, false);
  const body = spec.rows.map((r) => layRow(doc, r, widths, style, spec.rowHeaders === true));
  const caption = spec.caption === undefined ? [] : w.measure(spec.caption, w.width, { size: theme.text.size - 0.5, font: theme.text.bold });
  w.keepTogether(heightOf(caption) + 6 + header.height + (body[0]?.height ?? 0));

  const table = doc.struct('Table');
  parent.add(table);
  if (caption.length > 0) {
    const cap = doc.struct('Caption');
    table.add(cap);
    cap.add(doc.markStructureContent('Caption'));
    drawLines(doc, caption, w.left, doc.y);
    doc.endMarkedContent();
    cap.end();
    doc.y += heightOf(caption) + 5;
  }

  const drawRow = (row: LaidRow, kind: 'head' | 'body' | 'repeat', into?: Struct): void => {
    const y = doc.y;
    w.artifact(() => {
      if (kind !== 'body') doc.rect(w.left, y, w.width, row.height).fill('#f3f2f1');
      doc.moveTo(w.left, y + row.height).lineTo(w.left + w.width, y + row.height).lineWidth(kind === 'body' ? 0.5 : 1).strokeColor(kind === 'body' ? theme.rule : theme.text.ink).stroke();
    });
    row.cells.forEach((lines, i) => {
      const x = (xs[i] ?? w.left) + PAD.x;
      const align = spec.columns[i]?.align;
      const opts = { width: (widths[i] ?? 0) - 2 * PAD.x, ...(align === undefined ? {} : { align }) };
      if (kind === 'repeat' || into === undefined) {
        w.artifact(() => drawLines(doc, lines, x, y + PAD.y, opts));
        return;
      }
      const isHeader = kind === 'head' || (i === 0 && spec.rowHeaders === true);
      // pdfkit writes the scope as the table attribute the PDF/UA checkers look for.
      const cellOpts = isHeader ? { scope: kind === 'head' ? 'Column' : 'Row' } : {};
      const cell = doc.struct(isHeader ? 'TH' : 'TD', cellOpts as { title?: string });
      into.add(cell);
      cell.add(doc.markStructureContent(isHeader ? 'TH' : 'TD'));
      drawLines(doc, lines, x, y + PAD.y, opts);
      doc.endMarkedContent();
      cell.end();
    });
    doc.x = w.left;
    doc.y = y + row.height;
  };
  const tr = (row: LaidRow, kind: 'head' | 'body'): void => {
    const r = doc.struct('TR');
    table.add(r);
    drawRow(row, kind, r);
    r.end();
  };

  tr(header, 'head');
  for (const row of body) {
    if (doc.y + row.height > w.bottom) {
      w.newPage();
      drawRow(header, 'repeat');
    }
    tr(row, 'body');
  }
  table.end();
  doc.y += 12;
}
