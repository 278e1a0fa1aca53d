/**
 * computeFindings: one LA's wave of one survey in, a typed, JSON-serialisable `Findings` out, ready
 * for a report template. Pure: the caller loads responses, the comparator (see selectComparator) and
 * the benchmarks. Every comparison is made first and the false discovery rate is controlled per family
 * before any verdict (and so any bright spot) is decided.
 */
import { instruments as bank, type Instrument, type InstrumentId, type SurveyId } from '../instruments/index.ts';
import { bundledBenchmarks, citationText, type BenchmarkMeasure, type BenchmarkRow, type Benchmarks } from './benchmarks.ts';
import { createFamilies, resolveFamilies } from './compare.ts';
import { easyReadFindings, type EasyReadFindings } from './easy-read.ts';
import { foldEasyRead } from './fold.ts';
import type { ReportContext } from './context.ts';
import { ageGroupComparison, careLeaverComparison, changeSincePrevious, type AgeGroupRow, type CareLeaverFindings, type ChangeRow } from './contrasts.ts';
import { instrumentBreakdowns, instrumentProfile, type BreakdownFindings, type InstrumentProfile } from './breakdowns.ts';
import { instrumentIndicators, type IndicatorFindings } from './indicators.ts';
import { groupByInstrument } from './measures.ts';
import { pooledRespondents, summarise } from './pool.ts';
import { resolveOptions, type FindingsOptions } from './options.ts';
import type { Comparison, ComparisonResult, ComparatorSet, SurveyResponse } from './types.ts';
import { instrumentWellbeing, type WellbeingItem } from './wellbeing.ts';

export interface FindingsInput {
  readonly survey: SurveyId;
  /** The LA's responses to this wave (responses to other surveys' instruments are ignored). */
  readonly la: readonly SurveyResponse[];
  readonly comparator: ComparatorSet;
  /** The LA's previous wave of the same survey, for change. */
  readonly previous?: readonly SurveyResponse[];
  /** The LA's latest wave of the other survey, for care leavers against children in care. */
  readonly otherSurvey?: readonly SurveyResponse[];
  /** Defaults to the bundled benchmarks.json. */
  readonly benchmarks?: Benchmarks;
  readonly options?: Partial<FindingsOptions>;
}

export interface InstrumentFindings {
  readonly instrumentId: InstrumentId;
  readonly version: string;
  readonly profile: InstrumentProfile;
  /** Other LAs' responses to the same instrument (0 when the comparator is not usable). */
  readonly comparatorRespondents: number;
  readonly indicators: readonly IndicatorFindings[];
  readonly wellbeing: readonly WellbeingItem[];
  readonly breakdowns: readonly BreakdownFindings[];
  /** Present when a previous wave was given. */
  readonly change?: readonly ChangeRow[];
}

/** A headline finding: significantly better (bright spot) or worse (area for improvement) after BH. */
export interface KeyFinding {
  readonly kind: 'bright_spot' | 'area_for_improvement';
  readonly against: 'national' | 'general_population';
  readonly instrumentId: InstrumentId;
  readonly questionId: string;
  readonly key: string;
  /** `positive` (share of good answers), `low` (poor well-being band) or a benchmark's own measure. */
  readonly measure: BenchmarkMeasure;
  readonly difference: Comparison['difference'];
  readonly qValue: number;
}

export interface Citation {
  readonly id: string;
  readonly text: string;
  readonly url: string;
}

export interface Findings {
  readonly engine: 'brightspots-findings/1';
  readonly survey: SurveyId;
  readonly benchmarksVersion: string;
  readonly options: FindingsOptions;
  readonly comparator: { readonly authorities: number; readonly respondents: number; readonly usable: boolean };
  readonly keyFindings: readonly KeyFinding[];
  readonly instruments: readonly InstrumentFindings[];
  /** YLYC only: the shared items across the age groups. */
  readonly ageGroups?: readonly AgeGroupRow[];
  /** When the other survey's responses were given. */
  readonly careLeavers?: CareLeaverFindings;
  /** Easy-read versions the LA's young people answered (their answers are already in their age group's figures). */
  readonly easyRead?: readonly EasyReadFindings[];
  readonly citations: readonly Citation[];
}

/** A survey's age groups: easy-read variants are not groups of their own (see easy-read.ts). */
const ofSurvey = (survey: SurveyId): Instrument[] => bank.filter((i) => i.survey === survey && i.easyReadOf === undefined);
/** The responses to these instruments, easy-read ones counted as their original's. */
const within = (list: readonly Instrument[], responses: readonly SurveyResponse[]): SurveyResponse[] =>
  foldEasyRead(responses).filter((r) => list.some((i) => i.id === r.instrumentId));

/** The report's findings for one LA's wave of one survey. */
export function computeFindings(input: FindingsInput): Findings {
  const options = resolveOptions(input.options);
  const benchmarks = input.benchmarks ?? bundledBenchmarks;
  const surveyInstruments = ofSurvey(input.survey);
  const families = createFamilies(options);
  const comparatorParts = 'parts' in input.comparator ? input.comparator.parts : [summarise(within(surveyInstruments, input.comparator.responses))];
  const ctx: ReportContext = {
    surveyInstruments,
    la: groupByInstrument(within(surveyInstruments, input.la)),
    comparatorParts,
    comparatorAuthorities: input.comparator.authorities,
    options,
    benchmarks,
    families,
    cited: new Map<string, BenchmarkRow>(),
  };
  const usable = ctx.comparatorAuthorities >= options.minComparatorAuthorities;
  const previous = input.previous === undefined ? undefined : groupByInstrument(within(surveyInstruments, input.previous));

  const perInstrument = surveyInstruments.map((inst): InstrumentFindings => {
    const base: InstrumentFindings = {
      instrumentId: inst.id,
      version: inst.version,
      profile: instrumentProfile(ctx, inst),
      comparatorRespondents: usable ? pooledRespondents(comparatorParts, inst.id) : 0,
      indicators: instrumentIndicators(ctx, inst),
      wellbeing: instrumentWellbeing(ctx, inst),
      breakdowns: instrumentBreakdowns(ctx, inst),
    };
    return previous === undefined ? base : { ...base, change: changeSincePrevious(ctx, inst, previous) };
  });
  const ageGroups = input.survey === 'ylyc' ? ageGroupComparison(ctx, surveyInstruments) : undefined;
  const careLeavers = input.otherSurvey === undefined ? undefined : careLeaverSection(ctx, input.survey, input.otherSurvey, options);
  const easyRead = easyReadFindings(ctx, surveyInstruments, input.la);

  // Only now, with every comparison made, are q-values and verdicts decided.
  resolveFamilies(families);

  return {
    engine: 'brightspots-findings/1',
    survey: input.survey,
    benchmarksVersion: benchmarks.version,
    options,
    comparator: { authorities: input.comparator.authorities, respondents: usable ? surveyInstruments.reduce((n, i) => n + pooledRespondents(comparatorParts, i.id), 0) : 0, usable },
    keyFindings: keyFindings(perInstrument),
    instruments: perInstrument,
    ...(ageGroups === undefined ? {} : { ageGroups }),
    ...(careLeavers === undefined ? {} : { careLeavers }),
    ...(easyRead.length === 0 ? {} : { easyRead }),
    citations: [...ctx.cited.values()].map((row) => ({ id: row.sourceUrl, text: citationText(row), url: row.sourceUrl })),
  };
}

function careLeaverSection(ctx: ReportContext, survey: SurveyId, other: readonly SurveyResponse[], options: FindingsOptions): CareLeaverFindings | undefined {
  const careLeaverInstrument = ofSurvey('ylbc')[0];
  const children = ofSurvey('ylyc').filter((i) => options.childrenInCareForCareLeavers.includes(i.id));
  if (careLeaverInstrument === undefined || children.length === 0) return undefined;
  const otherGroups = groupByInstrument(within(ofSurvey(survey === 'ylbc' ? 'ylyc' : 'ylbc'), other));
  return survey === 'ylbc'
    ? careLeaverComparison(ctx, careLeaverInstrument, children, ctx.la, otherGroups)
    : careLeaverComparison(ctx, careLeaverInstrument, children, otherGroups, ctx.la);
}

/** Bright spots and areas for improvement against other LAs and the general population, most certain first. */
function keyFindings(perInstrument: readonly InstrumentFindings[]): KeyFinding[] {
  const out: KeyFinding[] = [];
  const push = (i: IndicatorFindings | { instrumentId: InstrumentId; questionId: string; key: string }, c: ComparisonResult, measure: BenchmarkMeasure): void => {
    if (!c.tested || (c.verdict !== 'better' && c.verdict !== 'worse')) return;
    if (c.against !== 'national' && c.against !== 'general_population') return;
    const kind = c.verdict === 'better' ? 'bright_spot' : 'area_for_improvement';
    out.push({ kind, against: c.against, instrumentId: i.instrumentId, questionId: i.questionId, key: i.key, measure, difference: c.difference, qValue: c.qValue });
  };
  for (const inst of perInstrument) {
    for (const ind of inst.indicators) {
      push(ind, ind.vsNational, 'positive');
      for (const g of ind.generalPopulation) push(ind, g.comparison, g.benchmark.measure);
    }
    for (const w of inst.wellbeing) if (w.kind === 'ons') push(w, w.low.vsNational, 'low');
    for (const g of inst.profile.generalPopulation) push({ ...g, instrumentId: inst.instrumentId, key: g.benchmark.key }, g.comparison, g.benchmark.measure);
  }
  return out.sort((a, b) => a.qValue - b.qValue);
}
