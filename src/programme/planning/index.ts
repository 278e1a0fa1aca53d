/** Planning a wave: the wave form, the planning checklist, and an LA's settings and safeguarding contacts. */
export { planningService, waveLanguages, type PlanningService, type PlanningDeps, type OverdueWave } from './planning.service.ts';
export { planningRoutes } from './planning.routes.ts';
export { PLAN_ITEMS, MIN_PLANNING_DAYS, addDays, daysBetween, dueOn, itemState, checklist, overdueItems, type PlanItem, type PlanItemKey, type PlanItemState } from './checklist.ts';
export type { LaSettings, SafeguardingContact, EmergencyDutyTeam } from './la-settings.ts';
export { SURVEY_NAMES } from './wave-form.ts';
