/**
 * The LA lead's side of the prize draw: entries appear only once the wave has closed; the lead picks
 * how many winners, the platform draws them, and every other entry is deleted there and then.
 * Only `prize.draw` (the LA's own lead) may open these pages; anyone else is told "not found".
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireActor, requireLa } from '../../http/staff-session.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, WaveSummary } from '../../programme/index.ts';
import { staffNav } from '../../programme/workspace.routes.ts';
import type { Services } from '../../services.ts';
import { WINNERS_KEEP_DAYS } from './draw.ts';

/** Registers the lead's prize draw page and its two forms. */
export function registerStaff(app: FastifyInstance, services: Services): void {
  const { programme, prizeDraw } = services;
  const csrf = { preHandler: app.csrfProtection.bind(app) };

  /** The wave, if the actor is the lead of its LA (otherwise not found, whoever they are). */
  async function leadsWave(actor: Actor, waveId: unknown): Promise<WaveSummary> {
    const wave = typeof waveId === 'string' && waveId ? await programme.findWave(waveId) : undefined;
    if (!wave) throw new AppError('not_found');
    requireLa(actor, 'prize.draw', wave.laId);
    const summary = (await programme.listWaves(wave.laId)).find((w) => w.id === wave.id);
    if (!summary) throw new AppError('not_found');
    return summary;
  }

  async function page(reply: FastifyReply, actor: Actor, wave: WaveSummary, extra: Record<string, unknown> = {}, status = 200) {
    const view = await prizeDraw.forLead(actor, wave);
    return reply.render('prize-staff.njk', { wave, view, keepDays: WINNERS_KEEP_DAYS, staffNav: staffNav(actor), ...extra }, status);
  }

  app.get('/staff/waves/:waveId/prize', async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const wave = await leadsWave(actor, (req.params as Record<string, unknown>)['waveId']);
    const done = (req.query as Record<string, unknown>)['done'];
    return page(reply, actor, wave, { done: done === 'drawn' || done === 'deleted' ? done : undefined });
  });

  app.post('/staff/waves/:waveId/prize/draw', csrf, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const wave = await leadsWave(actor, (req.params as Record<string, unknown>)['waveId']);
    const body = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
    const count = typeof body['winners'] === 'string' ? body['winners'] : '';
    const done = await prizeDraw.draw(actor, wave, count);
    if (done.ok) return reply.redirect(`/staff/waves/${wave.id}/prize?done=drawn`, 303);
    return page(reply, actor, wave, { errors: [{ text: done.error, href: '#winners' }], winnersError: done.error, winnersValue: count.slice(0, 10) }, 422);
  });

  app.post('/staff/waves/:waveId/prize/forget', csrf, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const wave = await leadsWave(actor, (req.params as Record<string, unknown>)['waveId']);
    await prizeDraw.forgetWinners(actor, wave);
    return reply.redirect(`/staff/waves/${wave.id}/prize?done=deleted`, 303);
  });
}
