/** The planning feature's staff pages as one Fastify plugin: wave admin, the checklist, LA settings. */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { registerChecklist } from './checklist.routes.ts';
import { registerLaSettings } from './la-settings.routes.ts';
import { registerWaveAdmin } from './waves-admin.routes.ts';

/** The planning routes over the platform's services. */
export function planningRoutes(services: Services) {
  return async function (app: FastifyInstance): Promise<void> {
    registerWaveAdmin(app, services);
    registerChecklist(app, services);
    registerLaSettings(app, services);
  };
}
