/** Safeguarding: screening free text for concerns, the review queue, and disclosures to LAs. */
export { screen, type ScreenMatch, type ScreenResult } from './screen.ts';
export { compileRules, defaultRules, rulesFileSchema, type Rules, type RulesFile } from './rules.ts';
export { CATEGORIES, type Category } from './corpus/corpus.ts';
export { safeguardingService, type SafeguardingService, type SafeguardingDeps } from './review.service.ts';
export { safeguardingRoutes } from './review.routes.ts';
export { safeguardingNavCounts } from './nav.ts';
export { safeguardingJobs } from './jobs.ts';
