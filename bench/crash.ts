/**
 * Crash safety (issue 9): the real server (`node src/main.ts`) on a fresh SQLite database, clients walking
 * the survey and submitting it with the one-time submission key the "ready to send?" form carries, and
 * the server killed with SIGKILL at a random moment, then started again on the same database and port.
 * A client whose request failed waits for the server and sends the same request again: for the
 * submission that is a replay with the same draft cookie and the same key, which the survey stores at
 * most once (`submissions.key_hash` is the primary key, written in the response's transaction).
 *
 * Afterwards: every submission that got its thank-you page is in the database, every replayed one is
 * stored once, responses and submission keys match one for one (no duplicates), and SQLite's
 * integrity check passes. `npm run bench crash` runs 20 cycles with 50 clients; the test
 * (src/ops/crash-safety.test.ts) runs the same code with 3 cycles and 20 clients.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { getInstrument, mulberry32, syntheticAnswers, type InstrumentId } from '../src/instruments/index.ts';
import { hashSecret } from '../src/lib/ids.ts';
import { answerToReview, startSurvey } from './journey.ts';
import { browserlessClient, freePort, printFigure, round, seededDataDir, spawnMain, type BrowserlessClient, type Figures, type FormFields, type Reply } from './lib.ts';

export interface CrashOptions {
  cycles: number;
  clients: number;
  /** The server is killed between these many milliseconds after it answers /healthz (uniformly). */
  killAfterMs: readonly [number, number];
  /** Seeds the kill moments and the answers, so a run can be repeated. */
  seed: number;
  /** Called with a line of progress (the bench prints it; the test stays quiet). */
  progress?: (line: string) => void;
}

export interface CrashResult {
  cycles: number;
  clients: number;
  /** Distinct submissions that received the thank-you page. */
  acknowledged: number;
  /** Submissions whose POST failed (server killed) and were sent again with the same cookie and key. */
  replayed: number;
  /** Replayed submissions whose key is in the database (should equal `replayed`). */
  replayedStored: number;
  /** Responses in the wave's database table. */
  stored: number;
  /** Submission keys recorded (one per stored response when nothing is duplicated). */
  keys: number;
  /** Responses beyond one per submission key. */
  duplicates: number;
  /** Acknowledged submissions whose key is not in the database. */
  lost: number;
  /** SQLite's `PRAGMA integrity_check` result ('ok' when sound). */
  integrity: string;
  /** Requests that failed because the server was down (each sent again). */
  interruptedRequests: number;
  /** Journeys abandoned because the server answered something unexpected (should be 0). */
  journeyErrors: number;
  seconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MIX: readonly InstrumentId[] = ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17', 'ylyc-11-17'];
const AGES: Record<string, number> = { 'ylyc-4-7': 5, 'ylyc-8-11': 9, 'ylyc-11-17': 14 };

/** The server on a fixed port, so a restart answers at the same address; generous to start on a busy machine. */
function startServer(dataDir: string, port: number, logFile: string): Promise<ChildProcess> {
  // One address stands in for many young people.
  return spawnMain(dataDir, port, { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000', DRAFTS_PER_WAVE_PER_HOUR: '100000000' }, logFile, 120_000);
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}

/** Whether the server is up: requests that fail wait on `whenUp()` and are then sent again. */
function serverGate() {
  let open: () => void = () => {};
  let up: Promise<void> = Promise.resolve();
  return {
    whenUp: () => up,
    down() {
      up = new Promise<void>((resolve) => (open = resolve));
    },
    up() {
      open();
    },
  };
}

interface Tally {
  acknowledged: Set<string>;
  replayed: Set<string>;
  interrupted: number;
  journeyErrors: number;
}

/** A browserless client whose requests wait for the server and are sent again when they fail at the network. */
function patientClient(base: string, gate: ReturnType<typeof serverGate>, tally: Tally): BrowserlessClient & { send(path: string, form: FormFields): Promise<Reply | 'failed'> } {
  const inner = browserlessClient(base);
  /** One attempt: the reply, or 'failed' when the connection was refused or reset. */
  async function send(path: string, form: FormFields): Promise<Reply | 'failed'> {
    await gate.whenUp();
    try {
      return await inner.post(path, form);
    } catch {
      tally.interrupted++;
      await sleep(50);
      return 'failed';
    }
  }
  async function patient(attempt: () => Promise<Reply>): Promise<Reply> {
    for (;;) {
      await gate.whenUp();
      try {
        return await attempt();
      } catch {
        tally.interrupted++;
        await sleep(50);
      }
    }
  }
  return {
    get: (path) => patient(() => inner.get(path)),
    post: (path, form) => patient(() => inner.post(path, form)),
    cookie: inner.cookie,
    send,
  };
}

/** One young person after another: the whole journey, then the submission, replayed until answered. */
async function clientLoop(id: number, base: string, linkCode: string, gate: ReturnType<typeof serverGate>, tally: Tally, seed: number, stopping: () => boolean): Promise<void> {
  const rng = mulberry32(seed + id);
  for (let n = 0; !stopping(); n++) {
    const instrument = getInstrument(MIX[(id + n) % MIX.length] ?? 'ylyc-11-17');
    if (!instrument) throw new Error('unknown instrument');
    const client = patientClient(base, gate, tally);
    let key: string;
    try {
      const first = await startSurvey(client, linkCode, AGES[instrument.id]);
      const { answers, freeText } = syntheticAnswers(instrument, rng);
      key = await answerToReview(client, instrument, first, answers, freeText);
    } catch {
      // The server answered something unexpected (not a network failure): counted, and a new young person starts.
      tally.journeyErrors++;
      continue;
    }
    // The submission: the same cookie and key until the server answers.
    for (;;) {
      const r = await client.send(`/s/${linkCode}/submit`, { key });
      if (r === 'failed') {
        tally.replayed.add(key);
        continue;
      }
      if (r.status === 303 && r.location?.endsWith('/thanks')) tally.acknowledged.add(key);
      else tally.journeyErrors++;
      break;
    }
  }
}

/** Runs the cycles and checks the database afterwards. */
export async function crashCycles(o: CrashOptions): Promise<CrashResult> {
  const seeded = await seededDataDir('ylyc');
  const { dataDir, wave } = seeded;
  // The server alone writes while it runs.
  await seeded.conn.close();
  const logFile = join(dataDir, 'server.log');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const rng = mulberry32(o.seed);
  const gate = serverGate();
  const tally: Tally = { acknowledged: new Set(), replayed: new Set(), interrupted: 0, journeyErrors: 0 };
  let stop = false;
  const started = performance.now();
  let server = await startServer(dataDir, port, logFile);
  const clients = Array.from({ length: o.clients }, (_, i) => clientLoop(i, base, wave.linkCode, gate, tally, o.seed * 1000, () => stop));
  try {
    for (let cycle = 1; cycle <= o.cycles; cycle++) {
      const [lo, hi] = o.killAfterMs;
      await sleep(lo + rng() * (hi - lo));
      gate.down();
      await killHard(server);
      o.progress?.(`cycle ${cycle}: killed with SIGKILL; ${tally.acknowledged.size} acknowledged, ${tally.replayed.size} replayed so far`);
      server = await startServer(dataDir, port, logFile);
      gate.up();
    }
    // Every client finishes the young person it is serving (replaying a failed submission), then stops.
    stop = true;
    await Promise.all(clients);
  } finally {
    stop = true;
    gate.up();
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  }
  const seconds = (performance.now() - started) / 1000;

  try {
    const db = new SQLite(join(dataDir, 'brightspots.sqlite'), { readonly: true });
    try {
      const integrity = (db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
      const count = (q: string) => Number((db.prepare(q).get(wave.id) as { n: number }).n);
      const stored = count('SELECT count(*) AS n FROM responses WHERE wave_id = ?');
      const keys = count('SELECT count(*) AS n FROM submissions WHERE wave_id = ?');
      const hasKey = db.prepare('SELECT 1 FROM submissions WHERE key_hash = ?');
      const inDb = (key: string) => hasKey.get(hashSecret(key)) !== undefined;
      const lost = [...tally.acknowledged].filter((k) => !inDb(k)).length;
      const replayedStored = [...tally.replayed].filter(inDb).length;
      return {
        cycles: o.cycles,
        clients: o.clients,
        acknowledged: tally.acknowledged.size,
        replayed: tally.replayed.size,
        replayedStored,
        stored,
        keys,
        duplicates: Math.max(0, stored - keys),
        lost,
        integrity,
        interruptedRequests: tally.interrupted,
        journeyErrors: tally.journeyErrors,
        seconds,
      };
    } finally {
      db.close();
    }
  } finally {
    await seeded.cleanup();
  }
}

/** `npm run bench crash`: 20 cycles, 50 clients (BENCH_CRASH_CYCLES, BENCH_CRASH_CLIENTS). */
export async function run(): Promise<Figures> {
  const cycles = Number(process.env['BENCH_CRASH_CYCLES'] ?? 20);
  const clients = Number(process.env['BENCH_CRASH_CLIENTS'] ?? 50);
  const r = await crashCycles({ cycles, clients, killAfterMs: [500, 4000], seed: 20260309, progress: (line) => console.log(`  ${line}`) });
  console.log(`\nCrash safety (${r.cycles} SIGKILL cycles, ${r.clients} clients, SQLite, ${round(r.seconds)} s)`);
  printFigure('submissions acknowledged (thank-you page)', r.acknowledged);
  printFigure('submissions replayed after a failed request', r.replayed, `(${r.replayedStored} stored)`);
  printFigure('responses stored', r.stored, r.stored === r.acknowledged ? '(= acknowledged)' : '(MISMATCH)');
  printFigure('duplicates (responses beyond one per key)', r.duplicates);
  printFigure('lost (acknowledged, not stored)', r.lost);
  printFigure('PRAGMA integrity_check', r.integrity);
  printFigure('requests interrupted and sent again', r.interruptedRequests);
  printFigure('journeys with an unexpected answer', r.journeyErrors);
  return {
    cycles: r.cycles,
    clients: r.clients,
    acknowledged: r.acknowledged,
    replayed: r.replayed,
    replayed_stored: r.replayedStored,
    stored: r.stored,
    duplicates: r.duplicates,
    lost: r.lost,
    integrity_ok: r.integrity === 'ok' ? 1 : 0,
    interrupted_requests: r.interruptedRequests,
    journey_errors: r.journeyErrors,
    seconds: round(r.seconds),
  };
}
