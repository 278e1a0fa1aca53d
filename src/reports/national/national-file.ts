/**
 * The national report as files: one self-contained HTML file (every age group, the staff stylesheet
 * inlined, no scripts or requests) and the JSON of every figure.
 */
import { createViewEnv } from '../../http/render.ts';
import { inlineCss } from '../report-file.ts';
import type { NationalReport } from './national.service.ts';
import { nationalView } from './national-view.ts';

let env: ReturnType<typeof createViewEnv> | undefined;

/** The national report as a single HTML file. */
export async function nationalHtmlFile(report: NationalReport, label: (key: string) => string): Promise<string> {
  env ??= createViewEnv();
  return env.render('national-file.njk', { v: await nationalView(report, label), css: inlineCss(), lang: 'en' });
}

/** Every figure as formatted JSON (hidden figures carry their reason, never a number). */
export function nationalJsonFile(report: NationalReport): string {
  return `${JSON.stringify({ generatedAt: report.generatedAt, ...report.findings }, null, 2)}\n`;
}

/** A file name for a download, e.g. "national-ylyc-2024-03-03-to-2026-03-02.html". */
export function nationalFileName(report: NationalReport, ext: 'html' | 'json'): string {
  const f = report.findings;
  return `national-${f.survey}-${f.period.from}-to-${f.period.to}.${ext}`;
}
