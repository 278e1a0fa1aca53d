/** Importing historical responses from a spreadsheet (docs/import.md): the layout, its checks and the use case. */
export { historyService, type HistoryService, type HistoryDeps, type ImportSpec, type ImportOptions, type ImportSummary, type ImportRecords } from './history.service.ts';
export { checkHeader, readRow, MULTI_SEPARATOR, IMPORT_CHANNELS, type ImportChannel, type ImportProblem, type ProblemCode, type ImportRow, type Layout } from './history.ts';
export { templateHeader, templateRows, toCells } from './template.ts';
export { csvRecords } from './csv.ts';
