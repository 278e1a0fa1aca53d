/** Staff pages for response rates: the programme-wide fieldwork page and each wave's live dashboard. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor } from '../../http/staff-session.ts';
import { staffNav } from '../../programme/workspace.routes.ts';
import type { Services } from '../../services.ts';
import { countText, DISCLOSURE_THRESHOLD, ruleText } from './disclosure.ts';
import { PACE_WINDOW_DAYS, AT_RISK_SHARE } from './projection.ts';
import { longDate, OUTLOOK_TEXT, percent, PROJECTION_METHOD, shortDate } from './rates.ts';

const param = (req: FastifyRequest, name: string): string => {
  const v = (req.params as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : '';
};

/** Helpers the templates format figures with, so every page words them the same way. */
const format = {
  percent,
  countText,
  longDate,
  shortDate,
  outlookText: OUTLOOK_TEXT,
  oneDecimal: (n: number | null) => (n === null ? '–' : (Math.round(n * 10) / 10).toString()),
  projectionMethod: PROJECTION_METHOD,
  threshold: DISCLOSURE_THRESHOLD,
  paceWindow: PACE_WINDOW_DAYS,
  atRiskShare: Math.round(AT_RISK_SHARE * 100),
};

/** The response-rate pages, as a Fastify plugin. */
export function ratesRoutes(services: Services) {
  return async function (app: FastifyInstance): Promise<void> {
    app.get('/staff/fieldwork', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const waves = await services.rates.fieldwork(actor);
      return reply.render('rates-fieldwork.njk', {
        waves,
        helpCount: waves.filter((w) => w.needsHelp).length,
        today: services.programme.today(),
        rule: ruleText('programme'),
        f: format,
        staffNav: staffNav(actor),
      });
    });

    app.get('/staff/waves/:waveId/rates', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const r = await services.rates.dashboard(actor, param(req, 'waveId'));
      return reply.render('rates-wave.njk', { r, rule: ruleText(r.audience), f: format, staffNav: staffNav(actor) });
    });
  };
}
