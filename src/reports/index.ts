/** The reports feature's public surface: the bespoke LA report as a staff page, an HTML file and JSON. */
export { reportService, type ReportService, type ReportFormat, type ReportPage, type PublishOutcome } from './report.service.ts';
export { parseChoice, versionLabel, type ReportChoice, type ReportVersion, type VersionSummary } from './versions.ts';
export { reportRoutes } from './report.routes.ts';
export { participation, reportJson, marginOfError, type Report, type ParticipationRow } from './report.ts';
export { reportView, type ReportView } from './report-view.ts';
export { reportHtmlFile, reportHtmlFileWithCharts, reportJsonFile } from './report-file.ts';
export { REPORT_FORMATS, PPTX_TYPE, renderReportFile, reportDownloadName, type FormatSpec } from './report-formats.ts';
export { drawEach, renderPool, type RenderPool } from './render-pool.ts';
export { reportCharts, reportChartSpecs, type ReportChart, type ReportChartSpec, type ChartSection } from './charts/index.ts';
export { reportSlides } from './slides/slides.ts';
export { reportPdf, reportPdfFile } from './pdf/report-pdf.ts';
export { youthRoutes } from './youth/youth.routes.ts';
export { youthHtmlFile } from './youth/youth-file.ts';
export { renderYouthPdf } from './youth/youth-pdf.ts';
export { youthReport, youthProse, type YouthReport } from './youth/youth.ts';
export { naturalFrequency } from './youth/youth-words.ts';
export { POSITIVE as YOUTH_POSITIVE, POSITIVE_CARE_LEAVERS as YOUTH_POSITIVE_CARE_LEAVERS, LOW as YOUTH_LOW, FEELINGS as YOUTH_FEELINGS } from './youth/phrases.ts';
