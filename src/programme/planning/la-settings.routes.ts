/**
 * An LA's settings page: data-sharing agreement, naming consent, safeguarding contacts. Editable by
 * whoever may plan the LA's waves (`wave.plan`: programme administrators and the LA's own lead): the
 * agreement and consent are the LA's to give, and its lead knows who its safeguarding contacts are.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireActor, requireLa } from '../../http/staff-session.ts';
import { AppError } from '../../lib/errors.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../roles.ts';
import type { LocalAuthority } from '../wave.ts';
import { staffNav } from '../workspace.routes.ts';
import { bodyOf, csrfOf, errorsView, paramOf, textValues } from './form-view.ts';
import { MAX_CONTACTS, valuesOfSettings } from './la-settings.ts';
import type { FormError, FormValues } from './wave-form.ts';

/** Registers the LA settings page and its three forms. */
export function registerLaSettings(app: FastifyInstance, services: Services): void {
  const { planning, programme } = services;
  const csrf = csrfOf(app);

  /** The LA, after checking the actor may plan for it (another LA is answered as not found). */
  async function plannableLa(actor: Actor, laId: string): Promise<LocalAuthority> {
    requireLa(actor, 'wave.plan', laId);
    const la = laId ? await programme.findLa(laId) : undefined;
    if (!la || la.id !== laId) throw new AppError('not_found');
    return la;
  }

  async function render(reply: FastifyReply, actor: Actor, la: LocalAuthority, opts: { values?: FormValues; contactValues?: FormValues; errors?: readonly FormError[]; status?: number; saved?: string } = {}) {
    const { settings, contacts } = await planning.settingsOf(la.id);
    return reply.render(
      'la-settings.njk',
      {
        la,
        contacts,
        maxContacts: MAX_CONTACTS,
        values: opts.values ?? valuesOfSettings(settings),
        contactValues: opts.contactValues ?? {},
        saved: opts.saved,
        ...errorsView(opts.errors ?? []),
        staffNav: staffNav(actor),
      },
      opts.status ?? 200,
    );
  }

  app.get('/staff/las/:laId/settings', async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const la = await plannableLa(actor, paramOf(req, 'laId'));
    const saved = (req.query as Record<string, unknown>)['saved'];
    return render(reply, actor, la, { ...(typeof saved === 'string' ? { saved } : {}) });
  });

  app.post('/staff/las/:laId/settings', csrf, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const la = await plannableLa(actor, paramOf(req, 'laId'));
    const values = textValues(bodyOf(req));
    const done = await planning.saveSettings(actor, la.id, values);
    if (done.ok) return reply.redirect(`/staff/las/${la.id}/settings?saved=settings`, 303);
    return render(reply, actor, la, { values, errors: done.errors, status: 422 });
  });

  app.post('/staff/las/:laId/contacts', csrf, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const la = await plannableLa(actor, paramOf(req, 'laId'));
    const contactValues = textValues(bodyOf(req));
    const done = await planning.addContact(actor, la.id, contactValues);
    if (done.ok) return reply.redirect(`/staff/las/${la.id}/settings?saved=contact`, 303);
    return render(reply, actor, la, { contactValues, errors: done.errors, status: 422 });
  });

  app.post('/staff/las/:laId/contacts/:contactId/remove', csrf, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const la = await plannableLa(actor, paramOf(req, 'laId'));
    await planning.removeContact(actor, la.id, paramOf(req, 'contactId'));
    return reply.redirect(`/staff/las/${la.id}/settings?saved=removed`, 303);
  });
}
