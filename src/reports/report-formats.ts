/**
 * Every file a report can be downloaded as, in one table: where the staff area serves it, its media
 * type, its file name and how it is drawn. The routes, `brightspots report` and `report all` all read
 * this table, so a new format is one entry here.
 */
import type { Report } from './report.ts';
import type { ReportFormat } from './report.service.ts';
import { reportHtmlFileWithCharts, reportJsonFile } from './report-file.ts';
import { reportPdfFile } from './pdf/report-pdf.ts';
import { reportSlides } from './slides/slides.ts';
import { youthHtmlFile } from './youth/youth-file.ts';
import { renderYouthPdf } from './youth/youth-pdf.ts';
import { youthReport } from './youth/youth.ts';

type Label = (key: string) => string;

export interface FormatSpec {
  /** The path after /staff/waves/:waveId/. */
  readonly path: string;
  readonly type: string;
  /** The end of the file name, after the wave's title and version. */
  readonly suffix: string;
  readonly render: (report: Report, label: Label) => Promise<string | Buffer>;
}

export const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export const REPORT_FORMATS: Readonly<Record<ReportFormat, FormatSpec>> = {
  html: { path: 'report.html', type: 'text/html; charset=utf-8', suffix: 'report.html', render: reportHtmlFileWithCharts },
  json: { path: 'report.json', type: 'application/json; charset=utf-8', suffix: 'report.json', render: (r) => Promise.resolve(reportJsonFile(r)) },
  pdf: { path: 'report.pdf', type: 'application/pdf', suffix: 'report.pdf', render: reportPdfFile },
  pptx: { path: 'report.pptx', type: PPTX_TYPE, suffix: 'feedback-slides.pptx', render: reportSlides },
  'youth-html': { path: 'report/young-people.html', type: 'text/html; charset=utf-8', suffix: 'what-you-told-us.html', render: (r, label) => Promise.resolve(youthHtmlFile(r, label)) },
  'youth-pdf': { path: 'report/young-people.pdf', type: 'application/pdf', suffix: 'what-you-told-us.pdf', render: (r, label) => renderYouthPdf(youthReport(r, label)) },
};

/** The report drawn in a format. */
export function renderReportFile(report: Report, format: ReportFormat, label: Label): Promise<string | Buffer> {
  return REPORT_FORMATS[format].render(report, label);
}

/**
 * A download's file name: the wave's title in lower case with dashes, the version ("v2", or "draft")
 * and the format's suffix, e.g. "northmere-ylyc-2025-v2-report.pdf", so two versions never share a name.
 */
export function reportDownloadName(report: Report, format: ReportFormat): string {
  const slug = report.wave.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'wave';
  const version = report.version === null ? 'draft' : `v${report.version.number}`;
  return `${slug}-${version}-${REPORT_FORMATS[format].suffix}`;
}
