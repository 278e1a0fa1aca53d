/** Manual entry of paper forms (docs/paper.md, "Manual entry"): keying, double entry, resolution. */
export { paperEntryService, type PaperEntryService, type PaperEntryDeps, type Mode } from './entry.service.ts';
export { paperEntryRoutes } from './entry.routes.ts';
export { readTyped, readForm, keyOptions, compareEntries, resolveEntries, DECLINED_KEY, type EntryValues, type Difference } from './entry.ts';
export { storePaperResponse, type PaperStoreDeps } from './store.ts';
export { settle, entryQuestions, keyOf, fieldName } from './entry.ts';
