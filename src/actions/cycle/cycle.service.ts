/**
 * New Belongings Plus use cases: switch a plan to the cycle (the LA's lead or programme staff), record
 * its sessions, the co-production self-assessment with the programme's feedback, the LA's reference
 * group register, the programme-wide comparison and the practice bank. The plan's own rules decide who
 * sees what (plan.view; other LAs' plans are not found); every change and every view is audited.
 */
import type { Db } from '../../db/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { hasCapability, mayActIn, type Actor, type AuditLog, type ProgrammeService } from '../../programme/index.ts';
import type { MeasuredAction, PlanView } from '../actions.service.ts';
import { changeWords, targetWords, type Measured } from '../kpi.ts';
import { figureText, indicatorId, percent, statusCounts, type ActionStatus } from '../plan.ts';
import { identifyingDetail, isDay, type Problem } from '../smart.ts';
import { cycleRepository, type CoproductionReview, type Cycle, type PracticeExample, type ReferenceGroup } from './cycle.repository.ts';
import { score, STATEMENTS, MAX_SCORE, type Answer, type Scored } from './coproduction.ts';
import { SESSION_KINDS, TOPIC_KINDS, timeline, type Attendee, type Session, type Timeline } from './cycle.ts';

export interface CycleDeps {
  db: Db;
  clock: Clock;
  programme: ProgrammeService;
  audit: AuditLog;
  /** The action plan of a wave, authorised by plan.view (not audited: the caller audits its own view). */
  plan: (actor: Actor, waveId: string) => Promise<PlanView>;
  /** A plan's actions as measured now by its LA's next reported wave (the same measure as the plan page's), for the practice bank. */
  measuredActions: (planId: string) => Promise<ReadonlyMap<string, MeasuredAction> | undefined>;
}

/**
 * A practice bank example with whether it moved, worked out when read: the action's indicator in the
 * LA's next reported wave of the same survey, against its baseline, with the findings engine's test.
 */
export interface BankExample extends PracticeExample {
  /** As measured now (the stored outcome at publication when the action is gone). */
  readonly outcome: Measured;
  /** What was stored when the example was published. */
  readonly publishedOutcome: Measured;
  readonly baseline: string;
  readonly target: string;
  readonly newValue: string;
  /** The change in words, with its interval and whether it is statistically significant. */
  readonly change: string;
  readonly result: string;
}

export type Outcome = { readonly ok: true } | { readonly ok: false; readonly problems: readonly Problem[] };

export interface CyclePage {
  readonly view: PlanView;
  readonly cycle: Cycle | null;
  readonly sessions: readonly Session[];
  readonly timeline: Timeline | null;
  readonly review: CoproductionReview | null;
  readonly scored: Scored | null;
  readonly group: ReferenceGroup | null;
  /** Published examples on the indicators of the report's areas for improvement, with whether they moved. */
  readonly examples: readonly BankExample[];
  readonly mayEdit: boolean;
  readonly mayProgramme: boolean;
  /** Whether this actor may switch the plan to New Belongings Plus. */
  readonly mayStart: boolean;
}

export interface SessionForm {
  topic: string;
  plannedOn: string;
  heldOn: string;
  roles: readonly string[];
  organisations: readonly string[];
  counts: readonly string[];
  youngPeople: string;
  notes: string;
  decisions: string;
  actionIds: readonly string[];
}

export interface GroupForm {
  youngPeople: string;
  roles: readonly string[];
  counts: readonly string[];
  involvement: string;
  reward: string;
  meets: string;
}

export interface ExampleForm {
  consentFrom: string;
  consentOn: string;
  anonymise: string;
  shownAs: string;
  summary: string;
}

/** A row of the programme-wide comparison. */
export interface OverviewRow {
  readonly laName: string;
  readonly waveId: string;
  readonly waveTitle: string;
  readonly stage: string;
  readonly held: number;
  readonly overdue: number;
  readonly sessions: number;
  readonly byStatus: Record<ActionStatus, number>;
  readonly actions: number;
  readonly kpis: number;
  readonly kpisMet: number;
  readonly kpisMeasured: number;
}

const MAX_TEXT = 2000;
const MAX_ROWS = 12;
const clip = (s: string): string => s.trim().slice(0, MAX_TEXT);
const wholeNumber = (s: string): number | null => (/^\s*\d{1,4}\s*$/.test(s) ? Number(s) : null);

export function cycleService(deps: CycleDeps) {
  const repo = cycleRepository(deps.db);
  const now = (): string => deps.clock.now().toISOString();

  function noNames(problems: Problem[], field: string, value: string, what: string, allowed: readonly string[], contactOnly = false): void {
    const found = identifyingDetail(value, contactOnly, allowed);
    if (found !== null) problems.push({ field, text: `${what} must not name young people or give contact details: “${found}” looks like one. Say “a care leaver” or “two members of the forum” instead.` });
  }

  async function cycleOrRefuse(view: PlanView): Promise<Cycle> {
    const cycle = view.plan === null ? undefined : await repo.cycleOf(view.plan.id);
    if (cycle === undefined) throw new AppError('not_found', 'This plan is not run as New Belongings Plus.');
    return cycle;
  }

  /** Each example with its action measured now by its LA's next reported wave (one look-up per plan). */
  async function remeasured(examples: readonly PracticeExample[]): Promise<BankExample[]> {
    const byPlan = new Map<string, ReadonlyMap<string, MeasuredAction> | undefined>();
    for (const planId of new Set(examples.map((e) => e.planId))) byPlan.set(planId, await deps.measuredActions(planId));
    return examples.map((e): BankExample => {
      const now = byPlan.get(e.planId)?.get(e.actionId);
      const outcome = now?.measured ?? e.outcome;
      return {
        ...e,
        outcome,
        publishedOutcome: e.outcome,
        baseline: now === undefined ? '' : figureText(now.baseline),
        target: now === undefined ? '' : percent(now.target),
        newValue: outcome.state === 'measured' ? percent(outcome.value) : outcome.state === 'hidden' ? 'Hidden' : 'Not yet',
        change: changeWords(outcome).replace('Waiting for the next wave’s published report', 'Waiting for their next wave’s published report').replace('Not asked in the next wave', 'Not asked in their next wave'),
        result: targetWords(outcome, now?.byWave ?? 1),
      };
    });
  }

  function requireEdit(actor: Actor, view: PlanView): void {
    if (!mayActIn(actor, 'plan.edit', view.wave.laId)) throw new AppError('forbidden', 'Only the local authority’s lead records the cycle.');
  }

  return {
    /** The cycle page: timeline, sessions, co-production review, reference group and other LAs' practice. Audited as cycle.viewed. */
    async page(actor: Actor, waveId: string): Promise<CyclePage> {
      const view = await deps.plan(actor, waveId);
      const cycle = view.plan === null ? undefined : await repo.cycleOf(view.plan.id);
      const sessions = cycle === undefined ? [] : await repo.sessions(cycle.planId);
      const review = cycle === undefined ? undefined : await repo.review(cycle.planId);
      const group = await repo.referenceGroup(view.wave.laId);
      const weak = new Set(view.findings.filter((f) => f.kind !== 'bright_spot' && f.indicatorId !== null).map((f) => f.indicatorId));
      const examples = await remeasured((await repo.examples()).filter((e) => weak.has(e.indicatorKey) && e.laId !== view.wave.laId));
      await deps.audit.record(actor, 'cycle.viewed', view.wave.laId, view.plan?.id ?? view.wave.id);
      const mayProgramme = mayActIn(actor, 'plan.programme', view.wave.laId);
      return {
        view,
        cycle: cycle ?? null,
        sessions,
        timeline: cycle === undefined ? null : timeline(sessions, deps.programme.today()),
        review: review ?? null,
        scored: review === undefined ? null : score(review.answers),
        group: group ?? null,
        examples,
        mayEdit: view.mayEdit,
        mayProgramme,
        mayStart: view.plan !== null && (view.mayEdit || mayProgramme),
      };
    },

    /**
     * The cycle's start day and sessions for the plan's progress dashboard, or null when the plan is not
     * run as New Belongings Plus. The view is already authorised (plan.view) and audited by the dashboard.
     */
    async dashboardCycle(view: PlanView): Promise<{ startedOn: string; sessions: Session[] } | null> {
      const cycle = view.plan === null ? undefined : await repo.cycleOf(view.plan.id);
      if (cycle === undefined) return null;
      return { startedOn: cycle.startedOn, sessions: await repo.sessions(cycle.planId) };
    },

    /** Runs the wave's plan as New Belongings Plus from a day (today when blank), with its seven sessions planned. */
    async start(actor: Actor, waveId: string, startedOn: string): Promise<Outcome> {
      const view = await deps.plan(actor, waveId);
      if (!mayActIn(actor, 'plan.edit', view.wave.laId) && !mayActIn(actor, 'plan.programme', view.wave.laId)) throw new AppError('forbidden', 'The local authority’s lead or programme staff switch a plan to New Belongings Plus.');
      if (view.plan === null) return { ok: false, problems: [{ field: 'startedOn', text: 'Start the action plan first: the cycle follows it.' }] };
      const day = startedOn.trim() === '' ? deps.programme.today() : startedOn.trim();
      if (!isDay(day)) return { ok: false, problems: [{ field: 'startedOn', text: 'Enter the day the cycle starts as a date, for example 2026-03-02.' }] };
      const started = await repo.start({ planId: view.plan.id, laId: view.wave.laId, waveId: view.wave.id }, day, actor.email, now());
      if (started) await deps.audit.record(actor, 'cycle.started', view.wave.laId, view.plan.id, { startedOn: day });
      return { ok: true };
    },

    /** Records a session: its dates, who came (by role and organisation; young people as a count), notes, decisions and the actions it created or changed. */
    async saveSession(actor: Actor, waveId: string, kindText: string, form: SessionForm): Promise<Outcome> {
      const view = await deps.plan(actor, waveId);
      const cycle = await cycleOrRefuse(view);
      requireEdit(actor, view);
      const kind = SESSION_KINDS.find((k) => k === kindText);
      if (kind === undefined) throw new AppError('not_found');
      const problems: Problem[] = [];
      const allowed = [view.laName];
      if (!isDay(form.plannedOn)) problems.push({ field: 'plannedOn', text: 'Enter the planned date, for example 2026-05-14.' });
      const heldOn = form.heldOn.trim() === '' ? null : form.heldOn.trim();
      if (heldOn !== null && !isDay(heldOn)) problems.push({ field: 'heldOn', text: 'Enter the date it was held, for example 2026-05-14, or leave it blank if it has not been held.' });
      if (heldOn !== null && isDay(heldOn) && heldOn > deps.programme.today()) problems.push({ field: 'heldOn', text: 'The date it was held cannot be in the future: leave it blank until the session has happened.' });
      const topic = clip(form.topic);
      if (heldOn !== null && TOPIC_KINDS.includes(kind) && topic === '') problems.push({ field: 'topic', text: 'Say which topic the deep dive looked at.' });
      noNames(problems, 'topic', topic, 'The topic', allowed);
      const attendees: Attendee[] = [];
      for (let i = 0; i < Math.min(MAX_ROWS, Math.max(form.roles.length, form.organisations.length)); i++) {
        const role = clip(form.roles[i] ?? '');
        const organisation = clip(form.organisations[i] ?? '');
        const countText = (form.counts[i] ?? '').trim();
        if (role === '' && organisation === '' && countText === '') continue;
        const count = countText === '' ? 1 : wholeNumber(countText);
        if (role === '' || organisation === '') problems.push({ field: `role-${i}`, text: `Attendee row ${i + 1}: give both the role and the organisation.` });
        if (count === null || count < 1) problems.push({ field: `count-${i}`, text: `Attendee row ${i + 1}: the number must be a whole number of 1 or more.` });
        noNames(problems, `role-${i}`, `${role} ${organisation}`, `Attendee row ${i + 1}`, allowed, true);
        if (identifyingDetail(role, false, allowed) !== null) noNames(problems, `role-${i}`, role, `Attendee row ${i + 1}’s role`, allowed);
        attendees.push({ role, organisation, count: count ?? 1 });
      }
      const youngPeople = form.youngPeople.trim() === '' ? 0 : wholeNumber(form.youngPeople);
      if (youngPeople === null) problems.push({ field: 'youngPeople', text: 'Give the number of young people who took part as a whole number (no names).' });
      if (heldOn !== null && attendees.length === 0 && (youngPeople ?? 0) === 0) problems.push({ field: 'role-0', text: 'Say who came to the session: at least one attendee by role and organisation, or the number of young people.' });
      const notes = clip(form.notes);
      const decisions = clip(form.decisions);
      noNames(problems, 'notes', notes, 'The notes', allowed);
      noNames(problems, 'decisions', decisions, 'The decisions', allowed);
      const known = new Set(view.actions.map((a) => a.id));
      const actionIds = [...new Set(form.actionIds)].filter((id) => known.has(id));
      if (problems.length > 0) return { ok: false, problems };
      await repo.saveSession(cycle.planId, kind, { topic, plannedOn: form.plannedOn, heldOn, attendees, youngPeople: youngPeople ?? 0, notes, decisions, actionIds }, actor.email, now());
      await deps.audit.record(actor, 'cycle.session_saved', view.wave.laId, cycle.planId, { kind, held: heldOn !== null, actions: actionIds.length });
      return { ok: true };
    },

    /** Saves the LA's self-assessment: each statement scored 0-3 with evidence. */
    async saveReview(actor: Actor, waveId: string, form: Readonly<Record<string, { score: string; evidence: string }>>): Promise<Outcome> {
      const view = await deps.plan(actor, waveId);
      const cycle = await cycleOrRefuse(view);
      requireEdit(actor, view);
      const problems: Problem[] = [];
      const answers: Record<string, Answer> = {};
      for (const s of STATEMENTS) {
        const f = form[s.id];
        const scoreText = (f?.score ?? '').trim();
        const evidence = clip(f?.evidence ?? '');
        if (scoreText === '') {
          if (evidence !== '') problems.push({ field: `score-${s.id}`, text: `“${s.text}”: choose a score for the evidence you gave.` });
          continue;
        }
        const n = wholeNumber(scoreText);
        if (n === null || n > MAX_SCORE) {
          problems.push({ field: `score-${s.id}`, text: `“${s.text}”: choose a score from 0 to ${MAX_SCORE}.` });
          continue;
        }
        if (n >= 2 && evidence === '') problems.push({ field: `evidence-${s.id}`, text: `“${s.text}”: a score of ${n} needs evidence: say what exists.` });
        noNames(problems, `evidence-${s.id}`, evidence, 'Evidence', [view.laName]);
        answers[s.id] = { score: n, evidence };
      }
      if (Object.keys(answers).length === 0 && problems.length === 0) problems.push({ field: `score-${STATEMENTS[0]?.id ?? ''}`, text: 'Score at least one statement.' });
      if (problems.length > 0) return { ok: false, problems };
      await repo.saveAnswers(cycle.planId, view.wave.laId, answers, actor.email, now());
      await deps.audit.record(actor, 'cycle.review_saved', view.wave.laId, cycle.planId, { total: score(answers).total, answered: Object.keys(answers).length });
      return { ok: true };
    },

    /** The programme's feedback on the self-assessment, with the plan's actions it leads to. */
    async saveFeedback(actor: Actor, waveId: string, feedbackText: string, actionIds: readonly string[]): Promise<Outcome> {
      const view = await deps.plan(actor, waveId);
      const cycle = await cycleOrRefuse(view);
      if (!mayActIn(actor, 'plan.programme', view.wave.laId)) throw new AppError('forbidden', 'Programme staff write the feedback on the self-assessment.');
      if ((await repo.review(cycle.planId)) === undefined) return { ok: false, problems: [{ field: 'feedback', text: 'The LA has not saved its self-assessment yet.' }] };
      const feedback = clip(feedbackText);
      const problems: Problem[] = [];
      if (feedback === '') problems.push({ field: 'feedback', text: 'Write the feedback.' });
      noNames(problems, 'feedback', feedback, 'The feedback', [view.laName]);
      if (problems.length > 0) return { ok: false, problems };
      const known = new Set(view.actions.map((a) => a.id));
      const ids = [...new Set(actionIds)].filter((id) => known.has(id));
      await repo.saveFeedback(cycle.planId, feedback, ids, actor.email, now());
      await deps.audit.record(actor, 'cycle.feedback_saved', view.wave.laId, cycle.planId, { actions: ids.length });
      return { ok: true };
    },

    /** The LA's reference group register: counts and roles only. */
    async saveGroup(actor: Actor, waveId: string, form: GroupForm): Promise<Outcome> {
      const view = await deps.plan(actor, waveId);
      requireEdit(actor, view);
      const problems: Problem[] = [];
      const allowed = [view.laName];
      const youngPeople = wholeNumber(form.youngPeople);
      if (youngPeople === null) problems.push({ field: 'youngPeople', text: 'Give how many young people are in the group as a whole number.' });
      const roles: Array<{ role: string; count: number }> = [];
      for (let i = 0; i < Math.min(MAX_ROWS, form.roles.length); i++) {
        const role = clip(form.roles[i] ?? '');
        const countText = (form.counts[i] ?? '').trim();
        if (role === '' && countText === '') continue;
        const count = wholeNumber(countText);
        if (role === '') problems.push({ field: `grole-${i}`, text: `Role row ${i + 1}: say what the role is.` });
        if (count === null || count < 1) problems.push({ field: `gcount-${i}`, text: `Role row ${i + 1}: give how many young people have this role.` });
        noNames(problems, `grole-${i}`, role, `Role row ${i + 1}`, allowed);
        roles.push({ role, count: count ?? 0 });
      }
      if (youngPeople !== null && roles.reduce((n, r) => n + r.count, 0) > youngPeople) problems.push({ field: 'youngPeople', text: 'More young people have roles than are in the group: check the numbers.' });
      const involvement = clip(form.involvement);
      const reward = clip(form.reward);
      const meets = clip(form.meets);
      if (involvement === '') problems.push({ field: 'involvement', text: 'Say how the group is involved.' });
      if (reward === '') problems.push({ field: 'reward', text: 'Say how young people are paid or rewarded.' });
      if (meets === '') problems.push({ field: 'meets', text: 'Say how often the group meets.' });
      noNames(problems, 'involvement', involvement, 'How the group is involved', allowed);
      noNames(problems, 'reward', reward, 'How young people are rewarded', allowed);
      noNames(problems, 'meets', meets, 'How often the group meets', allowed);
      if (problems.length > 0) return { ok: false, problems };
      await repo.saveReferenceGroup(view.wave.laId, { youngPeople: youngPeople ?? 0, roles, involvement, reward, meets }, actor.email, now());
      await deps.audit.record(actor, 'cycle.reference_group_saved', view.wave.laId, view.wave.laId, { youngPeople, roles: roles.length });
      return { ok: true };
    },

    /** Every LA's cycle for programme staff: stage, sessions held and overdue, actions by status, KPIs met. */
    async overview(actor: Actor): Promise<OverviewRow[]> {
      if (!hasCapability(actor, 'plan.programme')) throw new AppError('not_found');
      const today = deps.programme.today();
      const rows: OverviewRow[] = [];
      for (const c of await repo.allCycles()) {
        const view = await deps.plan(actor, c.waveId);
        const t = timeline(await repo.sessions(c.planId), today);
        const counts = statusCounts(view.actions, today);
        const measured = view.kpis.filter((k) => k.measured.state === 'measured');
        rows.push({
          laName: view.laName,
          waveId: c.waveId,
          waveTitle: view.wave.title,
          stage: t.stage,
          held: t.held,
          overdue: t.overdue,
          sessions: t.steps.length,
          byStatus: counts.byStatus,
          actions: counts.total,
          kpis: view.kpis.length,
          kpisMeasured: measured.length,
          kpisMet: measured.filter((k) => k.measured.state === 'measured' && k.measured.met).length,
        });
      }
      rows.sort((a, b) => a.laName.localeCompare(b.laName));
      await deps.audit.record(actor, 'cycle.overview_viewed', null, null, { cycles: rows.length });
      return rows;
    },

    /** Publishes a completed action to the practice bank, with the LA's consent; anonymised when the LA wishes. */
    async publishExample(actor: Actor, waveId: string, actionId: string, form: ExampleForm): Promise<Outcome> {
      const view = await deps.plan(actor, waveId);
      if (!mayActIn(actor, 'plan.programme', view.wave.laId)) throw new AppError('forbidden', 'Programme staff publish examples to the practice bank.');
      const action = view.actions.find((a) => a.id === actionId);
      if (action === undefined || view.plan === null) throw new AppError('not_found');
      const problems: Problem[] = [];
      if (action.status !== 'done') problems.push({ field: 'consentFrom', text: 'Only a completed action can be published: this one is not marked done.' });
      const consentFrom = clip(form.consentFrom);
      if (consentFrom === '') problems.push({ field: 'consentFrom', text: 'Say who at the LA gave consent (their role, for example “Head of service”).' });
      noNames(problems, 'consentFrom', consentFrom, 'Who gave consent', [view.laName], true);
      if (!isDay(form.consentOn) || form.consentOn > deps.programme.today()) problems.push({ field: 'consentOn', text: 'Enter the day consent was given, for example 2026-05-14 (not in the future).' });
      const anonymise = form.anonymise === 'yes';
      if (form.anonymise !== 'yes' && form.anonymise !== 'no') problems.push({ field: 'anonymise', text: 'Say whether the LA wants to be named or anonymised.' });
      const shownAs = anonymise ? clip(form.shownAs) : view.laName;
      if (anonymise && shownAs === '') problems.push({ field: 'shownAs', text: 'Describe the LA without naming it, for example “a county council in the North West”.' });
      if (anonymise && shownAs.toLowerCase().includes(view.laName.toLowerCase())) problems.push({ field: 'shownAs', text: 'An anonymised description must not contain the LA’s name.' });
      const summary = clip(form.summary) === '' ? action.what : clip(form.summary);
      noNames(problems, 'summary', summary, 'The summary', anonymise ? [] : [view.laName]);
      if (anonymise && summary.toLowerCase().includes(view.laName.toLowerCase())) problems.push({ field: 'summary', text: 'The summary names the LA: take its name out, since the LA asked to be anonymised.' });
      if (problems.length > 0) return { ok: false, problems };
      const id = await repo.publishExample(
        { actionId, planId: view.plan.id, laId: view.wave.laId, indicatorKey: indicatorId(action.indicator), indicatorLabel: view.indicators.find((o) => o.id === indicatorId(action.indicator))?.label ?? indicatorId(action.indicator), title: action.what, summary, shownAs, consentFrom, consentOn: form.consentOn, outcome: action.measured },
        actor.email,
        now(),
      );
      if (id === null) return { ok: false, problems: [{ field: 'consentFrom', text: 'This action is already in the practice bank.' }] };
      await deps.audit.record(actor, 'bank.published', view.wave.laId, id, { actionId, anonymised: anonymise });
      return { ok: true };
    },

    /** The practice bank, searchable by indicator (instrument.question.measure); for anyone who reads action plans. Audited. */
    async bank(actor: Actor, indicatorKey: string): Promise<{ examples: BankExample[]; indicators: Array<{ key: string; label: string }> }> {
      if (!hasCapability(actor, 'plan.view')) throw new AppError('not_found');
      const key = indicatorKey.trim();
      const all = await repo.examples();
      const indicators = [...new Map(all.map((e) => [e.indicatorKey, e.indicatorLabel])).entries()].map(([k, label]) => ({ key: k, label })).sort((a, b) => a.label.localeCompare(b.label));
      await deps.audit.record(actor, 'bank.viewed', null, null, { indicator: key });
      return { examples: await remeasured(key === '' ? all : all.filter((e) => e.indicatorKey === key)), indicators };
    },
  };
}

export type CycleService = ReturnType<typeof cycleService>;
