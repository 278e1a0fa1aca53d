/**
 * The young person's journey over HTTP: start (age), introduction, pages, "ready to send?", submission
 * and thanks. Thin: parse, call one service function, render or redirect. Every reply is `no-store`.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { easyReadVariantOf } from '../instruments/index.ts';
import { AppError } from '../lib/errors.ts';
import type { Wave } from '../programme/index.ts';
import type { Draft } from './drafts.repository.ts';
import { agesOffered, instrumentForAge, pagesShown, progressOf, questionsShown, atPage } from './journey.ts';
import { pageKit, positionPath, savedContext, wavePath, withDraft, type PageKit, type SurveyRoutesDeps } from './page-context.ts';
import { readAdultHelped, readField, readStartForm, type FieldError } from './page-form.ts';
import { declined, pageView } from './page-view.ts';
import { instrumentOf } from './response.ts';
import { registerSaving } from './saving.routes.ts';
import { registerInfo } from './info.routes.ts';

type CodeParams = { Params: { code: string } };
type PageParams = { Params: { code: string; page: string } };
type Session = { wave: Wave; draft: Draft; lang: string };

/**
 * Refuses bodies that are not HTML forms (JSON, text...) with 415; bodiless requests (beacons) pass.
 * Refuses posts from other sites: a forged "resume" could tie a young person's answers to someone
 * else's code. (Origin is "null" under our no-referrer policy, so the browser's Sec-Fetch-Site decides.)
 */
function requireForm(req: FastifyRequest): void {
  if (req.method === 'POST' && req.headers['sec-fetch-site'] === 'cross-site') throw new AppError('forbidden');
  const type = req.headers['content-type'];
  if (req.method === 'POST' && type !== undefined && !type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw Object.assign(new Error('unsupported media type'), { statusCode: 415 });
  }
}

function registerJourney(app: FastifyInstance, deps: SurveyRoutesDeps, kit: PageKit): void {
  const { survey } = deps;

  async function startPage(
    req: FastifyRequest,
    reply: FastifyReply,
    wave: Wave,
    status = 200,
    error?: string,
    extra: Record<string, unknown> = {},
  ) {
    const found = await survey.findDraft(wave, kit.draftToken(req));
    const draft = found.kind === 'found' ? found.draft : undefined;
    const lang = kit.languageFor(req, wave, draft);
    const offered = survey.instrumentsOf(wave);
    return reply.render(
      'start.njk',
      kit.layout(lang, wave, wavePath(wave.linkCode), {
        survey: wave.survey,
        ages: offered.length > 1 ? agesOffered(offered) : [],
        easyRead: offered.some((i) => easyReadVariantOf(i.id) !== undefined),
        continueHref: draft ? positionPath(wave.linkCode, draft.position) : undefined,
        error,
        ...extra,
      }),
      status,
    );
  }

  app.get<CodeParams>('/s/:code', async (req, reply) => startPage(req, reply, await survey.openWave(req.params.code)));

  app.post<CodeParams>('/s/:code/start', async (req, reply) => {
    const wave = await survey.openWave(req.params.code);
    const offered = survey.instrumentsOf(wave);
    const { age, school } = readStartForm(req.body);
    // An optional access code, typed (never in a link): checked here; only its hash goes into the draft.
    const accessCode = readField(req.body, 'accessCode')?.trim() ?? '';
    let accessCodeHash: string | null = null;
    if (accessCode !== '') {
      const check = await survey.checkAccessCode(wave, accessCode);
      if (check.kind !== 'ok') return startPage(req, reply, wave, 422, undefined, { accessCode, codeError: `survey.start.code.error.${check.kind}` });
      accessCodeHash = check.codeHash;
    }
    // Easy read is chosen with a checkbox beside the age buttons; it follows the choice of school too.
    const easyReadChosen = readField(req.body, 'easyRead') === 'yes';
    const kept = { ...(accessCodeHash ? { accessCode, codeAccepted: true } : {}), ...(easyReadChosen ? { easyReadChosen } : {}) };
    const only = offered.length === 1 ? offered[0] : undefined;
    const outcome = only ? ({ kind: 'instrument', id: only.id } as const) : instrumentForAge(offered, age ?? -1, school);
    if (outcome.kind === 'out_of_range') {
      // "Use this code" sends the code alone: it comes back accepted, kept for the age buttons.
      if (accessCodeHash && age === undefined) return startPage(req, reply, wave, 200, undefined, kept);
      return startPage(req, reply, wave, 422, 'survey.start.age.error', kept);
    }
    const lang = kit.languageFor(req, wave);
    if (outcome.kind === 'ask_school') {
      // Rendered straight from the POST so the age never appears in an address or the history.
      return reply.render('school.njk', kit.layout(lang, wave, wavePath(wave.linkCode), { age, ...kept }));
    }
    const instrumentId = easyReadChosen ? (easyReadVariantOf(outcome.id)?.id ?? outcome.id) : outcome.id;
    const { token } = await survey.startDraft(wave, instrumentId, lang, accessCodeHash);
    kit.setDraftCookie(reply, wave.linkCode, token);
    return reply.redirect(`${wavePath(wave.linkCode)}/intro`, 303);
  });

  app.get<CodeParams>('/s/:code/intro', async (req, reply) => {
    const s = await withDraft(deps, kit, req, reply, req.params.code);
    if (!s) return reply;
    return reply.render(
      'intro.njk',
      kit.layout(s.lang, s.wave, `${wavePath(s.wave.linkCode)}/intro`, {
        instrumentId: s.draft.instrumentId,
        askAdult: s.draft.instrumentId !== 'ylyc-4-7',
        adultHelped: s.draft.adultHelped,
        position: s.draft.position,
      }),
    );
  });

  app.post<CodeParams>('/s/:code/intro', async (req, reply) => {
    const s = await withDraft(deps, kit, req, reply, req.params.code);
    if (!s) return reply;
    const goTo = await survey.finishIntro(s.draft, readAdultHelped(req.body));
    return reply.redirect(positionPath(s.wave.linkCode, goTo), 303);
  });

  function renderPage(reply: FastifyReply, s: Session, pageId: string, errors: readonly FieldError[] = []) {
    const instrument = instrumentOf(s.draft.instrumentId);
    const page = instrument.pages.find((p) => p.id === pageId);
    if (!page) throw new AppError('not_found');
    const progress = progressOf(instrument, s.draft.answers, pageId);
    if (!progress) return reply.redirect(positionPath(s.wave.linkCode, s.draft.position), 303);
    const here = positionPath(s.wave.linkCode, atPage(pageId));
    const questions = pageView(instrument, page, s.draft, errors);
    return reply.render(
      'page.njk',
      kit.layout(s.lang, s.wave, here, {
        instrumentId: instrument.id,
        young: instrument.id === 'ylyc-4-7',
        page,
        questions,
        progress,
        errors: errors.map((e) => ({ ...e, text: questions.find((q) => q.id === e.questionId)?.text })),
        declined,
      }),
      errors.length > 0 ? 422 : 200,
    );
  }

  app.get<PageParams>('/s/:code/p/:page', async (req, reply) => {
    const s = await withDraft(deps, kit, req, reply, req.params.code);
    if (!s) return reply;
    return renderPage(reply, s, req.params.page);
  });

  app.post<PageParams>('/s/:code/p/:page', async (req, reply) => {
    const s = await withDraft(deps, kit, req, reply, req.params.code);
    if (!s) return reply;
    const result = await survey.savePage(s.draft, req.params.page, req.body);
    if (result.kind === 'saved' && result.action === 'autosave') return reply.status(204).send();
    if (result.kind === 'invalid') {
      // Autosave fails silently: the page itself shows the problem when the young person moves on.
      if (readField(req.body, 'action') === 'autosave') return reply.status(204).send();
      return renderPage(reply, { ...s, draft: result.draft }, req.params.page, result.errors);
    }
    if (result.action === 'save') {
      const code = await survey.makeResumeCode(result.draft);
      const here = `${wavePath(s.wave.linkCode)}/save`;
      return reply.render('saved.njk', kit.layout(s.lang, s.wave, here, savedContext(deps, s.wave, result.draft, code)));
    }
    return reply.redirect(positionPath(s.wave.linkCode, result.goTo), 303);
  });

  app.get<CodeParams>('/s/:code/review', async (req, reply) => {
    const s = await withDraft(deps, kit, req, reply, req.params.code);
    if (!s) return reply;
    await survey.reachReview(s.draft);
    const instrument = instrumentOf(s.draft.instrumentId);
    const pages = pagesShown(instrument, s.draft.answers);
    const shown = pages.flatMap((p) => questionsShown(instrument, p, s.draft.answers));
    const answered = shown.filter((q) => s.draft.answers[q.id] !== undefined || s.draft.freeText[q.id] !== undefined).length;
    return reply.render(
      'review.njk',
      kit.layout(s.lang, s.wave, `${wavePath(s.wave.linkCode)}/review`, {
        answered,
        total: shown.length,
        pages: pages.map((p) => ({ title: p.title, href: positionPath(s.wave.linkCode, atPage(p.id)) })),
        submissionKey: s.draft.submissionKey,
        backHref: positionPath(s.wave.linkCode, atPage(pages[pages.length - 1]?.id ?? '')),
      }),
    );
  });

  app.post<CodeParams>('/s/:code/submit', async (req, reply) => {
    const wave = await survey.openWave(req.params.code);
    const outcome = await survey.submit(wave, kit.draftToken(req), readField(req.body, 'key'));
    const base = wavePath(wave.linkCode);
    if (outcome === 'stale_key') return reply.redirect(`${base}/review`, 303);
    kit.clearDraftCookie(reply, wave.linkCode);
    return reply.redirect(outcome === 'no_draft' ? base : `${base}/thanks`, 303);
  });

  app.get<CodeParams>('/s/:code/thanks', async (req, reply) => {
    const wave = await survey.findWaveByLink(req.params.code);
    kit.clearDraftCookie(reply, wave.linkCode);
    // The prize draw link is the same for everyone on an open wave with a draw: it says nothing about the answers.
    const prizeDraw = wave.prizeDraw && wave.status === 'open';
    return reply.render('thanks.njk', kit.layout(kit.languageFor(req, wave), wave, `${wavePath(wave.linkCode)}/thanks`, { prizeDraw }));
  });
}

/** The survey's routes as a Fastify plugin over the platform's services. */
export function surveyRoutes(deps: SurveyRoutesDeps): FastifyPluginAsync {
  return async (app) => {
    const kit = pageKit(deps);
    // Survey pages must not stay in a shared device's cache or be replayed from it after the survey.
    app.addHook('onRequest', async (_req, reply) => {
      void reply.header('cache-control', 'no-store');
    });
    app.addHook('preValidation', async (req) => requireForm(req));
    registerJourney(app, deps, kit);
    registerSaving(app, deps, kit);
    registerInfo(app, deps, kit);
  };
}
