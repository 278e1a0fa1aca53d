/**
 * A tiny scheduler with database leases. Every instance ticks once a minute and asks each job whether a
 * run is due; the run key it gets back is claimed in the database, so one instance alone runs it, once,
 * across restarts. A crashed instance's lease runs out and another takes over; a failed run is retried
 * after a back-off; a graceful stop gives its leases back at once.
 */
import { hostname } from 'node:os';
import type { Db } from '../db/index.ts';
import type { Clock } from '../lib/clock.ts';
import { newToken } from '../lib/ids.ts';
import { jobsRepository } from './jobs.repository.ts';

/** A scheduled job: when it is due, as a run key, and what one run does. */
export interface Job {
  name: string;
  /** The run key due now (e.g. 'digest:2026-03-05'), or null when nothing is due. */
  due(now: Date): string | null;
  run(runKey: string): Promise<void>;
}

/** The logger methods the scheduler uses (pino's, as the app has). */
export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerOptions {
  db: Db;
  clock: Clock;
  log: JobLog;
  /** Names this instance in the leases it holds (default: host, process and a random part). */
  owner?: string;
  /** How long a claim holds before another instance may take the run over (default 10 minutes). */
  leaseMs?: number;
  /** The first retry waits this long, doubling with each attempt (default 5 minutes, at most 6 hours). */
  retryBaseMs?: number;
  /** Attempts before a run is given up (default 5). */
  maxAttempts?: number;
  /** How often to look for due jobs (default every minute). */
  intervalMs?: number;
  /** How long stop() waits for a run in progress before giving its lease back (default 10 seconds). */
  graceMs?: number;
  /** Finished runs older than this are deleted, looked for at most once an hour per instance (default 90 days). */
  keepRunsMs?: number;
}

export interface Scheduler {
  readonly owner: string;
  registerJob(job: Job): void;
  /** Claims and runs whatever is due now; returns the run keys this instance ran (tests call it directly). */
  tick(): Promise<string[]>;
  start(): void;
  /** Stops ticking, waits briefly for a run in progress, and releases every lease this instance holds. */
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 6 * 3_600_000;

/** Creates a scheduler over the database; nothing runs until start() or tick(). */
export function createScheduler(o: SchedulerOptions): Scheduler {
  const repo = jobsRepository(o.db);
  const owner = o.owner ?? `${hostname()}:${process.pid}:${newToken().slice(0, 8)}`;
  const leaseMs = o.leaseMs ?? 600_000;
  const retryBaseMs = o.retryBaseMs ?? 300_000;
  const maxAttempts = o.maxAttempts ?? 5;
  const jobs: Job[] = [];
  const at = (offsetMs = 0) => new Date(o.clock.now().getTime() + offsetMs).toISOString();
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<string[]> | null = null;
  let stopped = false;
  const keepRunsMs = o.keepRunsMs ?? 90 * 86_400_000;
  let prunedAt = -Infinity;

  async function runOne(job: Job, runKey: string): Promise<void> {
    // Keep the lease while a long run works, so no other instance takes it over.
    const heartbeat = setInterval(() => {
      repo.renew(runKey, owner, at(leaseMs)).catch((err: unknown) => o.log.warn({ err, runKey }, 'job lease renewal failed'));
    }, Math.max(1000, leaseMs / 3));
    heartbeat.unref();
    try {
      await job.run(runKey);
      if (!(await repo.finish(runKey, owner, at()))) o.log.warn({ runKey }, 'job finished after losing its lease');
      else o.log.info({ runKey }, 'job done');
    } catch (err) {
      const attempts = (await repo.find(runKey))?.attempts ?? 1;
      const backoff = Math.min(MAX_BACKOFF_MS, retryBaseMs * 2 ** (attempts - 1));
      await repo.fail(runKey, owner, err instanceof Error ? err.message : String(err), at(backoff));
      o.log.error({ err, runKey, attempts, finalAttempt: attempts >= maxAttempts }, 'job failed');
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function tickOnce(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of jobs) {
      if (stopped) break;
      const now = o.clock.now();
      const runKey = job.due(now);
      if (!runKey) continue;
      if (!(await repo.claim(job.name, runKey, owner, now.toISOString(), at(leaseMs), maxAttempts))) continue;
      await runOne(job, runKey);
      ran.push(runKey);
    }
    const now = o.clock.now().getTime();
    if (!stopped && now - prunedAt >= 3_600_000) {
      prunedAt = now;
      // The safeguarding job alone leaves 288 rows a day: keep job_runs to its last few months.
      const pruned = await repo.prune(at(-keepRunsMs));
      if (pruned > 0) o.log.info({ pruned }, 'old job runs deleted');
    }
    return ran;
  }

  const tick = (): Promise<string[]> => {
    // One tick at a time per instance: a slow run simply delays the next look.
    if (current) return current.then(() => []);
    current = tickOnce().finally(() => {
      current = null;
    });
    return current;
  };

  const safeTick = () => {
    tick().catch((err: unknown) => o.log.error({ err }, 'scheduler tick failed'));
  };

  return {
    owner,
    registerJob(job) {
      if (jobs.some((j) => j.name === job.name)) throw new Error(`A job called ${job.name} is already registered`);
      jobs.push(job);
    },
    tick,
    start() {
      if (timer || stopped) return;
      timer = setInterval(safeTick, o.intervalMs ?? 60_000);
      timer.unref();
      setImmediate(safeTick);
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      if (current) {
        let grace: NodeJS.Timeout | undefined;
        await Promise.race([current.catch(() => []), new Promise((resolve) => (grace = setTimeout(resolve, o.graceMs ?? 10_000)))]);
        clearTimeout(grace);
      }
      const released = await repo.release(owner);
      if (released > 0) o.log.info({ released }, 'job leases released');
    },
  };
}
