/**
 * The report as files: one self-contained HTML file (the staff stylesheet inlined, no scripts and no
 * requests to this or any other server, so it opens anywhere, offline) and the JSON of every figure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createViewEnv } from '../http/render.ts';
import { reportCharts, type ReportChart } from './charts/index.ts';
import { reportJson, type Report } from './report.ts';
import { reportView } from './report-view.ts';

/** The built staff stylesheet (public/build, as the web server serves it under /assets). */
const STAFF_CSS = join(import.meta.dirname, '..', '..', 'public', 'build', 'staff.css');
let cachedCss: string | undefined;
let env: ReturnType<typeof createViewEnv> | undefined;

/** The staff stylesheet with its few url() references removed, so the file makes no requests. */
export function inlineCss(): string {
  if (cachedCss !== undefined) return cachedCss;
  const file = STAFF_CSS;
  // Without built assets (a fresh checkout) the report is still complete, only unstyled.
  const css = existsSync(file) ? readFileSync(file, 'utf8') : '';
  cachedCss = css.replace(/url\((?:"[^"]*"|'[^']*'|[^)]*)\)/g, 'none').replaceAll('</style', '<\\/style');
  return cachedCss;
}

/** The report as a single HTML file, with the charts given (drawn by `reportCharts`). */
export function reportHtmlFile(report: Report, label: (key: string) => string, charts: readonly ReportChart[] = []): string {
  env ??= createViewEnv();
  return env.render('report-file.njk', { r: reportView(report, label), charts, css: inlineCss(), lang: 'en' });
}

/** The report as a single HTML file with its charts drawn as inline SVG. */
export async function reportHtmlFileWithCharts(report: Report, label: (key: string) => string): Promise<string> {
  return reportHtmlFile(report, label, await reportCharts(reportView(report, label)));
}

/** The report's figures as formatted JSON. */
export function reportJsonFile(report: Report): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}
