/** Cleaning before analysis: suspect responses of a closed wave, researchers' decisions, exclusions. */
export { cleaningService, type CleaningService, type CleaningSummary, type SuspectRow } from './cleaning.service.ts';
export { cleaningRoutes } from './cleaning.routes.ts';
export { excludedResponseIds } from './cleaning.repository.ts';
export { findSuspects, looksLikeTestComment, SUSPECT_REASONS, type Suspect, type SuspectReason } from './suspects.ts';
