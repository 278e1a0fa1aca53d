/** Test helpers for operations: the real server as a child process, and survey drafts ready to submit. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Db } from '../db/index.ts';
import { getInstrument, mulberry32, syntheticAnswers } from '../instruments/index.ts';
import { hashSecret, newId, newToken } from '../lib/ids.ts';
// Drafts are written exactly as the survey writes them, through its repository (as the benchmark does).
import { draftsRepository } from '../survey/drafts.repository.ts';

export const root = join(import.meta.dirname, '..', '..');

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerChild {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Everything it printed so far. */
  output(): string;
}

/** Starts `node src/main.ts` over a data folder, as production runs it, and waits for /healthz (30 s unless told). */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}, startupMs = 30_000): Promise<ServerChild> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'src', 'main.ts')], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startupMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /healthz within ${startupMs / 1000} s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, child, exited, output: () => out };
}

export interface ReadyDraft {
  token: string;
  key: string;
}

/** Writes `count` drafts at "ready to send?" with synthetic answers, as a young person's browser would leave them. */
export async function readyDrafts(db: Db, waveId: string, count: number): Promise<ReadyDraft[]> {
  const instrument = getInstrument('ylyc-11-17');
  if (!instrument) throw new Error('no instrument ylyc-11-17');
  const rng = mulberry32(20260302);
  const out: ReadyDraft[] = [];
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    const repo = draftsRepository(trx);
    for (let i = 0; i < count; i++) {
      const { answers } = syntheticAnswers(instrument, rng);
      const token = newToken();
      const created = new Date(now - 3_600_000 - i * 1000);
      const key = newToken();
      await repo.insert(
        {
          id: newId(),
          waveId,
          instrumentId: instrument.id,
          language: 'en',
          answers,
          freeText: {},
          textVisible: [],
          adultHelped: false,
          position: 'review',
          submissionKey: key,
          createdAt: created.toISOString(),
          updatedAt: created.toISOString(),
          expiresAt: new Date(now + 30 * 86_400_000).toISOString(),
        },
        hashSecret(token),
        hashSecret(newToken()),
      );
      out.push({ token, key });
    }
  });
  return out;
}
