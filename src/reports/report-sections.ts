/**
 * The report's later sections as rows a template prints: breakdowns by demographic group, the YLYC
 * age groups side by side, care leavers against children in care, and change since the last survey.
 * Pure; what is shown and what is tested was decided by the findings engine.
 */
import type { BreakdownFindings, ComparisonResult, Findings, InstrumentFindings, InstrumentId } from '../findings/index.ts';
import { AGE_GROUP, WHO, categoryName, figureText, points, verdictText, type FigureText, type VerdictText } from './report-words.ts';

type Label = (key: string) => string;

/** One group's figure in a breakdown, with its test against the rest of the LA's young people. */
export interface BreakdownCell {
  readonly figure: FigureText;
  readonly verdict: VerdictText;
}

export interface BreakdownTable {
  readonly id: string;
  /** e.g. "By gender". */
  readonly title: string;
  readonly shown: boolean;
  /** Why the breakdown is not shown, when it is not. */
  readonly note: string;
  readonly categories: readonly { readonly name: string; readonly respondents: string }[];
  /** Groups left out of the table: too few young people, or hidden so a small group cannot be worked out. */
  readonly hiddenGroups: readonly string[];
  readonly rows: readonly { readonly name: string; readonly cells: readonly BreakdownCell[] }[];
  /** Indicators left out because no group had enough answers to show. */
  readonly hiddenRows: number;
  /** The significant differences, in sentences. */
  readonly differences: readonly string[];
}

export interface BreakdownSection {
  readonly instrumentId: InstrumentId;
  readonly group: string;
  readonly tables: readonly BreakdownTable[];
  /** Whether any of the group's breakdowns is shown (else the report says so once). */
  readonly anyShown: boolean;
}

export interface AgeGroupsView {
  readonly groups: readonly string[];
  readonly rows: readonly { readonly name: string; readonly figures: readonly FigureText[]; readonly differences: readonly string[] }[];
}

export interface CareLeaversView {
  readonly childrenInCare: string;
  readonly rows: readonly { readonly name: string; readonly careLeavers: FigureText; readonly childrenInCare: FigureText; readonly verdict: VerdictText }[];
}

export interface ChangeRowView {
  readonly name: string;
  readonly now: FigureText;
  readonly previous: FigureText;
  readonly verdict: VerdictText;
}

export interface ChangeSection {
  readonly instrumentId: InstrumentId;
  readonly group: string;
  readonly rows: readonly ChangeRowView[];
  /** The significant changes, in sentences. */
  readonly differences: readonly string[];
}

const BREAKDOWN_TITLE: Record<string, string> = { age: 'By age', gender: 'By gender', placement: 'By where they live' };

/** The name of an indicator by question id, or by comparison key across the instruments. */
function nameOf(findings: Findings, label: Label, by: { questionId?: string; key: string }): string {
  for (const inst of findings.instruments) {
    const ind = inst.indicators.find((i) => (by.questionId === undefined ? i.key === by.key : i.questionId === by.questionId));
    if (ind !== undefined) return label(`indicator.${ind.indicator}`);
  }
  return by.key.replaceAll('_', ' ');
}

/** "12 points higher (95% interval 3 to 20)" for a significant difference. */
function sizeOf(c: ComparisonResult): string {
  if (!c.tested) return '';
  const d = c.difference;
  return `${points(d.estimate).replace(/^[+-]/, '')} percentage points ${d.estimate >= 0 ? 'higher' : 'lower'} (95% interval ${points(d.lower)} to ${points(d.upper)})`;
}

const significant = (c: ComparisonResult): boolean => c.tested && c.verdict !== 'no_difference';

function breakdownTable(b: BreakdownFindings, inst: InstrumentFindings, findings: Findings, label: Label): BreakdownTable {
  const minBase = findings.options.minBase;
  const title = BREAKDOWN_TITLE[b.id] ?? `By ${b.id.replaceAll('_', ' ')}`;
  // A group hidden among those who took part is hidden in every row: its column would say so on each line.
  const visible = b.categories.flatMap((c) => (c.respondents.shown ? [{ id: c.id, name: categoryName(c.id), respondents: `${c.respondents.count} took part` }] : []));
  const categories = visible.map(({ name, respondents }) => ({ name, respondents }));
  const hiddenGroups = b.categories.filter((c) => !c.respondents.shown).map((c) => categoryName(c.id));
  if (!b.status.shown) {
    const note = `This breakdown is not shown because a group is too small: showing the others would let the answers of fewer than ${findings.options.minCategory} young people be worked out.`;
    return { id: b.id, title, shown: false, note, categories: [], hiddenGroups, rows: [], hiddenRows: 0, differences: [] };
  }
  const shownCell = (c: { category: string }): boolean => visible.some((v) => v.id === c.category);
  const withFigures = b.rows.filter((r) => r.cells.some((c) => c.figure.shown));
  const differences = withFigures.flatMap((r) =>
    r.cells.filter((c) => significant(c.vsRest)).map((c) => {
      const name = nameOf(findings, label, r);
      const fig = c.figure.shown ? `${Math.round(c.figure.proportion * 100)}%` : '';
      return `${categoryName(c.category)}: ${name}, ${fig}, ${sizeOf(c.vsRest)} than the rest of the local authority's ${WHO[inst.instrumentId]}.`;
    }),
  );
  return {
    id: b.id,
    title,
    shown: true,
    note: '',
    categories,
    hiddenGroups,
    rows: withFigures.map((r) => ({
      name: nameOf(findings, label, r),
      cells: r.cells.filter(shownCell).map((c) => ({ figure: figureText(c.figure, minBase), verdict: verdictText(c.vsRest, minBase) })),
    })),
    hiddenRows: b.rows.length - withFigures.length,
    differences,
  };
}

/** Breakdowns by demographic group for each age group in the survey. */
export function breakdownSections(findings: Findings, present: readonly InstrumentFindings[], label: Label): BreakdownSection[] {
  return present
    .filter((inst) => inst.breakdowns.length > 0)
    .map((inst) => {
      const tables = inst.breakdowns.map((b) => breakdownTable(b, inst, findings, label));
      return { instrumentId: inst.instrumentId, group: AGE_GROUP[inst.instrumentId], tables, anyShown: tables.some((t) => t.shown) };
    });
}

/** The items every YLYC version asks, across the age groups present, with the significant differences. */
export function ageGroupsView(findings: Findings, present: readonly InstrumentId[], label: Label): AgeGroupsView | null {
  const rows = findings.ageGroups ?? [];
  if (rows.length === 0 || present.length < 2) return null;
  const minBase = findings.options.minBase;
  return {
    groups: present.map((id) => AGE_GROUP[id]),
    rows: rows.map((row) => ({
      name: nameOf(findings, label, { key: row.key }),
      figures: present.map((id) => {
        const g = row.groups.find((x) => x.instrumentId === id);
        return g === undefined ? figureText({ shown: false, reason: 'no_responses' }, minBase) : figureText(g.figure, minBase);
      }),
      differences: row.pairs
        .filter((p) => present.includes(p.first) && present.includes(p.second) && significant(p.comparison))
        .map((p) => `${AGE_GROUP[p.first]}: ${sizeOf(p.comparison)} than ${AGE_GROUP[p.second].toLowerCase()}`),
    })),
  };
}

/** Care leavers against children in care, when the other survey's responses were given. */
export function careLeaversView(findings: Findings, label: Label): CareLeaversView | null {
  const cl = findings.careLeavers;
  if (cl === undefined || cl.rows.length === 0) return null;
  const minBase = findings.options.minBase;
  return {
    childrenInCare: cl.childrenInCareInstruments.map((id) => AGE_GROUP[id].toLowerCase()).join(' and '),
    rows: cl.rows.map((r) => ({
      name: nameOf(findings, label, { key: r.key }),
      careLeavers: figureText(r.careLeavers, minBase),
      childrenInCare: figureText(r.childrenInCare, minBase),
      verdict: verdictText(r.comparison, minBase),
    })),
  };
}

/** Every indicator now and at the last survey, for each age group, with the significant changes. */
export function changeSections(findings: Findings, present: readonly InstrumentFindings[], label: Label): ChangeSection[] {
  const minBase = findings.options.minBase;
  return present.flatMap((inst): ChangeSection[] => {
    const change = inst.change;
    if (change === undefined) return [];
    const rows = change.filter((c) => c.current.shown || c.previous.shown);
    return [
      {
        instrumentId: inst.instrumentId,
        group: AGE_GROUP[inst.instrumentId],
        rows: rows.map((c) => ({ name: nameOf(findings, label, c), now: figureText(c.current, minBase), previous: figureText(c.previous, minBase), verdict: verdictText(c.comparison, minBase) })),
        differences: rows.filter((c) => significant(c.comparison)).map((c) => `${nameOf(findings, label, c)}: ${c.current.shown ? Math.round(c.current.proportion * 100) : ''}% now, ${sizeOf(c.comparison)} than at the last survey.`),
      },
    ];
  });
}
