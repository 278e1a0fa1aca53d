/**
 * The one-page summary: each bright spot and area for improvement the findings engine declared, in
 * plain English with the LA's figure, what it was compared with and the size of the difference.
 */
import type { Findings, InstrumentFindings, KeyFinding, ProportionCell } from '../findings/index.ts';
import { pct, WHO } from './report-words.ts';

/** A key finding as the summary prints it. */
export interface KeyFindingText {
  /** The finding's stable id (instrument, question, measure, comparison), which action plans link to. */
  readonly id: string;
  readonly kind: KeyFinding['kind'];
  /** e.g. "Trusts the adults they live with – children aged 8 to 11". */
  readonly headline: string;
  /** The figure and the comparison in a sentence. */
  readonly detail: string;
}

type Label = (key: string) => string;

interface Figures {
  /** What the figure measures, as a heading. */
  readonly what: string;
  readonly la: ProportionCell;
  readonly other: string;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The figures behind a key finding, found in the instrument's sections. */
function figuresOf(kf: KeyFinding, inst: InstrumentFindings, name: string): Figures | undefined {
  const ind = inst.indicators.find((i) => i.questionId === kf.questionId);
  if (kf.against === 'national') {
    if (kf.measure === 'low') {
      const w = inst.wellbeing.find((x) => x.questionId === kf.questionId);
      if (w?.kind !== 'ons' || !w.low.national.shown) return undefined;
      const band = w.bands === 'ons_anxiety' ? 'high anxiety (6 to 10 out of 10)' : 'low scores (0 to 4 out of 10)';
      return { what: `${name}: ${band}`, la: w.low.la, other: `${pct(w.low.national.proportion)} in other local authorities` };
    }
    if (ind === undefined || !ind.national.shown) return undefined;
    return { what: name, la: ind.la, other: `${pct(ind.national.proportion)} in other local authorities` };
  }
  const gp =
    ind?.generalPopulation.find((g) => g.benchmark.measure === kf.measure) ??
    inst.profile.generalPopulation.find((g) => g.questionId === kf.questionId && g.benchmark.measure === kf.measure);
  if (gp === undefined) return undefined;
  const b = gp.benchmark;
  return { what: capitalise(b.description), la: gp.la, other: `${pct(b.figure)} of ${b.group} (${b.ageGroup}, ${b.year})` };
}

/** Bright spots and areas for improvement in words, most certain first, as the engine ordered them. */
export function keyFindingTexts(findings: Findings, label: Label): KeyFindingText[] {
  return findings.keyFindings.flatMap((kf): KeyFindingText[] => {
    const inst = findings.instruments.find((i) => i.instrumentId === kf.instrumentId);
    const question = inst?.indicators.find((i) => i.questionId === kf.questionId) ?? inst?.wellbeing.find((w) => w.questionId === kf.questionId);
    const name = question !== undefined && 'indicator' in question ? label(`indicator.${question.indicator}`) : kf.key.replaceAll('_', ' ');
    const figures = inst === undefined ? undefined : figuresOf(kf, inst, name);
    if (figures === undefined || !figures.la.shown) return [];
    const d = Math.round(kf.difference.estimate * 100);
    const size = `${Math.abs(d)} percentage point${Math.abs(d) === 1 ? '' : 's'} ${d >= 0 ? 'higher' : 'lower'}`;
    const ci = `${Math.round(kf.difference.lower * 100)} to ${Math.round(kf.difference.upper * 100)} points`;
    const la = figures.la;
    const who = WHO[kf.instrumentId];
    return [
      {
        id: `${kf.instrumentId}.${kf.questionId}.${kf.measure}.${kf.against}`,
        kind: kf.kind,
        headline: `${figures.what} – ${who}`,
        detail:
          `${pct(la.proportion)} of the ${la.base} ${who} who answered (95% interval ${pct(la.lower)} to ${pct(la.upper)}), ` +
          `against ${figures.other}: ${size} (95% interval ${ci}). Statistically ${kf.kind === 'bright_spot' ? 'better' : 'worse'} after controlling for false discoveries (${kf.qValue < 0.001 ? 'q < 0.001' : `q = ${kf.qValue.toFixed(3)}`}).`,
      },
    ];
  });
}
