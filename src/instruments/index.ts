/** The instruments feature's public surface: the question bank, its scales, skip logic and checks. */
export * from './types.ts';
export { instruments, getInstrument, SHARED_YLYC_KEYS, OLDER_YLYC_KEYS } from './bank/index.ts';
export { easyReadVariantOf, ageGroupOf, isOffered } from './easy-read.ts';
export {
  parseAnswer,
  isValidAnswer,
  sample,
  answerValues,
  scaleSummary,
  isPositive,
  inBase,
  isLow,
  type RawValue,
  type ParseResult,
  type ParseFailure,
  type Rng,
  type Weights,
  type ScaleSummary,
} from './registry.ts';
export * as scales from './scales.ts';
export { DECLINED_LABEL, ETHNICITY_GROUP_OF, SSDA903_ETHNIC_GROUP, EET_IN, type EthnicGroup } from './scales.ts';
export { evaluate, visibleQuestions, visiblePages, pruneHidden, type Answers } from './skip.ts';
export { countedItems, questionNumbers, questionsInPageOrder, itemOf } from './structure.ts';
export { validateBank, assertValidBank, type Catalogues } from './validate.ts';
export { syntheticAnswers, mulberry32, type SyntheticProfile, type SyntheticResponse } from './synthetic.ts';
export { instrumentRoutes, type InstrumentRoutesDeps, type Translate } from './routes.ts';
