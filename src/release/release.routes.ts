/** Data release pages: the LA lead's request form, the list of requests, one request (the approver's report and decision), downloads. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../http/staff-session.ts';
import type { Actor } from '../programme/index.ts';
import { staffNav } from '../programme/workspace.routes.ts';
import type { Services } from '../services.ts';
import type { FieldError } from './release.service.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const param = (req: FastifyRequest, name: string): string => text((req.params as Record<string, unknown>)[name]);
const body = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});
/** Each field's error text, for the templates. */
const byField = (errors: readonly FieldError[]): Record<string, string> => Object.fromEntries(errors.map((e) => [e.field, e.text]));
const query = (req: FastifyRequest): Record<string, unknown> => (typeof req.query === 'object' && req.query !== null ? (req.query as Record<string, unknown>) : {});

export function releaseRoutes(services: Services) {
  const { release } = services;
  return async function (app: FastifyInstance): Promise<void> {
    const csrf = { preHandler: app.csrfProtection.bind(app) };

    async function showRequest(reply: FastifyReply, actor: Actor, id: string, k: unknown, extra: { errors?: FieldError[]; note?: string; decision?: string } = {}, status = 200) {
      const view = await release.view(actor, id, k);
      if (!view.ok) {
        const again = await release.view(actor, id);
        if (!again.ok) throw new Error('the default k was refused');
        return reply.render('release.njk', { ...again.value, errors: view.errors, fieldErrors: byField(view.errors), staffNav: staffNav(actor) }, 422);
      }
      return reply.render('release.njk', { ...view.value, errors: extra.errors ?? [], fieldErrors: byField(extra.errors ?? []), note: extra.note ?? '', decision: extra.decision ?? '', staffNav: staffNav(actor) }, status);
    }

    app.get('/staff/waves/:waveId/release', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const { wave } = await release.requestForm(actor, param(req, 'waveId'));
      return reply.render('release-request.njk', { wave, errors: [], fieldErrors: {}, purpose: '', staffNav: staffNav(actor) });
    });

    app.post('/staff/waves/:waveId/release', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const waveId = param(req, 'waveId');
      const purpose = text(body(req)['purpose']);
      const outcome = await release.request(actor, waveId, purpose);
      if (!outcome.ok) {
        const { wave } = await release.requestForm(actor, waveId);
        return reply.render('release-request.njk', { wave, errors: outcome.errors, fieldErrors: byField(outcome.errors), purpose, staffNav: staffNav(actor) }, 422);
      }
      return reply.redirect(`/staff/releases/${outcome.value}`, 303);
    });

    app.get('/staff/releases', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      return reply.render('releases.njk', { ...(await release.list(actor)), now: services.clock.now().toISOString(), staffNav: staffNav(actor) });
    });

    app.get('/staff/releases/:releaseId', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      return showRequest(reply, actor, param(req, 'releaseId'), query(req)['k']);
    });

    app.post('/staff/releases/:releaseId/approve', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const id = param(req, 'releaseId');
      const b = body(req);
      const outcome = await release.approve(actor, id, { k: b['k'], note: b['note'], fingerprint: b['fingerprint'] });
      if (outcome.ok) return reply.redirect(`/staff/releases/${id}`, 303);
      // Shown again at the k asked for when it was valid, so the approver reads the report they will approve.
      const k = outcome.errors.some((e) => e.field === 'k') && !outcome.changed ? undefined : b['k'];
      return showRequest(reply, actor, id, k, { errors: outcome.errors, note: text(b['note']), decision: 'approve' }, outcome.changed ? 409 : 422);
    });

    app.post('/staff/releases/:releaseId/refuse', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const id = param(req, 'releaseId');
      const note = text(body(req)['note']);
      const outcome = await release.refuse(actor, id, note);
      if (outcome.ok) return reply.redirect(`/staff/releases/${id}`, 303);
      return showRequest(reply, actor, id, undefined, { errors: outcome.errors.map((e) => ({ ...e, field: 'refuse-note' })), note, decision: 'refuse' }, 422);
    });

    for (const format of ['xlsx', 'zip'] as const) {
      app.get(`/staff/releases/:releaseId/anonymised-data.${format}`, async (req, reply) => {
        const actor = requireActor(req, reply);
        if (!actor) return reply;
        const file = await release.download(actor, param(req, 'releaseId'), format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body);
      });
    }
  };
}
