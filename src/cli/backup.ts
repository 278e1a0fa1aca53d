/** `brightspots backup` and `brightspots restore`: the SQLite database, copied while in use, and put back after a check. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { AppError } from '../lib/errors.ts';
import { backupSqlite, postgresBackupAdvice, restoreSqlite } from '../ops/index.ts';
import { examples, withServices } from './context.ts';

/** The SQLite file `connect()` opens for a DATA_DIR. */
const sqliteFile = (dataDir: string): string => join(dataDir, 'brightspots.sqlite');

/** Registers `backup` and `restore` on the program. */
export function registerBackup(program: Command, env: NodeJS.ProcessEnv): void {
  program
    .command('backup')
    .description('copy the SQLite database to a file, safely while the platform runs (PostgreSQL: use pg_dump)')
    .requiredOption('--out <file>', 'the backup file to write (must not exist yet)')
    .addHelpText('after', examples(['brightspots backup --out /var/backups/brightspots/brightspots-$(date +%F).sqlite']))
    .action(async (opts: { out: string }) => {
      const config = loadConfig(env);
      if (config.databaseUrl) throw new AppError('bad_request', postgresBackupAdvice());
      const out = resolve(opts.out);
      const started = Date.now();
      const result = await backupSqlite(sqliteFile(config.dataDir), out);
      await withServices(env, (s) => s.audit.record(null, 'database.backed_up', null, null, { responses: result.responses }));
      console.log(`Backup written to ${out}: ${result.responses} responses, ${(result.bytes / 1_048_576).toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      console.log('It passed SQLite\'s integrity check. Keep it as safe as the live data: it holds everything.');
    });

  program
    .command('restore')
    .description('replace the SQLite database with a backup, after checking the backup (stop the platform first)')
    .argument('<file>', 'a file made by brightspots backup')
    .option('--force', 'restore even though the database looks in use (only when nothing is running, e.g. after a crash)', false)
    .addHelpText('after', examples(['brightspots restore /var/backups/brightspots/brightspots-2026-03-02.sqlite']))
    .action(async (file: string, opts: { force: boolean }) => {
      const config = loadConfig(env);
      if (config.databaseUrl) throw new AppError('bad_request', postgresBackupAdvice());
      const from = resolve(file);
      const result = restoreSqlite(sqliteFile(config.dataDir), from, { force: opts.force, now: new Date() });
      // Opening it brings an older backup's schema up to this version, and records the restore.
      await withServices(env, (s) => s.audit.record(null, 'database.restored', null, null, { responses: result.responses, keptAt: result.keptAt }));
      console.log(`Restored ${from}: ${result.responses} responses.`);
      if (result.keptAt) console.log(`The database it replaced is kept at ${result.keptAt} (delete it once you are sure).`);
    });
}
