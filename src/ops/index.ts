/** Running it in production: readiness, metrics, backups and restore. */
export { opsRoutes } from './ops.routes.ts';
export { checkReadiness, migrationState, type Readiness } from './readiness.ts';
export { opsRepository, type OpsCounts } from './ops.repository.ts';
export { createMetrics, metricsAllowed, methodLabel, routeLabel } from './metrics.ts';
export { backupSqlite, checkBackup, restoreSqlite, postgresBackupAdvice, type BackupCheck } from './backup.ts';
