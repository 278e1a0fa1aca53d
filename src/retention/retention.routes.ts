/** The retention page for programme administrators: the periods in force and what each daily run deleted. */
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../http/staff-session.ts';
import { staffNav } from '../programme/workspace.routes.ts';
import type { Services } from '../services.ts';

export function retentionRoutes(services: Services) {
  return async function (app: FastifyInstance): Promise<void> {
    app.get('/staff/admin/retention', async (req, reply) => {
      const actor = requireActor(req, reply);
      if (!actor) return reply;
      const { policy, entries } = await services.retention.log(actor);
      const waves = new Map((await services.programme.listWaves()).map((w) => [w.id, `${w.laName}: ${w.title}`]));
      const rows = entries.map((e) => ({ ...e, wave: e.waveId === null ? '' : (waves.get(e.waveId) ?? e.waveId) }));
      return reply.render('retention-log.njk', { policy, rows, draftDays: services.config.draftTtlDays, downloadDays: services.config.releaseDownloadDays, staffNav: staffNav(actor) });
    });
  };
}
