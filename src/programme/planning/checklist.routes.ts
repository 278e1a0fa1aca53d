/** The planning checklist page: anyone who may see the wave reads it; LA leads and programme admins tick it. */
import type { FastifyInstance } from 'fastify';
import { requireActor, requireLa } from '../../http/staff-session.ts';
import type { Services } from '../../services.ts';
import { mayActIn, type Actor } from '../roles.ts';
import type { WaveSummary } from '../programme.service.ts';
import { staffNav } from '../workspace.routes.ts';
import { planningTime, type PlanItem } from './checklist.ts';
import { bodyOf, csrfOf, errorsView, loadWave, paramOf } from './form-view.ts';
import type { FormError } from './wave-form.ts';

/** Registers the checklist page and its form. */
export function registerChecklist(app: FastifyInstance, services: Services): void {
  const { planning } = services;

  function page(actor: Actor, wave: WaveSummary, items: PlanItem[], extra: Record<string, unknown> = {}, errors: readonly FormError[] = []) {
    const time = planningTime(wave.opensOn, planning.today());
    return {
      wave,
      items,
      canPlan: mayActIn(actor, 'wave.plan', wave.laId),
      // Only worth saying before fieldwork: "N days to plan, less than the 4 weeks the programme asks for".
      shortNotice: wave.status === 'planned' && time.tooShort ? time : null,
      doneCount: items.filter((i) => i.state === 'done').length,
      ...errorsView(errors),
      staffNav: staffNav(actor),
      ...extra,
    };
  }

  app.get('/staff/waves/:waveId/plan', async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const wave = await loadWave(services, paramOf(req, 'waveId'));
    requireLa(actor, 'wave.view', wave.laId);
    const saved = (req.query as Record<string, unknown>)['saved'] === '1';
    return reply.render('planning-checklist.njk', page(actor, wave, await planning.checklistOf(wave), { saved }));
  });

  app.post('/staff/waves/:waveId/plan', csrfOf(app), async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const wave = await loadWave(services, paramOf(req, 'waveId'));
    requireLa(actor, 'wave.plan', wave.laId);
    const body = bodyOf(req);
    const done = await planning.saveChecklist(actor, wave, body);
    if (done.ok) return reply.redirect(`/staff/waves/${wave.id}/plan?saved=1`, 303);
    // Show what was typed, over the saved state, next to the problems.
    const items = (await planning.checklistOf(wave)).map((i) => ({
      ...i,
      done: body[`done-${i.key}`] === 'yes',
      who: typeof body[`who-${i.key}`] === 'string' ? (body[`who-${i.key}`] as string) : i.who,
    }));
    return reply.render('planning-checklist.njk', page(actor, wave, items, {}, done.errors), 422);
  });
}
