/**
 * `npm run bench`: runs every benchmark section in turn, prints each one's labelled figures, then a
 * summary table and the same figures as one JSON object on the last line (for CI and comparisons).
 * A section is a module exporting `run(): Promise<Record<string, number>>`; add one to `sections`.
 * Benchmarks report; they do not fail on a missed goal (exit 0), only when a section cannot run.
 *
 *   node bench/index.ts                 every section
 *   node bench/index.ts page-weight     only the sections named
 * Environment: BENCH_DRAFTS (30000), BENCH_SECONDS (20), BENCH_CONNECTIONS (50); BENCH_LOG_FILE keeps the
 * submissions server's log; BENCH_SERVER_NODE_OPTIONS passes V8 flags to the server only;
 * BENCH_CRASH_CYCLES (20) and BENCH_CRASH_CLIENTS (50) size the crash section; BENCH_SOAK_SECONDS (600),
 * BENCH_SOAK_RATE (200) and BENCH_SOAK_DB (sqlite|postgres) the soak; BENCH_SCALE_RESPONSES (500000),
 * BENCH_SCALE_LAS (150), BENCH_SCALE_ENGINES (sqlite,postgres) and BENCH_SCALE_ALL (1) the scale run.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import type { Figures, Section } from './lib.ts';

const sections: Section[] = [
  { name: 'submissions', run: async () => (await import('./submissions.ts')).run() },
  { name: 'page-weight', run: async () => (await import('./page-weight.ts')).run() },
  { name: 'reports', run: async () => (await import('./reports.ts')).run() },
  { name: 'text-quality', run: async () => (await import('./text-quality.ts')).run() },
  { name: 'paper', run: async () => (await import('./paper.ts')).run() },
  { name: 'crash', run: async () => (await import('./crash.ts')).run() },
  { name: 'soak', run: async () => (await import('./soak.ts')).run() },
  { name: 'scale', run: async () => (await import('./scale.ts')).run() },
];

const wanted = process.argv.slice(2);
const chosen = wanted.length > 0 ? sections.filter((s) => wanted.includes(s.name)) : sections;
if (chosen.length === 0) {
  console.error(`No such section: ${wanted.join(', ')}. Sections: ${sections.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

console.log(`Bright Spots benchmarks: Node ${process.version}, ${availableParallelism()} CPU(s) (${cpus()[0]?.model.trim() ?? 'unknown'})`);
// Figures from a busy machine are not comparable: say so next to them.
const loadBefore = loadavg()[0] ?? 0;
console.log(`load average before: ${loadBefore.toFixed(2)}${loadBefore > availableParallelism() / 2 ? '  (WARNING: the machine is busy; throughput and latency will be understated)' : ''}`);
const results: Record<string, Figures> = {};
const failed: string[] = [];
for (const s of chosen) {
  const t0 = performance.now();
  try {
    results[s.name] = await s.run();
  } catch (e) {
    failed.push(s.name);
    console.error(`\n${s.name}: could not run: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  console.log(`  (${s.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

const loadAfter = loadavg()[0] ?? 0;
console.log(`\nload average after: ${loadAfter.toFixed(2)}`);
console.log('\nSummary');
const rows = Object.entries(results).flatMap(([section, figures]) => Object.entries(figures).map(([k, v]) => [section, k, v] as const));
const w1 = Math.max(7, ...rows.map((r) => r[0].length));
const w2 = Math.max(6, ...rows.map((r) => r[1].length));
console.log(`${'section'.padEnd(w1)}  ${'figure'.padEnd(w2)}  value`);
console.log(`${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ${'-'.repeat(12)}`);
for (const [section, k, v] of rows) console.log(`${section.padEnd(w1)}  ${k.padEnd(w2)}  ${v}`);
for (const f of failed) console.log(`${f.padEnd(w1)}  ${'(could not run)'.padEnd(w2)}`);
const machine = { node: process.version, cpus: availableParallelism(), loadBefore: Number(loadBefore.toFixed(2)), loadAfter: Number(loadAfter.toFixed(2)) };
console.log(`\nJSON ${JSON.stringify({ ...machine, ...results, ...(failed.length ? { failed } : {}) })}`);
process.exit(failed.length > 0 ? 1 : 0);
