/** The reports feature's public surface: the bespoke LA report as a staff page, an HTML file and JSON. */
export { reportService, type ReportService, type ReportFormat } from './report.service.ts';
export { reportRoutes } from './report.routes.ts';
export { participation, reportJson, marginOfError, type Report, type ParticipationRow } from './report.ts';
export { reportView, type ReportView } from './report-view.ts';
export { reportHtmlFile, reportJsonFile, reportFileName } from './report-file.ts';
