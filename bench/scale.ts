/**
 * Scale (issue 9): a national wave of 500,000 responses across 150 LAs (the scale of a national
 * children's consultation), on SQLite and on PostgreSQL. Each LA has a closed Your Life, Your Care wave
 * (three age versions) and a closed Your Life Beyond Care wave; synthetic answers as the report
 * benches make them (src/reports/testing.ts), inserted in one transaction per LA. Then, each as the CLI
 * runs it in a process of its own, timed with its peak memory (VmHWM of the process, polled):
 *   (a) `brightspots report national --survey ylyc` and `--survey ylbc` (HTML),
 *   (b) one LA's draft report (`brightspots report --wave <the largest> --version draft`, HTML),
 *   (c) `brightspots report all` (every LA's draft as HTML).
 * BENCH_SCALE_RESPONSES (500000), BENCH_SCALE_LAS (150), BENCH_SCALE_ENGINES (sqlite,postgres),
 * BENCH_SCALE_ALL=0 leaves out (c). PostgreSQL gets a database of its own on TEST_DATABASE_URL's server.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { systemClock } from '../src/lib/clock.ts';
import { programmeRepository, programmeService, type Wave } from '../src/programme/index.ts';
import { addResponses } from '../src/reports/testing.ts';
import { benchDatabase, engineFrom, type BenchDatabase, type BenchEngine } from './scale-db.ts';
import { printFigure, root, round, watchMemory, type Figures } from './lib.ts';

/** How each LA's responses split across the four instruments (shares of its total), as the report benches do. */
const SPLIT = { 'ylyc-4-7': 0.09, 'ylyc-8-11': 0.21, 'ylyc-11-17': 0.37 } as const;

export interface ScaleOptions {
  engine: BenchEngine;
  las: number;
  responses: number;
  reportAll: boolean;
  progress?: (line: string) => void;
}

export interface CliRun {
  seconds: number;
  peakMb: number;
  stdout: string;
}

export interface ScaleResult {
  engine: BenchEngine;
  las: number;
  responses: number;
  seedSeconds: number;
  national: { ylyc: CliRun; ylbc: CliRun };
  oneLa: CliRun;
  all: (CliRun & { reports: number }) | undefined;
}

/** Seeds `las` LAs with `total` responses in all; returns the waves (closed). */
async function seed(d: BenchDatabase, las: number, total: number, progress?: (line: string) => void): Promise<{ waves: Wave[]; responses: number }> {
  const db = d.conn.db;
  const programme = programmeService(programmeRepository(db), systemClock);
  const year = Number(programme.today().slice(0, 4));
  const dates = { opensOn: `${year}-01-05`, closesOn: `${year}-02-27` };
  const waves: Wave[] = [];
  let responses = 0;
  for (let i = 0; i < las; i++) {
    const n = Math.floor((total * (i + 1)) / las) - Math.floor((total * i) / las);
    const counts = Object.fromEntries(Object.entries(SPLIT).map(([id, share]) => [id, Math.round(n * share)])) as Record<keyof typeof SPLIT, number>;
    const leavers = n - counts['ylyc-4-7'] - counts['ylyc-8-11'] - counts['ylyc-11-17'];
    const la = await programme.addLa({ name: `Scale Authority ${i + 1}`, nation: 'england', onsCode: `E0${String(7000000 + i).padStart(7, '0')}` });
    const outlook = ((i * 37) % 21) / 10 - 1;
    const eligible = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).map(([id, k]) => [id, Math.max(1, Math.ceil(k * 2.5))]));
    const ylyc = await programme.openWave({ laId: la.id, survey: 'ylyc', eligible: eligible(counts), ...dates });
    const ylbc = await programme.openWave({ laId: la.id, survey: 'ylbc', eligible: eligible({ 'ylbc-16-25': leavers }), ...dates });
    // One transaction per LA (about 3,300 responses at full size), in statements of 200 rows.
    await db.transaction().execute(async (trx) => {
      await addResponses(trx, ylyc, counts, 1000 + i, outlook);
      await addResponses(trx, ylbc, { 'ylbc-16-25': leavers }, 5000 + i, outlook);
    });
    waves.push(await programme.closeWave(ylyc.id), await programme.closeWave(ylbc.id));
    responses += n;
    if ((i + 1) % 25 === 0) progress?.(`${d.engine}: seeded ${i + 1} of ${las} LAs (${responses.toLocaleString('en-GB')} responses)`);
  }
  if (d.engine === 'postgres') await sql`ANALYZE`.execute(db);
  return { waves, responses };
}

/** Runs the CLI in a process of its own against the bench database; its time and peak resident memory. */
function cli(d: BenchDatabase, args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'src', 'cli', 'index.ts'), ...args], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', PUBLIC_URL: 'https://bench.example', LOG_LEVEL: 'warn', ...d.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid === undefined) return reject(new Error('the CLI did not start'));
    // VmHWM is the kernel's peak for the process; polled, the last sample before exit holds the peak.
    const memory = watchMemory(child.pid, 100);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const m = memory.stop();
      if (code !== 0) return reject(new Error(`brightspots ${args.join(' ')} failed (${String(code)}): ${stderr.slice(-1000)}`));
      resolve({ seconds: (performance.now() - t0) / 1000, peakMb: Math.max(m.hwmMb, m.peakRssMb), stdout });
    });
  });
}

/** Seeds one engine's database, draws the reports through the CLI, drops the database. */
export async function scaleRun(o: ScaleOptions): Promise<ScaleResult> {
  const d = await benchDatabase(o.engine, 'scale');
  const out = mkdtempSync(join(tmpdir(), 'bs-bench-scale-out-'));
  try {
    const t0 = performance.now();
    const { waves, responses } = await seed(d, o.las, o.responses, o.progress);
    const seedSeconds = (performance.now() - t0) / 1000;
    // The CLI opens its own connection; the bench's is not needed any more.
    await d.close();
    o.progress?.(`${o.engine}: seeded in ${round(seedSeconds)} s; national reports`);
    const ylyc = await cli(d, ['report', 'national', '--survey', 'ylyc', '--format', 'html', '--out', join(out, 'national-ylyc.html')]);
    const ylbc = await cli(d, ['report', 'national', '--survey', 'ylbc', '--format', 'html', '--out', join(out, 'national-ylbc.html')]);
    // The LA with the most responses is the last (sizes differ by at most one): its children-in-care wave.
    const largest = [...waves].reverse().find((w) => w.survey === 'ylyc');
    if (largest === undefined) throw new Error('no wave');
    o.progress?.(`${o.engine}: one LA's draft`);
    const oneLa = await cli(d, ['report', '--wave', largest.id, '--version', 'draft', '--format', 'html', '--out', join(out, 'one-la.html')]);
    let all: ScaleResult['all'];
    if (o.reportAll) {
      o.progress?.(`${o.engine}: report all`);
      const r = await cli(d, ['report', 'all', '--format', 'html', '--out', join(out, 'all')]);
      all = { ...r, reports: readdirSync(join(out, 'all')).length };
    }
    return { engine: o.engine, las: o.las, responses, seedSeconds, national: { ylyc, ylbc }, oneLa, all };
  } finally {
    rmSync(out, { recursive: true, force: true });
    await d.cleanup();
  }
}

/** `npm run bench -- scale`. */
export async function run(): Promise<Figures> {
  const responses = Number(process.env['BENCH_SCALE_RESPONSES'] ?? 500_000);
  const las = Number(process.env['BENCH_SCALE_LAS'] ?? 150);
  const engines = (process.env['BENCH_SCALE_ENGINES'] ?? 'sqlite,postgres').split(',').map((e) => engineFrom(e.trim()));
  const reportAll = process.env['BENCH_SCALE_ALL'] !== '0';
  const figures: Figures = {};
  for (const engine of engines) {
    const r = await scaleRun({ engine, las, responses, reportAll, progress: (line) => console.log(`  ${line}`) });
    console.log(`\nScale on ${engine}: ${r.las} LAs, ${r.las * 2} closed waves, ${r.responses.toLocaleString('en-GB')} responses (seeded in ${round(r.seedSeconds)} s)`);
    printFigure('national report, children in care (HTML)', `${round(r.national.ylyc.seconds)} s`, `peak ${round(r.national.ylyc.peakMb)} MB`);
    printFigure('national report, care leavers (HTML)', `${round(r.national.ylbc.seconds)} s`, `peak ${round(r.national.ylbc.peakMb)} MB`);
    printFigure("one LA's draft report (largest, HTML)", `${round(r.oneLa.seconds)} s`, `peak ${round(r.oneLa.peakMb)} MB`);
    if (r.all) printFigure(`report all (${r.all.reports} drafts, HTML)`, `${round(r.all.seconds)} s`, `peak ${round(r.all.peakMb)} MB`);
    else printFigure('report all', 'left out (BENCH_SCALE_ALL=0)');
    const p = engine === 'sqlite' ? 'sqlite' : 'pg';
    Object.assign(figures, {
      [`${p}_responses`]: r.responses,
      [`${p}_seed_s`]: round(r.seedSeconds),
      [`${p}_national_ylyc_s`]: round(r.national.ylyc.seconds),
      [`${p}_national_ylyc_peak_mb`]: round(r.national.ylyc.peakMb),
      [`${p}_national_ylbc_s`]: round(r.national.ylbc.seconds),
      [`${p}_national_ylbc_peak_mb`]: round(r.national.ylbc.peakMb),
      [`${p}_one_la_s`]: round(r.oneLa.seconds),
      [`${p}_one_la_peak_mb`]: round(r.oneLa.peakMb),
      ...(r.all ? { [`${p}_all_s`]: round(r.all.seconds), [`${p}_all_peak_mb`]: round(r.all.peakMb), [`${p}_all_reports`]: r.all.reports } : {}),
    });
  }
  return figures;
}
