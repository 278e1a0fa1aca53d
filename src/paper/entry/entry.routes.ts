/** The paper entry pages for programme data-entry staff: choose a form, key it, second entry, resolve differences. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../../http/staff-session.ts';
import type { Instrument } from '../../instruments/index.ts';
import type { Actor, Wave } from '../../programme/index.ts';
import { staffNav } from '../../programme/workspace.routes.ts';
import type { Services } from '../../services.ts';
import { differenceViews, fieldViews, type Lookup } from './entry-view.ts';
import type { EntryOutcome, Mode } from './entry.service.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
const fieldsOf = (req: FastifyRequest): Record<string, string> =>
  Object.fromEntries(Object.entries(record(req.body)).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
const modeOf = (v: unknown): Mode => (v === 'double' ? 'double' : 'single');
const param = (req: FastifyRequest, name: string): string => text(record(req.params)[name]);

/** Where a stored form leads: the "stored" page, ready for the next form of the same batch. */
const storedUrl = (choice: string, mode: Mode, dropped: number): string =>
  `/staff/paper/entry/stored?${new URLSearchParams({ form: choice, mode, dropped: String(dropped) }).toString()}`;

interface FormPage {
  wave: Wave;
  instrument: Instrument;
  action: string;
  choice: string;
  mode: Mode;
  serial: string;
  second: boolean;
  reference?: string;
}

export function paperEntryRoutes(services: Services) {
  const entry = services.paperEntry;
  const t: Lookup = (key) => services.i18n.t('en', key);
  return async function (app: FastifyInstance): Promise<void> {
    const csrf = { preHandler: app.csrfProtection.bind(app) };

    async function startPage(reply: FastifyReply, actor: Actor, extra: Record<string, unknown> = {}, status = 200) {
      const view = await entry.start(actor);
      return reply.render('paper-entry-start.njk', { ...view, ...extra, staffNav: staffNav(actor) }, status);
    }

    function formPage(reply: FastifyReply, actor: Actor, page: FormPage, fields: Record<string, string> = {}, read?: Extract<EntryOutcome, { kind: 'invalid' }>['read']) {
      const views = fieldViews(page.instrument, t, fields, read?.problems ?? []);
      const errors = views.filter((f) => f.error !== undefined).map((f) => ({ text: f.error, href: `#${f.name}` }));
      if (read?.empty === true) errors.push({ text: 'Type at least one answer from the form', href: `#${views[0]?.name ?? ''}` });
      return reply.render(
        'paper-entry-form.njk',
        { ...page, instrumentName: t(`instrument.${page.instrument.id}.name`), fields: views, errors, staffNav: staffNav(actor) },
        errors.length > 0 ? 422 : 200,
      );
    }

    app.get('/staff/paper/entry', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      return startPage(reply, actor);
    });

    app.get('/staff/paper/entry/form', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const q = record(req.query);
      const choice = text(q['form']);
      if (choice === '') return startPage(reply, actor, { startError: 'Choose the wave and questionnaire of the form' }, 422);
      const { wave, instrument } = await entry.form(actor, choice);
      const mode = modeOf(q['mode']);
      return formPage(reply, actor, { wave, instrument, action: '/staff/paper/entry/form', choice, mode, serial: text(q['serial']).slice(0, 40), second: false });
    });

    app.post('/staff/paper/entry/form', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const fields = fieldsOf(req);
      const choice = text(fields['form']);
      const mode = modeOf(fields['mode']);
      const serial = text(fields['serial']).slice(0, 40);
      const outcome = await entry.enter(actor, choice, mode, serial, fields);
      if (outcome.kind === 'invalid') {
        const { wave, instrument } = await entry.form(actor, choice);
        return formPage(reply, actor, { wave, instrument, action: '/staff/paper/entry/form', choice, mode, serial, second: false }, fields, outcome.read);
      }
      if (outcome.kind === 'pending') return reply.redirect(`/staff/paper/entry/${outcome.entryId}/reference?${new URLSearchParams({ form: choice }).toString()}`, 303);
      return reply.redirect(storedUrl(choice, mode, outcome.kind === 'stored' ? outcome.dropped : 0), 303);
    });

    app.get('/staff/paper/entry/:entryId/reference', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const start = await entry.start(actor);
      const pending = start.pending.find((p) => p.id === param(req, 'entryId') && p.firstBy === actor.accountId);
      if (!pending) return startPage(reply, actor, {}, 404);
      return reply.render('paper-entry-reference.njk', { pending, choice: text(record(req.query)['form']), staffNav: staffNav(actor) });
    });

    app.get('/staff/paper/entry/stored', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      entry.authorise(actor);
      const q = record(req.query);
      const choice = text(q['form']);
      const form = choice === '' ? null : await entry.form(actor, choice).catch(() => null);
      return reply.render('paper-entry-stored.njk', { form, choice, mode: modeOf(q['mode']), dropped: Number(text(q['dropped'])) || 0, staffNav: staffNav(actor) });
    });

    app.get('/staff/paper/entry/second', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const typed = text(record(req.query)['ref']).slice(0, 60);
      const found = await entry.findSecond(actor, typed);
      if (found.kind === 'found') return reply.redirect(`/staff/paper/entry/${found.entryId}/second`, 303);
      const message =
        found.kind === 'same_person'
          ? 'You keyed the first entry of this form: a different person must key the second'
          : 'No form waiting for a second entry has that reference or sheet serial';
      return startPage(reply, actor, { secondError: message, ref: typed }, found.kind === 'same_person' ? 409 : 422);
    });

    app.get('/staff/paper/entry/:entryId/second', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const id = param(req, 'entryId');
      const { entry: pending, wave, instrument } = await entry.secondForm(actor, id);
      return formPage(reply, actor, { wave, instrument, action: `/staff/paper/entry/${id}/second`, choice: `${wave.id}/${instrument.id}`, mode: 'double', serial: '', second: true, reference: pending.reference });
    });

    app.post('/staff/paper/entry/:entryId/second', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const id = param(req, 'entryId');
      const fields = fieldsOf(req);
      const outcome = await entry.enterSecond(actor, id, fields);
      if (outcome.kind === 'invalid') {
        const { entry: pending, wave, instrument } = await entry.secondForm(actor, id);
        return formPage(reply, actor, { wave, instrument, action: `/staff/paper/entry/${id}/second`, choice: `${wave.id}/${instrument.id}`, mode: 'double', serial: '', second: true, reference: pending.reference }, fields, outcome.read);
      }
      if (outcome.kind === 'differences') return reply.redirect(`/staff/paper/entry/${id}/resolve`, 303);
      return reply.redirect(storedUrl('', 'double', outcome.kind === 'stored' ? outcome.dropped : 0), 303);
    });

    async function resolvePage(reply: FastifyReply, actor: Actor, id: string, chosen: Record<string, string> = {}, missing: readonly string[] = []) {
      const view = await entry.differences(actor, id);
      const differences = differenceViews(view.instrument, t, view.differences).map((d) => ({ ...d, chosen: chosen[`choice-${d.id}`] ?? '', missing: missing.includes(d.id) }));
      return reply.render(
        'paper-entry-resolve.njk',
        { id, missing: missing.length, wave: view.wave, reference: view.entry.reference, instrumentName: t(`instrument.${view.instrument.id}.name`), differences, staffNav: staffNav(actor) },
        missing.length > 0 ? 422 : 200,
      );
    }

    app.get('/staff/paper/entry/:entryId/resolve', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      return resolvePage(reply, actor, param(req, 'entryId'));
    });

    app.post('/staff/paper/entry/:entryId/resolve', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const id = param(req, 'entryId');
      const fields = fieldsOf(req);
      const choices = Object.fromEntries(Object.entries(fields).flatMap(([k, v]) => (k.startsWith('choice-') ? [[k.slice('choice-'.length), v]] : [])));
      const outcome = await entry.resolve(actor, id, choices);
      if (outcome.kind === 'missing') return resolvePage(reply, actor, id, fields, outcome.missing);
      return reply.redirect(storedUrl('', 'double', outcome.dropped), 303);
    });
  };
}
