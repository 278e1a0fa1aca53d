/**
 * Soak (issue 9): the real server (`node src/main.ts`, NODE_ENV=production, every request logged at
 * info to a file) for BENCH_SOAK_SECONDS (600) at BENCH_SOAK_RATE (200) submissions per second, on
 * SQLite, or on PostgreSQL with BENCH_SOAK_DB=postgres (a database of its own on TEST_DATABASE_URL's
 * server, dropped afterwards), while a few staff users keep loading the wave dashboard, live fieldwork
 * and a report page.
 *
 * Each submission is a young person's complete survey at "ready to send?": drafts are written
 * beforehand with the survey's own drafts repository, as bench/submissions.ts does, and each POST
 * carries the draft's cookie and the one-time submission key the form carries. The load is open
 * (paced by the clock, not by replies), and a submission's latency runs from the moment it was due,
 * so a slow server cannot hide its slowness by slowing the load down.
 *
 * Every 10 s it samples the server's resident memory (VmRSS and RssAnon, the heap and other private
 * memory, from /proc/<pid>/status) and that window's p50/p99 latency and errors. Afterwards the
 * database must hold exactly one response per acknowledged submission. The figures: achieved rate,
 * error rate, p99 overall and per minute, RSS at start, middle and end and its slope in MB per minute
 * (a least-squares line through the samples after the first minute, so start-up and JIT warm-up are
 * not read as growth). `src/ops/soak.test.ts` runs the same code for 15 s at 50/s.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { generate } from 'otplib';
import { systemClock } from '../src/lib/clock.ts';
import { programmeRepository, programmeService } from '../src/programme/index.ts';
import { makeStaff, TEST_PASSWORD } from '../src/programme/staff/testing.ts';
import { addResponses } from '../src/reports/testing.ts';
import { bulkDrafts, type ReadyDraft } from './drafts.ts';
import { browserlessClient, percentile, printFigure, round, startServerProcess, type Figures, type Reply } from './lib.ts';
import { benchDatabase, engineFrom, type BenchEngine } from './scale-db.ts';

export interface SoakOptions {
  engine: BenchEngine;
  seconds: number;
  /** Submissions per second. */
  rate: number;
  /** Staff users loading pages one after another, each pausing `staffPauseMs` between pages. */
  staffUsers: number;
  staffPauseMs: number;
  sampleEveryMs: number;
  progress?: (line: string) => void;
}

export interface SoakSample {
  atSeconds: number;
  rssMb: number;
  /** Anonymous resident memory: the JavaScript heap and other private allocations. */
  rssAnonMb: number;
  /** Submissions due in the window, their errors and latency percentiles. */
  submissions: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  staffPages: number;
}

export interface SoakMinute {
  minute: number;
  submissions: number;
  errors: number;
  p99Ms: number;
}

export interface SoakResult {
  engine: BenchEngine;
  seconds: number;
  targetRate: number;
  sent: number;
  acknowledged: number;
  errors: number;
  errorRate: number;
  achievedRate: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  perMinute: SoakMinute[];
  staff: { pages: number; errors: number; p50Ms: number; p99Ms: number };
  samples: SoakSample[];
  rss: { startMb: number; middleMb: number; endMb: number; slopeMbPerMinute: number };
  /** Responses in the database afterwards (must equal `acknowledged`). */
  stored: number;
  /** Drafts the clock would have sent but the bench had none left for (should be 0). */
  unsent: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** VmRSS and RssAnon of a process in MB (0 when it has gone). */
function residentOf(pid: number): { rssMb: number; rssAnonMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, rssAnonMb: kb('RssAnon') / 1024 };
  } catch {
    return { rssMb: 0, rssAnonMb: 0 };
  }
}

/** Slope in units per minute of a least-squares line through (seconds, value) points. */
export function slopePerMinute(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

interface Outcome {
  /** Seconds since the start when it was due. */
  dueAt: number;
  latencyMs: number;
  ok: boolean;
}

/** The submissions due in [from, to) seconds that have had their reply: count, errors, p50 and p99. */
function windowOf(outcomes: readonly Outcome[], from: number, to: number): Pick<SoakSample, 'submissions' | 'errors' | 'p50Ms' | 'p99Ms'> {
  const inWindow = outcomes.filter((x) => x.dueAt >= from && x.dueAt < to);
  const lat = inWindow.map((x) => x.latencyMs).sort((a, b) => a - b);
  return { submissions: inWindow.length, errors: inWindow.filter((x) => !x.ok).length, p50Ms: round(percentile(lat, 50)), p99Ms: round(percentile(lat, 99)) };
}

/** Signs a staff account in through the real sign-in and second-factor pages. */
async function signIn(url: string, account: { email: string; secret: string }) {
  const c = browserlessClient(url);
  const csrfOf = (r: Reply) => /name="_csrf" value="([^"]+)"/.exec(r.body)?.[1] ?? '';
  const form = await c.get('/staff/sign-in');
  const first = await c.post('/staff/sign-in', { _csrf: csrfOf(form), email: account.email, password: TEST_PASSWORD, next: '/staff' });
  if (first.status !== 303) throw new Error(`staff sign-in: ${first.status}`);
  const codePage = await c.get('/staff/sign-in/code?next=%2Fstaff');
  const code = await generate({ secret: account.secret, epoch: Math.floor(Date.now() / 1000) });
  const second = await c.post('/staff/sign-in/code', { _csrf: csrfOf(codePage), code, next: '/staff' });
  if (second.status !== 303 || second.location !== '/staff') throw new Error(`staff second factor: ${second.status} ${second.location ?? ''}`);
  return c;
}

export async function soakRun(o: SoakOptions): Promise<SoakResult> {
  const d = await benchDatabase(o.engine, 'soak');
  try {
    const db = d.conn.db;
    const programme = programmeService(programmeRepository(db), systemClock);
    const year = Number(programme.today().slice(0, 4));
    const la = await programme.addLa({ name: 'Soakshire Council', nation: 'england', onsCode: 'E10000097' });
    const wave = await programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-4-7': 20_000, 'ylyc-8-11': 40_000, 'ylyc-11-17': 80_000 }, opensOn: `${year - 1}-01-01`, closesOn: `${year + 1}-12-31` });
    // A closed wave with a report to read, as staff do while fieldwork runs elsewhere.
    const last = await programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-8-11': 1500, 'ylyc-11-17': 3000 }, opensOn: `${year - 1}-01-05`, closesOn: `${year - 1}-02-27` });
    await addResponses(db, last, { 'ylyc-8-11': 500, 'ylyc-11-17': 1000 }, 11, 0.2);
    const closed = await programme.closeWave(last.id);
    const accounts = [];
    for (let i = 0; i < o.staffUsers; i++) accounts.push(await makeStaff(db, systemClock, `soak${i}@soakshire.example.org`, [{ role: 'programme_admin', laId: null }]));
    const t0 = performance.now();
    // Enough for the run plus a margin: the pacing never runs out.
    const drafts = await bulkDrafts(db, wave, Math.round(o.rate * o.seconds) + 50, 20260309);
    o.progress?.(`${drafts.length.toLocaleString('en-GB')} drafts ready to send in ${round((performance.now() - t0) / 1000)} s`);

    const logFile = join(d.dataDir, 'server.log');
    const server = await startServerProcess(d.dataDir, { ...d.env, RATE_LIMIT_PER_MINUTE: '100000000', DRAFTS_PER_WAVE_PER_HOUR: '100000000' }, logFile);
    try {
      const staffClients = await Promise.all(accounts.map((a) => signIn(server.url, a)));
      const staffPaths = [`/staff/waves/${wave.id}`, '/staff/fieldwork', `/staff/waves/${closed.id}/report`];
      for (const c of staffClients) for (const p of staffPaths) {
        const r = await c.get(p);
        if (r.status !== 200) throw new Error(`staff page ${p}: ${r.status}`);
      }

      const outcomes: Outcome[] = [];
      const staffLatencies: Array<[number, number]> = [];
      let staffErrors = 0;
      const samples: SoakSample[] = [];
      const submitUrl = `${server.url}/s/${wave.linkCode}/submit`;
      let sent = 0;
      let unsent = 0;
      let stopping = false;
      const inFlight = new Set<Promise<void>>();
      const start = performance.now();
      const end = start + o.seconds * 1000;
      /** Submissions due in the whole run. */
      const total = Math.round(o.seconds * o.rate);

      const submit = (dueMs: number, draft: ReadyDraft): Promise<void> =>
        fetch(submitUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `bs_draft=${draft.token}` },
          body: `key=${encodeURIComponent(draft.key)}`,
          redirect: 'manual',
          signal: AbortSignal.timeout(30_000),
        }).then(
          async (r) => {
            await r.arrayBuffer();
            const ok = r.status === 303 && (r.headers.get('location') ?? '').endsWith('/thanks');
            outcomes.push({ dueAt: (dueMs - start) / 1000, latencyMs: performance.now() - dueMs, ok });
          },
          () => {
            outcomes.push({ dueAt: (dueMs - start) / 1000, latencyMs: performance.now() - dueMs, ok: false });
          },
        );

      // The pacer: every few milliseconds, send every submission that has fallen due.
      const pacer = (async () => {
        while (!stopping) {
          const now = performance.now();
          const due = now >= end ? total : Math.min(total, Math.floor(((now - start) / 1000) * o.rate));
          while (sent < due) {
            const draft = drafts[sent];
            const dueMs = start + (sent / o.rate) * 1000;
            sent++;
            if (!draft) {
              unsent++;
              continue;
            }
            const p = submit(dueMs, draft);
            inFlight.add(p);
            void p.finally(() => inFlight.delete(p));
          }
          if (now >= end) break;
          await sleep(4);
        }
      })();

      const staffLoops = staffClients.map(async (c, i) => {
        for (let n = i; !stopping && performance.now() < end; n++) {
          const path = staffPaths[n % staffPaths.length] ?? '/staff';
          const t = performance.now();
          try {
            const r = await c.get(path);
            if (r.status !== 200) staffErrors++;
          } catch {
            staffErrors++;
          }
          staffLatencies.push([(t - start) / 1000, performance.now() - t]);
          await sleep(o.staffPauseMs);
        }
      });

      // Samples: memory now, and the window since the last sample.
      let windowFrom = 0;
      const sampler = (async () => {
        for (let k = 1; ; k++) {
          const at = start + k * o.sampleEveryMs;
          if (at > end + 1) break;
          await sleep(Math.max(0, at - performance.now()));
          const atSeconds = (at - start) / 1000;
          const mem = residentOf(server.pid);
          // Replies may still be due for the last moments of the window; what has been answered so far.
          const s: SoakSample = {
            atSeconds: round(atSeconds),
            rssMb: round(mem.rssMb),
            rssAnonMb: round(mem.rssAnonMb),
            ...windowOf(outcomes, windowFrom, atSeconds),
            staffPages: staffLatencies.filter(([t]) => t >= windowFrom && t < atSeconds).length,
          };
          samples.push(s);
          o.progress?.(`${String(Math.round(atSeconds)).padStart(4)} s  rss ${s.rssMb} MB (anon ${s.rssAnonMb})  ${s.submissions} answered  p50 ${s.p50Ms} ms  p99 ${s.p99Ms} ms  errors ${s.errors}  staff pages ${s.staffPages}  in flight ${inFlight.size}`);
          windowFrom = atSeconds;
        }
      })();

      await pacer;
      await sampler;
      stopping = true;
      await Promise.all(staffLoops);
      await Promise.all([...inFlight]);
      const lastReplyAt = performance.now();
      // The windows again, now that every submission due in them has had its reply (the live lines
      // above could only count those answered by then).
      let from = 0;
      for (const s of samples) {
        Object.assign(s, windowOf(outcomes, from, s.atSeconds));
        from = s.atSeconds;
      }

      const stored = Number(
        (await db.selectFrom('responses').select(sql<number>`count(*)`.as('n')).where('wave_id', '=', wave.id).executeTakeFirst())?.n ?? 0,
      );
      const acknowledged = outcomes.filter((x) => x.ok).length;
      const errors = outcomes.length - acknowledged;
      const lat = outcomes.map((x) => x.latencyMs).sort((a, b) => a - b);
      const minutes = Math.ceil(o.seconds / 60);
      const perMinute: SoakMinute[] = Array.from({ length: minutes }, (_, m) => {
        const inMinute = outcomes.filter((x) => x.dueAt >= m * 60 && x.dueAt < (m + 1) * 60);
        const l = inMinute.map((x) => x.latencyMs).sort((a, b) => a - b);
        return { minute: m + 1, submissions: inMinute.length, errors: inMinute.filter((x) => !x.ok).length, p99Ms: round(percentile(l, 99)) };
      });
      const staffLat = staffLatencies.map(([, ms]) => ms).sort((a, b) => a - b);
      const warm = samples.filter((s) => s.atSeconds > 60);
      const slopeOver = warm.length >= 3 ? warm : samples;
      const middle = samples[Math.floor((samples.length - 1) / 2)];
      return {
        engine: o.engine,
        seconds: o.seconds,
        targetRate: o.rate,
        sent: outcomes.length,
        acknowledged,
        errors,
        errorRate: outcomes.length === 0 ? 0 : errors / outcomes.length,
        // Acknowledged submissions over the time from the first due to the last reply.
        achievedRate: acknowledged / ((lastReplyAt - start) / 1000),
        p50Ms: percentile(lat, 50),
        p99Ms: percentile(lat, 99),
        maxMs: lat[lat.length - 1] ?? 0,
        perMinute,
        staff: { pages: staffLat.length, errors: staffErrors, p50Ms: percentile(staffLat, 50), p99Ms: percentile(staffLat, 99) },
        samples,
        rss: {
          startMb: samples[0]?.rssMb ?? 0,
          middleMb: middle?.rssMb ?? 0,
          endMb: samples[samples.length - 1]?.rssMb ?? 0,
          slopeMbPerMinute: slopePerMinute(slopeOver.map((s) => [s.atSeconds, s.rssMb] as const)),
        },
        stored,
        unsent,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await d.cleanup();
  }
}

/** `npm run bench -- soak`: BENCH_SOAK_SECONDS (600), BENCH_SOAK_RATE (200), BENCH_SOAK_DB (sqlite | postgres). */
export async function run(): Promise<Figures> {
  const seconds = Number(process.env['BENCH_SOAK_SECONDS'] ?? 600);
  const rate = Number(process.env['BENCH_SOAK_RATE'] ?? 200);
  const engine = engineFrom(process.env['BENCH_SOAK_DB']);
  const r = await soakRun({ engine, seconds, rate, staffUsers: 3, staffPauseMs: 1000, sampleEveryMs: 10_000, progress: (line) => console.log(`  ${line}`) });
  console.log(`\nSoak (${engine}, ${seconds} s at ${rate} submissions/s, 3 staff users loading the wave dashboard, fieldwork and a report)`);
  printFigure('achieved rate (acknowledged per second)', round(r.achievedRate), `/s (target ${rate})`);
  printFigure('submissions sent / acknowledged', `${r.sent} / ${r.acknowledged}`);
  printFigure('responses stored', r.stored, r.stored === r.acknowledged ? '(= acknowledged)' : '(MISMATCH)');
  printFigure('error rate', `${round(r.errorRate * 100, 3)} %`, `(${r.errors} errors)`);
  printFigure('latency p50 / p99 / max (from when due)', `${round(r.p50Ms)} / ${round(r.p99Ms)} / ${round(r.maxMs)}`, 'ms');
  printFigure('p99 per minute', r.perMinute.map((m) => round(m.p99Ms, 0)).join(' '), 'ms');
  printFigure('staff pages loaded (errors)', `${r.staff.pages} (${r.staff.errors})`, `p50 ${round(r.staff.p50Ms)} ms, p99 ${round(r.staff.p99Ms)} ms`);
  printFigure('server RSS start / middle / end', `${r.rss.startMb} / ${r.rss.middleMb} / ${r.rss.endMb}`, 'MB');
  printFigure('server RSS slope after the first minute', round(r.rss.slopeMbPerMinute, 2), 'MB per minute');
  return {
    seconds: r.seconds,
    target_rate: rate,
    achieved_rate: round(r.achievedRate),
    sent: r.sent,
    acknowledged: r.acknowledged,
    stored: r.stored,
    errors: r.errors,
    error_rate_percent: round(r.errorRate * 100, 3),
    p50_ms: round(r.p50Ms),
    p99_ms: round(r.p99Ms),
    max_ms: round(r.maxMs),
    worst_minute_p99_ms: round(Math.max(0, ...r.perMinute.map((m) => m.p99Ms))),
    staff_pages: r.staff.pages,
    staff_errors: r.staff.errors,
    staff_p99_ms: round(r.staff.p99Ms),
    rss_start_mb: r.rss.startMb,
    rss_middle_mb: r.rss.middleMb,
    rss_end_mb: r.rss.endMb,
    rss_slope_mb_per_min: round(r.rss.slopeMbPerMinute, 2),
  };
}
