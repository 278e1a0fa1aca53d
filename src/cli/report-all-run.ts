/**
 * The work of `brightspots report all`, run on a worker thread with a bounded heap so that a whole
 * round (150 LAs, 100,000 responses) stays well under 1 GB however the command was started: the
 * collector runs before garbage piles up, at a small cost in time. Posts the count when done, or the
 * error's code and message.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { SurveyId } from '../instruments/index.ts';
import { isAppError } from '../lib/errors.ts';
import { drawEach, reportDownloadName, type ReportFormat } from '../reports/index.ts';
import { withServices, writeOutput } from './context.ts';

export interface RunInput {
  readonly env: NodeJS.ProcessEnv;
  readonly folder: string;
  readonly format: ReportFormat;
  readonly survey?: SurveyId;
}

export type RunOutcome = { readonly count: number } | { readonly error: { readonly code: string; readonly message: string; readonly expected: boolean } };

const input = workerData as RunInput;
withServices(input.env, async (s) => {
  // This thread computes each wave's findings while the render pool's threads draw the waves before it.
  const drafts = s.reports.operatorDrafts({ format: input.format, ...(input.survey === undefined ? {} : { survey: input.survey }) });
  return drawEach(drafts, input.format, (r, body) => console.log(`Wrote ${writeOutput(join(input.folder, reportDownloadName(r, input.format)), body)}`));
}).then(
  (count) => parentPort?.postMessage({ count } satisfies RunOutcome),
  (e: unknown) => parentPort?.postMessage({ error: { code: isAppError(e) ? e.code : 'internal', message: e instanceof Error ? e.message : String(e), expected: isAppError(e) } } satisfies RunOutcome),
);
