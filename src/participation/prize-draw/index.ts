/** The prize draw: entries kept apart from responses, drawn at random by the LA's lead after close, then deleted. */
export { prizeDrawService, type PrizeDrawService, type PrizeDrawDeps, type LeadView } from './prize.service.ts';
export { prizeDrawRoutes } from './prize.routes.ts';
export { pickWinners, parseEntryForm, acceptsEntries, entriesVisible, entriesExpireOn, RETENTION_DAYS, WINNERS_KEEP_DAYS, type PrizeEntry, type ContactMethod } from './draw.ts';
