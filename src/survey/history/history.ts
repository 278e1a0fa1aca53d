/**
 * Historical responses from a spreadsheet (docs/import.md): one row per response, an `instrument`
 * column, an optional `channel`, then one column per question id holding the bank's answer codes.
 * Pure: the header is checked before any row's values are looked at, then each row is read against
 * its instrument with the survey's own checks (the scale registry and `composeResponse`).
 */
import {
  DECLINED,
  getInstrument,
  instruments as bank,
  parseAnswer,
  type Answer,
  type Instrument,
  type ParseFailure,
  type Question,
  type SurveyId,
} from '../../instruments/index.ts';
// The pure heading check, shared with the tracker's import so both refuse the same columns.
import { IDENTIFIER_WORDS, identifyingHeader } from '../../participation/index.ts';
import { composeResponse } from '../response.ts';
import { problemText } from './history-words.ts';

export const INSTRUMENT_COLUMN = 'instrument';
export const CHANNEL_COLUMN = 'channel';
/** Separates the ticked options of a tick-all-that-apply question in one cell: `family;friends`. */
export const MULTI_SEPARATOR = ';';
export const IMPORT_CHANNELS = ['online', 'paper'] as const;
export type ImportChannel = (typeof IMPORT_CHANNELS)[number];

/** Stable codes of everything the import refuses; the words are in history-words.ts. */
export type ProblemCode =
  | 'empty_file'
  | 'no_rows'
  | 'identifier_column'
  | 'free_text_column'
  | 'unknown_column'
  | 'duplicate_column'
  | 'no_instrument_column'
  | 'no_heading'
  | 'empty_row'
  | 'no_instrument'
  | 'unknown_instrument'
  | 'other_survey'
  | 'unknown_channel'
  | 'not_in_instrument'
  | 'hidden'
  | ParseFailure;

/** One line of the error report: where (row as a spreadsheet numbers it, header = 1), what, and why. */
export interface ImportProblem {
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly code: ProblemCode;
  readonly reason: string;
}

type Column = { readonly kind: 'instrument' | 'channel' | 'blank' } | { readonly kind: 'question'; readonly id: string };

/** A checked header: what each column holds. */
export interface Layout {
  readonly survey: SurveyId;
  readonly names: readonly string[];
  readonly columns: readonly Column[];
}

/** A row that passed every check, ready to store. */
export interface ImportRow {
  readonly instrument: Instrument;
  readonly channel: ImportChannel;
  readonly answers: Readonly<Record<string, Answer>>;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** The survey's instruments (easy-read variants were never in historical data), the one with the most questions first (its order leads the template). */
export const instrumentsOf = (survey: SurveyId): Instrument[] =>
  bank.filter((i) => i.survey === survey && i.easyReadOf === undefined).sort((a, b) => b.questions.length - a.questions.length);

/** The survey's instrument ids, youngest first, for messages. */
const idsOf = (survey: SurveyId): string =>
  bank
    .filter((i) => i.survey === survey && i.easyReadOf === undefined)
    .map((i) => i.id)
    .join(', ');

/** Headings that tie a response to a person, a device or a moment, beyond the tracker's list. */
const MORE_IDENTIFIERS: ReadonlyArray<[RegExp, string]> = [
  [/\b(ip|ip address|ipaddress|user agent|useragent|browser|device|cookie|session)\b/, 'a device or network identifier'],
  [/\b(id|ref|reference|case|child|person|client|access code|resume code)\b/, 'a reference to a young person'],
  [/\b(timestamp|date|time|completed|submitted|started|finished)\b/, 'a completion time'],
];

/** What a heading that is not a question looks like, when it looks like something identifying. */
function identifierWords(heading: string): string | null {
  const kind = identifyingHeader(heading);
  if (kind !== null) return IDENTIFIER_WORDS[kind];
  const h = heading.replace(/[^a-z0-9]+/g, ' ').trim();
  for (const [re, words] of MORE_IDENTIFIERS) if (re.test(h)) return words;
  return null;
}

const problem = (row: number, column: string, value: string, code: ProblemCode, detail: Record<string, string> = {}): ImportProblem => ({
  row,
  column,
  value,
  code,
  reason: problemText(code, { column, value, ...detail }),
});

/** Checks the header row against the survey's instruments; no row's values are needed or read. */
export function checkHeader(header: readonly string[], survey: SurveyId): Checked<Layout> {
  const own = instrumentsOf(survey);
  const answerable = new Set(own.flatMap((i) => i.questions.filter((q) => q.scale.kind !== 'text').map((q) => q.id)));
  const freeText = new Set(bank.flatMap((i) => i.questions.filter((q) => q.scale.kind === 'text').map((q) => q.id)));
  const problems: ImportProblem[] = [];
  const names = header.map((h) => h.trim().toLowerCase());
  const columns = names.map((name): Column => {
    if (name === '') return { kind: 'blank' };
    if (name === INSTRUMENT_COLUMN || name === CHANNEL_COLUMN) return { kind: name };
    if (answerable.has(name)) return { kind: 'question', id: name };
    const words = identifierWords(name);
    if (freeText.has(name)) problems.push(problem(1, name, '', 'free_text_column'));
    else if (words !== null) problems.push(problem(1, name, '', 'identifier_column', { words }));
    else problems.push(problem(1, name, '', 'unknown_column', { survey: survey.toUpperCase() }));
    return { kind: 'blank' };
  });
  if (header.length === 0 || names.every((n) => n === '')) return { ok: false, problems: [problem(1, '', '', 'empty_file')] };
  for (const [i, name] of names.entries()) {
    if (name !== '' && names.indexOf(name) !== i) problems.push(problem(1, name, '', 'duplicate_column'));
  }
  if (!names.includes(INSTRUMENT_COLUMN)) problems.push(problem(1, INSTRUMENT_COLUMN, '', 'no_instrument_column', { instruments: idsOf(survey) }));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { survey, names, columns } };
}

const byId = new WeakMap<Instrument, ReadonlyMap<string, Question>>();

/** An instrument's questions by id, built once: a big file looks every cell's question up. */
function questionsOf(instrument: Instrument): ReadonlyMap<string, Question> {
  let map = byId.get(instrument);
  if (map === undefined) {
    map = new Map(instrument.questions.map((q) => [q.id, q]));
    byId.set(instrument, map);
  }
  return map;
}

/** A cell as the scale registry reads it: trimmed, lower case, a tick-all cell split into codes. */
function rawValue(q: Question, cell: string): string | string[] {
  const v = cell.trim().toLowerCase();
  return q.scale.kind === 'multi' ? v.split(MULTI_SEPARATOR).map((c) => c.trim()).filter((c) => c !== '') : v;
}

/** Reads one data row (`row` as a spreadsheet numbers it) against its instrument; lists every problem. */
export function readRow(layout: Layout, cells: readonly string[], row: number): Checked<ImportRow> {
  const problems: ImportProblem[] = [];
  const at = (kind: 'instrument' | 'channel'): string => (cells[layout.columns.findIndex((c) => c.kind === kind)] ?? '').trim().toLowerCase();
  if (cells.every((c) => c.trim() === '')) return { ok: false, problems: [problem(row, '', '', 'empty_row')] };
  cells.forEach((cell, i) => {
    if (cell.trim() !== '' && (layout.names[i] ?? '') === '') problems.push(problem(row, `column ${i + 1}`, cell, 'no_heading'));
  });

  const id = at('instrument');
  const instrument = getInstrument(id);
  if (id === '') problems.push(problem(row, INSTRUMENT_COLUMN, '', 'no_instrument'));
  else if (!instrument) problems.push(problem(row, INSTRUMENT_COLUMN, id, 'unknown_instrument', { instruments: idsOf(layout.survey) }));
  else if (instrument.survey !== layout.survey) problems.push(problem(row, INSTRUMENT_COLUMN, id, 'other_survey', { survey: layout.survey.toUpperCase() }));
  const channel = at('channel') || 'online';
  if (!(IMPORT_CHANNELS as readonly string[]).includes(channel)) problems.push(problem(row, CHANNEL_COLUMN, channel, 'unknown_channel'));
  if (!instrument || instrument.survey !== layout.survey) return { ok: false, problems };

  const answers: Record<string, Answer> = {};
  const cellOf: Record<string, string> = {};
  layout.columns.forEach((col, i) => {
    const cell = (cells[i] ?? '').trim();
    if (col.kind !== 'question' || cell === '') return;
    const q = questionsOf(instrument).get(col.id);
    if (!q) return void problems.push(problem(row, col.id, cell, 'not_in_instrument', { instrument: instrument.id }));
    const parsed = parseAnswer(q.scale, rawValue(q, cell));
    if (!parsed.ok) return void problems.push(problem(row, col.id, cell, parsed.reason, allowed(q)));
    if (parsed.value !== undefined) {
      answers[q.id] = parsed.value;
      cellOf[q.id] = cell;
    }
  });
  if (problems.length === 0 && Object.keys(answers).length === 0) return { ok: false, problems: [problem(row, '', '', 'empty_row')] };
  // The survey's own check: the same rules an online or paper response meets before it is stored.
  const body = composeResponse(instrument, answers, {});
  for (const p of body.problems) problems.push(problem(row, p.questionId, cellOf[p.questionId] ?? '', p.reason === 'hidden' ? 'hidden' : 'not_an_option', allowed(questionsOf(instrument).get(p.questionId))));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { instrument, channel: channel as ImportChannel, answers: body.answers } };
}

/** The answers a question accepts, for the message that refuses a cell. */
function allowed(q: Question | undefined): Record<string, string> {
  if (!q) return {};
  const s = q.scale;
  if (s.kind === 'score') return { allowed: `a whole number from ${s.min} to ${s.max}, or ${DECLINED}` };
  if (s.kind === 'choice') return { allowed: `one of ${[...s.options.map((o) => o.code), DECLINED].join(', ')}` };
  if (s.kind === 'multi') return { allowed: `codes from ${s.options.map((o) => o.code).join(', ')} separated by "${MULTI_SEPARATOR}", or ${DECLINED} alone` };
  return {};
}
