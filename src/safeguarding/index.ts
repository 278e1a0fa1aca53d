/** Safeguarding: screening free text for concerns (the review queue and disclosures build on this). */
export { screen, type ScreenMatch, type ScreenResult } from './screen.ts';
export { compileRules, defaultRules, rulesFileSchema, type Rules, type RulesFile } from './rules.ts';
export { CATEGORIES, type Category } from './corpus/corpus.ts';
