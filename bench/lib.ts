/**
 * What the benchmark sections share: a temporary data folder seeded with an LA and an open wave, the
 * real server as a child process (`node src/main.ts`), its memory read from /proc, and a small
 * cookie-aware HTTP client that walks the survey like a browser without JavaScript.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, migrate, type Connection } from '../src/db/index.ts';
import { systemClock } from '../src/lib/clock.ts';
import { programmeRepository, programmeService, type Wave } from '../src/programme/index.ts';
import type { SurveyId } from '../src/instruments/index.ts';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A figure a section reports: a name and a number (units are in the name, e.g. `submit_p99_ms`). */
export type Figures = Record<string, number>;

/** A bench section: does its work and returns its figures. */
export interface Section {
  name: string;
  run(): Promise<Figures>;
}

/** Prints one labelled figure per line, aligned. */
export function printFigure(label: string, value: number | string, unit = ''): void {
  console.log(`  ${label.padEnd(44)} ${String(value).padStart(12)}${unit ? ` ${unit}` : ''}`);
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the server to take). */
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

/** A temporary DATA_DIR with a migrated SQLite database, an LA and one open wave of a survey. */
export async function seededDataDir(survey: SurveyId): Promise<{ dataDir: string; conn: Connection; wave: Wave; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-bench-'));
  const conn = connect({ dataDir });
  await migrate(conn.db);
  const programme = programmeService(programmeRepository(conn.db), systemClock);
  const la = await programme.addLa({ name: 'Benchshire Council', nation: 'england', onsCode: 'E10000098' });
  const year = Number(programme.today().slice(0, 4));
  const wave = await programme.openWave({
    laId: la.id,
    survey,
    eligible: survey === 'ylyc' ? { 'ylyc-4-7': 1000, 'ylyc-8-11': 2000, 'ylyc-11-17': 4000 } : { 'ylbc-16-25': 5000 },
    opensOn: `${year - 1}-01-01`,
    closesOn: `${year + 1}-12-31`,
  });
  let closed = false;
  return {
    dataDir,
    conn,
    wave,
    cleanup: async () => {
      if (!closed) await conn.close();
      closed = true;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Stops the server with SIGTERM (its graceful shutdown) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `node src/main.ts` as a child process, as production runs it, and waits for /healthz.
 * Its log output (JSON lines, one per request at LOG_LEVEL=info) goes to `logFile`, so logging costs
 * what it really costs.
 */
/** The Node flags of `npm start` (e.g. the young-generation size), so the bench runs the server as production does. */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return (/^node (.*?)src\/main\.ts$/.exec(pkg.scripts['start'] ?? '')?.[1] ?? '').split(' ').filter((f) => f.startsWith('--'));
}

/**
 * `node src/main.ts` as a child process on the given port, with production's flags and the given
 * environment, its output to `logFile`; resolves once /healthz answers, throws (with the log's tail)
 * if it exits or does not answer in time.
 */
export async function spawnMain(dataDir: string, port: number, env: Record<string, string>, logFile: string, readyWithinMs = 30_000): Promise<ChildProcess> {
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...startFlags(), join(root, 'src', 'main.ts')], {
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      // To try V8 settings on the server only, e.g. BENCH_SERVER_NODE_OPTIONS=--max-semi-space-size=8
      ...(process.env['BENCH_SERVER_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['BENCH_SERVER_NODE_OPTIONS'] } : {}),
      ...env,
    },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /healthz within ${readyWithinMs / 1000} s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startServerProcess(dataDir: string, env: Record<string, string>, logFile: string): Promise<ServerProcess> {
  const port = await freePort();
  const child = await spawnMain(dataDir, port, env, logFile);
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  const url = `http://127.0.0.1:${port}`;
  if (child.pid === undefined) throw new Error('the server has no pid');
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident memory of a process in MB: the current (VmRSS) and the peak so far (VmHWM). */
export function memoryOf(pid: number): { rssMb: number; hwmMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Polls a process's memory every `everyMs` until stopped; returns the highest RSS seen and the kernel's peak. */
export function watchMemory(pid: number, everyMs = 200): { stop(): { peakRssMb: number; hwmMb: number } } {
  let peakRss = 0;
  let hwm = 0;
  const sample = () => {
    const m = memoryOf(pid);
    if (!m) return;
    peakRss = Math.max(peakRss, m.rssMb);
    hwm = Math.max(hwm, m.hwmMb);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakRssMb: peakRss, hwmMb: hwm };
    },
  };
}

export interface Reply {
  status: number;
  location: string | undefined;
  body: string;
  headers: Headers;
}

/** Form fields: one value, or several for repeated names (checkboxes). */
export type FormFields = Record<string, string | readonly string[]>;

/** A browser without JavaScript: keeps cookies (ignoring paths, which is fine for one wave) and never follows redirects. */
export function browserlessClient(base: string) {
  const jar = new Map<string, string>();
  function keep(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
  }
  async function request(method: 'GET' | 'POST', path: string, form?: FormFields): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (jar.size > 0) headers['cookie'] = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (form) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const x of typeof v === 'string' ? [v] : v) p.append(k, x);
      body = p.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const r = await fetch(new URL(path, base), { method, headers, redirect: 'manual', ...(body !== undefined ? { body } : {}) });
    keep(r.headers);
    const location = r.headers.get('location') ?? undefined;
    return { status: r.status, location: location ? new URL(location, base).pathname : undefined, body: await r.text(), headers: r.headers };
  }
  return {
    get: (path: string) => request('GET', path),
    post: (path: string, form: FormFields = {}) => request('POST', path, form),
    cookie: (name: string) => jar.get(name),
  };
}

export type BrowserlessClient = ReturnType<typeof browserlessClient>;

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
