/** Privacy notices (one per age group and a full one for adults) and the language switcher. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { INSTRUMENT_IDS, type InstrumentId } from '../instruments/index.ts';
import type { Wave } from '../programme/index.ts';
import { wavePath, type PageKit, type SurveyRoutesDeps } from './page-context.ts';
import { readField } from './page-form.ts';

type CodeParams = { Params: { code: string } };

/** Who a privacy notice is written for: an age group (by instrument) or adults. */
const audience = z.enum(['adult', ...INSTRUMENT_IDS] as ['adult', ...InstrumentId[]]);
type Audience = z.infer<typeof audience>;

const forQuery = z.object({ for: audience.optional().catch(undefined) });

/** Registers the privacy notices and the language switcher. */
export function registerInfo(app: FastifyInstance, deps: SurveyRoutesDeps, kit: PageKit): void {
  const { survey } = deps;

  function privacyContext(req: FastifyRequest, wave: Wave | undefined, chosen: Audience | undefined, lang: string) {
    const base = wave ? `${wavePath(wave.linkCode)}/privacy` : '/privacy';
    const groups: Audience[] = [...(wave ? wave.instruments : INSTRUMENT_IDS), 'adult'];
    const shown: Audience = chosen ?? 'adult';
    return kit.layout(lang, wave, req.url, {
      audience: shown,
      others: groups.filter((g) => g !== shown).map((g) => ({ key: `survey.privacy.${g}.name`, href: `${base}?for=${g}` })),
      sectionPrefix: `survey.privacy.${shown}.s`,
      days: deps.config.draftTtlDays,
      backHref: wave ? wavePath(wave.linkCode) : undefined,
    });
  }

  app.get<CodeParams>('/s/:code/privacy', async (req, reply) => {
    const wave = await survey.findWaveByLink(req.params.code);
    const found = await survey.findDraft(wave, kit.draftToken(req));
    const draft = found.kind === 'found' ? found.draft : undefined;
    // A young person part-way through sees the notice written for their age group first.
    const chosen = forQuery.parse(req.query).for ?? draft?.instrumentId;
    return reply.render('privacy.njk', privacyContext(req, wave, chosen, kit.languageFor(req, wave, draft)));
  });

  app.get('/privacy', async (req, reply) => {
    const chosen = forQuery.parse(req.query).for;
    return reply.render('privacy.njk', privacyContext(req, undefined, chosen, kit.languageFor(req, undefined)));
  });

  app.post<CodeParams>('/s/:code/language', async (req, reply) => {
    const wave = await survey.findWaveByLink(req.params.code);
    const lang = readField(req.body, 'lang');
    const back = readField(req.body, 'back') ?? '';
    const base = wavePath(wave.linkCode);
    // Only a path inside this survey: the field must not become an open redirect.
    const to = back === base || (back.startsWith(`${base}/`) && /^[\w/.?=&-]*$/.test(back) && !back.includes('//')) ? back : base;
    if (lang && kit.languagesOf(wave).includes(lang)) {
      const found = await survey.findDraft(wave, kit.draftToken(req));
      if (found.kind === 'found') await survey.setLanguage(found.draft, lang);
      kit.setLanguageCookie(reply, wave.linkCode, lang);
    }
    return reply.redirect(to, 303);
  });
}
