/**
 * Draws many report files at once on worker threads (render-worker.ts), so a round of reports uses
 * every core: the main thread computes each report's findings while the workers draw the ones before.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderDone, RenderJob } from './render-worker.ts';
import type { Report } from './report.ts';
import type { ReportFormat } from './report.service.ts';

export interface RenderPool {
  /** The report drawn in a format, by whichever worker is free first. */
  render(report: Report, format: ReportFormat): Promise<string | Buffer>;
  /** Jobs sent and not yet finished (callers keep this bounded so reports do not pile up in memory). */
  readonly pending: number;
  close(): Promise<void>;
}

/** A pool of `size` workers (default: one per core). */
export function renderPool(size = availableParallelism()): RenderPool {
  const waiting = new Map<number, { resolve: (b: string | Buffer) => void; reject: (e: Error) => void }>();
  const idle: Worker[] = [];
  const queue: RenderJob[] = [];
  let next = 0;
  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) idle.pop()?.postMessage(queue.shift());
  };
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    // A worker only draws: a small heap makes it collect its garbage (big HTML strings) early,
    // which keeps a long run's memory flat without slowing it.
    const w = new Worker(new URL('./render-worker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 } });
    w.on('message', (done: RenderDone) => {
      const job = waiting.get(done.id);
      waiting.delete(done.id);
      idle.push(w);
      dispatch();
      if ('error' in done) job?.reject(new Error(done.error));
      else job?.resolve(typeof done.body === 'string' ? done.body : Buffer.from(done.body));
    });
    // A worker that dies fails every job still waiting rather than leaving the run hanging.
    w.on('error', (e: Error) => {
      for (const job of waiting.values()) job.reject(e);
      waiting.clear();
    });
    idle.push(w);
    return w;
  });
  return {
    render(report, format) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        queue.push({ id, report, format });
        dispatch();
      });
    },
    get pending() {
      return waiting.size;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Draws every report of a run on a pool of workers while the caller's iterator computes the next ones,
 * a few reports ahead at most so a round never piles up in memory; `drawn` gets each file. Returns
 * how many were drawn.
 */
export async function drawEach(reports: AsyncIterable<Report>, format: ReportFormat, drawn: (report: Report, body: string | Buffer) => void): Promise<number> {
  const pool = renderPool();
  const drawing = new Set<Promise<void>>();
  // Jobs never reject (the first failure is kept and thrown here), so none is left unhandled.
  let failure: { error: unknown } | undefined;
  let count = 0;
  try {
    for await (const r of reports) {
      const job: Promise<void> = pool
        .render(r, format)
        .then((body) => drawn(r, body))
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => drawing.delete(job));
      drawing.add(job);
      count++;
      if (drawing.size >= 4) await Promise.race(drawing);
      if (failure !== undefined) throw failure.error;
    }
    await Promise.all(drawing);
    if (failure !== undefined) throw failure.error;
  } finally {
    await pool.close();
  }
  return count;
}
