/**
 * The access-code pages: what codes there are, and generating them. New codes are shown once, in the
 * reply to the POST that made them (a printable list), never in an address or a page that can be reloaded.
 */
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../http/staff-session.ts';
import type { Services } from '../services.ts';
import { field, formBody, param } from './form.ts';
import { trackerContext } from './tracker.routes.ts';

/** Registers the access-code routes. */
export function registerCodesRoutes(app: FastifyInstance, services: Services): void {
  const p = services.participation;
  const path = '/staff/waves/:waveId/tracker/codes';

  app.get(path, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const overview = await p.codesOverview(actor, param(req, 'waveId'));
    return reply.render('tracker-codes.njk', trackerContext(actor, overview.wave, { overview }));
  });

  app.post(path, { preHandler: app.csrfProtection.bind(app) }, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const scope = field(formBody(req), 'scope') === 'unused' ? 'unused' : 'missing';
    const made = await p.generateCodes(actor, param(req, 'waveId'), scope);
    // The codes exist nowhere else: the page must not be cached or stored by the browser.
    void reply.header('cache-control', 'no-store');
    return reply.render('tracker-codes-print.njk', trackerContext(actor, made.wave, { codes: made.codes, link: made.link, scope }));
  });
}
