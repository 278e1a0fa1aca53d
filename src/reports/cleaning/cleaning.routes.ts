/** The cleaning page for programme researchers: suspects of a closed wave, and a decision with a reason for each. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../../http/staff-session.ts';
import { staffNav } from '../../programme/workspace.routes.ts';
import type { Services } from '../../services.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const params = (req: FastifyRequest) => req.params as Record<string, unknown>;
const body = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});

export function cleaningRoutes(services: Services) {
  const { cleaning } = services;
  return async function (app: FastifyInstance): Promise<void> {
    const csrf = { preHandler: app.csrfProtection.bind(app) };

    app.get('/staff/waves/:waveId/cleaning', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const view = await cleaning.suspects(actor, text(params(req)['waveId']));
      return reply.render('cleaning.njk', { ...view, staffNav: staffNav(actor) });
    });

    app.post('/staff/waves/:waveId/cleaning/:responseId', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const waveId = text(params(req)['waveId']);
      const responseId = text(params(req)['responseId']);
      const outcome = await cleaning.decide(actor, waveId, responseId, text(body(req)['decision']), text(body(req)['note']));
      if (outcome === 'note_required') {
        const view = await cleaning.suspects(actor, waveId);
        return reply.render('cleaning.njk', { ...view, problem: responseId, staffNav: staffNav(actor) }, 422);
      }
      return reply.redirect(`/staff/waves/${waveId}/cleaning#r-${responseId}`, 303);
    });
  };
}
