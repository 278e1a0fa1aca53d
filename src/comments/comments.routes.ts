/**
 * The redaction review pages: a wave's comments (redacted) for researchers and safeguarding reviewers,
 * and one comment beside its original for safeguarding reviewers. Every form is a plain POST, so the
 * pages work without JavaScript.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../http/staff-session.ts';
import type { Actor } from '../programme/index.ts';
import { staffNav } from '../programme/workspace.routes.ts';
import type { Services } from '../services.ts';
import { CONFIRMATION, HIDE_TYPES, PLACEHOLDERS, TYPE_LABELS } from './comments.ts';
import type { Outcome, StatusFilter } from './comments.service.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const params = (req: FastifyRequest) => req.params as Record<string, unknown>;
const query = (req: FastifyRequest) => (typeof req.query === 'object' && req.query !== null ? (req.query as Record<string, unknown>) : {});
const body = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});

const FILTERS: readonly StatusFilter[] = ['pending', 'approved', 'withheld', 'all'];
const typeChoices = HIDE_TYPES.map((t) => ({ value: t, text: `${TYPE_LABELS[t]}: ${PLACEHOLDERS[t]}` }));

/** The ticked words of the "hide words" form: fields named word-<index>. */
function tickedWords(b: Record<string, unknown>): number[] {
  return Object.keys(b).flatMap((k) => {
    const m = /^word-(\d{1,5})$/.exec(k);
    return m?.[1] === undefined ? [] : [Number(m[1])];
  });
}

export function commentsRoutes(services: Services) {
  const { comments } = services;
  return async function (app: FastifyInstance): Promise<void> {
    const csrf = { preHandler: app.csrfProtection.bind(app) };

    const detailPage = async (actor: Actor, reply: FastifyReply, waveId: string, commentId: string, problem?: Extract<Outcome, { ok: false }>, values: Record<string, unknown> = {}) => {
      const view = await comments.detail(actor, waveId, commentId);
      return reply.render('comment-review.njk', { ...view, typeChoices, confirmation: CONFIRMATION, problem, values, staffNav: staffNav(actor) }, problem === undefined ? 200 : 422);
    };

    /** After a POST: back to the comment, or the page again with the problem. */
    const after = async (actor: Actor, reply: FastifyReply, waveId: string, commentId: string, outcome: Outcome, anchor: string, values: Record<string, unknown>) => {
      if (outcome.ok) return reply.redirect(`/staff/waves/${encodeURIComponent(waveId)}/comments/${encodeURIComponent(commentId)}#${anchor}`, 303);
      return detailPage(actor, reply, waveId, commentId, outcome, values);
    };

    app.get('/staff/waves/:waveId/comments', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const q = query(req);
      const wanted = text(q['status']);
      const status = FILTERS.find((f) => f === wanted) ?? 'pending';
      const view = await comments.list(actor, text(params(req)['waveId']), status, Number(text(q['page'])) || 1);
      return reply.render('comments.njk', { ...view, filters: FILTERS, staffNav: staffNav(actor) });
    });

    app.get('/staff/waves/:waveId/comments/:commentId', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      return detailPage(actor, reply, text(params(req)['waveId']), text(params(req)['commentId']));
    });

    app.post('/staff/waves/:waveId/comments/:commentId/hide', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const waveId = text(params(req)['waveId']);
      const commentId = text(params(req)['commentId']);
      const b = body(req);
      const outcome =
        text(b['mode']) === 'phrase'
          ? await comments.hidePhrase(actor, waveId, commentId, text(b['phrase']), text(b['type']))
          : await comments.hideWords(actor, waveId, commentId, tickedWords(b), text(b['type']));
      return after(actor, reply, waveId, commentId, outcome, 'redaction', b);
    });

    app.post('/staff/waves/:waveId/comments/:commentId/restore', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const waveId = text(params(req)['waveId']);
      const commentId = text(params(req)['commentId']);
      const start = Number(text(body(req)['start']));
      const outcome = await comments.restore(actor, waveId, commentId, Number.isInteger(start) ? start : -1);
      return after(actor, reply, waveId, commentId, outcome, 'redaction', {});
    });

    app.post('/staff/waves/:waveId/comments/:commentId/decision', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const waveId = text(params(req)['waveId']);
      const commentId = text(params(req)['commentId']);
      const b = body(req);
      const outcome = await comments.decide(actor, waveId, commentId, text(b['decision']), text(b['confirm']) === 'yes', text(b['seen']));
      if (outcome.ok) return reply.redirect(`/staff/waves/${encodeURIComponent(waveId)}/comments?status=pending`, 303);
      return after(actor, reply, waveId, commentId, outcome, 'decision', b);
    });
  };
}
