/** SQL for the New Belongings Plus cycle: the flag on a plan, its sessions, the co-production review, the reference group and the practice bank. */
import type { Db } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { Measured } from '../kpi.ts';
import type { Answers } from './coproduction.ts';
import { defaultPlan, type Attendee, type Session, type SessionKind } from './cycle.ts';

export interface Cycle {
  readonly planId: string;
  readonly laId: string;
  readonly waveId: string;
  readonly startedOn: string;
  readonly startedBy: string;
}

export interface CoproductionReview {
  readonly answers: Answers;
  readonly savedAt: string;
  readonly feedback: string | null;
  readonly feedbackAt: string | null;
  readonly feedbackBy: string | null;
  readonly actionIds: readonly string[];
}

export interface ReferenceGroup {
  readonly youngPeople: number;
  readonly roles: ReadonlyArray<{ role: string; count: number }>;
  readonly involvement: string;
  readonly reward: string;
  readonly meets: string;
  readonly updatedAt: string;
}

export interface SessionChange {
  readonly topic: string;
  readonly plannedOn: string;
  readonly heldOn: string | null;
  readonly attendees: readonly Attendee[];
  readonly youngPeople: number;
  readonly notes: string;
  readonly decisions: string;
  readonly actionIds: readonly string[];
}

export interface PracticeExample {
  readonly id: string;
  readonly actionId: string;
  readonly planId: string;
  readonly laId: string;
  readonly indicatorKey: string;
  readonly indicatorLabel: string;
  readonly title: string;
  readonly summary: string;
  readonly shownAs: string;
  readonly consentFrom: string;
  readonly consentOn: string;
  /** The action's target as measured by the next wave when it was published. */
  readonly outcome: Measured;
  readonly publishedAt: string;
}

export function cycleRepository(db: Db) {
  return {
    async cycleOf(planId: string): Promise<Cycle | undefined> {
      const r = await db.selectFrom('nbplus_cycles').selectAll().where('plan_id', '=', planId).executeTakeFirst();
      return r === undefined ? undefined : { planId: r.plan_id, laId: r.la_id, waveId: r.wave_id, startedOn: r.started_on, startedBy: r.started_by_email };
    },

    /** Every cycle, for the programme-wide view. */
    async allCycles(): Promise<Cycle[]> {
      const rows = await db.selectFrom('nbplus_cycles').selectAll().orderBy('started_on').execute();
      return rows.map((r) => ({ planId: r.plan_id, laId: r.la_id, waveId: r.wave_id, startedOn: r.started_on, startedBy: r.started_by_email }));
    },

    /** Switches the plan to New Belongings Plus with its seven sessions at their default dates; false if it already was. */
    async start(p: { planId: string; laId: string; waveId: string }, startedOn: string, email: string, now: string): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const r = await tx
          .insertInto('nbplus_cycles')
          .values({ plan_id: p.planId, la_id: p.laId, wave_id: p.waveId, started_on: startedOn, started_by_email: email, created_at: now })
          .onConflict((oc) => oc.column('plan_id').doNothing())
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
        for (const s of defaultPlan(startedOn)) {
          await tx
            .insertInto('nbplus_sessions')
            .values({ id: newId(), plan_id: p.planId, la_id: p.laId, kind: s.kind, topic: '', planned_on: s.plannedOn, held_on: null, attendees: '[]', young_people: 0, notes: '', decisions: '', action_ids: '[]', updated_at: now, updated_by_email: email })
            .execute();
        }
        return true;
      });
    },

    async sessions(planId: string): Promise<Session[]> {
      const rows = await db.selectFrom('nbplus_sessions').selectAll().where('plan_id', '=', planId).execute();
      return rows.map((r) => ({
        id: r.id,
        planId: r.plan_id,
        kind: r.kind as SessionKind,
        topic: r.topic,
        plannedOn: r.planned_on,
        heldOn: r.held_on,
        attendees: JSON.parse(r.attendees) as Attendee[],
        youngPeople: Number(r.young_people),
        notes: r.notes,
        decisions: r.decisions,
        actionIds: JSON.parse(r.action_ids) as string[],
        updatedAt: r.updated_at,
      }));
    },

    async saveSession(planId: string, kind: SessionKind, c: SessionChange, email: string, now: string): Promise<void> {
      await db
        .updateTable('nbplus_sessions')
        .set({ topic: c.topic, planned_on: c.plannedOn, held_on: c.heldOn, attendees: JSON.stringify(c.attendees), young_people: c.youngPeople, notes: c.notes, decisions: c.decisions, action_ids: JSON.stringify(c.actionIds), updated_at: now, updated_by_email: email })
        .where('plan_id', '=', planId)
        .where('kind', '=', kind)
        .execute();
    },

    async review(planId: string): Promise<CoproductionReview | undefined> {
      const r = await db.selectFrom('coproduction_reviews').selectAll().where('plan_id', '=', planId).executeTakeFirst();
      return r === undefined
        ? undefined
        : { answers: JSON.parse(r.answers) as Answers, savedAt: r.saved_at, feedback: r.feedback, feedbackAt: r.feedback_at, feedbackBy: r.feedback_by_email, actionIds: JSON.parse(r.action_ids) as string[] };
    },

    async saveAnswers(planId: string, laId: string, answers: Answers, email: string, now: string): Promise<void> {
      const a = JSON.stringify(answers);
      await db
        .insertInto('coproduction_reviews')
        .values({ plan_id: planId, la_id: laId, answers: a, saved_at: now, saved_by_email: email, feedback: null, feedback_at: null, feedback_by_email: null, action_ids: '[]' })
        .onConflict((oc) => oc.column('plan_id').doUpdateSet({ answers: a, saved_at: now, saved_by_email: email }))
        .execute();
    },

    async saveFeedback(planId: string, feedback: string, actionIds: readonly string[], email: string, now: string): Promise<void> {
      await db.updateTable('coproduction_reviews').set({ feedback, action_ids: JSON.stringify(actionIds), feedback_at: now, feedback_by_email: email }).where('plan_id', '=', planId).execute();
    },

    async referenceGroup(laId: string): Promise<ReferenceGroup | undefined> {
      const r = await db.selectFrom('reference_groups').selectAll().where('la_id', '=', laId).executeTakeFirst();
      return r === undefined ? undefined : { youngPeople: Number(r.young_people), roles: JSON.parse(r.roles) as Array<{ role: string; count: number }>, involvement: r.involvement, reward: r.reward, meets: r.meets, updatedAt: r.updated_at };
    },

    async saveReferenceGroup(laId: string, g: Omit<ReferenceGroup, 'updatedAt'>, email: string, now: string): Promise<void> {
      const values = { young_people: g.youngPeople, roles: JSON.stringify(g.roles), involvement: g.involvement, reward: g.reward, meets: g.meets, updated_at: now, updated_by_email: email };
      await db
        .insertInto('reference_groups')
        .values({ la_id: laId, ...values })
        .onConflict((oc) => oc.column('la_id').doUpdateSet(values))
        .execute();
    },

    /** Publishes an action as an example; false if it already is one. */
    async publishExample(e: Omit<PracticeExample, 'id' | 'publishedAt'>, email: string, now: string): Promise<string | null> {
      const id = newId();
      const r = await db
        .insertInto('practice_examples')
        .values({ id, action_id: e.actionId, plan_id: e.planId, la_id: e.laId, indicator_key: e.indicatorKey, indicator_label: e.indicatorLabel, title: e.title, summary: e.summary, shown_as: e.shownAs, consent_from: e.consentFrom, consent_on: e.consentOn, outcome: JSON.stringify(e.outcome), published_at: now, published_by_email: email })
        .onConflict((oc) => oc.column('action_id').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) === 0 ? null : id;
    },

    /** Published examples, newest first; on one indicator when a key is given. */
    async examples(indicatorKey?: string): Promise<PracticeExample[]> {
      let q = db.selectFrom('practice_examples').selectAll();
      if (indicatorKey !== undefined) q = q.where('indicator_key', '=', indicatorKey);
      const rows = await q.orderBy('published_at', 'desc').execute();
      return rows.map((r) => ({ id: r.id, actionId: r.action_id, planId: r.plan_id, laId: r.la_id, indicatorKey: r.indicator_key, indicatorLabel: r.indicator_label, title: r.title, summary: r.summary, shownAs: r.shown_as, consentFrom: r.consent_from, consentOn: r.consent_on, outcome: JSON.parse(r.outcome) as Measured, publishedAt: r.published_at }));
    },
  };
}

export type CycleRepository = ReturnType<typeof cycleRepository>;
