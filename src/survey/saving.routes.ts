/**
 * Save and come back later, resume on any device, and forgetting a draft on this device (stop for now,
 * start again, quick exit). Resume codes appear only in the reply that shows them: never in an address.
 */
import type { FastifyInstance } from 'fastify';
import { positionPath, problem, savedContext, wavePath, withDraft, type PageKit, type SurveyRoutesDeps } from './page-context.ts';
import { readField } from './page-form.ts';

type CodeParams = { Params: { code: string } };

/** Registers the saving and resuming routes. */
export function registerSaving(app: FastifyInstance, deps: SurveyRoutesDeps, kit: PageKit): void {
  const { survey } = deps;

  app.get<CodeParams>('/s/:code/save', async (req, reply) => {
    const s = await withDraft(deps, kit, req, reply, req.params.code);
    if (!s) return reply;
    return reply.render(
      'save.njk',
      kit.layout(s.lang, s.wave, `${wavePath(s.wave.linkCode)}/save`, {
        days: deps.config.draftTtlDays,
        continueHref: positionPath(s.wave.linkCode, s.draft.position),
      }),
    );
  });

  app.post<CodeParams>('/s/:code/save', async (req, reply) => {
    const s = await withDraft(deps, kit, req, reply, req.params.code);
    if (!s) return reply;
    const code = await survey.makeResumeCode(s.draft);
    const here = `${wavePath(s.wave.linkCode)}/save`;
    return reply.render('saved.njk', kit.layout(s.lang, s.wave, here, savedContext(deps, s.wave, s.draft, code)));
  });

  app.post<CodeParams>('/s/:code/pause', async (req, reply) => {
    const s = await withDraft(deps, kit, req, reply, req.params.code);
    if (!s) return reply;
    await survey.forgetDevice(s.draft);
    kit.clearDraftCookie(reply, s.wave.linkCode);
    return reply.redirect(`${wavePath(s.wave.linkCode)}/paused`, 303);
  });

  app.get<CodeParams>('/s/:code/paused', async (req, reply) => {
    const wave = await survey.findWaveByLink(req.params.code);
    return reply.render('paused.njk', kit.layout(kit.languageFor(req, wave), wave, `${wavePath(wave.linkCode)}/paused`));
  });

  /** "Start again" on a device someone else started on: the other draft stays reachable by its code. */
  app.post<CodeParams>('/s/:code/restart', async (req, reply) => {
    const wave = await survey.openWave(req.params.code);
    const found = await survey.findDraft(wave, kit.draftToken(req));
    if (found.kind === 'found') await survey.forgetDevice(found.draft);
    kit.clearDraftCookie(reply, wave.linkCode);
    return reply.redirect(wavePath(wave.linkCode), 303);
  });

  /** Quick exit with JavaScript sends a beacon here: nothing of the survey stays reachable on this device. */
  app.post<CodeParams>('/s/:code/exit', async (req, reply) => {
    const wave = await survey.findWaveByLink(req.params.code);
    const found = await survey.findDraft(wave, kit.draftToken(req));
    if (found.kind === 'found') await survey.forgetDevice(found.draft);
    kit.clearDraftCookie(reply, wave.linkCode);
    return reply.status(204).send();
  });

  app.get('/resume', async (req, reply) => reply.render('resume.njk', kit.layout(kit.languageFor(req, undefined), undefined, '/resume')));

  app.post('/resume', async (req, reply) => {
    const lang = kit.languageFor(req, undefined);
    const result = await survey.resume(readField(req.body, 'code') ?? '');
    const ctx = kit.layout(lang, undefined, '/resume');
    switch (result.kind) {
      case 'bad_format':
        return reply.render('resume.njk', { ...ctx, error: true }, 422);
      case 'unknown':
        return problem(reply, 'resume_code_invalid', ctx, { href: '/resume', label: 'survey.resume.try_again' });
      case 'expired':
        return problem(reply, 'draft_expired', ctx, { href: wavePath(result.linkCode), label: 'survey.start_again' });
      case 'resumed':
        kit.setDraftCookie(reply, result.wave.linkCode, result.token);
        return reply.redirect(positionPath(result.wave.linkCode, result.draft.position), 303);
    }
  });
}
