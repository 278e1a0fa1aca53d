/** SQL for action plans: plans, actions with their progress updates, KPIs, and "You said, we did". */
import type { Db } from '../db/index.ts';
import type { ProportionCell } from '../findings/index.ts';
import type { Report } from '../reports/index.ts';
import { newId } from '../lib/ids.ts';
import type { Action, ActionPlan, ActionStatus, IndicatorRef, InvolvementGroup, Kpi, PlanStatus, ProgressUpdate } from './plan.ts';
import type { CheckedAction, CheckedKpi } from './smart.ts';
import type { YouthPage, YouthPair } from './youth-page.ts';

type ActionRow = { id: string; plan_id: string; position: number; what: string; findings: string; indicator: string; baseline: string; target: number; by_wave: number; owner_role: string; owner_team: string; partners: string; due_on: string; status: string; involvement_group: string; involvement_how: string };

const toPlan = (r: { id: string; la_id: string; wave_id: string; report_version: number; status: string; agreed_at: string | null; agreed_by_email: string | null; created_at: string; updated_at: string }): ActionPlan => ({
  id: r.id,
  laId: r.la_id,
  waveId: r.wave_id,
  reportVersion: Number(r.report_version),
  status: r.status as PlanStatus,
  agreedAt: r.agreed_at,
  agreedBy: r.agreed_by_email,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toAction = (r: ActionRow, updates: readonly ProgressUpdate[]): Action => ({
  id: r.id,
  planId: r.plan_id,
  position: Number(r.position),
  what: r.what,
  findings: JSON.parse(r.findings) as string[],
  indicator: JSON.parse(r.indicator) as IndicatorRef,
  baseline: JSON.parse(r.baseline) as ProportionCell,
  target: Number(r.target),
  byWave: Number(r.by_wave) === 2 ? 2 : 1,
  ownerRole: r.owner_role,
  ownerTeam: r.owner_team,
  partners: r.partners,
  dueOn: r.due_on,
  status: r.status as ActionStatus,
  involvementGroup: r.involvement_group as InvolvementGroup,
  involvementHow: r.involvement_how,
  updates,
});

const actionValues = (a: CheckedAction, now: string) => ({
  what: a.what,
  findings: JSON.stringify(a.findings),
  indicator: JSON.stringify(a.indicator.ref),
  baseline: JSON.stringify(a.indicator.figure),
  target: a.target,
  by_wave: a.byWave,
  owner_role: a.ownerRole,
  owner_team: a.ownerTeam,
  partners: a.partners,
  due_on: a.dueOn,
  status: a.status,
  involvement_group: a.involvementGroup,
  involvement_how: a.involvementHow,
  updated_at: now,
});

export function actionsRepository(db: Db) {
  return {
    /**
     * A published version of a wave's report (the latest when no number is given): the immutable
     * snapshot an LA reads, never the live draft.
     */
    async publishedReport(waveId: string, number?: number): Promise<{ number: number; report: Report } | undefined> {
      let q = db.selectFrom('report_versions').select(['number', 'published_at', 'report']).where('wave_id', '=', waveId);
      q = number === undefined ? q.orderBy('number', 'desc').limit(1) : q.where('number', '=', number);
      const r = await q.executeTakeFirst();
      if (r === undefined) return undefined;
      const report = JSON.parse(r.report) as Report;
      return { number: Number(r.number), report: { ...report, version: { number: Number(r.number), publishedAt: r.published_at } } };
    },

    async plan(planId: string): Promise<ActionPlan | undefined> {
      const r = await db.selectFrom('action_plans').selectAll().where('id', '=', planId).executeTakeFirst();
      return r === undefined ? undefined : toPlan(r);
    },

    async planOfWave(waveId: string): Promise<ActionPlan | undefined> {
      const r = await db.selectFrom('action_plans').selectAll().where('wave_id', '=', waveId).executeTakeFirst();
      return r === undefined ? undefined : toPlan(r);
    },

    /** Creates the wave's plan, or returns the one someone made a moment before (one plan per wave). */
    async createPlan(laId: string, waveId: string, reportVersion: number, now: string): Promise<{ plan: ActionPlan; created: boolean }> {
      const id = newId();
      await db
        .insertInto('action_plans')
        .values({ id, la_id: laId, wave_id: waveId, report_version: reportVersion, status: 'draft', agreed_at: null, agreed_by_email: null, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('wave_id').doNothing())
        .execute();
      const plan = await this.planOfWave(waveId);
      if (plan === undefined) throw new Error('plan not stored');
      return { plan, created: plan.id === id };
    },

    async agree(planId: string, email: string, now: string): Promise<void> {
      await db.updateTable('action_plans').set({ status: 'agreed', agreed_at: now, agreed_by_email: email, updated_at: now }).where('id', '=', planId).execute();
    },

    async touch(planId: string, now: string): Promise<void> {
      await db.updateTable('action_plans').set({ updated_at: now }).where('id', '=', planId).execute();
    },

    /** The plan's actions in order, each with its progress updates, oldest first. */
    async actions(planId: string): Promise<Action[]> {
      const rows = await db.selectFrom('plan_actions').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
      const ups = await db.selectFrom('plan_action_updates').selectAll().where('plan_id', '=', planId).orderBy('on_date').orderBy('recorded_at').execute();
      const byAction = new Map<string, ProgressUpdate[]>();
      for (const u of ups) {
        const list = byAction.get(u.action_id) ?? [];
        list.push({ id: u.id, actionId: u.action_id, onDate: u.on_date, status: u.status as ActionStatus, note: u.note, recordedBy: u.recorded_by_email, recordedAt: u.recorded_at });
        byAction.set(u.action_id, list);
      }
      return rows.map((r) => toAction(r, byAction.get(r.id) ?? []));
    },

    async addAction(plan: ActionPlan, a: CheckedAction, now: string): Promise<string> {
      const id = newId();
      const last = await db.selectFrom('plan_actions').select((eb) => eb.fn.max('position').as('p')).where('plan_id', '=', plan.id).executeTakeFirst();
      const position = Number(last?.p ?? 0) + 1;
      await db.insertInto('plan_actions').values({ id, plan_id: plan.id, la_id: plan.laId, position, created_at: now, ...actionValues(a, now) }).execute();
      return id;
    },

    async updateAction(planId: string, actionId: string, a: CheckedAction, now: string): Promise<void> {
      await db.updateTable('plan_actions').set(actionValues(a, now)).where('id', '=', actionId).where('plan_id', '=', planId).execute();
    },

    /** Adds a dated update and moves the action to the update's status, in one transaction. */
    async addUpdate(planId: string, actionId: string, u: { onDate: string; status: ActionStatus; note: string }, email: string, now: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('plan_action_updates').values({ id: newId(), action_id: actionId, plan_id: planId, on_date: u.onDate, status: u.status, note: u.note, recorded_by_email: email, recorded_at: now }).execute();
        await tx.updateTable('plan_actions').set({ status: u.status, updated_at: now }).where('id', '=', actionId).where('plan_id', '=', planId).execute();
      });
    },

    async kpis(planId: string): Promise<Kpi[]> {
      const rows = await db.selectFrom('plan_kpis').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
      return rows.map((r) => ({ id: r.id, planId: r.plan_id, position: Number(r.position), title: r.title, indicator: JSON.parse(r.indicator) as IndicatorRef, baseline: JSON.parse(r.baseline) as ProportionCell, target: Number(r.target) }));
    },

    async addKpi(plan: ActionPlan, k: CheckedKpi, now: string): Promise<string> {
      const id = newId();
      const last = await db.selectFrom('plan_kpis').select((eb) => eb.fn.max('position').as('p')).where('plan_id', '=', plan.id).executeTakeFirst();
      await db
        .insertInto('plan_kpis')
        .values({ id, plan_id: plan.id, la_id: plan.laId, position: Number(last?.p ?? 0) + 1, title: k.title, indicator: JSON.stringify(k.indicator.ref), baseline: JSON.stringify(k.indicator.figure), target: k.target, created_at: now })
        .execute();
      return id;
    },

    async removeKpi(planId: string, kpiId: string): Promise<boolean> {
      const r = await db.deleteFrom('plan_kpis').where('id', '=', kpiId).where('plan_id', '=', planId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async youthPage(planId: string): Promise<YouthPage | undefined> {
      const r = await db.selectFrom('plan_youth_pages').selectAll().where('plan_id', '=', planId).executeTakeFirst();
      return r === undefined ? undefined : { intro: r.intro, items: JSON.parse(r.items) as YouthPair[], status: r.status === 'published' ? 'published' : 'draft', shareToken: r.share_token, publishedAt: r.published_at };
    },

    /** Saves the words; a published page stays published (and shared) with the new words. */
    async saveYouthPage(plan: ActionPlan, intro: string, items: readonly YouthPair[], now: string): Promise<void> {
      await db
        .insertInto('plan_youth_pages')
        .values({ plan_id: plan.id, la_id: plan.laId, intro, items: JSON.stringify(items), status: 'draft', share_token: null, published_at: null, published_by_email: null, updated_at: now })
        .onConflict((oc) => oc.column('plan_id').doUpdateSet({ intro, items: JSON.stringify(items), updated_at: now }))
        .execute();
    },

    async publishYouthPage(planId: string, token: string, email: string, now: string): Promise<void> {
      await db.updateTable('plan_youth_pages').set({ status: 'published', share_token: token, published_at: now, published_by_email: email, updated_at: now }).where('plan_id', '=', planId).execute();
    },

    /** A published page by its share token, with its plan. */
    async publishedByToken(token: string): Promise<{ plan: ActionPlan; page: YouthPage } | undefined> {
      const r = await db.selectFrom('plan_youth_pages').select('plan_id').where('share_token', '=', token).where('status', '=', 'published').executeTakeFirst();
      if (r === undefined) return undefined;
      const p = await db.selectFrom('action_plans').selectAll().where('id', '=', r.plan_id).executeTakeFirst();
      const page = await this.youthPage(r.plan_id);
      return p === undefined || page === undefined ? undefined : { plan: toPlan(p), page };
    },
  };
}

export type ActionsRepository = ReturnType<typeof actionsRepository>;
