/**
 * Safeguarding pages: the review queue and decisions for programme safeguarding reviewers, and
 * disclosures for an LA's safeguarding contacts. Thin: parse, call one service function, render.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../http/staff-session.ts';
import { AppError } from '../lib/errors.ts';
import { hasCapability } from '../programme/index.ts';
import { staffNav } from '../programme/workspace.routes.ts';
import type { Services } from '../services.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const param = (req: FastifyRequest, name: string): string => text((req.params as Record<string, unknown>)[name]);
const query = (req: FastifyRequest): Record<string, unknown> => (typeof req.query === 'object' && req.query !== null ? (req.query as Record<string, unknown>) : {});
const body = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});
const pageOf = (req: FastifyRequest): number => Number(text(query(req)['page'])) || 1;

export function safeguardingRoutes(services: Services) {
  const { safeguarding } = services;
  return async function (app: FastifyInstance): Promise<void> {
    const csrf = { preHandler: app.csrfProtection.bind(app) };

    app.get('/staff/safeguarding', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const reviews = hasCapability(actor, 'safeguarding.review');
      const receives = hasCapability(actor, 'safeguarding.receive');
      if (!reviews && !receives) throw new AppError('not_found');
      const queue = reviews ? await safeguarding.queue(actor, pageOf(req), query(req)) : null;
      const disclosures = receives ? await safeguarding.disclosures(actor) : null;
      const periodErrors = queue && !queue.period.ok ? queue.period.errors : [];
      return reply.render(
        'safeguarding-queue.njk',
        {
          queue,
          disclosures,
          periodErrors: periodErrors.map((e) => ({ text: e.text, href: `#${e.field}` })),
          periodFieldErrors: Object.fromEntries(periodErrors.map((e) => [e.field, e.text])),
          staffNav: staffNav(actor),
        },
        periodErrors.length > 0 ? 422 : 200,
      );
    });

    app.get('/staff/safeguarding/decided', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      return reply.render('safeguarding-decided.njk', { ...(await safeguarding.decided(actor, pageOf(req))), staffNav: staffNav(actor) });
    });

    app.get('/staff/safeguarding/items/:commentId', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const view = await safeguarding.item(actor, param(req, 'commentId'));
      return reply.render('safeguarding-item.njk', { ...view, values: {}, fieldErrors: {}, staffNav: staffNav(actor) });
    });

    app.post('/staff/safeguarding/items/:commentId', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const commentId = param(req, 'commentId');
      const outcome = await safeguarding.decide(actor, commentId, body(req));
      if (!outcome.ok) {
        const view = await safeguarding.item(actor, commentId);
        return reply.render(
          'safeguarding-item.njk',
          {
            ...view,
            values: { decision: text(body(req)['decision']), note: text(body(req)['note']) },
            errors: outcome.errors.map((e) => ({ text: e.text, href: `#${e.field}` })),
            fieldErrors: Object.fromEntries(outcome.errors.map((e) => [e.field, e.text])),
            staffNav: staffNav(actor),
          },
          422,
        );
      }
      return reply.redirect(`/staff/safeguarding/items/${commentId}`, 303);
    });

    app.get('/staff/safeguarding/disclosures/:disclosureId', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const disclosure = await safeguarding.disclosure(actor, param(req, 'disclosureId'));
      return reply.render('safeguarding-disclosure.njk', { disclosure, staffNav: staffNav(actor) });
    });

    app.post('/staff/safeguarding/disclosures/:disclosureId/acknowledge', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const id = param(req, 'disclosureId');
      await safeguarding.acknowledge(actor, id);
      return reply.redirect(`/staff/safeguarding/disclosures/${id}`, 303);
    });
  };
}
