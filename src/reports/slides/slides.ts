/**
 * The feedback-session deck as a PowerPoint file: large type, plenty of white space and native,
 * editable charts, so an LA's managers and young people can discuss the findings and turn them into
 * actions. The words and figures come from deck-content.ts; this file only lays them out.
 */
import pptxgenjs from 'pptxgenjs';
import type { Report } from '../report.ts';
import { deckContent, type DeckContent, type Row } from './deck-content.ts';
import { DISCUSSION_PROMPT, type Bar, type FindingSlide } from './finding-slides.ts';

type Label = (key: string) => string;
// The package's types describe its CommonJS build (the class under `.default`); Node loads its ES
// build, whose default export is the class itself. Either way this is the class.
const PptxGenJS = ((pptxgenjs as unknown as { default?: unknown }).default ?? pptxgenjs) as typeof pptxgenjs.default;
type Deck = InstanceType<typeof PptxGenJS>;
type Slide = pptxgenjs.default.Slide;
type TableCell = pptxgenjs.default.TableCell;
type TextProps = pptxgenjs.default.TextProps;

/** The PowerPoint MIME type, for the download. */

const DARK_BLUE = '0B3C5D';
const TEXT = '1F2933';
const MUTED = '505A5F';
const RULE = 'C9CED3';
const TINT = 'E6EEF5';
/** Dark blue, mid grey and light grey: told apart in greyscale print as well as in colour. */
const BAR_COLOURS: Record<Bar['group'], string> = { la: DARK_BLUE, national: '7A8087', general_population: 'C8CDD2' };
const FONT = 'Arial';
const MASTER = 'BRIGHT_SPOTS';
const LEFT = 0.6;
const WIDTH = 12.13;

function defineMaster(deck: Deck, footer: string): void {
  deck.defineSlideMaster({
    title: MASTER,
    background: { color: 'FFFFFF' },
    objects: [
      { line: { x: LEFT, y: 6.85, w: WIDTH, h: 0, line: { color: RULE, width: 1 } } },
      { text: { text: footer, options: { x: LEFT, y: 6.9, w: 10.5, h: 0.4, fontFace: FONT, fontSize: 12, color: MUTED, margin: 0 } } },
    ],
    slideNumber: { x: 12.13, y: 6.9, w: 0.6, h: 0.4, fontFace: FONT, fontSize: 12, color: MUTED, align: 'right', margin: 0 },
  });
}

function heading(slide: Slide, title: string, kicker?: string): void {
  if (kicker !== undefined) slide.addText(kicker, { x: LEFT, y: 0.35, w: WIDTH, h: 0.4, fontFace: FONT, fontSize: 18, bold: true, color: MUTED, margin: 0 });
  slide.addText(title, { x: LEFT, y: kicker === undefined ? 0.45 : 0.75, w: WIDTH, h: 1.1, fontFace: FONT, fontSize: title.length > 70 ? 26 : 32, bold: true, color: DARK_BLUE, valign: 'top', margin: 0 });
}

/** A table with a dark header row; the first `leftColumns` columns are text, the rest figures. */
function table(slide: Slide, header: Row, rows: readonly Row[], y: number, fontSize: number, colW: number[], leftColumns = 1): number {
  const border = { type: 'solid' as const, pt: 1, color: RULE };
  const cell = (text: string, head: boolean, i: number): TableCell => ({
    text,
    options: { bold: head || i === 0, color: head ? 'FFFFFF' : TEXT, fill: { color: head ? DARK_BLUE : 'FFFFFF' }, align: i < leftColumns ? 'left' : 'center' },
  });
  // Rows grow with wrapped text: estimate each row's lines so whatever follows the table clears it.
  const margin = 0.08;
  const lines = (text: string, w: number): number => Math.max(1, Math.ceil((text.length * fontSize * 0.5) / 72 / (w - 2 * margin)));
  const heightOf = (r: Row): number => Math.max(...r.map((c, i) => lines(c, colW[i] ?? WIDTH))) * ((fontSize * 1.2) / 72) + 2 * margin + 0.12;
  const rowH = [header, ...rows].map(heightOf);
  slide.addTable([header.map((h, i) => cell(h, true, i)), ...rows.map((r) => r.map((c, i) => cell(c, false, i)))], {
    x: LEFT, y, w: WIDTH, colW, rowH, fontFace: FONT, fontSize, border, valign: 'middle', margin,
  });
  return y + rowH.reduce((a, h) => a + h, 0);
}

function addCover(deck: Deck, c: DeckContent['cover']): void {
  const slide = deck.addSlide({ masterName: MASTER });
  slide.addShape(deck.ShapeType.rect, { x: 0, y: 0, w: 0.3, h: 7.5, fill: { color: DARK_BLUE }, line: { color: DARK_BLUE } });
  slide.addText('Bright Spots', { x: 1, y: 1.2, w: 11, h: 0.5, fontFace: FONT, fontSize: 22, bold: true, color: MUTED, margin: 0 });
  slide.addText(c.title, { x: 1, y: 1.8, w: 11, h: 1.1, fontFace: FONT, fontSize: 44, bold: true, color: DARK_BLUE, margin: 0 });
  slide.addText(c.la, { x: 1, y: 3.0, w: 11, h: 0.7, fontFace: FONT, fontSize: 30, color: TEXT, margin: 0 });
  slide.addText(c.subtitle, { x: 1, y: 3.7, w: 11, h: 0.6, fontFace: FONT, fontSize: 24, color: TEXT, margin: 0 });
  slide.addText(c.lines.join('\n'), { x: 1, y: 4.7, w: 11, h: 1.2, fontFace: FONT, fontSize: 20, color: MUTED, valign: 'top', margin: 0 });
}

function addParticipation(deck: Deck, p: DeckContent['participation']): void {
  const slide = deck.addSlide({ masterName: MASTER });
  heading(slide, 'Who took part');
  const end = table(slide, p.header, p.rows, 1.7, 20, [4.13, 2, 2, 2, 2]);
  slide.addText(p.lines.join('\n'), { x: LEFT, y: end + 0.3, w: WIDTH, h: Math.max(0.5, 6.6 - end - 0.3), fontFace: FONT, fontSize: 20, color: TEXT, valign: 'top', margin: 0 });
}

function bulletList(items: readonly string[], empty: string): TextProps[] {
  // Six two-line headlines fit a column at 16 pt; the rest have their own slides anyway.
  const max = 6;
  if (items.length === 0) return [{ text: empty, options: { color: MUTED } }];
  const shown = items.slice(0, max).map((text): TextProps => ({ text, options: { bullet: true, breakLine: true, paraSpaceAfter: 8 } }));
  if (items.length > max) shown.push({ text: `and ${items.length - max} more on the following slides`, options: { color: MUTED } });
  return shown;
}

function addOverview(deck: Deck, o: DeckContent['overview']): void {
  const slide = deck.addSlide({ masterName: MASTER });
  heading(slide, 'Key findings');
  if (o.none !== null) {
    slide.addText(o.none, { x: LEFT, y: 1.8, w: WIDTH, h: 2.5, fontFace: FONT, fontSize: 24, color: TEXT, valign: 'top', margin: 0 });
  } else {
    const longest = Math.max(o.brightSpots.length, o.improvements.length);
    const fontSize = longest <= 4 ? 20 : 16;
    const column = (x: number, title: string, items: readonly string[], empty: string): void => {
      slide.addText(`${title} (${items.length})`, { x, y: 1.6, w: 5.8, h: 0.5, fontFace: FONT, fontSize: 24, bold: true, color: DARK_BLUE, margin: 0 });
      slide.addText(bulletList(items, empty), { x, y: 2.2, w: 5.8, h: 4.3, fontFace: FONT, fontSize, color: TEXT, valign: 'top', margin: 0 });
    };
    column(LEFT, 'Bright spots', o.brightSpots, 'None this time.');
    column(LEFT + 6.3, 'Areas for improvement', o.improvements, 'None this time.');
  }
  if (o.note !== null) slide.addText(o.note, { x: LEFT, y: 6.3, w: WIDTH, h: 0.45, fontFace: FONT, fontSize: 16, italic: true, color: MUTED, margin: 0 });
}

/** The value axis: from zero always, up to a round figure above the tallest bar, so small shares stay readable. */
function valueAxis(bars: readonly Bar[]): { max: number; unit: number } {
  const top = Math.max(...bars.map((b) => b.value));
  const max = Math.min(1, Math.ceil((top + 0.08) * 4) / 4);
  return { max, unit: max <= 0.25 ? 0.05 : max <= 0.5 ? 0.1 : 0.25 };
}

function addFinding(deck: Deck, f: FindingSlide): void {
  const slide = deck.addSlide({ masterName: MASTER });
  heading(slide, f.title, f.kindLabel);
  const axis = valueAxis(f.bars);
  // One colour per bar only takes effect with two or more colours; a lone bar takes the first.
  const colours = f.bars.map((b) => BAR_COLOURS[b.group]);
  slide.addChart(deck.ChartType.bar, [{ name: f.title, labels: f.bars.map((b) => b.label), values: f.bars.map((b) => b.value) }], {
    x: LEFT, y: 2.0, w: 6.6, h: f.source === null ? 4.7 : 4.2,
    barDir: 'col', barGapWidthPct: 50, chartColors: colours.length > 1 ? colours : [BAR_COLOURS.la, BAR_COLOURS.la],
    showValue: true, dataLabelFormatCode: '0%', dataLabelPosition: 'outEnd', dataLabelFontSize: 20, dataLabelFontBold: true, dataLabelColor: TEXT, dataLabelFontFace: FONT,
    valAxisMinVal: 0, valAxisMaxVal: axis.max, valAxisMajorUnit: axis.unit, valAxisLabelFormatCode: '0%', valAxisLabelFontSize: 14, valAxisLabelColor: MUTED, valAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 16, catAxisLabelColor: TEXT, catAxisLabelFontFace: FONT, catAxisLineShow: true,
    valGridLine: { color: 'E3E6E9', size: 0.75 }, showLegend: false, altText: f.altText,
  });
  if (f.source !== null) slide.addText(f.source, { x: LEFT, y: 6.25, w: 6.6, h: 0.5, fontFace: FONT, fontSize: 14, color: MUTED, valign: 'top', margin: 0 });
  slide.addText(f.lines.map((text) => ({ text, options: { breakLine: true, paraSpaceAfter: 12 } })), { x: 7.6, y: 2.0, w: 5.1, h: 2.6, fontFace: FONT, fontSize: 20, color: TEXT, valign: 'top', margin: 0 });
  slide.addShape(deck.ShapeType.rect, { x: 7.6, y: 4.85, w: 5.1, h: 1.75, fill: { color: TINT }, line: { color: TINT } });
  slide.addText(
    [
      { text: 'Let’s talk', options: { fontSize: 16, bold: true, color: MUTED, breakLine: true } },
      { text: DISCUSSION_PROMPT.replace('? ', '?\n'), options: { fontSize: 24, bold: true, color: DARK_BLUE } },
    ],
    { x: 7.85, y: 5.0, w: 4.6, h: 1.45, fontFace: FONT, valign: 'middle', margin: 0 },
  );
  slide.addNotes(f.notes);
}

function addWellbeing(deck: Deck, w: DeckContent['wellbeing']): void {
  const slide = deck.addSlide({ masterName: MASTER });
  heading(slide, 'Well-being');
  if (w.rows.length === 0) {
    slide.addText('No well-being questions were answered in this survey.', { x: LEFT, y: 1.8, w: WIDTH, h: 1, fontFace: FONT, fontSize: 20, color: TEXT, margin: 0 });
    return;
  }
  const fontSize = w.rows.length <= 5 ? 20 : 16;
  const end = table(slide, w.header, w.rows, 1.5, fontSize, [2.3, 5.4, 1.1, 1.5, 1.83], 2);
  // Below the table, and never into the footer.
  slide.addText(w.note, { x: LEFT, y: Math.min(end + 0.25, 6.1), w: WIDTH, h: 0.7, fontFace: FONT, fontSize: 16, color: MUTED, valign: 'top', margin: 0 });
}

function addAction(deck: Deck, a: DeckContent['action']): void {
  const slide = deck.addSlide({ masterName: MASTER });
  heading(slide, 'From findings to action');
  slide.addText(a.intro, { x: LEFT, y: 1.4, w: WIDTH, h: 0.5, fontFace: FONT, fontSize: 20, color: TEXT, margin: 0 });
  const border = { type: 'solid' as const, pt: 1.5, color: '8A949C' };
  const head = a.columns.map((text): TableCell => ({ text, options: { bold: true, color: 'FFFFFF', fill: { color: DARK_BLUE } } }));
  const empty = (): TableCell[] => a.columns.map(() => ({ text: '' }));
  slide.addTable([head, empty(), empty(), empty()], { x: LEFT, y: 2.1, w: WIDTH, colW: [4.43, 4.43, 3.27], rowH: [0.6, 1.3, 1.3, 1.3], fontFace: FONT, fontSize: 20, color: TEXT, border, valign: 'top', margin: 0.1 });
}

function addMethod(deck: Deck, m: DeckContent['method']): void {
  const slide = deck.addSlide({ masterName: MASTER });
  heading(slide, m.title);
  slide.addText(m.paragraph, { x: LEFT, y: 1.6, w: WIDTH, h: 3.9, fontFace: FONT, fontSize: 20, color: TEXT, valign: 'top', margin: 0, lineSpacingMultiple: 1.1 });
  slide.addText(m.thanks, { x: LEFT, y: 5.7, w: WIDTH, h: 0.8, fontFace: FONT, fontSize: 24, bold: true, color: DARK_BLUE, valign: 'top', margin: 0 });
}

/** The feedback-session deck of a report as a .pptx file. */
export async function reportSlides(report: Report, label: Label): Promise<Buffer> {
  const c = deckContent(report, label);
  const deck = new PptxGenJS();
  deck.layout = 'LAYOUT_WIDE';
  deck.title = `${c.footer}: feedback session`;
  deck.subject = 'Bright Spots feedback session';
  deck.company = 'Bright Spots';
  deck.author = 'Bright Spots';
  defineMaster(deck, c.footer);
  addCover(deck, c.cover);
  addParticipation(deck, c.participation);
  addOverview(deck, c.overview);
  for (const f of c.findings) addFinding(deck, f);
  addWellbeing(deck, c.wellbeing);
  addAction(deck, c.action);
  addMethod(deck, c.method);
  const out = await deck.write({ outputType: 'nodebuffer', compression: true });
  // 'nodebuffer' always yields a Buffer in Node; the union type covers the browser's outputs.
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
