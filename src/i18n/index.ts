/** Translations as data: the workflow (draft or reviewed), XLIFF export and import, per-language status. */
export { exportXliff, importXliff, languageSummary, reviewedLanguages, translatedLanguages, type ImportResult } from './catalogues.ts';
export { catalogueProblems, effectiveState, isFullyReviewed, sourceHash, variablesOf, type LanguageSummary, type StatusFile } from './status.ts';
