/**
 * One slide's worth of each key finding: the LA's figure beside other LAs and the general population
 * on the finding's own measure, in plain words for the room and in full for the presenter's notes.
 * Pure. Only figures the findings engine shows reach a bar, a sentence or a note.
 */
import type { BenchmarkRef, Comparison, Findings, InstrumentFindings, KeyFinding, ProportionCell } from '../../findings/index.ts';
import { keyFindingTexts } from '../key-findings.ts';
import { pct, WHO } from '../report-words.ts';

type Label = (key: string) => string;
type Shown = Extract<ProportionCell, { shown: true }>;

/** One bar of a finding's chart: a shown figure, rounded to the whole percentage every label prints. */
export interface Bar {
  /** Which group the bar is: its colour stays the same whichever bars a chart has. */
  readonly group: 'la' | 'national' | 'general_population';
  readonly label: string;
  /** 0-1, to two decimal places. */
  readonly value: number;
}

/** A bright spot or area for improvement as its slide presents it. */
export interface FindingSlide {
  readonly kind: KeyFinding['kind'];
  readonly kindLabel: string;
  /** The headline, also the slide's title. */
  readonly title: string;
  /** The plain-English detail: the figure, what it is compared with, and what that means. */
  readonly lines: readonly string[];
  readonly bars: readonly Bar[];
  /** Where the general-population figure comes from, when it is on the chart. */
  readonly source: string | null;
  readonly altText: string;
  /** For the presenter: every figure with its interval, the test and the q-value. */
  readonly notes: string;
}

/** The question every finding slide puts to the room. */
export const DISCUSSION_PROMPT = 'What helps? What could we do?';

/** The figures behind a key finding, on its own measure. */
interface Figures {
  readonly la: ProportionCell;
  readonly national?: ProportionCell;
  readonly benchmark?: BenchmarkRef;
  readonly comparison?: Comparison;
}

function figuresOf(kf: KeyFinding, inst: InstrumentFindings): Figures | undefined {
  const ind = inst.indicators.find((i) => i.questionId === kf.questionId);
  const ons = inst.wellbeing.find((w) => w.questionId === kf.questionId && w.kind === 'ons');
  const low = ons?.kind === 'ons' ? ons.low : undefined;
  // Other LAs' figure exists on the indicator's positive measure and on the low well-being band only.
  const nationalOn = (m: string): ProportionCell | undefined => (m === 'positive' ? ind?.national : m === 'low' ? low?.national : undefined);
  const benchmarkOn = (m: string): BenchmarkRef | undefined => ind?.generalPopulation.find((g) => g.benchmark.measure === m)?.benchmark;
  const tested = (c: { tested: boolean } | undefined): Comparison | undefined => (c?.tested === true ? (c as Comparison) : undefined);
  if (kf.against === 'national') {
    const la = kf.measure === 'low' ? low?.la : ind?.la;
    if (la === undefined) return undefined;
    const benchmark = benchmarkOn(kf.measure);
    const comparison = tested(kf.measure === 'low' ? low?.vsNational : ind?.vsNational);
    return { la, ...optional('national', nationalOn(kf.measure)), ...optional('benchmark', benchmark), ...optional('comparison', comparison) };
  }
  const gp =
    ind?.generalPopulation.find((g) => g.benchmark.measure === kf.measure) ??
    inst.profile.generalPopulation.find((g) => g.questionId === kf.questionId && g.benchmark.measure === kf.measure);
  if (gp === undefined) return undefined;
  return { la: gp.la, ...optional('national', nationalOn(kf.measure)), benchmark: gp.benchmark, ...optional('comparison', tested(gp.comparison)) };
}

/** `{ key: value }` when there is a value, `{}` otherwise (the types forbid explicit undefined). */
function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Partial<Record<K, V>>);
}

const rounded = (p: number): number => Math.round(p * 100) / 100;
const shownCell = (c: ProportionCell | undefined): Shown | undefined => (c?.shown === true ? c : undefined);

const METHOD: Record<Comparison['method'], string> = {
  two_proportion_z: 'two-proportion z-test',
  fisher_exact: "Fisher's exact test",
  binomial_exact: 'exact binomial test',
};
const FAMILY: Record<Comparison['family'], string> = {
  national: 'comparisons with other local authorities',
  general_population: 'comparisons with the general population',
  breakdowns: 'breakdowns',
  age_groups: 'age group comparisons',
  care_leavers: 'care leaver comparisons',
  change: 'comparisons with the last survey',
};
const pValue = (p: number): string => (p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);
const interval = (c: Shown): string => `${pct(c.proportion)} (95% interval ${pct(c.lower)} to ${pct(c.upper)}; ${c.base.toLocaleString('en-GB')} answered)`;

function notesOf(kf: KeyFinding, title: string, detail: string, fig: Figures, kindLabel: string): string {
  const lines = [`${kindLabel}: ${title}`, detail, ''];
  const la = shownCell(fig.la);
  if (la !== undefined) lines.push(`This local authority: ${interval(la)}.`);
  const national = shownCell(fig.national);
  if (national !== undefined) lines.push(`Other local authorities: ${interval(national)}.`);
  if (fig.benchmark !== undefined) lines.push(`General population: ${pct(fig.benchmark.figure)}, ${fig.benchmark.description} (${fig.benchmark.group}, ${fig.benchmark.ageGroup}, ${fig.benchmark.year}).`);
  const c = fig.comparison;
  const d = (x: number): string => `${Math.round(x * 100)}`;
  lines.push(
    c === undefined
      ? `Difference ${d(kf.difference.estimate)} points (95% interval ${d(kf.difference.lower)} to ${d(kf.difference.upper)}), q ${pValue(kf.qValue)}.`
      : `Test: ${METHOD[c.method]}, p ${pValue(c.pValue)}; q ${pValue(c.qValue)} after Benjamini-Hochberg control of the false discovery rate across the report's ${FAMILY[c.family]}. ` +
          `Difference ${d(c.difference.estimate)} points (95% interval ${d(c.difference.lower)} to ${d(c.difference.upper)}).`,
  );
  lines.push('', `Ask the room: ${DISCUSSION_PROMPT} Note what is said on the "From findings to action" slide.`);
  return lines.join('\n');
}

/** One slide per key finding the report states, in the engine's order (most certain first). */
export function findingSlides(findings: Findings, label: Label): FindingSlide[] {
  return findings.keyFindings.flatMap((kf): FindingSlide[] => {
    const inst = findings.instruments.find((i) => i.instrumentId === kf.instrumentId);
    // The report's own words, so the deck and the report never disagree on a headline.
    const [text] = keyFindingTexts({ ...findings, keyFindings: [kf] }, label);
    const fig = inst === undefined ? undefined : figuresOf(kf, inst);
    const la = shownCell(fig?.la);
    if (text === undefined || fig === undefined || la === undefined) return [];
    const national = shownCell(fig.national);
    const bars: Bar[] = [{ group: 'la', label: 'This local authority', value: rounded(la.proportion) }];
    if (national !== undefined) bars.push({ group: 'national', label: 'Other local authorities', value: rounded(national.proportion) });
    if (fig.benchmark !== undefined) bars.push({ group: 'general_population', label: 'General population', value: rounded(fig.benchmark.figure) });

    const who = WHO[kf.instrumentId];
    const d = Math.round(kf.difference.estimate * 100);
    const against = kf.against === 'national' ? 'other local authorities' : 'the general population';
    const other =
      kf.against === 'national' && national !== undefined ? `In other local authorities: ${pct(national.proportion)}.` : fig.benchmark === undefined ? null : `In the general population: ${pct(fig.benchmark.figure)}.`;
    const kindLabel = kf.kind === 'bright_spot' ? 'Bright spot' : 'Area for improvement';
    const lines = [
      `Here: ${pct(la.proportion)} of the ${la.base.toLocaleString('en-GB')} ${who} who answered.`,
      ...(other === null ? [] : [other]),
      `${Math.abs(d)} percentage point${Math.abs(d) === 1 ? '' : 's'} ${d >= 0 ? 'higher' : 'lower'}: ${kf.kind === 'bright_spot' ? 'better' : 'worse'} than ${against}, and unlikely to be chance.`,
    ];
    const source = fig.benchmark === undefined ? null : `General population: ${fig.benchmark.group}, ${fig.benchmark.ageGroup}, ${fig.benchmark.year}.`;
    const altText = `Bar chart: ${text.headline}. ${bars.map((b) => `${b.label} ${pct(b.value)}`).join('; ')}.`;
    return [{ kind: kf.kind, kindLabel, title: text.headline, lines, bars, source, altText, notes: notesOf(kf, text.headline, text.detail, fig, kindLabel) }];
  });
}
