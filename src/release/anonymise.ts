/**
 * Disclosure control for an anonymised release of a wave's responses, pure. Completion times become
 * months; free text appears only in its approved, redacted form; the quasi-identifiers (every
 * demographic question and the completion month) are generalised along their hierarchies, the same
 * level for the whole file, until each combination of them occurs at least k times and no such group
 * gave one answer only to a question about safety or harm (l-diversity of 2). Rows of groups that
 * still fail are left out. The levels are chosen greedily for the least information lost.
 */
import { DECLINED, type Answer, type Instrument, type InstrumentId } from '../instruments/index.ts';
import { hierarchyOfScale, MONTH, type Hierarchy } from './hierarchies.ts';

/** The smallest k the programme allows, and its default. */
export const MIN_K = 5;
export const DEFAULT_K = 10;
/** Distinct answers every group must have to each question about safety or harm. */
export const L_DIVERSITY = 2;

/** Questions about safety or harm: no group of young people may all have given the same answer. */
export const SENSITIVE_QUESTIONS: readonly string[] = ['safe_at_home', 'safe_neighbourhood', 'bullying_afraid'];

/** The completion month's column. */
export const MONTH_COLUMN = 'completed_month';
/** Columns before the questions: a row number (random order) and the questionnaire. */
export const LEAD_COLUMNS = ['row', 'instrument', MONTH_COLUMN] as const;

export interface SourceResponse {
  readonly id: string;
  readonly instrumentId: InstrumentId;
  readonly answers: Readonly<Record<string, Answer>>;
  /** ISO timestamp; only its month may be released. */
  readonly completedAt: string;
}

/** Free text a reviewer approved for use, already redacted. */
export interface ApprovedText {
  readonly questionId: string;
  readonly text: string;
}

export interface QuasiIdentifier {
  readonly column: string;
  readonly hierarchy: Hierarchy;
}

export interface ColumnLevel {
  readonly column: string;
  readonly level: number;
  readonly levelName: string;
  /** The number of levels above "as answered" (the top one withholds the column). */
  readonly maxLevel: number;
}

/** What disclosure control did, shown to the approver and included in every download. */
export interface DisclosureReport {
  readonly k: number;
  readonly l: number;
  readonly responses: number;
  readonly released: number;
  readonly suppressed: { readonly total: number; readonly smallGroup: number; readonly sameAnswer: number };
  readonly generalised: readonly ColumnLevel[];
  readonly sensitiveColumns: readonly string[];
  readonly groups: number;
  readonly smallestGroup: number | null;
  /** Approved comments released (unapproved free text is never released). */
  readonly approvedComments: number;
}

export interface ReleaseRow {
  /** The response the row comes from: internal, never written to a file. */
  readonly sourceId: string;
  readonly cells: readonly string[];
}

export interface ReleasedTable {
  readonly columns: readonly string[];
  readonly rows: readonly ReleaseRow[];
  readonly report: DisclosureReport;
}

export class ReleaseRefused extends Error {}

/** The quasi-identifiers of a set of instruments: each demographic question once, by id, and the completion month. */
export function quasiIdentifiers(instruments: readonly Instrument[]): QuasiIdentifier[] {
  const out = new Map<string, QuasiIdentifier>();
  for (const inst of instruments) {
    for (const q of inst.questions) if (q.demographic && !out.has(q.id)) out.set(q.id, { column: q.id, hierarchy: hierarchyOfScale(q.scale.id) });
  }
  return [...out.values(), { column: MONTH_COLUMN, hierarchy: MONTH }];
}

/** Every question id of the instruments, in questionnaire order, each once. */
export function questionColumns(instruments: readonly Instrument[]): string[] {
  const seen = new Set<string>();
  for (const inst of instruments) for (const q of inst.questions) seen.add(q.id);
  return [...seen];
}

/** An answer as one cell: codes as they are, scores as numbers, several codes joined with ';'. */
export function cellOf(answer: Answer | undefined): string {
  if (answer === undefined) return '';
  if (typeof answer === 'number') return String(answer);
  if (typeof answer === 'string') return answer;
  return answer.join(';');
}

interface Prepared {
  readonly qis: readonly QuasiIdentifier[];
  /** Per quasi-identifier, per level, per row: the value. */
  readonly values: readonly (readonly (readonly string[])[])[];
  /** Per row: the sensitive answers (undefined when not answered, declined or not asked). */
  readonly sensitive: readonly (readonly (string | undefined)[])[];
  /** Per row: cells a suppressed row loses (every column its questionnaire fills). */
  readonly rowCells: readonly number[];
  /** Per quasi-identifier: rows whose questionnaire asks it (the month: every row). */
  readonly applicable: readonly number[];
  readonly instruments: readonly string[];
}

function prepare(instruments: readonly Instrument[], responses: readonly SourceResponse[]): Prepared {
  const qis = quasiIdentifiers(instruments);
  const byId = new Map(instruments.map((i) => [i.id, i]));
  const asks = (instrumentId: string, column: string) => column === MONTH_COLUMN || (byId.get(instrumentId as InstrumentId)?.questions.some((q) => q.id === column) ?? false);
  const values = qis.map((qi) =>
    qi.hierarchy.levels.map((_, level) =>
      responses.map((r) => qi.hierarchy.generalise(qi.column === MONTH_COLUMN ? r.completedAt.slice(0, 7) : cellOf(r.answers[qi.column]), level)),
    ),
  );
  const sensitive = responses.map((r) =>
    SENSITIVE_QUESTIONS.map((q) => {
      const a = r.answers[q];
      return a === undefined || a === DECLINED ? undefined : cellOf(a);
    }),
  );
  const rowCells = responses.map((r) => (byId.get(r.instrumentId)?.questions.length ?? 0) + 1);
  const applicable = qis.map((qi) => responses.filter((r) => asks(r.instrumentId, qi.column)).length);
  return { qis, values, sensitive, rowCells, applicable, instruments: responses.map((r) => r.instrumentId) };
}

interface Outcome {
  /** Per row: why it must be left out, or null when it may be released. */
  readonly failing: readonly ('small' | 'same' | null)[];
  readonly suppressed: number;
  readonly loss: number;
  readonly groups: ReadonlyMap<string, number[]>;
}

/** Groups rows by questionnaire and generalised quasi-identifiers, and finds the groups that fail k or l. */
function evaluate(p: Prepared, levels: readonly number[], k: number): Outcome {
  const n = p.instruments.length;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    let key = p.instruments[i] ?? '';
    for (let j = 0; j < p.qis.length; j++) key += `\u0000${p.values[j]?.[levels[j] ?? 0]?.[i] ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const failing: ('small' | 'same' | null)[] = new Array<'small' | 'same' | null>(n).fill(null);
  let suppressed = 0;
  let lost = 0;
  for (const rows of groups.values()) {
    const why = rows.length < k ? 'small' : sameAnswer(p, rows) ? 'same' : null;
    if (why === null) continue;
    for (const i of rows) {
      failing[i] = why;
      lost += p.rowCells[i] ?? 0;
    }
    suppressed += rows.length;
  }
  let generalised = 0;
  for (let j = 0; j < p.qis.length; j++) {
    const max = (p.qis[j]?.hierarchy.levels.length ?? 1) - 1;
    generalised += ((levels[j] ?? 0) / max) * (p.applicable[j] ?? 0);
  }
  return { failing, suppressed, loss: generalised + lost, groups };
}

/** Whether some question about safety or harm has fewer than L_DIVERSITY distinct answers in the group (unanswered by all is fine). */
function sameAnswer(p: Prepared, rows: readonly number[]): boolean {
  for (let s = 0; s < SENSITIVE_QUESTIONS.length; s++) {
    const seen = new Set<string>();
    for (const i of rows) {
      const v = p.sensitive[i]?.[s];
      if (v !== undefined) seen.add(v);
    }
    if (seen.size > 0 && seen.size < L_DIVERSITY) return true;
  }
  return false;
}

type Node = { levels: number[]; outcome: Outcome };

const better = (a: Outcome, b: Outcome): boolean => a.loss < b.loss || (a.loss === b.loss && a.suppressed < b.suppressed);

/** Every node one level up or down in one column, evaluated; the cheapest first. */
function neighbours(p: Prepared, levels: readonly number[], k: number, directions: readonly number[]): Node | null {
  let found: Node | null = null;
  for (let j = 0; j < p.qis.length; j++) {
    const max = (p.qis[j]?.hierarchy.levels.length ?? 1) - 1;
    for (const d of directions) {
      const level = (levels[j] ?? 0) + d;
      if (level < 0 || level > max) continue;
      const moved = levels.map((l, x) => (x === j ? level : l));
      const outcome = evaluate(p, moved, k);
      if (found === null || better(outcome, found.outcome)) found = { levels: moved, outcome };
    }
  }
  return found;
}

/**
 * The levels to release at, for the least information lost (cells generalised, plus every cell of the
 * rows left out): from every quasi-identifier as answered, raise one level at a time the column whose
 * raise loses least, up to nothing left out (or every column withheld), keeping the best point on that
 * path; then move single columns up or down from there while that loses less.
 */
function chooseLevels(p: Prepared, k: number): Node {
  let current: Node = { levels: p.qis.map(() => 0), outcome: evaluate(p, p.qis.map(() => 0), k) };
  let best = current;
  // Raising a level only merges groups, and groups that pass merge into a group that passes: once
  // nothing is left out, every further raise only loses more.
  while (current.outcome.suppressed > 0) {
    const next = neighbours(p, current.levels, k, [1]);
    if (next === null) break;
    current = next;
    if (better(current.outcome, best.outcome)) best = current;
  }
  // Each step strictly lowers the loss, so this ends; the bound only caps the work.
  for (let step = 0; step < 100; step++) {
    const next = neighbours(p, best.levels, k, [1, -1]);
    if (next === null || !better(next.outcome, best.outcome)) break;
    best = next;
  }
  return best;
}

/** A stable order unrelated to completion time: by the response's random id. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The anonymised table of a wave's analysed responses. Refuses a k below MIN_K. Rows come in the order
 * of the responses' random ids and are numbered from 1; a response's id is never a cell.
 */
export function anonymise(instruments: readonly Instrument[], responses: readonly SourceResponse[], approved: ReadonlyMap<string, readonly ApprovedText[]>, k: number = DEFAULT_K): ReleasedTable {
  if (!Number.isInteger(k) || k < MIN_K) throw new ReleaseRefused(`k must be a whole number of at least ${MIN_K}`);
  const sorted = [...responses].sort(byId);
  const p = prepare(instruments, sorted);
  const { levels, outcome } = chooseLevels(p, k);
  const questions = questionColumns(instruments);
  const qiIndex = new Map(p.qis.map((q, j) => [q.column, j]));
  const textQuestions = new Set(instruments.flatMap((i) => i.questions.filter((q) => q.scale.kind === 'text').map((q) => q.id)));
  const asked = new Map(instruments.map((i) => [i.id, new Set(i.questions.map((q) => q.id))]));
  const valueAt = (column: string, i: number): string => {
    const j = qiIndex.get(column);
    return j === undefined ? '' : (p.values[j]?.[levels[j] ?? 0]?.[i] ?? '');
  };
  const rows: ReleaseRow[] = [];
  let approvedComments = 0;
  sorted.forEach((r, i) => {
    if (outcome.failing[i] !== null) return;
    const texts = approved.get(r.id) ?? [];
    const cells = [String(rows.length + 1), r.instrumentId, valueAt(MONTH_COLUMN, i)];
    for (const q of questions) {
      if (!asked.get(r.instrumentId)?.has(q)) cells.push('');
      else if (qiIndex.has(q)) cells.push(valueAt(q, i));
      else if (textQuestions.has(q)) {
        const mine = texts.filter((t) => t.questionId === q).map((t) => t.text);
        approvedComments += mine.length;
        cells.push(mine.join('\n'));
      } else cells.push(cellOf(r.answers[q]));
    }
    rows.push({ sourceId: r.id, cells });
  });
  const sizes = [...outcome.groups.values()].filter((g) => g.every((i) => outcome.failing[i] === null)).map((g) => g.length);
  const failing = outcome.failing;
  const report: DisclosureReport = {
    k,
    l: L_DIVERSITY,
    responses: responses.length,
    released: rows.length,
    suppressed: { total: outcome.suppressed, smallGroup: failing.filter((f) => f === 'small').length, sameAnswer: failing.filter((f) => f === 'same').length },
    generalised: p.qis.map((q, j) => ({ column: q.column, level: levels[j] ?? 0, levelName: q.hierarchy.levels[levels[j] ?? 0] ?? '', maxLevel: q.hierarchy.levels.length - 1 })),
    sensitiveColumns: SENSITIVE_QUESTIONS.filter((s) => instruments.some((i) => i.questions.some((q) => q.id === s))),
    groups: sizes.length,
    smallestGroup: sizes.length === 0 ? null : Math.min(...sizes),
    approvedComments,
  };
  return { columns: [...LEAD_COLUMNS, ...questions], rows, report };
}

/** The report in plain sentences, for the approver's page and the downloads. */
export function describeReport(report: DisclosureReport): string[] {
  const lines = [
    `${report.released} of ${report.responses} responses are released.`,
    `Every combination of the age, gender, ethnicity and other background answers, the questionnaire and the completion date occurs at least ${report.k} times among the released rows.`,
    report.sensitiveColumns.length > 0
      ? `In every such group, at least ${report.l} different answers were given to each question about safety or harm (${report.sensitiveColumns.join(', ')}), where anyone in the group answered it.`
      : 'The questionnaires have no question about safety or harm.',
  ];
  for (const g of report.generalised) {
    if (g.level === 0) lines.push(`${g.column}: released as answered${g.column === MONTH_COLUMN ? ' (month only: the date and time are never released)' : ''}.`);
    else if (g.level === g.maxLevel) lines.push(`${g.column}: withheld for every row.`);
    else lines.push(`${g.column}: generalised to ${g.levelName}.`);
  }
  if (report.suppressed.total > 0) {
    lines.push(`${report.suppressed.total} responses left out: ${report.suppressed.smallGroup} in groups smaller than ${report.k}, ${report.suppressed.sameAnswer} in groups that all gave the same answer to a question about safety or harm.`);
  } else lines.push('No response was left out.');
  lines.push(`Free text: only comments approved by a reviewer, in their redacted form (${report.approvedComments} included).`);
  return lines;
}
