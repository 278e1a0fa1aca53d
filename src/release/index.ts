/** Anonymised data release: LA leads' requests, programme administrators' decisions, disclosure control and the files. */
export { releaseService, parseK, type ReleaseService, type ReleaseDeps, type ApprovedTextSource, type ReleaseView, type ReleaseListItem } from './release.service.ts';
export { releaseRoutes } from './release.routes.ts';
export { anonymise, describeReport, quasiIdentifiers, DEFAULT_K, MIN_K, L_DIVERSITY, SENSITIVE_QUESTIONS, ReleaseRefused, type ApprovedText, type DisclosureReport, type ReleasedTable, type SourceResponse } from './anonymise.ts';
export { codebook, codebookRows, type Codebook, type CodebookEntry } from './codebook.ts';
