/**
 * The codebook of an anonymised release: for every column, the question as each questionnaire words
 * it, its scale, and the codes that can appear with their labels, at the level disclosure control
 * released it. Pure: wording comes through `t`.
 */
import { DECLINED, DECLINED_LABEL, messageKeys, scaleSummary, type Instrument } from '../instruments/index.ts';
import { MONTH_COLUMN, quasiIdentifiers, type ColumnLevel, type DisclosureReport } from './anonymise.ts';
import { MONTH } from './hierarchies.ts';

/** Looks up a catalogue key in English. */
export type Lookup = (key: string) => string;

export interface CodebookQuestion {
  readonly instrument: string;
  readonly wording: string;
  readonly scale: string;
}

export interface CodebookEntry {
  readonly column: string;
  readonly questions: readonly CodebookQuestion[];
  readonly codes: ReadonlyArray<{ readonly code: string; readonly label: string }>;
  readonly note: string;
}

export interface Codebook {
  readonly emptyCell: string;
  readonly columns: readonly CodebookEntry[];
}

const EMPTY_CELL = 'An empty cell means the question was not answered, or not asked in that questionnaire (skip logic, or another age group).';

function leadColumns(instruments: readonly Instrument[], t: Lookup, month: ColumnLevel | undefined): CodebookEntry[] {
  const level = month?.level ?? 0;
  return [
    { column: 'row', questions: [], codes: [], note: 'Row number. Rows are in random order: the order says nothing about when anyone answered.' },
    { column: 'instrument', questions: [], codes: instruments.map((i) => ({ code: i.id, label: t(`instrument.${i.id}.name`) })), note: 'The questionnaire answered, which also gives the age group.' },
    { column: MONTH_COLUMN, questions: [], codes: [...MONTH.labels(level)], note: `When the survey was completed, released at the level of the ${MONTH.levels[level] ?? 'month'}. The date and time are never released.` },
  ];
}

/** Every column of the release, in the file's order, with its wording, scale, codes and level. */
export function codebook(instruments: readonly Instrument[], columns: readonly string[], report: DisclosureReport, t: Lookup): Codebook {
  const levels = new Map(report.generalised.map((g) => [g.column, g]));
  const qis = new Map(quasiIdentifiers(instruments).map((q) => [q.column, q]));
  const entries = leadColumns(instruments, t, levels.get(MONTH_COLUMN));
  for (const column of columns.slice(entries.length)) {
    const asked = instruments.flatMap((i) => i.questions.filter((q) => q.id === column).map((q) => ({ instrument: i, question: q })));
    const questions = asked.map(({ instrument, question }) => ({ instrument: instrument.id, wording: t(messageKeys(instrument.id, question.id).text), scale: question.scale.id }));
    const first = asked[0]?.question;
    const level = levels.get(column);
    const qi = qis.get(column);
    const codes = new Map<string, string>();
    let note = '';
    if (first?.scale.kind === 'text') {
      note = 'Free text, only where a reviewer approved the comment for use, with identifying details replaced by placeholders such as [name]. Other comments are never released.';
    } else if (qi && level && level.level > 0) {
      for (const c of qi.hierarchy.labels(level.level)) codes.set(c.code, c.label);
      if (level.level < level.maxLevel) codes.set(DECLINED, t(DECLINED_LABEL));
      note = level.level === level.maxLevel ? 'Withheld for every row to protect anonymity.' : `Generalised to ${level.levelName} to protect anonymity.`;
    } else {
      for (const { question } of asked) {
        for (const o of scaleSummary(question.scale).options) if (!codes.has(o.value)) codes.set(o.value, o.label === undefined ? o.value : t(o.label));
      }
      codes.set(DECLINED, t(DECLINED_LABEL));
      if (first?.scale.kind === 'multi') note = 'Several codes may be given, separated by ";".';
      else if (qi) note = 'Released as answered.';
    }
    entries.push({ column, questions, codes: [...codes].map(([code, label]) => ({ code, label })), note });
  }
  return { emptyCell: EMPTY_CELL, columns: entries };
}

/** The codebook as rows of a sheet: one row per question wording, then one per code. */
export function codebookRows(book: Codebook): string[][] {
  const rows: string[][] = [['column', 'questionnaire', 'wording', 'scale', 'code', 'label', 'note']];
  for (const e of book.columns) {
    rows.push([e.column, '', '', '', '', '', e.note]);
    for (const q of e.questions) rows.push([e.column, q.instrument, q.wording, q.scale, '', '', '']);
    for (const c of e.codes) rows.push([e.column, '', '', '', c.code, c.label, '']);
  }
  rows.push(['', '', '', '', '', '', book.emptyCell]);
  return rows;
}
