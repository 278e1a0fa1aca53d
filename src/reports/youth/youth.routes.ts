/** "What you told us" in the staff area: the page, and the HTML and PDF to share with young people. */
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../http/staff-session.ts';
import { staffNav } from '../../programme/workspace.routes.ts';
import type { Services } from '../../services.ts';
import { choiceOf, waveIdOf } from '../report.routes.ts';
import { choiceQuery } from '../versions.ts';
import { youthCss, youthHtmlView } from './youth-file.ts';
import { youthReport } from './youth.ts';


export function youthRoutes(services: Services) {
  const { reports } = services;
  const label = (key: string): string => services.i18n.t('en', key);
  return async function (app: FastifyInstance): Promise<void> {
    // The page's own stylesheet: the staff area's policy allows no inline styles. It holds no data.
    app.get('/staff/young-people.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(youthCss()));

    app.get('/staff/waves/:waveId/report/young-people', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const report = await reports.buildReport(actor, waveIdOf(req), choiceOf(req));
      return reply.render('youth-page.njk', { y: youthHtmlView(youthReport(report, label)), waveId: report.wave.id, versionQuery: choiceQuery(report.version), staffNav: staffNav(actor) });
    });

  };
}
