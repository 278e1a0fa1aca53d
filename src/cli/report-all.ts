/**
 * `brightspots report all`: the draft report of every finished wave (optionally of one survey) written
 * into a folder, for programme staff to review a whole round before publishing. Each wave's responses
 * are read once for the run, however many reports compare with them.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorCode } from '../lib/errors.ts';
import type { SurveyId } from '../instruments/index.ts';
import type { ReportFormat } from '../reports/index.ts';
import { examples } from './context.ts';
import type { RunInput, RunOutcome } from './report-all-run.ts';

interface AllOptions {
  survey?: SurveyId;
  /** --format and --out belong to `report` itself (commander gives them to the parent), read through optsWithGlobals. */
  format?: ReportFormat;
  out?: string;
}

/** Registers `all` under the `report` command (added by registerReport, which must run first). */
export function registerReportAll(program: Command, env: NodeJS.ProcessEnv): void {
  const report = program.commands.find((c) => c.name() === 'report');
  if (report === undefined) throw new Error('registerReport must run before registerReportAll');
  report
    .command('all')
    .description('write the draft report of every closed or reported wave into a folder, one file per wave')
    .addOption(new Option('--survey <survey>', 'only this survey: ylyc (children in care) or ylbc (care leavers)').choices(['ylyc', 'ylbc']))
    // Declared for the help only: commander hands --format and --out to `report`.
    .option('--format <format>', 'any format of `brightspots report` (default: html)')
    .option('--out <folder>', 'the folder to write into (made if missing)')
    .addHelpText('after', examples(['brightspots report all --survey ylyc --format html --out reports-2026', 'brightspots report all --format pdf --out reports-2026-pdf']))
    .action(async (_own: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<AllOptions>();
      if (o.out === undefined) throw new AppError('bad_request', "required option '--out <folder>' not specified (add --help for usage and examples)");
      const folder = resolve(o.out);
      try {
        mkdirSync(folder, { recursive: true });
      } catch (e) {
        throw new AppError('bad_request', `Cannot make the folder ${folder}: ${(e as NodeJS.ErrnoException).code ?? String(e)} (check --out).`);
      }
      const format = o.format ?? 'html';
      const started = performance.now();
      const outcome = await runBounded({ env, folder, format, ...(o.survey === undefined ? {} : { survey: o.survey }) });
      if ('error' in outcome) {
        // Refusals keep their code (exit 2); anything else is a fault (exit 1, no stack trace for the user).
        if (outcome.error.expected) throw new AppError(outcome.error.code as AppErrorCode, outcome.error.message);
        throw new Error(outcome.error.message);
      }
      if (outcome.count === 0) throw new AppError('not_found', `No closed or reported wave${o.survey === undefined ? '' : ` of ${o.survey}`} to report (see: brightspots wave list).`);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const peak = Math.round(process.resourceUsage().maxRSS / 1024);
      console.log(`${outcome.count} draft report${outcome.count === 1 ? '' : 's'} in ${seconds} s (peak memory ${peak} MB). Drafts are for checking, not for sharing: publish each with brightspots report publish.`);
    });
}

/** Runs the round on a worker thread with a bounded heap (see report-all-run.ts). */
function runBounded(input: RunInput): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./report-all-run.ts', import.meta.url), {
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 24 },
    });
    let outcome: RunOutcome | undefined;
    worker.on('message', (m: RunOutcome) => {
      outcome = m;
    });
    worker.on('error', reject);
    worker.on('exit', () => (outcome === undefined ? reject(new Error('the report run stopped without an outcome')) : resolve(outcome)));
  });
}
