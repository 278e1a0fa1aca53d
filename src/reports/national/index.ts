/** The national report for programme staff: every indicator across all LAs of a survey and period, with the variation between them. */
export { nationalService, type NationalService, type NationalReport, type NationalFormat } from './national.service.ts';
export { nationalRoutes } from './national.routes.ts';
export { nationalFindings, summariseNational, createNationalCounts, addResponse, type NationalFindings, type NationalInput, type NationalPeriod } from './national.ts';
export { nationalHtmlFile, nationalJsonFile, nationalFileName } from './national-file.ts';
export { parseChoice, SURVEYS, type NationalChoice } from './national-form.ts';
export { defaultPeriod } from './period.ts';
