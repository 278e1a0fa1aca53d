/**
 * The tracker's staff pages: the list with filters, the add and edit form, deleting an entry, the gaps,
 * and the exports. Thin: parse, call one service function, render. The service decides tenancy.
 */
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../http/staff-session.ts';
import { mayActIn, type Actor, type Wave } from '../programme/index.ts';
import { staffNav } from '../programme/workspace.routes.ts';
import type { Services } from '../services.ts';
import { columnsFor } from './columns.ts';
import { formBody, formErrors, formValues, param, readEntryForm, type FormValues } from './form.ts';
import type { TrackerFilter } from './tracker.service.ts';
import { BACKUP_PLANS, ENTRY_STATUSES, FLAGS, isOneOf, LABELS, PLACEMENT_TYPES, PLACES } from './tracker.ts';

/** An ISO day as staff read it: "27 Mar 2026". */
export const dayText = (iso: string | null | undefined): string =>
  iso ? new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '';

/** What every tracker page's template needs besides its own data. */
export function trackerContext(actor: Actor, wave: Wave, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    wave,
    base: `/staff/waves/${wave.id}/tracker`,
    canEdit: mayActIn(actor, 'tracker.edit', wave.laId),
    labels: LABELS,
    day: dayText,
    staffNav: staffNav(actor),
    ...extra,
  };
}

const choices = { statuses: ENTRY_STATUSES, places: PLACES, backupPlans: BACKUP_PLANS, placementTypes: PLACEMENT_TYPES, flags: FLAGS };

/** Registers the tracker's list, form, gaps and export routes. */
export function registerTrackerRoutes(app: FastifyInstance, services: Services): void {
  const p = services.participation;
  const csrf = { preHandler: app.csrfProtection.bind(app) };
  const base = '/staff/waves/:waveId/tracker';

  const formPage = (actor: Actor, wave: Wave, values: Partial<FormValues>, entryId?: string, problems?: ReturnType<typeof formErrors>) =>
    trackerContext(actor, wave, { values, entryId, columns: columnsFor(wave.survey), ...choices, ...(problems ?? {}) });

  app.get(base, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const q = req.query as Record<string, unknown>;
    const filter: TrackerFilter = {
      ...(isOneOf(ENTRY_STATUSES, q['status']) ? { status: q['status'] } : {}),
      ...(typeof q['team'] === 'string' && q['team'] !== '' ? { team: q['team'].slice(0, 60) } : {}),
      ...(typeof q['ageBand'] === 'string' && q['ageBand'] !== '' ? { ageBand: q['ageBand'].slice(0, 20) } : {}),
      ...(typeof q['q'] === 'string' && q['q'] !== '' ? { q: q['q'].slice(0, 40) } : {}),
    };
    const page = Number(typeof q['page'] === 'string' ? q['page'] : 1) || 1;
    const list = await p.list(actor, param(req, 'waveId'), filter, page);
    return reply.render('tracker-list.njk', trackerContext(actor, list.wave, { ...list, filter, statuses: ENTRY_STATUSES, saved: typeof q['saved'] === 'string' ? q['saved'] : '' }));
  });

  app.get(`${base}/new`, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const wave = await p.waveForEditing(actor, param(req, 'waveId'));
    return reply.render('tracker-entry.njk', formPage(actor, wave, { status: 'not_planned', flags: [], ...(wave.instruments.length === 1 ? { ageBand: wave.instruments[0] } : {}) }));
  });

  app.post(base, csrf, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const { raw, values } = readEntryForm(formBody(req));
    const r = await p.save(actor, param(req, 'waveId'), raw);
    if (!r.ok) return reply.render('tracker-entry.njk', formPage(actor, r.wave, values, undefined, formErrors(r.problems)), 422);
    return reply.redirect(`/staff/waves/${r.entry.waveId}/tracker?saved=${encodeURIComponent('added')}`, 303);
  });

  app.get(`${base}/entries/:entryId`, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const { wave, entry } = await p.entry(actor, param(req, 'waveId'), param(req, 'entryId'));
    return reply.render('tracker-entry.njk', formPage(actor, wave, formValues(entry), entry.id));
  });

  app.post(`${base}/entries/:entryId`, csrf, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const { raw, values } = readEntryForm(formBody(req));
    const entryId = param(req, 'entryId');
    const r = await p.save(actor, param(req, 'waveId'), raw, entryId);
    if (!r.ok) return reply.render('tracker-entry.njk', formPage(actor, r.wave, values, entryId, formErrors(r.problems)), 422);
    return reply.redirect(`/staff/waves/${r.entry.waveId}/tracker?saved=updated`, 303);
  });

  app.post(`${base}/entries/:entryId/delete`, csrf, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const waveId = param(req, 'waveId');
    await p.remove(actor, waveId, param(req, 'entryId'));
    return reply.redirect(`/staff/waves/${waveId}/tracker?saved=deleted`, 303);
  });

  app.get(`${base}/gaps`, async (req, reply) => {
    const actor = requireActor(req, reply);
    if (!actor) return reply;
    const { wave, gaps, today } = await p.gaps(actor, param(req, 'waveId'));
    return reply.render('tracker-gaps.njk', trackerContext(actor, wave, { gaps, today }));
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`${base}/export.${format}`, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const file = await p.exportFile(actor, param(req, 'waveId'), format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    });
  }
}
