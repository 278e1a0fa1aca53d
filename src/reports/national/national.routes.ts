/** The national report in the staff area: the form, the page (one age group at a time), the HTML file and the JSON. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { InstrumentId } from '../../findings/index.ts';
import { requireActor } from '../../http/staff-session.ts';
import type { Actor } from '../../programme/index.ts';
import { staffNav } from '../../programme/workspace.routes.ts';
import type { Services } from '../../services.ts';
import { nationalFileName, nationalHtmlFile, nationalJsonFile } from './national-file.ts';
import { choiceQuery, parseChoice, SURVEYS, type NationalChoice } from './national-form.ts';
import { defaultPeriod } from './period.ts';
import { nationalView } from './national-view.ts';

const queryOf = (req: FastifyRequest): Record<string, unknown> => (typeof req.query === 'object' && req.query !== null ? (req.query as Record<string, unknown>) : {});

export function nationalRoutes(services: Services) {
  const { national } = services;
  const label = (key: string): string => services.i18n.t('en', key);

  /** The choice in the query, or the form again with 422 and its errors (reply sent). */
  function choiceOr422(req: FastifyRequest, reply: FastifyReply, actor: Actor): NationalChoice | null {
    const q = queryOf(req);
    const parsed = parseChoice(q, national.today());
    if (parsed.ok) return parsed.choice;
    // The first problem with each field is shown beside it, every problem in the summary.
    const fieldErrors: Record<string, string> = {};
    for (const e of parsed.errors) fieldErrors[e.href.slice(1)] ??= e.text;
    reply.render('national-form.njk', { surveys: SURVEYS, values: q, errors: parsed.errors, fieldErrors, staffNav: staffNav(actor) }, 422);
    return null;
  }

  return async function (app: FastifyInstance): Promise<void> {
    app.get('/staff/national', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      national.authorise(actor);
      const q = queryOf(req);
      const values = { ...defaultPeriod(national.today()), survey: 'ylyc', ...q };
      return reply.render('national-form.njk', { surveys: SURVEYS, values, errors: [], fieldErrors: {}, staffNav: staffNav(actor) });
    });

    app.get('/staff/national/report', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      national.authorise(actor);
      const choice = choiceOr422(req, reply, actor);
      if (!choice) return reply;
      const report = await national.nationalReport(actor, choice, 'page');
      const wanted = queryOf(req)['instrument'];
      const present = report.findings.instruments;
      const shown = present.find((i) => i.instrumentId === wanted) ?? present.find((i) => i.respondents > 0) ?? present[0];
      const v = await nationalView(report, label, (shown?.instrumentId ?? 'none') as InstrumentId);
      return reply.render('national.njk', { v, query: choiceQuery(choice), staffNav: staffNav(actor) });
    });

    app.get('/staff/national/report.html', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      national.authorise(actor);
      const choice = choiceOr422(req, reply, actor);
      if (!choice) return reply;
      const report = await national.nationalReport(actor, choice, 'html');
      return reply
        .header('Content-Disposition', `attachment; filename="${nationalFileName(report, 'html')}"`)
        .header('Cache-Control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(await nationalHtmlFile(report, label));
    });

    app.get('/staff/national/report.json', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      national.authorise(actor);
      const choice = choiceOr422(req, reply, actor);
      if (!choice) return reply;
      const report = await national.nationalReport(actor, choice, 'json');
      return reply
        .header('Content-Disposition', `attachment; filename="${nationalFileName(report, 'json')}"`)
        .header('Cache-Control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(nationalJsonFile(report));
    });
  };
}
