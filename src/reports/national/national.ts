/**
 * The national report's figures, pure: for one survey and period, each indicator's pooled national
 * figure, every local authority's figure (or why it is hidden), and the variation between authorities.
 * Responses are counted in one pass into per-authority tallies (typed arrays), so a national run of
 * 100,000 responses holds counts, not responses; the positive rules, thresholds and intervals are the
 * findings engine's own, so each authority's figure equals its own report's.
 */
import {
  classify,
  foldEasyRead,
  POSITIVE,
  proportionCell,
  protectPartition,
  reportedQuestions,
  resolveOptions,
  treatmentOf,
  type Domain,
  type FindingsOptions,
  type InstrumentId,
  type ProportionCell,
  type SurveyId,
  type SurveyResponse,
} from '../../findings/index.ts';
import { instruments as bank, type Instrument, type Question } from '../../instruments/index.ts';
import { anonymousLabels, type AuthorityLabel, type NationalAuthority } from './labels.ts';
import { variationOf, type Variation } from './variation.ts';

/** Days (YYYY-MM-DD), both included. */
export interface NationalPeriod {
  readonly from: string;
  readonly to: string;
}

/** An authority's figure on an indicator, shown (ranked) in the report. */
export interface AuthorityFigure {
  readonly label: string;
  readonly named: boolean;
  readonly figure: ProportionCell & { shown: true };
}

export interface NationalIndicator {
  readonly questionId: string;
  readonly key: string;
  /** Catalogue key of the indicator's name, under `indicator.`. */
  readonly indicator: string;
  readonly domain: Domain;
  readonly reversed: boolean;
  /** Asked of some young people only (skip logic). */
  readonly conditional: boolean;
  /** Every authority's answers pooled. */
  readonly national: ProportionCell;
  /** Authorities whose figure is shown, highest first. */
  readonly ranked: readonly AuthorityFigure[];
  /** Authorities with answers whose figure is hidden: under the minimum base, or so that it cannot be worked out by subtraction. */
  readonly hidden: { readonly smallBase: number; readonly secondary: number };
  readonly variation: Variation;
}

export interface NationalInstrument {
  readonly instrumentId: InstrumentId;
  readonly version: string;
  readonly respondents: number;
  /** Authorities with at least one response to this instrument. */
  readonly authorities: number;
  readonly indicators: readonly NationalIndicator[];
}

export interface NationalFindings {
  readonly engine: 'brightspots-national/1';
  readonly survey: SurveyId;
  readonly period: NationalPeriod;
  readonly options: { readonly minBase: number; readonly level: number };
  /** Every authority in the report, by label: how many young people responded. */
  readonly authorities: readonly (AuthorityLabel & { readonly respondents: number })[];
  readonly respondents: number;
  readonly instruments: readonly NationalInstrument[];
}

/** The instruments (age groups) of a survey, in the bank's order; easy-read answers count with their original's. */
export const instrumentsOfSurvey = (survey: SurveyId): Instrument[] => bank.filter((i) => i.survey === survey && i.easyReadOf === undefined);

interface InstrumentCounts {
  readonly questions: readonly Question[];
  /** count[q * authorities + a], base[...] likewise. */
  readonly count: Int32Array;
  readonly base: Int32Array;
  readonly respondents: Int32Array;
}

/** Running tallies per authority and indicator; fill with addResponse, then summariseNational. */
export interface NationalCounts {
  readonly survey: SurveyId;
  readonly authorities: number;
  readonly byInstrument: ReadonlyMap<string, InstrumentCounts>;
}

/** Empty tallies for a survey's instruments and a number of authorities (indexed 0..n-1). */
export function createNationalCounts(survey: SurveyId, authorities: number): NationalCounts {
  const byInstrument = new Map<string, InstrumentCounts>();
  for (const inst of instrumentsOfSurvey(survey)) {
    const questions = reportedQuestions(inst);
    const size = questions.length * authorities;
    byInstrument.set(inst.id, { questions, count: new Int32Array(size), base: new Int32Array(size), respondents: new Int32Array(authorities) });
  }
  return { survey, authorities, byInstrument };
}

/** Counts one response for the authority at `index`; responses to another survey's instruments are ignored. */
export function addResponse(counts: NationalCounts, index: number, given: SurveyResponse): void {
  const [response] = foldEasyRead([given]);
  if (response === undefined) return;
  const c = counts.byInstrument.get(response.instrumentId);
  if (c === undefined) return;
  if (!(index >= 0 && index < counts.authorities)) throw new RangeError(`no authority at index ${index}`);
  c.respondents[index] = (c.respondents[index] ?? 0) + 1;
  const n = counts.authorities;
  c.questions.forEach((q, qi) => {
    const r = classify(q, response.answers[q.id], POSITIVE);
    const at = qi * n + index;
    if (r.base) c.base[at] = (c.base[at] ?? 0) + 1;
    if (r.counted) c.count[at] = (c.count[at] ?? 0) + 1;
  });
}

function indicatorOf(q: Question, qi: number, c: InstrumentCounts, labels: readonly AuthorityLabel[], o: FindingsOptions): NationalIndicator {
  const n = labels.length;
  const cells: { id: string; base: number; count: number }[] = [];
  for (let a = 0; a < n; a++) {
    const base = c.base[qi * n + a] ?? 0;
    if (base > 0) cells.push({ id: String(a), base, count: c.count[qi * n + a] ?? 0 });
  }
  const total = { count: cells.reduce((s, x) => s + x.count, 0), base: cells.reduce((s, x) => s + x.base, 0) };
  // The national figure pools every authority, so hidden ones are protected against subtraction too.
  const status = protectPartition(total.base, cells, o.minBase);
  const ranked: AuthorityFigure[] = [];
  const hidden = { smallBase: 0, secondary: 0 };
  for (const cell of cells) {
    const s = status.get(cell.id);
    const who = labels[Number(cell.id)];
    if (s?.shown !== true || who === undefined) {
      if (s?.shown === false && s.reason === 'secondary') hidden.secondary++;
      else hidden.smallBase++;
      continue;
    }
    const figure = proportionCell(cell, o.minBase, o.level);
    if (figure.shown) ranked.push({ label: who.label, named: who.named, figure });
  }
  ranked.sort((x, y) => y.figure.proportion - x.figure.proportion || x.label.localeCompare(y.label));
  return {
    questionId: q.id,
    key: q.key,
    indicator: q.indicator,
    domain: q.domain,
    reversed: q.reversed === true,
    conditional: treatmentOf(q).conditional,
    national: proportionCell(total, o.minBase, o.level),
    ranked,
    hidden,
    variation: variationOf(ranked.map((r) => r.figure)),
  };
}

/** The national findings from filled tallies; `authorities[i]` is the authority counted at index i. */
export function summariseNational(
  counts: NationalCounts,
  authorities: readonly NationalAuthority[],
  period: NationalPeriod,
  options: Partial<FindingsOptions> = {},
): NationalFindings {
  if (authorities.length !== counts.authorities) throw new RangeError('one authority per tally index');
  const o = resolveOptions(options);
  const labels = anonymousLabels(authorities);
  const instruments = instrumentsOfSurvey(counts.survey).flatMap((inst): NationalInstrument[] => {
    const c = counts.byInstrument.get(inst.id);
    if (c === undefined) return [];
    return [
      {
        instrumentId: inst.id,
        version: inst.version,
        respondents: c.respondents.reduce((s, x) => s + x, 0),
        authorities: c.respondents.filter((x) => x > 0).length,
        indicators: c.questions.map((q, qi) => indicatorOf(q, qi, c, labels, o)),
      },
    ];
  });
  const respondentsOf = (a: number): number => [...counts.byInstrument.values()].reduce((s, c) => s + (c.respondents[a] ?? 0), 0);
  const listed = labels.map((l, a) => ({ ...l, respondents: respondentsOf(a) })).sort((x, y) => x.label.localeCompare(y.label, 'en', { numeric: true }));
  return {
    engine: 'brightspots-national/1',
    survey: counts.survey,
    period,
    options: { minBase: o.minBase, level: o.level },
    authorities: listed,
    respondents: listed.reduce((s, a) => s + a.respondents, 0),
    instruments,
  };
}

export interface NationalInput {
  readonly survey: SurveyId;
  readonly period: NationalPeriod;
  /** Each authority's responses from its latest wave in the period (after cleaning). */
  readonly authorities: readonly (NationalAuthority & { readonly responses: readonly SurveyResponse[] })[];
  readonly options?: Partial<FindingsOptions>;
}

/** The national findings from responses held in memory (one pass over them). */
export function nationalFindings(input: NationalInput): NationalFindings {
  const counts = createNationalCounts(input.survey, input.authorities.length);
  input.authorities.forEach((a, i) => {
    for (const r of a.responses) addResponse(counts, i, r);
  });
  return summariseNational(counts, input.authorities, input.period, input.options);
}
