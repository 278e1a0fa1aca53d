/** Test helpers: the `brightspots` command run as a child process over its own temporary data folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { connect, migrate, type Db } from '../db/index.ts';
import { createServices, type Services } from '../services.ts';

export const root = join(import.meta.dirname, '..', '..');
const entry = join(root, 'src', 'cli', 'index.ts');

/** A stack trace line, which a user must never see for a mistake they can fix. */
export const STACK = /^\s+at /m;

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** A temporary data folder (SQLite) and a runner over it; call `remove()` after the tests. */
export function cliSandbox(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `brightspots-${prefix}-`));
  /** The environment of every run: the temporary database and a fixed public URL. */
  function env(): NodeJS.ProcessEnv {
    const { DATABASE_URL: _db, PORT: _port, ...rest } = process.env;
    return { ...rest, DATA_DIR: dir, PUBLIC_URL: 'https://brightspots.example', NODE_ENV: 'test' };
  }
  return {
    dir,
    env,
    cli: (...args: string[]): CliRun => {
      const r = spawnSync(process.execPath, [entry, ...args], { cwd: root, env: env(), encoding: 'utf8', timeout: 30_000 });
      return { code: r.status, out: r.stdout, err: r.stderr };
    },
    /** Like `cli`, with `input` on standard input. */
    cliWithInput: (input: string, ...args: string[]): CliRun => {
      const r = spawnSync(process.execPath, [entry, ...args], { cwd: root, env: env(), encoding: 'utf8', timeout: 60_000, input });
      return { code: r.status, out: r.stdout, err: r.stderr };
    },
    /** Seeds the sandbox's database through the services (as the command would see it), then closes it. */
    seed: async (use: (s: Services, db: Db) => Promise<void>): Promise<void> => {
      const config = loadConfig(env());
      const conn = connect(config);
      try {
        await migrate(conn.db);
        await use(createServices(conn.db, conn.dialect, config), conn.db);
      } finally {
        await conn.close();
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
