/** The participation feature's public surface: the tracker ("a plan for each young person"), its import and export, access codes. */
export { participationService, type ParticipationService, type ParticipationDeps, type AccessCodeRedeemer } from './participation.service.ts';
export type { CodeCheck, CodeScope, PrintedCode } from './codes.service.ts';
export { participationRoutes } from './participation.routes.ts';
export { ENTRY_STATUSES, LABELS as TRACKER_LABELS, type EntryStatus, type StatusCounts, type TrackerEntry } from './tracker.ts';
export { parseAccessCode, formatAccessCode, ACCESS_CODE_LENGTH } from './access-codes.ts';
export { IDENTIFIER_WORDS, identifyingHeader } from './identifiers.ts';
