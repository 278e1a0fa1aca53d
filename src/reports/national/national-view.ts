/**
 * The national report as templates print it: per instrument, each indicator's national figure, its
 * ranked dot plot (rendered to SVG here), the table of authorities' figures, the hidden counts and the
 * variation in words. Only figures the national findings show are ever turned into text.
 */
import type { InstrumentId } from '../../findings/index.ts';
import { AGE_GROUP, figureText, pct, type FigureText } from '../report-words.ts';
import { renderDotPlot } from './national-chart.ts';
import type { NationalIndicator, NationalInstrument } from './national.ts';
import type { NationalReport } from './national.service.ts';
import type { Variation } from './variation.ts';

type Label = (key: string) => string;

export interface AuthorityRow {
  readonly rank: number;
  readonly label: string;
  readonly named: boolean;
  readonly figure: FigureText;
  readonly count: number;
}

export interface IndicatorView {
  /** Unique on the page, for links and the chart's ids. */
  readonly id: string;
  readonly name: string;
  readonly domain: string;
  readonly conditional: boolean;
  readonly national: FigureText;
  readonly chart: string;
  readonly rows: readonly AuthorityRow[];
  /** e.g. "3 authorities with fewer than 10 answers not shown", or empty. */
  readonly hidden: readonly string[];
  readonly variation: readonly string[];
}

export interface InstrumentView {
  readonly id: InstrumentId;
  readonly group: string;
  readonly respondents: number;
  /** The count with thousands separated, e.g. "12,345". */
  readonly respondentsText: string;
  readonly authorities: number;
  readonly indicators: readonly IndicatorView[];
}

export interface NationalView {
  readonly surveyName: string;
  readonly period: string;
  readonly generatedOn: string;
  readonly respondents: number;
  readonly respondentsText: string;
  readonly minBase: number;
  readonly authorities: NationalReport['findings']['authorities'];
  readonly namedCount: number;
  /** Every instrument of the survey, for the page's links between them. */
  readonly instrumentLinks: readonly { readonly id: InstrumentId; readonly group: string; readonly respondentsText: string }[];
  readonly instruments: readonly InstrumentView[];
}

const SURVEY_NAME = { ylyc: 'Your Life, Your Care', ylbc: 'Your Life Beyond Care' } as const;

const day = (iso: string): string => new Date(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const thousands = (n: number): string => n.toLocaleString('en-GB');
const plural = (n: number, one: string, many: string): string => `${thousands(n)} ${n === 1 ? one : many}`;
const points = (d: number): string => plural(Math.round(d * 100), 'percentage point', 'percentage points');

/** A p-value as reports print it: "p < 0.001", else three decimals. */
export function pText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** The variation between authorities in sentences. */
export function variationText(v: Variation): string[] {
  if (v.range === undefined) return ['Fewer than two authorities have a figure shown, so there is no variation to describe.'];
  const out = [`Authorities' figures range from ${pct(v.range.min)} to ${pct(v.range.max)} (${points(v.range.width)}).`];
  if (v.iqr !== undefined) out.push(`The middle half of authorities lie between ${pct(v.iqr.q1)} and ${pct(v.iqr.q3)} (interquartile range ${points(v.iqr.width)}).`);
  const h = v.homogeneity;
  if (h === undefined) out.push('No test of the difference between authorities: every young person gave the same kind of answer.');
  else {
    const verdict = h.pValue < 0.05 ? 'authorities differ by more than chance alone would explain' : 'no clear evidence that authorities differ beyond chance';
    out.push(`Chi-square test of homogeneity: ${h.statistic.toFixed(1)} on ${h.df} degrees of freedom, ${pText(h.pValue)}: ${verdict}.`);
    if (h.smallExpectedShare > 0.2) out.push('Some authorities are small for this test (expected counts below 5), so read the p-value as approximate.');
  }
  return out;
}

/** What is hidden under a chart, in words. */
export function hiddenText(hidden: NationalIndicator['hidden'], minBase: number): string[] {
  const out: string[] = [];
  if (hidden.smallBase > 0) out.push(`${plural(hidden.smallBase, 'authority', 'authorities')} with fewer than ${minBase} answers not shown.`);
  if (hidden.secondary > 0) out.push(`${plural(hidden.secondary, 'more authority', 'more authorities')} not shown, so that the hidden figures cannot be worked out from the national figure.`);
  return out;
}

async function indicatorView(ind: NationalIndicator, inst: NationalInstrument, label: Label, minBase: number): Promise<IndicatorView> {
  const name = label(`indicator.${ind.indicator}`);
  const id = `${inst.instrumentId}-${ind.questionId}`.replace(/[^a-zA-Z0-9-]/g, '-');
  const national = figureText(ind.national, minBase);
  const rows = ind.ranked.map((r, i) => ({ rank: i + 1, label: r.label, named: r.named, figure: figureText(r.figure, minBase), count: r.figure.count }));
  const range = ind.variation.range;
  const description =
    `${plural(ind.ranked.length, 'authority', 'authorities')} ranked from the highest share of positive answers to the lowest` +
    (range === undefined ? '' : `, from ${pct(range.max)} to ${pct(range.min)}`) +
    (ind.national.shown ? `; national figure ${pct(ind.national.proportion)}` : '') +
    '. The table gives every figure.';
  const chart =
    ind.ranked.length > 0
      ? await renderDotPlot({
          id: `chart-${id}`,
          title: `${name}: each authority's figure with its 95% interval`,
          description,
          rows: ind.ranked.map((r) => ({ label: r.label, p: r.figure.proportion, lower: r.figure.lower, upper: r.figure.upper })),
          ...(ind.national.shown ? { national: ind.national.proportion } : {}),
        })
      : '';
  return {
    id,
    name,
    domain: label(`domain.${ind.domain}`),
    conditional: ind.conditional,
    national,
    chart: naturalWidth(chart),
    rows,
    hidden: hiddenText(ind.hidden, minBase),
    variation: variationText(ind.variation),
  };
}

/** Gives the SVG its drawn width, so a tall chart keeps its proportions instead of filling the page. */
function naturalWidth(svg: string): string {
  const box = /viewBox="[\d.-]+ [\d.-]+ ([\d.]+) [\d.]+"/.exec(svg);
  return box === null ? svg : svg.replace(/^<svg /, `<svg width="${box[1]}" `);
}

/**
 * Everything a national report page or file prints. `only` limits the instruments drawn (the page
 * shows one age group at a time; the file all of them).
 */
export async function nationalView(report: NationalReport, label: Label, only?: InstrumentId): Promise<NationalView> {
  const f = report.findings;
  const minBase = f.options.minBase;
  const chosen = f.instruments.filter((i) => only === undefined || i.instrumentId === only);
  const instruments: InstrumentView[] = [];
  for (const inst of chosen) {
    const indicators: IndicatorView[] = [];
    // One at a time: drawing is CPU work, and running them together only holds more SVG at once.
    for (const ind of inst.indicators) indicators.push(await indicatorView(ind, inst, label, minBase));
    instruments.push({ id: inst.instrumentId, group: AGE_GROUP[inst.instrumentId], respondents: inst.respondents, respondentsText: thousands(inst.respondents), authorities: inst.authorities, indicators });
  }
  return {
    surveyName: SURVEY_NAME[f.survey],
    period: `${day(f.period.from)} to ${day(f.period.to)}`,
    generatedOn: day(report.generatedAt),
    respondents: f.respondents,
    respondentsText: thousands(f.respondents),
    minBase,
    authorities: f.authorities,
    namedCount: f.authorities.filter((a) => a.named).length,
    instrumentLinks: f.instruments.map((i) => ({ id: i.instrumentId, group: AGE_GROUP[i.instrumentId], respondentsText: thousands(i.respondents) })),
    instruments,
  };
}
