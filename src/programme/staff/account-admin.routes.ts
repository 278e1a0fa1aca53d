/** One staff account for programme administrators: its roles (add, remove) and status. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor, requireCapability } from '../../http/staff-session.ts';
import { AppError } from '../../lib/errors.ts';
import type { Services } from '../../services.ts';
import { grantFrom, ROLES, type Actor } from '../roles.ts';
import { staffNav } from '../workspace.routes.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const field = (req: FastifyRequest, name: string): string => text((typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {})[name]);

export function accountAdminRoutes(services: Services) {
  const { accounts, programme } = services;
  return async function (app: FastifyInstance): Promise<void> {
    const csrf = { preHandler: app.csrfProtection.bind(app) };

    async function page(actor: Actor, id: string, errors: Array<{ text: string; href: string }> = [], status = 200) {
      const account = (await accounts.listAccounts()).find((a) => a.id === id);
      if (!account) throw new AppError('not_found');
      const las = await programme.listLas();
      return { template: 'admin-account.njk', ctx: { account, las, laNames: Object.fromEntries(las.map((l) => [l.id, l.name])), roles: ROLES, errors, staffNav: staffNav(actor) }, status };
    }

    app.get('/staff/admin/accounts/:id', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      requireCapability(actor, 'programme.manage');
      const p = await page(actor, text((req.params as Record<string, unknown>)['id']));
      return reply.render(p.template, p.ctx, p.status);
    });

    app.post('/staff/admin/accounts/:id/roles', csrf, async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      requireCapability(actor, 'programme.manage');
      const id = text((req.params as Record<string, unknown>)['id']);
      const las = await programme.listLas();
      const grant = grantFrom(field(req, 'role'), field(req, 'laId') || undefined, las.map((l) => l.id));
      if (!grant) {
        const p = await page(actor, id, [{ text: 'Choose a role, and a local authority for a local authority role', href: '#role' }], 422);
        return reply.render(p.template, p.ctx, p.status);
      }
      const removing = field(req, 'op') === 'remove';
      // Keep at least one administrator able to manage the programme: nobody removes their own admin role.
      if (removing && id === actor.accountId && grant.role === 'programme_admin') throw new AppError('conflict', 'You cannot remove your own administrator role');
      await accounts.setGrant(actor, id, grant, !removing);
      return reply.redirect(`/staff/admin/accounts/${id}`, 303);
    });
  };
}
