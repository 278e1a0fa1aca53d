/**
 * The young person's side of the prize draw, reached from the thank-you page after the answers have
 * gone: a form that works without JavaScript, in the survey's own layout. It reads no draft cookie,
 * sets no cookie, and carries no hidden field: nothing in the request can tie it to a response.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { LANGUAGES } from '../../lib/i18n.ts';
import type { Wave } from '../../programme/index.ts';
import type { Services } from '../../services.ts';
import { CONTACT_METHODS, FIRST_NAME_MAX, CONTACT_MAX, type EntryError } from './draw.ts';

type CodeParams = { Params: { code: string } };

/** The language cookie the survey sets on the wave's path (a language code, nothing personal). */
const LANG_COOKIE = 'bs_lang';
const EXIT_URL = 'https://www.bbc.co.uk/weather';
const wavePath = (code: string) => `/s/${encodeURIComponent(code)}`;

/** Registers the entry form and its "you're in the draw" page. */
export function registerEntry(app: FastifyInstance, services: Services): void {
  const { programme, prizeDraw, i18n } = services;

  async function waveOf(code: string): Promise<Wave> {
    const wave = /^[A-Z0-9]{4,16}$/i.test(code) ? await programme.waveByLinkCode(code) : undefined;
    if (!wave || !wave.prizeDraw) throw new AppError('not_found');
    if (wave.status !== 'open') throw new AppError('wave_closed');
    return wave;
  }

  /** The survey layout's context: language, quick exit, privacy link, language switcher. */
  function layout(req: FastifyRequest, wave: Wave, here: string, extra: Record<string, unknown>): Record<string, unknown> {
    const offered = wave.languages.filter((l) => i18n.languages().includes(l));
    const wanted = req.cookies[LANG_COOKIE];
    const lang = wanted && offered.includes(wanted) ? wanted : (offered[0] ?? 'en');
    return {
      lang,
      dir: LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr',
      wavePath: wavePath(wave.linkCode),
      here,
      exitUrl: EXIT_URL,
      languages: offered.length > 1 ? offered.map((code) => ({ code, name: LANGUAGES.find((l) => l.code === code)?.nativeName ?? code })) : [],
      privacyHref: `${wavePath(wave.linkCode)}/privacy`,
      ...extra,
    };
  }

  function form(req: FastifyRequest, reply: FastifyReply, wave: Wave, values: Record<string, string> = {}, errors: EntryError[] = []) {
    const fieldErrors = Object.fromEntries(errors.map((e) => [e.field, e.key]));
    return reply.render(
      'prize-entry.njk',
      layout(req, wave, `${wavePath(wave.linkCode)}/prize`, { values, errors, fieldErrors, methods: CONTACT_METHODS, firstNameMax: FIRST_NAME_MAX, contactMax: CONTACT_MAX }),
      errors.length > 0 ? 422 : 200,
    );
  }

  app.get<CodeParams>('/s/:code/prize', async (req, reply) => form(req, reply, await waveOf(req.params.code)));

  app.post<CodeParams>('/s/:code/prize', async (req, reply) => {
    const wave = await waveOf(req.params.code);
    const body = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
    const done = await prizeDraw.enter(wave, body);
    if (done.ok) return reply.redirect(`${wavePath(wave.linkCode)}/prize/entered`, 303);
    const values = Object.fromEntries(['firstName', 'contactMethod', 'contact'].map((k) => [k, typeof body[k] === 'string' ? body[k].slice(0, 200) : '']));
    return form(req, reply, wave, values, done.errors);
  });

  app.get<CodeParams>('/s/:code/prize/entered', async (req, reply) => {
    const wave = await waveOf(req.params.code);
    return reply.render('prize-entered.njk', layout(req, wave, `${wavePath(wave.linkCode)}/prize/entered`, {}));
  });
}
