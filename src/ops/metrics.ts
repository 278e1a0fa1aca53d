/**
 * Metrics in the Prometheus text format. Labels are the method, the route PATTERN (e.g.
 * `/s/:code/submit`, never the URL a client sent), the status, job names and job states: nothing typed
 * by a person, no survey code, no address.
 */
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { OpsCounts } from './ops.repository.ts';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The route label: the pattern Fastify matched, or `unmatched` (a 404 must not put its URL in a label). */
export function routeLabel(pattern: string | undefined): string {
  return pattern ?? 'unmatched';
}

/** The method label: one of the usual methods, or `other`. */
export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : 'other';
}

export interface PlatformMetrics {
  registry: Registry;
  observeRequest(method: string, route: string | undefined, status: number, seconds: number): void;
  setCounts(counts: OpsCounts): void;
  /** 1 when the last look at the database worked, 0 when it failed. */
  setDatabaseUp(up: boolean): void;
}

let processRegistry: Registry | undefined;

/** The process's own figures (memory, CPU, event loop, garbage collection): measured once per process, however many apps. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** A registry of this instance's metrics (one per app, so tests can build several), with the process's own figures. */
export function createMetrics(): PlatformMetrics {
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'brightspots_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'brightspots_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route pattern and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const submissions = new Gauge({ name: 'brightspots_submissions_stored', help: 'Survey submissions stored, all waves (from the database)', registers: [registry] });
  const queue = new Gauge({ name: 'brightspots_safeguarding_queue_depth', help: 'Flagged comments waiting for a safeguarding reviewer (from the database)', registers: [registry] });
  const unacknowledged = new Gauge({
    name: 'brightspots_safeguarding_unacknowledged_disclosures',
    help: 'Safeguarding concerns sent to an LA and not yet acknowledged there (from the database)',
    registers: [registry],
  });
  const jobRuns = new Gauge({ name: 'brightspots_job_runs', help: 'Scheduled job runs by job name and state: running, done, failed (to be retried) or released (from the database)', labelNames: ['job', 'status'], registers: [registry] });
  const databaseUp = new Gauge({ name: 'brightspots_database_up', help: '1 when the database answered the last metrics query, 0 otherwise', registers: [registry] });
  return {
    // Merged after every metric above is registered: merge takes the metrics a registry has at that moment.
    registry: Registry.merge([registry, processMetrics()]),
    observeRequest(method, route, status, seconds) {
      const labels = { method: methodLabel(method), route: routeLabel(route), status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
    setCounts(c) {
      submissions.set(c.submissions);
      queue.set(c.safeguardingQueue);
      unacknowledged.set(c.unacknowledgedDisclosures);
      jobRuns.reset();
      for (const r of c.jobRuns) jobRuns.set({ job: r.job, status: r.status }, r.runs);
    },
    setDatabaseUp(up) {
      databaseUp.set(up ? 1 : 0);
    },
  };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Who may read /metrics: a request with the configured bearer token, or one made on this machine
 * directly. A request that came through a proxy (it carries X-Forwarded-For or Forwarded) is not
 * "on this machine" even though the proxy connects from loopback.
 */
export function metricsAllowed(req: { remoteAddress: string | undefined; headers: Record<string, string | string[] | undefined> }, token: string | undefined): boolean {
  const auth = req.headers['authorization'];
  if (typeof auth === 'string' && /^bearer /i.test(auth)) {
    if (!token) return false;
    const given = Buffer.from(auth.slice(7).trim());
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  const proxied = req.headers['x-forwarded-for'] !== undefined || req.headers['forwarded'] !== undefined;
  return !proxied && LOOPBACK.test(req.remoteAddress ?? '');
}
