/**
 * Online backups of the SQLite database with SQLite's backup API, and a restore that checks a backup
 * before it replaces anything. PostgreSQL is backed up with its own tools (see postgresBackupAdvice).
 */
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { AppError } from '../lib/errors.ts';
import { newToken } from '../lib/ids.ts';
import { migrationState } from './readiness.ts';

export type BackupCheck = { ok: true; migrations: number; responses: number } | { ok: false; problem: string };

/** What to run instead on PostgreSQL. */
export function postgresBackupAdvice(): string {
  return [
    'This platform uses PostgreSQL (DATABASE_URL is set): back it up with PostgreSQL\'s own tool, while it runs:',
    '  pg_dump --format=custom --file=brightspots-$(date +%F).dump "$DATABASE_URL"',
    'and restore into an empty database with:',
    '  pg_restore --no-owner --dbname="$DATABASE_URL" brightspots-YYYY-MM-DD.dump',
    'See docs/OPERATIONS.md, "Backups and restore".',
  ].join('\n');
}

const sqliteMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Opens a backup read-only and checks it: a SQLite file, intact, with this platform's migrations, none newer than this version. */
export function checkBackup(file: string): BackupCheck {
  if (!existsSync(file) || !statSync(file).isFile()) return { ok: false, problem: `there is no file at ${file}` };
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
    const first = integrity[0]?.integrity_check;
    if (first !== 'ok') return { ok: false, problem: `${basename(file)} is damaged: SQLite's integrity check says "${first ?? 'nothing'}"` };
    const hasTable = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (!hasTable) return { ok: false, problem: `${basename(file)} is not a Bright Spots backup: it has no migrations table` };
    const applied = (db.prepare('select name from kysely_migration').all() as Array<{ name: string }>).map((r) => r.name);
    const state = migrationState(applied);
    if (!state.ready && state.reason.startsWith('the database is newer')) {
      return { ok: false, problem: `${basename(file)} comes from a newer version of the platform (${state.reason.replace(/^.*\(|\).*$/g, '')}): upgrade first` };
    }
    const responses = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'responses'").get()
      ? Number((db.prepare('select count(*) as n from responses').get() as { n: number }).n)
      : 0;
    return { ok: true, migrations: applied.length, responses };
  } catch (e) {
    return { ok: false, problem: `${basename(file)} is not a readable SQLite database (${sqliteMessage(e)})` };
  } finally {
    db?.close();
  }
}

/**
 * Copies the live database to `out` while the platform keeps running: SQLite's backup API copies every
 * page in one step, inside one read transaction, so the copy is the database as it was at one moment
 * (everything committed before the backup began is in it). The copy is written beside `out` first,
 * made a standalone file (no WAL), checked, and only then given its name.
 */
export async function backupSqlite(dbFile: string, out: string): Promise<{ bytes: number; migrations: number; responses: number }> {
  if (!existsSync(dbFile)) throw new AppError('bad_request', `There is no database at ${dbFile} (check DATA_DIR).`);
  if (existsSync(out)) throw new AppError('bad_request', `${out} already exists: choose a new file name for --out.`);
  if (!existsSync(dirname(out))) throw new AppError('bad_request', `The folder ${dirname(out)} does not exist (check --out).`);
  const partial = `${out}.partial-${newToken().slice(0, 8)}`;
  const source = new SQLite(dbFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // Without a progress callback, the first step copies all pages at once (one consistent snapshot).
    await source.backup(partial);
  } catch (e) {
    rmSync(partial, { force: true });
    throw new AppError('bad_request', `The backup could not be written to ${out}: ${sqliteMessage(e)}`);
  } finally {
    source.close();
  }
  const copy = new SQLite(partial);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const check = checkBackup(partial);
  if (!check.ok) {
    rmSync(partial, { force: true });
    throw new Error(`the backup failed its own check: ${check.problem}`);
  }
  renameSync(partial, out);
  return { bytes: statSync(out).size, migrations: check.migrations, responses: check.responses };
}

export interface RestoreResult {
  /** Where the database that was replaced now is (null when there was none). */
  keptAt: string | null;
  migrations: number;
  responses: number;
}

/**
 * Replaces the database with a backup, after checking the backup. Refuses while the database looks in
 * use (its write-ahead log exists: a server or a command has it open, or one crashed), unless forced.
 * The replaced database is kept beside it as `<name>.before-restore-<time>`.
 */
export function restoreSqlite(dbFile: string, backupFile: string, opts: { force: boolean; now: Date }): RestoreResult {
  const check = checkBackup(backupFile);
  if (!check.ok) throw new AppError('bad_request', `Not restored: ${check.problem}. The database was not changed.`);
  if (existsSync(`${dbFile}-wal`) && !opts.force) {
    throw new AppError(
      'bad_request',
      `Not restored: the database looks in use (${basename(dbFile)}-wal exists), so the platform may be running. Stop the server and any other brightspots command, then run restore again. If nothing is running (for example after a crash), add --force. The database was not changed.`,
    );
  }
  const staged = `${dbFile}.restoring-${newToken().slice(0, 8)}`;
  copyFileSync(backupFile, staged);
  let keptAt: string | null = null;
  if (existsSync(dbFile)) {
    keptAt = `${dbFile}.before-restore-${opts.now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dbFile, keptAt);
    // The log files belong with the file they were written for.
    for (const suffix of ['-wal', '-shm']) if (existsSync(dbFile + suffix)) renameSync(dbFile + suffix, keptAt + suffix);
  }
  renameSync(staged, dbFile);
  return { keptAt, migrations: check.migrations, responses: check.responses };
}
