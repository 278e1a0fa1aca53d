/**
 * The printable question bank for staff: GET /question-bank (the instruments) and
 * GET /question-bank/:instrument (every page as a table). Thin: look up, build the view model, render.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';
import { instruments, getInstrument } from './bank/index.ts';
import { pageViews, summarise, type Lookup } from './bank-view.ts';

/** Translates a catalogue key in a language. */
export type Translate = (lang: string, key: string) => string;

/**
 * What the routes need: a translate function, given directly or as the services' `i18n` translator,
 * so the plugin does not depend on the whole services type.
 */
export type InstrumentRoutesDeps = { readonly t: Translate } | { readonly i18n: { t(lang: string, key: string): string } };

/** The question bank is reviewed in English, the language it is written in. */
const STAFF_LANG = 'en';

/** A Fastify plugin registering the staff question bank pages. */
export function instrumentRoutes(deps: InstrumentRoutesDeps): (app: FastifyInstance) => Promise<void> {
  const translate: Translate = 't' in deps ? deps.t : (lang, key) => deps.i18n.t(lang, key);
  const t: Lookup = (key) => translate(STAFF_LANG, key);
  return async (app) => {
    app.get('/question-bank', (_req, reply) =>
      reply.render('question-bank.njk', { t, lang: STAFF_LANG, instruments: instruments.map((i) => summarise(i, t)) }),
    );
    app.get<{ Params: { instrument: string } }>('/question-bank/:instrument', (req, reply) => {
      const instrument = getInstrument(req.params.instrument);
      if (instrument === undefined) throw new AppError('not_found');
      return reply.render('question-bank-instrument.njk', {
        t,
        lang: STAFF_LANG,
        instrument: summarise(instrument, t),
        languages: instrument.languages,
        pages: pageViews(instrument, t),
      });
    });
  };
}
