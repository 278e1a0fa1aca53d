/**
 * The LA report in the staff area: the page (a published version, or the draft for publishers, with the
 * list of versions and the publish form), the self-contained HTML file and the JSON of every figure.
 * Every download honours `?version=` (a number, "draft", or nothing for the latest published).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../http/staff-session.ts';
import { AppError } from '../lib/errors.ts';
import { mayActIn } from '../programme/index.ts';
import { staffNav } from '../programme/workspace.routes.ts';
import type { Services } from '../services.ts';
import { reportCharts } from './charts/index.ts';
import { REPORT_FORMATS, renderReportFile, reportDownloadName, type FormatSpec } from './report-formats.ts';
import type { ReportFormat } from './report.service.ts';
import { versionsPage } from './versions-page.ts';
import { parseChoice, type ReportChoice } from './versions.ts';

/** The `:waveId` route parameter ('' when missing, which no wave has). */
export const waveIdOf = (req: FastifyRequest): string => {
  const v = (req.params as Record<string, unknown>)['waveId'];
  return typeof v === 'string' ? v : '';
};

/** The report a request asks for with `?version=`; a malformed one is answered like a missing version. */
export const choiceOf = (req: FastifyRequest): ReportChoice => {
  const choice = parseChoice((req.query as Record<string, unknown> | undefined)?.['version']);
  if (choice === null) throw new AppError('not_found', 'There is no such version of this report.');
  return choice;
};
const bodyOf = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});

export function reportRoutes(services: Services) {
  const { reports } = services;
  const label = (key: string): string => services.i18n.t('en', key);
  return async function (app: FastifyInstance): Promise<void> {
    const csrf = { preHandler: app.csrfProtection.bind(app) };

    app.get('/staff/waves/:waveId/report', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const page = await reports.reportPage(actor, waveIdOf(req), choiceOf(req));
      const published = (req.query as Record<string, unknown>)['published'] === '1';
      const view = versionsPage(page, label);
      // Findings link to their actions for those who may read the LA's action plan.
      const mayPlan = mayActIn(actor, 'plan.view', page.wave.laId);
      return reply.render('report.njk', { ...view, charts: view.r === null ? [] : await reportCharts(view.r), published, mayPlan, staffNav: staffNav(actor) });
    });

    app.post('/staff/waves/:waveId/report/publish', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const note = bodyOf(req)['note'];
      const outcome = await reports.publish(actor, waveIdOf(req), typeof note === 'string' ? note : '');
      if (outcome.ok) return reply.redirect(`/staff/waves/${waveIdOf(req)}/report?version=${outcome.version.number}&published=1`, 303);
      const page = await reports.reportPage(actor, waveIdOf(req), 'draft');
      const status = outcome.problem === 'note_required' ? 422 : 409;
      return reply.render('report.njk', { ...versionsPage(page, label), problem: outcome, note: typeof note === 'string' ? note : '', staffNav: staffNav(actor) }, status);
    });

    // Every download format, from the one table: the chosen version, audited with its format.
    for (const [format, spec] of Object.entries(REPORT_FORMATS) as [ReportFormat, FormatSpec][]) {
      app.get(`/staff/waves/:waveId/${spec.path}`, async (req, reply) => {
        const actor = requireActor(req, reply);
        if (!actor) return reply;
        const report = await reports.downloadReport(actor, waveIdOf(req), format, choiceOf(req));
        const body = await renderReportFile(report, format, label);
        return reply.header('Content-Disposition', `attachment; filename="${reportDownloadName(report, format)}"`).header('Cache-Control', 'no-store').type(spec.type).send(body);
      });
    }
  };
}
