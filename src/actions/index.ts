/** Action plans (New Belongings Plus): actions linked to a published report's findings, KPIs measured by the next wave, the progress dashboard and "You said, we did". */
export { actionsService, type ActionsService, type PlanView, type NextWave } from './actions.service.ts';
export { actionsRoutes } from './actions.routes.ts';
export { ACTION_STATUSES, INVOLVEMENT_GROUPS, MIN_KPIS, findingId, indicatorId, type Action, type ActionPlan, type ActionStatus, type Kpi, type IndicatorRef } from './plan.ts';
