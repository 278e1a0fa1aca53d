/**
 * `brightspots backup` while the real server stores responses, and `brightspots restore`: every
 * response acknowledged before the backup began is in the backup; a damaged, foreign or newer backup is
 * refused before anything is replaced.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, STACK, type CliRun } from '../cli/testing.ts';
import { loadConfig } from '../config.ts';
import { connect, migrate } from '../db/index.ts';
import { hashSecret } from '../lib/ids.ts';
import { createServices } from '../services.ts';
import { readyDrafts, root, spawnServer, type ReadyDraft } from './testing.ts';

const entry = join(root, 'src', 'cli', 'index.ts');
const DRAFTS = 300;
const CLIENTS = 12;

/** The CLI as a child process that does not block the test (the server keeps answering meanwhile). */
function cliAsync(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

const count = (file: string, table: string): number => {
  const db = new SQLite(file, { readonly: true });
  try {
    return Number((db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);
  } finally {
    db.close();
  }
};

describe('backup under load and restore (SQLite)', { timeout: 120_000 }, () => {
  const box = cliSandbox('backup');
  const outDir = mkdtempSync(join(tmpdir(), 'bs-backups-'));
  const dbFile = join(box.dir, 'brightspots.sqlite');
  const backupFile = join(outDir, 'under-load.sqlite');
  let linkCode = '';
  let drafts: ReadyDraft[] = [];
  /** Submissions with the time their thank-you redirect arrived. */
  const acknowledged: Array<{ key: string; at: number }> = [];
  let backupBegan = 0;
  let backupRun: CliRun | undefined;
  let totalAcknowledged = 0;
  let restoreWhileRunning: CliRun | undefined;

  beforeAll(async () => {
    const config = loadConfig(box.env());
    const conn = connect(config);
    await migrate(conn.db);
    const services = createServices(conn.db, conn.dialect, config);
    const la = await services.programme.addLa({ name: 'Backupshire Council', nation: 'england', onsCode: 'E10000096' });
    const year = new Date().getUTCFullYear();
    const wave = await services.programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-11-17': 5000 }, opensOn: `${year - 1}-01-01`, closesOn: `${year + 1}-12-31` });
    linkCode = wave.linkCode;
    drafts = await readyDrafts(conn.db, wave.id, DRAFTS);
    await conn.close();

    const server = await spawnServer(box.dir, { RATE_LIMIT_PER_MINUTE: '100000' });
    try {
      let next = 0;
      const client = async () => {
        for (let d = drafts[next++]; d; d = drafts[next++]) {
          const r = await fetch(`${server.url}/s/${linkCode}/submit`, {
            method: 'POST',
            redirect: 'manual',
            headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `bs_draft=${d.token}` },
            body: `key=${encodeURIComponent(d.key)}`,
          });
          await r.arrayBuffer();
          if (r.status === 303 && (r.headers.get('location') ?? '').endsWith('/thanks')) acknowledged.push({ key: d.key, at: performance.now() });
        }
      };
      const load = Promise.all(Array.from({ length: CLIENTS }, client));
      // Once a third are in, back up while the rest keep arriving.
      while (acknowledged.length < DRAFTS / 3) await new Promise((r) => setTimeout(r, 10));
      backupBegan = performance.now();
      backupRun = await cliAsync(box.env(), 'backup', '--out', backupFile);
      await load;
      totalAcknowledged = acknowledged.length;
      // The server is still running: a restore now must refuse.
      restoreWhileRunning = await cliAsync(box.env(), 'restore', backupFile);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 180_000);

  afterAll(() => {
    box.remove();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('backs up while submissions are being stored, and the backup holds every one acknowledged before it began', () => {
    expect(backupRun?.err).toBe('');
    expect(backupRun?.code).toBe(0);
    expect(backupRun?.out).toMatch(/^Backup written to .*under-load\.sqlite: \d+ responses/);
    expect(totalAcknowledged).toBe(DRAFTS);
    const before = acknowledged.filter((a) => a.at < backupBegan);
    const after = acknowledged.filter((a) => a.at >= backupBegan);
    // The load really went on around the backup.
    expect(before.length).toBeGreaterThanOrEqual(DRAFTS / 3);
    expect(after.length).toBeGreaterThan(0);

    const db = new SQLite(backupFile, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      const has = db.prepare('select 1 from submissions where key_hash = ?');
      const missing = before.filter((a) => !has.get(hashSecret(a.key)));
      expect(missing).toEqual([]);
      const inBackup = Number((db.prepare('select count(*) as n from responses').get() as { n: number }).n);
      expect(inBackup).toBeGreaterThanOrEqual(before.length);
      // One response per submission key: nothing half-copied.
      expect(inBackup).toBe(Number((db.prepare('select count(*) as n from submissions').get() as { n: number }).n));
    } finally {
      db.close();
    }
    // The live database has them all.
    expect(count(dbFile, 'responses')).toBe(DRAFTS);
  });

  it('refuses to overwrite an existing file', () => {
    const r = box.cli('backup', '--out', backupFile);
    expect(r.code).toBe(2);
    expect(r.err).toContain('already exists');
    expect(r.err).not.toMatch(STACK);
  });

  it('refuses a damaged backup with a clear message and leaves the database as it was', () => {
    const damaged = join(outDir, 'damaged.sqlite');
    const bytes = readFileSync(backupFile);
    // Overwrite pages in the middle of the file (past the header), as a bad disk or a cut-off copy would.
    for (let i = 8192; i < Math.min(bytes.length, 8192 * 6); i++) bytes[i] = (i * 37) & 0xff;
    writeFileSync(damaged, bytes);
    const r = box.cli('restore', damaged);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: Not restored: damaged\.sqlite (is damaged|is not a readable SQLite database)/);
    expect(r.err).toContain('The database was not changed.');
    expect(r.err).not.toMatch(STACK);
    expect(count(dbFile, 'responses')).toBe(DRAFTS);

    const notSqlite = join(outDir, 'notes.sqlite');
    writeFileSync(notSqlite, 'These are not the data you are looking for.\n'.repeat(200));
    const r2 = box.cli('restore', notSqlite);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('notes.sqlite is not a readable SQLite database');

    const r3 = box.cli('restore', join(outDir, 'nothing-here.sqlite'));
    expect(r3.code).toBe(2);
    expect(r3.err).toContain('there is no file at');
  });

  it('refuses a SQLite file that is not a Bright Spots backup, and one from a newer version', () => {
    const foreign = join(outDir, 'foreign.sqlite');
    const f = new SQLite(foreign);
    f.exec('create table notes (id integer primary key, text text)');
    f.close();
    const r = box.cli('restore', foreign);
    expect(r.code).toBe(2);
    expect(r.err).toContain('foreign.sqlite is not a Bright Spots backup: it has no migrations table');

    const newer = join(outDir, 'newer.sqlite');
    copyFileSync(backupFile, newer);
    const n = new SQLite(newer);
    n.prepare("insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01T00:00:00.000Z')").run();
    n.close();
    const r2 = box.cli('restore', newer);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('newer.sqlite comes from a newer version of the platform (migrations 9999_from_the_future): upgrade first');
    expect(count(dbFile, 'responses')).toBe(DRAFTS);
  });

  it('refuses while the server is running, and changes nothing', () => {
    expect(restoreWhileRunning?.code).toBe(2);
    expect(restoreWhileRunning?.err).toContain('Not restored: the database looks in use');
    expect(restoreWhileRunning?.err).toContain('Stop the server');
    expect(restoreWhileRunning?.err).not.toMatch(STACK);
    expect(readdirSync(box.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    expect(count(dbFile, 'responses')).toBe(DRAFTS);
  });

  it('refuses when the database was left open (a crash) unless forced', () => {
    writeFileSync(`${dbFile}-wal`, '');
    try {
      const r = box.cli('restore', backupFile);
      expect(r.code).toBe(2);
      expect(r.err).toContain('the database looks in use');
      expect(r.err).toContain('--force');
      expect(count(dbFile, 'responses')).toBe(DRAFTS);
    } finally {
      rmSync(`${dbFile}-wal`, { force: true });
    }
  });

  it('restores a good backup (with --force after a crash), keeps the replaced database aside, and records the restore in the audit log', () => {
    const inBackup = count(backupFile, 'responses');
    // A crash leaves the log file behind; --force restores anyway and keeps it with the replaced file.
    writeFileSync(`${dbFile}-wal`, '');
    const r = box.cli('restore', backupFile, '--force');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${inBackup} responses`);
    expect(r.out).toMatch(/The database it replaced is kept at .*brightspots\.sqlite\.before-restore-/);
    expect(count(dbFile, 'responses')).toBe(inBackup);
    const kept = readdirSync(box.dir).find((f) => f.startsWith('brightspots.sqlite.before-restore-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
    expect(kept).toBeDefined();
    expect(existsSync(join(box.dir, `${kept ?? ''}-wal`))).toBe(true);
    expect(count(join(box.dir, kept ?? ''), 'responses')).toBe(DRAFTS);
    const db = new SQLite(dbFile, { readonly: true });
    try {
      const actions = (db.prepare("select action from audit_log where action like 'database.%' order by at").all() as Array<{ action: string }>).map((a) => a.action);
      expect(actions).toContain('database.restored');
    } finally {
      db.close();
    }
    expect(existsSync(backupFile)).toBe(true);
  });
});

describe('backup on PostgreSQL', { timeout: 120_000 }, () => {
  it('refuses and names pg_dump and pg_restore', async () => {
    const box = cliSandbox('backup-pg');
    try {
      const env = { ...box.env(), DATABASE_URL: 'postgres://brightspots@db.example/brightspots' };
      const backup = await cliAsync(env, 'backup', '--out', join(box.dir, 'x.sqlite'));
      expect(backup.code).toBe(2);
      expect(backup.err).toContain('pg_dump --format=custom');
      expect(backup.err).toContain('pg_restore');
      expect(backup.err).not.toMatch(STACK);
      const restore = await cliAsync(env, 'restore', join(box.dir, 'x.sqlite'));
      expect(restore.code).toBe(2);
      expect(restore.err).toContain('pg_dump');
      expect(existsSync(join(box.dir, 'x.sqlite'))).toBe(false);
    } finally {
      box.remove();
    }
  });
});
