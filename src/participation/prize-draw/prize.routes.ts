/** The prize draw's routes as one Fastify plugin: the young person's entry form and the lead's page. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { registerEntry } from './entry.routes.ts';
import { registerStaff } from './staff.routes.ts';

/** The prize draw routes over the platform's services. */
export function prizeDrawRoutes(services: Services) {
  return async function (app: FastifyInstance): Promise<void> {
    // Entry pages must not stay in a shared device's cache, exactly like the survey's own pages.
    app.addHook('onRequest', async (req, reply) => {
      if (req.url.startsWith('/s/')) void reply.header('cache-control', 'no-store');
    });
    registerEntry(app, services);
    registerStaff(app, services);
  };
}
