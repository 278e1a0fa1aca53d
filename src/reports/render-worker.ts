/**
 * A worker thread of the render pool: draws report files (charts, templates, PDF) from the `Report`
 * data it is sent. It reads no database and holds nothing between messages.
 */
import { parentPort } from 'node:worker_threads';
import { createTranslator, loadCatalogues } from '../lib/i18n.ts';
import { catalogueDirs } from '../services.ts';
import type { Report } from './report.ts';
import type { ReportFormat } from './report.service.ts';
import { renderReportFile } from './report-formats.ts';

export interface RenderJob {
  readonly id: number;
  readonly report: Report;
  readonly format: ReportFormat;
}

export type RenderDone = { readonly id: number; readonly body: string | Uint8Array } | { readonly id: number; readonly error: string };

const i18n = createTranslator(loadCatalogues(catalogueDirs));
const label = (key: string): string => i18n.t('en', key);

parentPort?.on('message', (job: RenderJob) => {
  renderReportFile(job.report, job.format, label).then(
    (body) => parentPort?.postMessage({ id: job.id, body } satisfies RenderDone),
    (e: unknown) => parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies RenderDone),
  );
});
