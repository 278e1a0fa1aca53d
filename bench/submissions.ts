/**
 * Submissions per second with everything a real submission does switched on: the server runs as a
 * child process (`node src/main.ts`, NODE_ENV=production, logging every request at info to a file,
 * rate limiting, compression, security headers), on SQLite in a temporary DATA_DIR.
 *
 * Each submission needs a draft ready to send with its own cookie token and one-time key. A few are
 * made through the real HTTP journey; the bulk are written with the survey's own drafts repository
 * straight into the same SQLite file before the server starts (30,000 journeys over HTTP would take
 * longer than the benchmark). autocannon then posts the submit form, 50 connections, each request with
 * the next unused draft, for about 20 s. Afterwards the database must hold exactly as many responses as
 * there were successful replies.
 */
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import type { Db } from '../src/db/index.ts';
import { getInstrument, mulberry32, syntheticAnswers, type Instrument, type InstrumentId } from '../src/instruments/index.ts';
import type { Wave } from '../src/programme/index.ts';
import { bulkDrafts, type ReadyDraft } from './drafts.ts';
import { answerToReview, startSurvey } from './journey.ts';
import { browserlessClient, memoryOf, percentile, printFigure, round, seededDataDir, startServerProcess, watchMemory, type Figures } from './lib.ts';

const DRAFTS = Number(process.env['BENCH_DRAFTS'] ?? 30_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
/** Drafts made through the real HTTP journey, one per instrument and age. */
const HTTP_JOURNEYS: readonly { age: number; instrument: InstrumentId }[] = [
  { age: 5, instrument: 'ylyc-4-7' },
  { age: 9, instrument: 'ylyc-8-11' },
  { age: 14, instrument: 'ylyc-11-17' },
  { age: 16, instrument: 'ylyc-11-17' },
];

function instrument(id: InstrumentId): Instrument {
  const i = getInstrument(id);
  if (!i) throw new Error(`no instrument ${id}`);
  return i;
}

/** Walks the real journey over HTTP for a few young people and returns their drafts' cookie and key. */
async function httpDrafts(url: string, wave: Wave): Promise<ReadyDraft[]> {
  const rng = mulberry32(7);
  const out: ReadyDraft[] = [];
  for (const j of HTTP_JOURNEYS) {
    const client = browserlessClient(url);
    const first = await startSurvey(client, wave.linkCode, j.age);
    const { answers, freeText } = syntheticAnswers(instrument(j.instrument), rng);
    const key = await answerToReview(client, instrument(j.instrument), first, answers, freeText);
    const token = client.cookie('bs_draft');
    if (!token) throw new Error('the journey left no draft cookie');
    out.push({ token, key });
  }
  return out;
}

async function countRows(db: Db, table: 'responses' | 'submissions' | 'drafts', waveId: string): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select(sql<number>`count(*)`.as('n'))
    .where('wave_id', '=', waveId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

interface LoadResult {
  stored: number;
  refused: number;
  byStatus: Map<string, number>;
  /** Submission latencies in ms, sorted. */
  latencies: number[];
  /** From the first request to the last submission's reply. */
  seconds: number;
  memory: { peakRssMb: number; hwmMb: number };
  result: autocannon.Result;
}

interface RequestContext {
  kind?: 'submit' | 'drain';
  sentAt?: number;
}

/**
 * Posts the submit form with the next unused draft on every request for SECONDS, then drains: new
 * requests become GET /healthz, and the run stops once every connection has had a /healthz reply, so
 * every submission sent has had its reply counted (stopping mid-flight would lose some).
 */
async function submitAll(url: string, path: string, queue: readonly ReadyDraft[], serverPid: number): Promise<LoadResult> {
  let next = 0;
  let stored = 0;
  let refused = 0;
  const byStatus = new Map<string, number>();
  const latencies: number[] = [];
  const drained = new Set<unknown>();
  let draining = false;
  let lastReply = 0;
  const memory = watchMemory(serverPid, 200);
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  return new Promise<LoadResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        pipelining: 1,
        // A safety net only: the drain stops the run.
        duration: SECONDS + 120,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path,
            setupRequest: (req, context) => {
              const ctx = context as RequestContext;
              const d = performance.now() < deadline ? queue[next] : undefined;
              if (!d) {
                draining = true;
                ctx.kind = 'drain';
                return { method: 'GET', path: '/healthz', headers: {} };
              }
              next++;
              ctx.kind = 'submit';
              ctx.sentAt = performance.now();
              return {
                ...req,
                headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `bs_draft=${d.token}` },
                body: `key=${encodeURIComponent(d.key)}`,
              };
            },
            onResponse: (status, _body, context, headers) => {
              const ctx = context as RequestContext;
              if (ctx.kind !== 'submit') return;
              const now = performance.now();
              lastReply = now;
              latencies.push(now - (ctx.sentAt ?? now));
              const location = String(headers?.['location'] ?? '');
              const label = `${status}${location ? ` -> ${location.slice(location.lastIndexOf('/'))}` : ''}`;
              byStatus.set(label, (byStatus.get(label) ?? 0) + 1);
              if (status === 303 && location.endsWith('/thanks')) stored++;
              else refused++;
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        latencies.sort((a, b) => a - b);
        resolve({ stored, refused, byStatus, latencies, seconds: (lastReply - started) / 1000, memory: memory.stop(), result });
      },
    );
    // Each connection answers one request at a time: its first /healthz reply means its submissions are done.
    instance.on('response', (client: unknown, status: number) => {
      if (!draining || status !== 200) return;
      drained.add(client);
      if (drained.size >= CONNECTIONS) instance.stop();
    });
  });
}

/** Runs the submissions benchmark and prints its figures. */
export async function run(): Promise<Figures> {
  const seeded = await seededDataDir('ylyc');
  const { conn, wave, dataDir } = seeded;
  const logFile = process.env['BENCH_LOG_FILE'] ?? join(dataDir, 'server.log');
  try {
    const t0 = performance.now();
    const bulk = await bulkDrafts(conn.db, wave, DRAFTS, 20260302);
    const prepSeconds = (performance.now() - t0) / 1000;

    const server = await startServerProcess(
      dataDir,
      // Generous limits: one load generator on one address stands in for thousands of young people.
      { RATE_LIMIT_PER_MINUTE: '100000000', DRAFTS_PER_WAVE_PER_HOUR: '100000000' },
      logFile,
    );
    try {
      const viaHttp = await httpDrafts(server.url, wave);
      // Before the load: what the server holds after starting and serving a few journeys.
      const idle = memoryOf(server.pid);
      const queue = [...viaHttp, ...bulk];
      const path = `/s/${wave.linkCode}/submit`;
      const load = await submitAll(server.url, path, queue, server.pid);
      const { stored, refused, byStatus, latencies, result } = load;
      const elapsed = load.seconds;
      const mem = load.memory;
      // Let the server finish anything in flight before counting.
      await new Promise((r) => setTimeout(r, 200));
      const inDb = await countRows(conn.db, 'responses', wave.id);
      const keys = await countRows(conn.db, 'submissions', wave.id);
      const draftsLeft = await countRows(conn.db, 'drafts', wave.id);

      const figures: Figures = {
        submissions_per_second: round(stored / elapsed),
        submissions_stored: inDb,
        successful_replies: stored,
        stored_equals_replies: inDb === stored && keys === stored ? 1 : 0,
        other_replies: refused,
        errors: result.errors + result.timeouts,
        latency_p50_ms: round(percentile(latencies, 50)),
        latency_p99_ms: round(percentile(latencies, 99)),
        latency_max_ms: round(latencies[latencies.length - 1] ?? 0),
        server_rss_before_load_mb: round(idle?.rssMb ?? 0),
        server_peak_rss_mb: round(mem.peakRssMb),
        server_vmhwm_mb: round(mem.hwmMb),
        drafts_prepared: queue.length,
        drafts_left: draftsLeft,
        prepare_seconds: round(prepSeconds),
        load_seconds: round(elapsed),
      };
      console.log(`\nSubmissions (${CONNECTIONS} connections, ${queue.length} drafts ready to send, ${round(elapsed)} s, SQLite, LOG_LEVEL=info)`);
      printFigure('complete submissions per second', figures['submissions_per_second'] ?? 0, '/s (goal >= 1000)');
      printFigure('successful replies (303 to thank-you)', stored);
      printFigure('responses stored in the database', inDb, inDb === stored && keys === stored ? '(= replies)' : `(MISMATCH: ${keys} keys)`);
      printFigure('other replies', refused, [...byStatus].map(([k, v]) => `${k}: ${v}`).join(', '));
      printFigure('connection errors and timeouts', figures['errors'] ?? 0);
      printFigure('latency p50 (submissions)', figures['latency_p50_ms'] ?? 0, 'ms');
      printFigure('latency p99 (submissions)', figures['latency_p99_ms'] ?? 0, 'ms');
      printFigure('latency max (submissions)', figures['latency_max_ms'] ?? 0, 'ms');
      printFigure('server resident memory before the load', round(idle?.rssMb ?? 0), 'MB');
      printFigure('server peak resident memory (VmRSS, 200 ms polls)', round(mem.peakRssMb), 'MB (goal < 200)');
      printFigure('server VmHWM (kernel peak since start)', round(mem.hwmMb), 'MB');
      printFigure('drafts prepared (HTTP journeys + repository)', `${viaHttp.length} + ${bulk.length}`);
      printFigure('time to prepare bulk drafts', round(prepSeconds), 's');
      return figures;
    } finally {
      await server.stop();
    }
  } finally {
    await seeded.cleanup();
  }
}
