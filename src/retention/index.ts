/** Retention: the daily deletion of what has outlived its period, and the log of counts. */
export { retentionService, type RetentionService, type RetentionDeps, type RetentionTotals } from './retention.service.ts';
export { retentionRoutes } from './retention.routes.ts';
export { addMonths, closedOn, dueForRetention, hasExpired, RETENTION_ITEMS, type RetentionItem, type RetentionPolicy } from './retention.ts';
