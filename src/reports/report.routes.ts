/** The LA report in the staff area: the page, the self-contained HTML file and the JSON of every figure. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../http/staff-session.ts';
import { staffNav } from '../programme/workspace.routes.ts';
import type { Services } from '../services.ts';
import { reportFileName, reportHtmlFile, reportJsonFile } from './report-file.ts';
import { reportView } from './report-view.ts';

const waveIdOf = (req: FastifyRequest): string => {
  const v = (req.params as Record<string, unknown>)['waveId'];
  return typeof v === 'string' ? v : '';
};

export function reportRoutes(services: Services) {
  const { reports } = services;
  const label = (key: string): string => services.i18n.t('en', key);
  return async function (app: FastifyInstance): Promise<void> {
    app.get('/staff/waves/:waveId/report', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const report = await reports.buildReport(actor, waveIdOf(req));
      return reply.render('report.njk', { r: reportView(report, label), waveId: report.wave.id, staffNav: staffNav(actor) });
    });

    app.get('/staff/waves/:waveId/report.html', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const report = await reports.downloadReport(actor, waveIdOf(req), 'html');
      return reply
        .header('Content-Disposition', `attachment; filename="${reportFileName(report, 'html')}"`)
        .header('Cache-Control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(reportHtmlFile(report, label));
    });

    app.get('/staff/waves/:waveId/report.json', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const report = await reports.downloadReport(actor, waveIdOf(req), 'json');
      return reply
        .header('Content-Disposition', `attachment; filename="${reportFileName(report, 'json')}"`)
        .header('Cache-Control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(reportJsonFile(report));
    });
  };
}
