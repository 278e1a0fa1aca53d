/**
 * The printable form of an instrument in one language, pure: `designForm` lays out the introduction,
 * every question in the online order with its tick boxes or writing box, the adult's section, and the
 * help at the end, on A4 pages with registration marks and a place for the QR code. The same call gives
 * the drawing and the layout a scan is read against.
 */
import {
  DECLINED,
  DECLINED_LABEL,
  messageKeys,
  questionNumbers,
  questionsInPageOrder,
  scaleSummary,
  type Condition,
  type Instrument,
  type Question,
} from '../../instruments/index.ts';
import { ACCENT, BlockWriter, choiceGrid, facesRow, GREY, INK, scoreRow, STYLES, textBox, type Block, type Choice, type Style } from './blocks.ts';
import { dirOf } from '../../lib/scripts.ts';
import { LAYOUT_VERSION, layoutIdOf, PAGE, type AnswerBox, type FontName, type FormDesign, type FormLayout, type Measure, type Op, type Rect, type TextArea, type Words } from './design.ts';
import { mirrorOp, mirrorRect } from './mirror.ts';

/** Margins: registration marks sit in the corners, content inside. */
export const AREA = { left: 50, right: PAGE.width - 50, top: 126, bottom: PAGE.height - 64 } as const;
const MARK = { inset: 20, size: 16 } as const;
const QR_SIZE = 72;

/** The four registration marks, top-left, top-right, bottom-left, bottom-right. */
export const MARKS: readonly Rect[] = [
  { x: MARK.inset, y: MARK.inset, w: MARK.size, h: MARK.size },
  { x: PAGE.width - MARK.inset - MARK.size, y: MARK.inset, w: MARK.size, h: MARK.size },
  { x: MARK.inset, y: PAGE.height - MARK.inset - MARK.size, w: MARK.size, h: MARK.size },
  { x: PAGE.width - MARK.inset - MARK.size, y: PAGE.height - MARK.inset - MARK.size, w: MARK.size, h: MARK.size },
];
export const QR: Rect = { x: AREA.right - QR_SIZE, y: 38, w: QR_SIZE, h: QR_SIZE };

/** The type sizes for an instrument's age band. */
export function styleFor(instrument: Instrument): Style {
  if (instrument.band.max <= 7) return STYLES.young;
  if (instrument.band.max <= 11) return STYLES.middle;
  return STYLES.older;
}

/** How a question's answers are printed. */
type Shape =
  | { readonly type: 'faces'; readonly faces: readonly (Choice & { face: 1 | 2 | 3 | 4 | 5 })[]; readonly others: readonly Choice[] }
  | { readonly type: 'grid'; readonly choices: readonly Choice[]; readonly many: boolean }
  | { readonly type: 'score'; readonly points: readonly string[]; readonly min: string; readonly max: string; readonly others: readonly Choice[] }
  | { readonly type: 'text' };

/** A question's printed shape, from the registry's kind-neutral summary (faces read from the scale's own options). */
function shapeOf(q: Question, words: Words): Shape {
  const s = scaleSummary(q.scale);
  const declined: Choice = { answer: DECLINED, label: words(DECLINED_LABEL) };
  const label = (o: { value: string; label?: string }): string => (o.label === undefined ? o.value : words(o.label));
  if (s.kind === 'text') return { type: 'text' };
  if (s.kind === 'score') {
    const first = s.options[0];
    const last = s.options[s.options.length - 1];
    return { type: 'score', points: s.options.map((o) => o.value), min: first?.label ? words(first.label) : '', max: last?.label ? words(last.label) : '', others: [declined] };
  }
  const faceOf = new Map('layout' in q.scale && q.scale.layout === 'faces' ? q.scale.options.flatMap((o) => (o.face === undefined ? [] : [[o.code, o.face] as const])) : []);
  if (faceOf.size > 0) {
    const faces = s.options.flatMap((o) => {
      const face = faceOf.get(o.value);
      return face === undefined ? [] : [{ answer: o.value, label: label(o), face }];
    });
    const others = s.options.filter((o) => !faceOf.has(o.value)).map((o) => ({ answer: o.value, label: label(o) }));
    return { type: 'faces', faces, others: [...others, declined] };
  }
  return { type: 'grid', choices: [...s.options.map((o) => ({ answer: o.value, label: label(o) })), declined], many: s.kind === 'multi' };
}

/** The plain-English note for a follow-up question, naming the earlier question's number and answer. */
function conditionNote(condition: Condition, instrument: Instrument, numbers: Map<string, string>, words: Words): string {
  const simple = (c: Condition): { question: string; code: string } | null => ('question' in c && 'in' in c && c.in.length === 1 ? { question: c.question, code: c.in[0] ?? '' } : null);
  const describe = (c: { question: string; code: string }): { answer: string; number: string } => {
    const q = instrument.questions.find((x) => x.id === c.question);
    const option = q ? scaleSummary(q.scale).options.find((o) => o.value === c.code) : undefined;
    return { answer: option?.label ? words(option.label) : c.code, number: numbers.get(c.question) ?? '' };
  };
  const when = simple(condition);
  if (when) return words('paper.only_if', describe(when));
  const unless = 'not' in condition ? simple(condition.not) : null;
  if (unless) return words('paper.skip_if', describe(unless));
  return words('paper.maybe_skip');
}

function questionBlock(q: Question, instrument: Instrument, numbers: Map<string, string>, words: Words, measure: Measure, style: Style): Block {
  const w = new BlockWriter(measure, AREA.right - AREA.left);
  const number = numbers.get(q.id) ?? '';
  const indent = Math.max(measure('A10', 'bold', style.question), measure(number, 'bold', style.question)) + 10;
  w.ops.push({ kind: 'text', x: 0, y: 0, size: style.question, font: 'bold', colour: q.askedOf === 'adult' ? INK : ACCENT, text: number });
  const keys = messageKeys(instrument.id, q.id);
  w.text(words(keys.text), style.question, { font: 'bold', indent, after: style.question * 0.3 });
  if (q.hasHelp) w.text(words(keys.help), style.small, { colour: GREY, indent });
  if (q.showIf) w.text(conditionNote(q.showIf, instrument, numbers, words), style.small, { font: 'italic', colour: INK, indent });
  const shape = shapeOf(q, words);
  const young = style === STYLES.young;
  const instruction =
    shape.type === 'text' ? words(young ? 'paper.write_young' : 'paper.write')
    : shape.type === 'grid' && shape.many ? words('paper.tick_any')
    : shape.type === 'score' ? words('paper.tick_number', { min: shape.points[0] ?? '', max: shape.points[shape.points.length - 1] ?? '', minLabel: shape.min, maxLabel: shape.max })
    : words('paper.tick_one');
  w.text(instruction, style.small, { colour: GREY, indent, after: style.small * 0.8 });
  switch (shape.type) {
    case 'faces':
      facesRow(w, q.id, shape.faces, style, indent);
      w.space(style.box * 0.5);
      choiceGrid(w, q.id, shape.others, style, indent);
      break;
    case 'grid':
      choiceGrid(w, q.id, shape.choices, style, indent, young ? 2 : 3);
      break;
    case 'score':
      scoreRow(w, q.id, shape.points, { min: shape.min, max: shape.max }, style, indent);
      w.space(style.box * 0.5);
      choiceGrid(w, q.id, shape.others, style, indent);
      break;
    case 'text':
      textBox(w, q.id, style.textArea, indent);
      break;
  }
  w.space(style.gap);
  return w.block();
}

/** Paragraph keys of the online introduction for this instrument that exist in the catalogue. */
function introKeys(instrument: Instrument, has: (key: string) => boolean): string[] {
  const keys: string[] = [];
  for (let n = 1; has(`survey.intro.${instrument.id}.p${n}`); n++) keys.push(`survey.intro.${instrument.id}.p${n}`);
  return keys;
}

function panel(w: BlockWriter, heading: string, paragraphs: readonly string[], style: Style, fill: string): void {
  const top = w.y;
  const inner = new BlockWriter(w.measure, w.width - 28);
  inner.space(12);
  inner.text(heading, style.body + 1, { font: 'bold' });
  for (const p of paragraphs) inner.text(p, style.body, { after: style.body * 0.5 });
  inner.space(6);
  w.ops.push({ kind: 'rect', x: 0, y: top, w: w.width, h: inner.y, fill }, { kind: 'rect', x: 0, y: top, w: 5, h: inner.y, fill: INK });
  for (const op of inner.ops) w.ops.push(shift(op, 16, top));
  w.y = top + inner.y + 14;
}

function introBlocks(instrument: Instrument, words: Words, has: (key: string) => boolean, measure: Measure, style: Style): Block[] {
  const width = AREA.right - AREA.left;
  const young = style === STYLES.young;
  const w = new BlockWriter(measure, width);
  w.text(words(`paper.subtitle.${instrument.id}`), young ? 26 : 22, { font: 'bold', after: 10 });
  if (young) {
    const note = ['survey.intro.adult_note.p1', 'survey.intro.adult_note.p3', 'survey.intro.adult_note.p4'].map((k) => words(k));
    panel(w, words('survey.intro.adult_note.heading'), note, STYLES.middle, '#f3f2f1');
    w.text(words('survey.intro.read_aloud'), style.small + 1, { font: 'bold', colour: GREY, after: 6 });
  }
  for (const key of introKeys(instrument, has)) w.text(words(key), young ? 15 : style.body + 1, { after: young ? 9 : 7 });
  w.space(10);
  const how = new BlockWriter(measure, width);
  how.text(words('paper.how.heading'), style.body + 3, { font: 'bold', after: 8 });
  const tickLine = words(young ? 'paper.how.tick_young' : 'paper.how.tick');
  how.text(tickLine, style.body, { after: 6 });
  const exampleSize = Math.max(20, style.box);
  how.ops.push({ kind: 'rect', x: 0, y: how.y, w: exampleSize, h: exampleSize, stroke: GREY, lineWidth: 1 }, { kind: 'tick', x: 0, y: how.y, size: exampleSize });
  how.y += exampleSize + 10;
  for (const key of ['paper.how.skip', 'paper.how.mistake', 'paper.how.pen', young ? 'paper.how.no_names_young' : 'paper.how.no_names']) how.text(`•  ${words(key)}`, style.body, { after: 5 });
  how.space(style.gap);
  return [w.block(), how.block()];
}

function endBlock(words: Words, measure: Measure, style: Style): Block {
  const w = new BlockWriter(measure, AREA.right - AREA.left);
  w.space(6);
  w.text(words('paper.end.heading'), style.question + 4, { font: 'bold', after: 6 });
  w.text(words('survey.thanks.p2'), style.body, { after: 6 });
  w.text(words('paper.end.return'), style.body, { after: 12 });
  const help = ['survey.thanks.help.trusted', 'survey.thanks.help.childline', 'survey.thanks.help.advocate', 'survey.thanks.help.emergency'].map((k) => `•  ${words(k)}`);
  panel(w, words('survey.thanks.help.heading'), help, style === STYLES.young ? STYLES.middle : style, '#e8f1f8');
  return w.block();
}

function adultBanner(words: Words, measure: Measure, style: Style): Block {
  const w = new BlockWriter(measure, AREA.right - AREA.left);
  panel(w, words('paper.adult.heading'), [words('survey.for_adult.hint')], style === STYLES.young ? STYLES.middle : style, '#fff7bf');
  w.space(6);
  return w.block(true);
}

/** Moves an op by (dx, dy). */
function shift(op: Op, dx: number, dy: number): Op {
  switch (op.kind) {
    case 'face':
      return { ...op, cx: op.cx + dx, cy: op.cy + dy };
    case 'line':
      return { ...op, x1: op.x1 + dx, y1: op.y1 + dy, x2: op.x2 + dx, y2: op.y2 + dy };
    case 'text':
    case 'box':
    case 'tick':
    case 'rect':
      return { ...op, x: op.x + dx, y: op.y + dy };
  }
}

/** Lays out the whole form: one call for the drawing and the scan layout. */
export function designForm(instrument: Instrument, lang: string, words: Words, has: (key: string) => boolean, measure: Measure): FormDesign {
  const style = styleFor(instrument);
  const rtl = dirOf(lang) === 'rtl';
  const numbers = questionNumbers(instrument);
  const blocks: Array<Block & { adult?: boolean }> = [...introBlocks(instrument, words, has, measure, style)];
  let adultStarted = false;
  for (const q of questionsInPageOrder(instrument)) {
    if (q.askedOf === 'adult' && !adultStarted) {
      blocks.push({ ...adultBanner(words, measure, style), adult: true });
      adultStarted = true;
    }
    // The adult reads ordinary type; only the child's questions are large.
    const qStyle = q.askedOf === 'adult' && style === STYLES.young ? STYLES.middle : style;
    blocks.push({ ...questionBlock(q, instrument, numbers, words, measure, qStyle), adult: q.askedOf === 'adult' });
  }
  blocks.push(endBlock(words, measure, style));

  const pages: Op[][] = [[]];
  const adultPages = new Set<number>();
  const boxes: AnswerBox[] = [];
  const textAreas: TextArea[] = [];
  let y = AREA.top;
  for (const b of blocks) {
    const pageEmpty = y === AREA.top;
    if (!pageEmpty && (b.newPage === true || y + b.height > AREA.bottom)) {
      pages.push([]);
      y = AREA.top;
    }
    const page = pages.length;
    if (b.adult === true) adultPages.add(page);
    // Right-to-left forms are the same layout mirrored (src/paper/forms/mirror.ts): boxes on the reading side.
    const place = (op: Op): Op => (rtl ? mirrorOp(shift(op, AREA.left, y), measure) : shift(op, AREA.left, y));
    const flip = <T extends Rect>(r: T): T => (rtl ? mirrorRect(r) : r);
    pages[page - 1]?.push(...b.ops.map(place));
    for (const box of b.boxes) boxes.push(flip({ ...box, page, x: box.x + AREA.left, y: box.y + y }));
    for (const area of b.textAreas) textAreas.push(flip({ ...area, page, x: area.x + AREA.left, y: area.y + y }));
    y += b.height;
  }

  const title = `${words(`paper.title.${instrument.survey}`)} – ${words(`instrument.${instrument.id}.name`).replace(/^.*\((.*)\)$/, '$1')}`;
  pages.forEach((ops, i) => {
    const n = i + 1;
    ops.push(...MARKS.map((m): Op => ({ kind: 'rect', x: m.x, y: m.y, w: m.w, h: m.h, fill: '#000000' })));
    // The header starts on the reading side: at the left, or right-aligned before the QR code.
    const headEnd = QR.x - 12;
    const headX = (text: string, font: FontName, size: number): number => (rtl ? headEnd - measure(text, font, size) : AREA.left);
    const pageLine = words('paper.page', { page: n, pages: pages.length });
    ops.push({ kind: 'text', x: headX(title, 'bold', 12), y: 44, size: 12, font: 'bold', colour: INK, text: title });
    ops.push({ kind: 'text', x: headX(pageLine, 'regular', 10), y: 62, size: 10, font: 'regular', colour: GREY, text: pageLine });
    if (adultPages.has(n)) {
      const label = words('paper.adult.banner');
      const lw = measure(label, 'bold', 10) + 16;
      const bx = rtl ? headEnd - lw : AREA.left;
      ops.push({ kind: 'rect', x: bx, y: 82, w: lw, h: 20, fill: INK }, { kind: 'text', x: bx + 8, y: 87, size: 10, font: 'bold', colour: '#ffffff', text: label });
    }
    ops.push({ kind: 'line', x1: AREA.left, y1: AREA.top - 10, x2: QR.x - 12, y2: AREA.top - 10, colour: '#b1b4b6', width: 0.75 });
    if (n < pages.length) {
      const turn = words('paper.continue');
      ops.push({ kind: 'text', x: rtl ? AREA.left : AREA.right - measure(turn, 'bold', 10), y: AREA.bottom + 6, size: 10, font: 'bold', colour: GREY, text: turn });
    }
  });

  const layout: FormLayout = {
    layoutId: layoutIdOf(instrument.id, instrument.version, lang),
    layoutVersion: LAYOUT_VERSION,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    lang,
    pageSize: { width: PAGE.width, height: PAGE.height },
    pages: pages.length,
    marks: MARKS,
    qr: QR,
    boxes: boxes.map(round),
    textAreas: textAreas.map(round),
  };
  return { layout, title, pages, footer: { x: rtl ? AREA.right : AREA.left, y: AREA.bottom + 22, size: 8.5, ...(rtl ? { align: 'right' as const } : {}) } };
}

/** Positions to a hundredth of a point: stable JSON, far finer than any scan. */
function round<T extends Rect>(r: T): T {
  const r2 = (n: number): number => Math.round(n * 100) / 100;
  return { ...r, x: r2(r.x), y: r2(r.y), w: r2(r.w), h: r2(r.h) };
}
