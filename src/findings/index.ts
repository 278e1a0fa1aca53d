/** The findings feature's public surface: the statistics, disclosure control, benchmarks and computeFindings. */
export { foldEasyRead } from './fold.ts';
export type { EasyReadFindings } from './easy-read.ts';
export { computeFindings, type Findings, type FindingsInput, type InstrumentFindings, type KeyFinding, type Citation } from './findings.ts';
export { selectComparator, comparatorWaves, monthsBefore, type WaveResponses, type CandidateWave, type ComparatorWindow } from './comparator.ts';
export { summarise, SUMMARY_FORMAT, type AnswerSummary, type InstrumentSummary } from './pool.ts';
export { DEFAULT_OPTIONS, DEFAULT_BREAKDOWNS, resolveOptions, type FindingsOptions, type BreakdownSpec, type BreakdownGroup } from './options.ts';
export {
  bundledBenchmarks,
  parseBenchmarks,
  loadBenchmarksFile,
  missingBenchmarks,
  generalPopulationRows,
  programmeRows,
  citationText,
  type Benchmarks,
  type BenchmarkRow,
  type BenchmarkMeasure,
  type Better,
  type MissingBenchmark,
} from './benchmarks.ts';
export { protectPartition, protectBreakdown, proportionCell, meanCell, distributionCell, type Tally, type PartitionCell, type CellStatus } from './disclosure.ts';
export { tally, classify, POSITIVE, treatmentOf, reportedQuestions, type Measure } from './measures.ts';
export { verdictOf } from './compare.ts';
export { ONS_BANDS, ANXIETY_BANDS, type WellbeingItem, type OnsWellbeing, type FacesWellbeing } from './wellbeing.ts';
export type { IndicatorFindings } from './indicators.ts';
export type { InstrumentProfile, ProfileDimension, BreakdownFindings, BreakdownRow } from './breakdowns.ts';
export type { AgeGroupRow, CareLeaverFindings, CareLeaverRow, ChangeRow } from './contrasts.ts';
export * from './types.ts';
export { wilson, type Interval, type ProportionEstimate } from './stats/wilson.ts';
export { newcombeDifference, differenceFromFigure, type DifferenceEstimate } from './stats/difference.ts';
export { benjaminiHochberg } from './stats/fdr.ts';
export { twoProportionZ, fisherExact, binomialExact, compareTwoProportions, type TestOutcome, type TestMethod } from './stats/tests.ts';
export { meanInterval, type MeanEstimate } from './stats/mean.ts';
export { studentQuantile } from './stats/tdist.ts';
export { chiSquareUpper, homogeneityTest, type GroupCount, type HomogeneityTest } from './stats/chisquare.ts';
