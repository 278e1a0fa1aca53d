/** The wave's paper forms page for programme staff: choose a questionnaire, a language and how many copies, and download the PDF. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../../http/staff-session.ts';
import { staffNav } from '../../programme/workspace.routes.ts';
import type { FormsService } from './forms.service.ts';
import { MAX_COPIES } from './forms.service.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const params = (req: FastifyRequest) => req.params as Record<string, unknown>;
const body = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});

export function formsRoutes(services: { paperForms: FormsService }) {
  const forms = services.paperForms;
  return async function (app: FastifyInstance): Promise<void> {
    const csrf = { preHandler: app.csrfProtection.bind(app) };

    app.get('/staff/waves/:waveId/paper', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const view = await forms.printPage(actor, text(params(req)['waveId']));
      return reply.render('paper-forms.njk', { ...view, maxCopies: MAX_COPIES, values: { copies: '30' }, staffNav: staffNav(actor) });
    });

    app.post('/staff/waves/:waveId/paper', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const waveId = text(params(req)['waveId']);
      const values = { instrumentId: text(body(req)['instrument']), lang: text(body(req)['lang']), copies: text(body(req)['copies']) };
      const outcome = await forms.issueForms(actor, waveId, values);
      if (!outcome.ok) {
        const view = await forms.printPage(actor, waveId);
        return reply.render('paper-forms.njk', { ...view, maxCopies: MAX_COPIES, values, problems: outcome.problems, staffNav: staffNav(actor) }, 422);
      }
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${outcome.fileName}"`)
        .header('cache-control', 'no-store')
        .send(outcome.stream);
    });
  };
}
