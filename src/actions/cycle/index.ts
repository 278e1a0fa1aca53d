export { cycleService, type CycleService } from './cycle.service.ts';
export { cycleRoutes } from './cycle.routes.ts';
