/**
 * The staff workspace: a home page scoped to what the actor may see, local authority and wave pages
 * behind the tenancy guard, and the programme administration pages (LAs, waves, accounts, audit, outbox).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor, requireCapability, requireLa } from '../http/staff-session.ts';
import { AppError } from '../lib/errors.ts';
import type { Services } from '../services.ts';
import { grantFrom, hasCapability, laScope, mayActIn, ROLES, type Actor } from './roles.ts';
import { NATIONS } from './wave.ts';

const body = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const param = (req: FastifyRequest, name: string): string => text((req.params as Record<string, unknown>)[name]);

/** The staff menu for an actor, by capability. */
export function staffNav(actor: Actor): Array<{ href: string; text: string }> {
  const nav: Array<{ href: string; text: string }> = [];
  if (hasCapability(actor, 'programme.view')) nav.push({ href: '/staff/fieldwork', text: 'Live fieldwork' });
  if (hasCapability(actor, 'report.national')) nav.push({ href: '/staff/national', text: 'National report' });
  if (hasCapability(actor, 'paper.enter')) nav.push({ href: '/staff/paper/entry', text: 'Paper entry' });
  if (hasCapability(actor, 'paper.scan')) nav.push({ href: '/staff/paper/scans', text: 'Paper scans' });
  if (hasCapability(actor, 'safeguarding.review') || hasCapability(actor, 'safeguarding.receive')) nav.push({ href: '/staff/safeguarding', text: 'Safeguarding' });
  if (hasCapability(actor, 'plan.programme')) nav.push({ href: '/staff/programme/action-plans', text: 'New Belongings Plus' });
  if (hasCapability(actor, 'plan.view')) nav.push({ href: '/staff/practice-bank', text: 'Practice bank' });
  if (hasCapability(actor, 'release.request') || hasCapability(actor, 'release.approve')) nav.push({ href: '/staff/releases', text: 'Data releases' });
  // The administrator's pages sit behind one entry, so the menu stays one short line.
  if (adminLinks(actor).length > 0) nav.push({ href: '/staff/admin', text: 'Administration' });
  return nav;
}

/** The administration pages an actor may open, with what each is for. */
export function adminLinks(actor: Actor): Array<{ href: string; text: string; about: string }> {
  const links: Array<{ href: string; text: string; about: string }> = [];
  if (hasCapability(actor, 'programme.manage')) {
    links.push(
      { href: '/staff/admin/las', text: 'Local authorities', about: 'Add a local authority and plan its waves.' },
      { href: '/staff/admin/accounts', text: 'Accounts', about: 'Invite staff, change their roles, lock and unlock accounts.' },
    );
  }
  if (hasCapability(actor, 'audit.view')) {
    links.push(
      { href: '/staff/admin/audit', text: 'Audit log', about: 'Who did what, and when: every view and change of personal or sensitive data.' },
      { href: '/staff/admin/outbox', text: 'Outbox', about: 'Emails written to the data folder when no SMTP server is configured.' },
      { href: '/staff/admin/retention', text: 'Retention', about: 'What the daily retention run has deleted, counted by kind.' },
    );
  }
  return links;
}

const inviteForm = z.object({
  email: z.email('Enter an email address like name@council.gov.uk').max(320),
  name: z.string().trim().min(1, 'Enter their name').max(120),
  role: z.enum(ROLES as unknown as [string, ...string[]], 'Choose a role'),
  laId: z.string().max(64).optional(),
});

export function workspaceRoutes(services: Services) {
  const { programme, accounts, audit } = services;
  return async function (app: FastifyInstance): Promise<void> {
    const csrf = { preHandler: app.csrfProtection.bind(app) };

    app.get('/staff', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const scope = laScope(actor, 'wave.view');
      const las = (await programme.listLas()).filter((la) => scope === 'all' || scope.includes(la.id));
      const waves = (await programme.listWaves()).filter((w) => scope === 'all' || scope.includes(w.laId));
      const overdue = await services.planning.overdue(waves);
      return reply.render('staff-home.njk', { actor, las, waves, overdue, programmeWide: scope === 'all', staffNav: staffNav(actor) });
    });

    app.get('/staff/las/:laId', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const laId = param(req, 'laId');
      requireLa(actor, 'wave.view', laId);
      const la = await programme.findLa(laId);
      if (!la || la.id !== laId) throw new AppError('not_found');
      const waves = await programme.listWaves(la.id);
      const laSettings = await services.planning.settingsOf(la.id);
      return reply.render('staff-la.njk', { la, waves, laSettings, canEditSettings: mayActIn(actor, 'wave.plan', la.id), staffNav: staffNav(actor), canManage: hasCapability(actor, 'programme.manage') });
    });

    app.get('/staff/waves/:waveId', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const wave = (await programme.listWaves()).find((w) => w.id === param(req, 'waveId'));
      if (!wave) throw new AppError('not_found');
      requireLa(actor, 'wave.view', wave.laId);
      const link = `${services.config.publicUrl}/s/${wave.linkCode}`;
      const planning = await services.planning.wavePanel(actor, wave);
      const tracker = await services.participation.wavePanel(actor, wave);
      const comments = await services.comments.wavePanel(actor, wave);
      return reply.render('staff-wave.njk', { wave, link, planning, tracker, comments, staffNav: staffNav(actor), canManage: hasCapability(actor, 'programme.manage'), canClean: mayActIn(actor, 'wave.clean', wave.laId), canRequestRelease: mayActIn(actor, 'release.request', wave.laId), canPrint: mayActIn(actor, 'paper.print', wave.laId), canPlan: mayActIn(actor, 'plan.view', wave.laId) });
    });

    app.post('/staff/waves/:waveId/close', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      requireCapability(actor, 'programme.manage');
      const wave = await programme.closeWave(param(req, 'waveId'));
      await audit.record(actor, 'wave.closed', wave.laId, wave.id);
      return reply.redirect(`/staff/waves/${wave.id}`, 303);
    });

    app.get('/staff/admin/las', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      requireCapability(actor, 'programme.manage');
      return reply.render('admin-las.njk', { las: await programme.listLas(), nations: NATIONS, staffNav: staffNav(actor) });
    });

    app.post('/staff/admin/las', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      requireCapability(actor, 'programme.manage');
      const b = body(req);
      try {
        const la = await programme.addLa({ name: text(b['name']), nation: text(b['nation']), onsCode: text(b['onsCode']) });
        await audit.record(actor, 'la.created', la.id, la.name);
        return reply.redirect(`/staff/las/${la.id}`, 303);
      } catch (e) {
        const errors = e instanceof z.ZodError ? e.issues.map((i) => ({ text: i.message, href: `#${String(i.path[0])}` })) : e instanceof AppError ? [{ text: e.message, href: '#name' }] : null;
        if (!errors) throw e;
        return reply.render('admin-las.njk', { las: await programme.listLas(), nations: NATIONS, errors, values: b, staffNav: staffNav(actor) }, 422);
      }
    });

    app.get('/staff/admin/accounts', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      requireCapability(actor, 'programme.manage');
      const las = await programme.listLas();
      return reply.render('admin-accounts.njk', { accounts: await accounts.listAccounts(), las, laNames: Object.fromEntries(las.map((l) => [l.id, l.name])), roles: ROLES, staffNav: staffNav(actor) });
    });

    app.post('/staff/admin/accounts', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      requireCapability(actor, 'programme.manage');
      const b = body(req);
      const f = inviteForm.safeParse({ ...b, laId: b['laId'] || undefined });
      const las = await programme.listLas();
      const again = (errors: Array<{ text: string; href: string }>) =>
        reply.render('admin-accounts.njk', { accounts: [], las, laNames: {}, roles: ROLES, errors, values: b, staffNav: staffNav(actor) }, 422);
      if (!f.success) return again(f.error.issues.map((i) => ({ text: i.message, href: `#${String(i.path[0])}` })));
      const grant = grantFrom(f.data.role, f.data.laId, las.map((l) => l.id));
      if (!grant) return again([{ text: 'A local authority role needs a local authority', href: '#laId' }]);
      try {
        await accounts.invite(actor, { email: f.data.email, name: f.data.name, grants: [grant] });
      } catch (e) {
        if (e instanceof AppError && e.code === 'conflict') return again([{ text: e.message, href: '#email' }]);
        throw e;
      }
      return reply.redirect('/staff/admin/accounts', 303);
    });

    app.post('/staff/admin/accounts/:id/:action', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      requireCapability(actor, 'programme.manage');
      const action = param(req, 'action');
      if (action !== 'disable' && action !== 'enable') throw new AppError('not_found');
      await accounts.setDisabled(actor, param(req, 'id'), action === 'disable');
      return reply.redirect('/staff/admin/accounts', 303);
    });

    app.get('/staff/admin', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const links = adminLinks(actor);
      if (links.length === 0) throw new AppError('forbidden');
      return reply.render('admin-home.njk', { links, staffNav: staffNav(actor) });
    });

    app.get('/staff/admin/audit', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      requireCapability(actor, 'audit.view');
      const q = req.query as Record<string, unknown>;
      const filter = { ...(typeof q['actor'] === 'string' && q['actor'] ? { actorEmail: q['actor'] } : {}), ...(typeof q['action'] === 'string' && q['action'] ? { action: q['action'] } : {}) };
      return reply.render('admin-audit.njk', { entries: await audit.list(filter), filter, staffNav: staffNav(actor) });
    });

    app.get('/staff/admin/outbox', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      requireCapability(actor, 'audit.view');
      return reply.render('admin-outbox.njk', { transport: services.mailer.transport, items: services.mailer.outbox(), staffNav: staffNav(actor) });
    });
  };
}
