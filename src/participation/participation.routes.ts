/** The participation feature's staff routes as one Fastify plugin; multipart parsing stays inside the import's own plugin. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { registerCodesRoutes } from './codes.routes.ts';
import { registerImportRoutes } from './import.routes.ts';
import { registerTrackerRoutes } from './tracker.routes.ts';

/** The tracker, import and export, access codes and gaps pages under /staff/waves/:waveId/tracker. */
export function participationRoutes(services: Services) {
  return async function (app: FastifyInstance): Promise<void> {
    registerTrackerRoutes(app, services);
    registerCodesRoutes(app, services);
    await app.register(registerImportRoutes(services));
  };
}
