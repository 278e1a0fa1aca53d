/**
 * The report in the order the issue sets: key findings, who took part, well-being, then the four
 * domains, each as rows a template prints without deciding anything. Pure.
 */
import type { DistributionCell, Domain, IndicatorFindings, InstrumentFindings, WellbeingItem } from '../findings/index.ts';
import { keyFindingTexts, type KeyFindingText } from './key-findings.ts';
import { versionLabel } from './versions.ts';
import { participation, type ParticipationRow, type Report } from './report.ts';
import { quotesNote } from './quotes.ts';
import { ageGroupsView, breakdownSections, careLeaversView, changeSections, type AgeGroupsView, type BreakdownSection, type CareLeaversView, type ChangeSection } from './report-sections.ts';
import { AGE_GROUP, benchmarkSource, figureText, meanText, pct, reasonText, verdictText, type FigureText, type VerdictText } from './report-words.ts';

type Label = (key: string) => string;

/** A general-population figure beside an indicator, with the LA's share on the same measure. */
export interface BenchmarkText {
  readonly description: string;
  readonly figure: string;
  /** The published figure on the indicator's own scale (share giving the good answer, 0-1), or null when it is on another measure. */
  readonly onPositiveScale: number | null;
  readonly source: string;
  readonly la: FigureText;
  readonly verdict: VerdictText;
}

export interface IndicatorRow {
  readonly name: string;
  /** Asked of some young people only (skip logic). */
  readonly conditional: boolean;
  readonly la: FigureText;
  readonly national: FigureText;
  readonly verdict: VerdictText;
  readonly generalPopulation: readonly BenchmarkText[];
  readonly change?: { readonly previous: FigureText; readonly verdict: VerdictText };
}

export interface GroupTable {
  readonly instrumentId: InstrumentFindings['instrumentId'];
  readonly group: string;
  readonly rows: readonly IndicatorRow[];
}

export interface ScoreRow {
  readonly name: string;
  /** 'ons': the share with low scores (anxiety: high) and the mean; 'faces': the two happiest faces. */
  readonly kind: WellbeingItem['kind'];
  readonly measure: string;
  readonly la: FigureText;
  readonly national: FigureText;
  readonly verdict: VerdictText | null;
  readonly mean: string;
  readonly nationalMean: string;
  /** Published general-population figures for the item, on their own measure. */
  readonly generalPopulation: readonly BenchmarkText[];
  /** The share in each ONS band (or on each face), here and in other local authorities. */
  readonly bands: { readonly la: BandsText; readonly national: BandsText };
}

/** A distribution across the ONS bands or the faces, in order, or why it is hidden. */
export type BandsText =
  | { readonly shown: true; readonly base: number; readonly parts: readonly { readonly id: string; readonly name: string; readonly share: number }[] }
  | { readonly shown: false; readonly text: string };

export interface ReportView {
  readonly title: string;
  readonly laName: string;
  readonly surveyName: string;
  readonly fieldwork: string;
  readonly generatedOn: string;
  /** "Version 2, published 12 May 2026", or the draft's warning; `draft` when it is the unpublished draft. */
  readonly version: string;
  readonly draft: boolean;
  readonly comparator: { readonly usable: boolean; readonly authorities: number; readonly respondents: number; readonly months: number };
  readonly brightSpots: readonly KeyFindingText[];
  readonly improvements: readonly KeyFindingText[];
  /** The one-page summary: the most certain findings of each kind; `more` when some are only in "Every key finding". */
  readonly summary: { readonly brightSpots: readonly KeyFindingText[]; readonly improvements: readonly KeyFindingText[]; readonly more: boolean; readonly total: number };
  readonly participation: readonly ParticipationRow[];
  readonly targetRate: string;
  readonly wellbeing: readonly { readonly instrumentId: InstrumentFindings['instrumentId']; readonly group: string; readonly scores: readonly ScoreRow[]; readonly rows: readonly IndicatorRow[] }[];
  readonly domains: readonly { readonly id: Domain; readonly title: string; readonly groups: readonly GroupTable[] }[];
  readonly breakdowns: readonly BreakdownSection[];
  /** YLYC: the items every age version asks, side by side (null with fewer than two age groups). */
  readonly ageGroups: AgeGroupsView | null;
  readonly careLeavers: CareLeaversView | null;
  readonly change: readonly ChangeSection[];
  readonly hasChange: boolean;
  readonly previousWave: string | null;
  readonly excludedResponses: number;
  readonly minBase: number;
  /** Easy read, for the methodology: how many answered it in each age group, and the questions it alone asks. */
  readonly easyRead: readonly EasyReadView[];
  readonly citations: Report['findings']['citations'];
  /** Selected comments: the approved, redacted quotes, and what the section says about them (or instead of them). */
  readonly quotes: { readonly items: readonly string[]; readonly note: string };
}

export interface EasyReadView {
  readonly group: string;
  /** "12 young people", or "fewer than 10 young people" (a small number is not shown). */
  readonly respondents: string;
  /** Questions easy read asks apart (a double question split in two), named by their wording. */
  readonly alone: readonly { readonly name: string; readonly la: FigureText }[];
}

/** The easy-read part of the methodology. */
export function easyReadView(findings: Report['findings'], label: Label): EasyReadView[] {
  const minBase = findings.options.minBase;
  return (findings.easyRead ?? []).map((e) => ({
    group: AGE_GROUP[e.ageGroup],
    respondents: e.respondents.shown ? `${e.respondents.n} young people` : `fewer than ${minBase} young people`,
    alone: e.alone.map((a) => ({ name: label(`q.${e.instrumentId}.${a.questionId}`), la: figureText(a.la, minBase) })),
  }));
}

/** The four domains, in the order reports present them. */
export const DOMAINS = ['relationships', 'rights', 'resilience', 'recovery'] as const satisfies readonly Domain[];

function benchmarkTexts(ind: IndicatorFindings | undefined, minBase: number): BenchmarkText[] {
  return (ind?.generalPopulation ?? []).map((g) => ({
    description: g.benchmark.description,
    figure: pct(g.benchmark.figure),
    onPositiveScale: g.benchmark.measure === 'positive' ? g.benchmark.figure : g.benchmark.measure === 'not_positive' ? 1 - g.benchmark.figure : null,
    source: benchmarkSource(g.benchmark),
    la: figureText(g.la, minBase),
    verdict: verdictText(g.comparison, minBase),
  }));
}

function indicatorRow(ind: IndicatorFindings, inst: InstrumentFindings, label: Label, minBase: number): IndicatorRow {
  const change = inst.change?.find((c) => c.questionId === ind.questionId);
  return {
    name: label(`indicator.${ind.indicator}`),
    conditional: ind.treatment.conditional,
    la: figureText(ind.la, minBase),
    national: figureText(ind.national, minBase),
    verdict: verdictText(ind.vsNational, minBase),
    generalPopulation: benchmarkTexts(ind, minBase),
    ...(change === undefined ? {} : { change: { previous: figureText(change.previous, minBase), verdict: verdictText(change.comparison, minBase) } }),
  };
}

const BAND_NAMES: Record<string, string> = {
  very_low: 'Very low',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  very_high: 'Very high',
  face_1: 'Saddest face',
  face_2: 'Sad face',
  face_3: 'Middle face',
  face_4: 'Happy face',
  face_5: 'Happiest face',
};
const BAND_RANGES: Record<'ons' | 'ons_anxiety', Record<string, string>> = {
  ons: { low: '0-4', medium: '5-6', high: '7-8', very_high: '9-10' },
  ons_anxiety: { very_low: '0-1', low: '2-3', medium: '4-5', high: '6-10' },
};

function bandsText(cell: DistributionCell, minBase: number, ranges: Record<string, string> = {}): BandsText {
  if (!cell.shown) return { shown: false, text: reasonText(cell.reason, minBase) };
  const name = (id: string): string => `${BAND_NAMES[id] ?? id}${ranges[id] === undefined ? '' : ` (${ranges[id]})`}`;
  return { shown: true, base: cell.base, parts: cell.parts.map((p) => ({ id: p.id, name: name(p.id), share: p.proportion })) };
}

function scoreRow(w: WellbeingItem, inst: InstrumentFindings, label: Label, minBase: number): ScoreRow {
  const ind = inst.indicators.find((i) => i.questionId === w.questionId);
  const name = ind === undefined ? w.key.replaceAll('_', ' ') : label(`indicator.${ind.indicator}`);
  if (w.kind === 'faces') {
    const bands = { la: bandsText(w.la.distribution, minBase), national: bandsText(w.national.distribution, minBase) };
    return { name, kind: 'faces', measure: 'One of the two happiest faces', la: figureText(w.la.twoHappiest, minBase), national: figureText(w.national.twoHappiest, minBase), verdict: null, mean: '', nationalMean: '', generalPopulation: benchmarkTexts(ind, minBase), bands };
  }
  return {
    name,
    kind: 'ons',
    measure: w.bands === 'ons_anxiety' ? 'High anxiety (6 to 10)' : 'Low (0 to 4)',
    la: figureText(w.low.la, minBase),
    national: figureText(w.low.national, minBase),
    verdict: verdictText(w.low.vsNational, minBase),
    mean: meanText(w.la.mean, minBase),
    nationalMean: meanText(w.national.mean, minBase),
    generalPopulation: benchmarkTexts(ind, minBase),
    bands: { la: bandsText(w.la.distribution, minBase, BAND_RANGES[w.bands]), national: bandsText(w.national.distribution, minBase, BAND_RANGES[w.bands]) },
  };
}

const day = (iso: string): string => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Everything the report template prints, in order. */
export function reportView(report: Report, label: Label): ReportView {
  const { findings, wave } = report;
  const minBase = findings.options.minBase;
  const keys = keyFindingTexts(findings, label);
  const present = findings.instruments.filter((i) => wave.instruments.includes(i.instrumentId));
  const groupsFor = (domain: Domain): GroupTable[] =>
    present
      .map((inst) => ({ instrumentId: inst.instrumentId, group: AGE_GROUP[inst.instrumentId], rows: inst.indicators.filter((i) => i.domain === domain).map((i) => indicatorRow(i, inst, label, minBase)) }))
      .filter((g) => g.rows.length > 0);
  return {
    title: wave.title,
    laName: report.la.name,
    surveyName: wave.survey === 'ylyc' ? 'Your Life, Your Care' : 'Your Life Beyond Care',
    fieldwork: `${day(wave.opensOn)} to ${day(wave.closesOn)}`,
    generatedOn: day(report.generatedAt),
    version: versionLabel(report.version),
    draft: report.version === null,
    comparator: { ...findings.comparator, months: report.comparatorMonths },
    brightSpots: keys.filter((k) => k.kind === 'bright_spot'),
    improvements: keys.filter((k) => k.kind === 'area_for_improvement'),
    summary: summaryOf(keys),
    participation: participation(report),
    targetRate: pct(wave.targetRate),
    wellbeing: present.map((inst) => ({
      instrumentId: inst.instrumentId,
      group: AGE_GROUP[inst.instrumentId],
      scores: inst.wellbeing.map((w) => scoreRow(w, inst, label, minBase)),
      // Items with a score row are shown there; the rest (e.g. life getting better) as indicators.
      rows: inst.indicators.filter((i) => i.domain === 'wellbeing' && !inst.wellbeing.some((w) => w.questionId === i.questionId)).map((i) => indicatorRow(i, inst, label, minBase)),
    })),
    domains: DOMAINS.map((id) => ({ id, title: label(`domain.${id}`), groups: groupsFor(id) })),
    breakdowns: breakdownSections(findings, present, label),
    ageGroups: ageGroupsView(findings, present.map((i) => i.instrumentId), label),
    careLeavers: careLeaversView(findings, label),
    change: changeSections(findings, present, label),
    hasChange: report.previousWave !== undefined,
    previousWave: report.previousWave?.title ?? null,
    excludedResponses: report.excludedResponses,
    minBase,
    easyRead: easyReadView(findings, label),
    citations: findings.citations,
    quotes: { items: report.quotes?.items ?? [], note: quotesNote(report.quotes) },
  };
}

/** Findings of each kind on the one-page summary: enough to act on, few enough to fit the page. */
export const SUMMARY_PER_KIND = 4;

/** The summary's findings: the most certain of each kind (the engine lists them most certain first). */
function summaryOf(keys: readonly KeyFindingText[]): ReportView['summary'] {
  const bright = keys.filter((k) => k.kind === 'bright_spot');
  const worse = keys.filter((k) => k.kind === 'area_for_improvement');
  return {
    brightSpots: bright.slice(0, SUMMARY_PER_KIND),
    improvements: worse.slice(0, SUMMARY_PER_KIND),
    more: bright.length > SUMMARY_PER_KIND || worse.length > SUMMARY_PER_KIND,
    total: keys.length,
  };
}
