/**
 * Action plan use cases: authorise (plan.view / plan.edit in the wave's LA; other LAs' plans are
 * answered as not found), load the plan with the published report it answers and the LA's next wave of
 * the same survey, check SMART, save, and audit every change and every download.
 */
import type { Db } from '../db/index.ts';
import type { Findings, ProportionCell } from '../findings/index.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { newToken } from '../lib/ids.ts';
import { mayActIn, type Actor, type AuditLog, type ProgrammeService, type Wave } from '../programme/index.ts';
import type { Report } from '../reports/index.ts';
import { actionsRepository } from './actions.repository.ts';
import { measureAll, type Measured } from './kpi.ts';
import { betterOf, findingOptions, figureOf, indicatorOptions, MIN_KPIS, type Action, type ActionPlan, type FindingOption, type IndicatorOption, type Kpi } from './plan.ts';
import { checkAction, checkKpi, checkUpdate, identifyingDetail, type ActionForm, type KpiForm, type Problem } from './smart.ts';
import { draftYouthPage, type YouthPage, type YouthPair } from './youth-page.ts';

export interface ActionsDeps {
  db: Db;
  clock: Clock;
  programme: ProgrammeService;
  audit: AuditLog;
  /** Catalogue words (indicator names). */
  label: (key: string) => string;
}

/** The LA's next reported wave of the same survey, measured. */
export interface NextWave {
  readonly id: string;
  readonly title: string;
  readonly version: number;
}

/** Everything the plan's pages show. */
export interface PlanView {
  readonly wave: Wave;
  readonly laName: string;
  /** The published report the plan answers (the latest, before a plan exists), or null before publication. */
  readonly report: Report | null;
  readonly plan: ActionPlan | null;
  readonly actions: readonly (Action & { readonly measured: Measured })[];
  readonly kpis: readonly (Kpi & { readonly measured: Measured; readonly label: string })[];
  readonly findings: readonly FindingOption[];
  readonly indicators: readonly IndicatorOption[];
  readonly next: NextWave | null;
  readonly youth: YouthPage | null;
  readonly mayEdit: boolean;
  readonly today: string;
}

/** An action's target as measured by the next reported wave. */
export interface MeasuredAction {
  readonly baseline: ProportionCell;
  readonly target: number;
  readonly byWave: 1 | 2;
  readonly better: 'higher' | 'lower';
  readonly measured: Measured;
}

export type Outcome = { readonly ok: true; readonly id?: string } | { readonly ok: false; readonly problems: readonly Problem[] };

const MAX_TEXT = 1000;

export function actionsService(deps: ActionsDeps) {
  const repo = actionsRepository(deps.db);
  const now = (): string => deps.clock.now().toISOString();

  async function visibleWave(actor: Actor, waveId: string, cap: 'plan.view' | 'plan.edit'): Promise<Wave> {
    const wave = await deps.programme.findWave(waveId);
    if (!wave || !mayActIn(actor, 'plan.view', wave.laId)) throw new AppError('not_found');
    if (cap === 'plan.edit' && !mayActIn(actor, 'plan.edit', wave.laId)) throw new AppError('forbidden', 'Only the local authority’s lead changes its action plan.');
    return wave;
  }

  /** The LA's next wave of the same survey that has a published report, with its findings. */
  async function nextWave(wave: Wave): Promise<{ next: NextWave; findings: Findings } | null> {
    const later = (await deps.programme.listWaves(wave.laId)).filter((w) => w.survey === wave.survey && w.opensOn > wave.opensOn && w.id !== wave.id).sort((a, b) => a.opensOn.localeCompare(b.opensOn));
    for (const w of later) {
      const v = await repo.publishedReport(w.id);
      if (v !== undefined) return { next: { id: w.id, title: w.title, version: v.number }, findings: v.report.findings };
    }
    return null;
  }

  /** KPIs or actions measured together against the next wave's findings (awaiting when there is none). */
  function measureAgainst(items: readonly Pick<Kpi, 'indicator' | 'baseline' | 'target'>[], next: { findings: Findings } | null): Measured[] {
    const nextFigure = (k: Pick<Kpi, 'indicator'>) => (next === null ? undefined : (figureOf(next.findings, k.indicator) ?? null));
    return measureAll(items.map((k) => ({ baseline: k.baseline, next: nextFigure(k), target: k.target, better: betterOf(k.indicator.measure) })));
  }

  async function load(actor: Actor, wave: Wave): Promise<PlanView> {
    const la = await deps.programme.findLa(wave.laId);
    const plan = (await repo.planOfWave(wave.id)) ?? null;
    const published = await repo.publishedReport(wave.id, plan?.reportVersion);
    const report = published?.report ?? null;
    const base = { wave, laName: la?.name ?? '', report, plan, mayEdit: mayActIn(actor, 'plan.edit', wave.laId), today: deps.programme.today() };
    if (report === null || plan === null) {
      return { ...base, actions: [], kpis: [], findings: report ? findingOptions(report.findings, deps.label) : [], indicators: report ? indicatorOptions(report.findings, deps.label) : [], next: null, youth: null };
    }
    const [actions, kpis, youth, next] = await Promise.all([repo.actions(plan.id), repo.kpis(plan.id), repo.youthPage(plan.id), nextWave(wave)]);
    const kpiMeasured = measureAgainst(kpis, next);
    const actionMeasured = measureAgainst(actions, next);
    const indicators = indicatorOptions(report.findings, deps.label);
    const labelOf = (k: Kpi): string => indicators.find((o) => o.ref.questionId === k.indicator.questionId && o.ref.instrumentId === k.indicator.instrumentId && o.ref.measure === k.indicator.measure)?.label ?? k.indicator.questionId;
    return {
      ...base,
      actions: actions.map((a, i) => ({ ...a, measured: actionMeasured[i] ?? { state: 'awaiting' } })),
      kpis: kpis.map((k, i) => ({ ...k, label: labelOf(k), measured: kpiMeasured[i] ?? { state: 'awaiting' } })),
      findings: findingOptions(report.findings, deps.label),
      indicators,
      next: next?.next ?? null,
      youth: youth ?? null,
    };
  }

  /** The plan of a wave, for a change: refuses before a plan exists. */
  async function editable(actor: Actor, waveId: string): Promise<{ wave: Wave; view: PlanView; plan: ActionPlan; report: Report }> {
    const wave = await visibleWave(actor, waveId, 'plan.edit');
    const view = await load(actor, wave);
    if (view.plan === null || view.report === null) throw new AppError('not_found', 'Start the action plan first.');
    return { wave, view, plan: view.plan, report: view.report };
  }

  const context = (view: PlanView) => ({ findingIds: new Set(view.findings.map((f) => f.id)), indicators: view.indicators, allowed: [view.laName] });

  return {
    /** The plan's content for another page of the plan (the New Belongings Plus cycle), which audits its own view. */
    async load(actor: Actor, waveId: string): Promise<PlanView> {
      return load(actor, await visibleWave(actor, waveId, 'plan.view'));
    },

    /** The plan page's content; audited as plan.viewed. */
    async view(actor: Actor, waveId: string): Promise<PlanView> {
      const wave = await visibleWave(actor, waveId, 'plan.view');
      const view = await load(actor, wave);
      await deps.audit.record(actor, 'plan.viewed', wave.laId, view.plan?.id ?? wave.id);
      return view;
    },

    /** Starts the wave's plan on its latest published report. */
    async start(actor: Actor, waveId: string): Promise<ActionPlan> {
      const wave = await visibleWave(actor, waveId, 'plan.edit');
      const published = await repo.publishedReport(wave.id);
      if (published === undefined) throw new AppError('conflict', 'An action plan answers a published report: this wave’s report has not been published yet.');
      const { plan, created } = await repo.createPlan(wave.laId, wave.id, published.number, now());
      if (created) await deps.audit.record(actor, 'plan.created', wave.laId, plan.id, { waveId: wave.id, reportVersion: published.number });
      return plan;
    },

    /** Adds an action (actionId null) or changes one, after the SMART checks. */
    async saveAction(actor: Actor, waveId: string, actionId: string | null, form: ActionForm): Promise<Outcome> {
      const { wave, view, plan } = await editable(actor, waveId);
      if (actionId !== null && !view.actions.some((a) => a.id === actionId)) throw new AppError('not_found');
      const checked = checkAction(form, context(view));
      if (!checked.ok) return checked;
      const at = now();
      if (actionId === null) {
        const id = await repo.addAction(plan, checked.value, at);
        await deps.audit.record(actor, 'plan.action_added', wave.laId, id, { planId: plan.id, findings: checked.value.findings, status: checked.value.status });
        return { ok: true, id };
      }
      await repo.updateAction(plan.id, actionId, checked.value, at);
      await repo.touch(plan.id, at);
      await deps.audit.record(actor, 'plan.action_changed', wave.laId, actionId, { planId: plan.id, status: checked.value.status });
      return { ok: true, id: actionId };
    },

    /** Records a dated progress update on an action (and its new status). */
    async addUpdate(actor: Actor, waveId: string, actionId: string, form: { onDate: string; status: string; note: string }): Promise<Outcome> {
      const { wave, view, plan } = await editable(actor, waveId);
      if (!view.actions.some((a) => a.id === actionId)) throw new AppError('not_found');
      const checked = checkUpdate(form);
      if (!checked.ok) return checked;
      await repo.addUpdate(plan.id, actionId, checked.value, actor.email, now());
      await deps.audit.record(actor, 'plan.progress_recorded', wave.laId, actionId, { planId: plan.id, status: checked.value.status, on: checked.value.onDate });
      return { ok: true, id: actionId };
    },

    async addKpi(actor: Actor, waveId: string, form: KpiForm): Promise<Outcome> {
      const { wave, view, plan } = await editable(actor, waveId);
      const checked = checkKpi(form, view.indicators);
      if (!checked.ok) return checked;
      if (view.kpis.some((k) => k.indicator.questionId === checked.value.indicator.ref.questionId && k.indicator.instrumentId === checked.value.indicator.ref.instrumentId && k.indicator.measure === checked.value.indicator.ref.measure)) {
        return { ok: false, problems: [{ field: 'indicator', text: 'The plan already has a KPI on this indicator: choose another.' }] };
      }
      const id = await repo.addKpi(plan, checked.value, now());
      await deps.audit.record(actor, 'plan.kpi_added', wave.laId, id, { planId: plan.id, indicator: checked.value.indicator.id, target: checked.value.target });
      return { ok: true, id };
    },

    async removeKpi(actor: Actor, waveId: string, kpiId: string): Promise<Outcome> {
      const { wave, view, plan } = await editable(actor, waveId);
      if (!view.kpis.some((k) => k.id === kpiId)) throw new AppError('not_found');
      if (plan.status === 'agreed' && view.kpis.length <= MIN_KPIS) return { ok: false, problems: [{ field: 'kpis', text: `An agreed plan keeps at least ${MIN_KPIS} KPIs: add another before removing this one.` }] };
      await repo.removeKpi(plan.id, kpiId);
      await deps.audit.record(actor, 'plan.kpi_removed', wave.laId, kpiId, { planId: plan.id });
      return { ok: true };
    },

    /** Marks the plan agreed: it needs at least two KPIs and one action. */
    async agree(actor: Actor, waveId: string): Promise<Outcome> {
      const { wave, view, plan } = await editable(actor, waveId);
      const problems: Problem[] = [];
      if (view.kpis.length < MIN_KPIS) problems.push({ field: 'kpis', text: `A plan is agreed with at least ${MIN_KPIS} outcome-focused KPIs drawn from the survey: it has ${view.kpis.length}. Add ${MIN_KPIS - view.kpis.length} more.` });
      if (view.actions.length === 0) problems.push({ field: 'actions', text: 'A plan is agreed with at least one action: add an action from the report’s findings.' });
      if (problems.length > 0) return { ok: false, problems };
      if (plan.status === 'agreed') return { ok: true };
      await repo.agree(plan.id, actor.email, now());
      await deps.audit.record(actor, 'plan.agreed', wave.laId, plan.id, { actions: view.actions.length, kpis: view.kpis.length });
      return { ok: true };
    },

    /** "You said, we did" to edit: the saved words, or a first draft from the actions. */
    async youthDraft(actor: Actor, waveId: string): Promise<{ view: PlanView; intro: string; items: readonly YouthPair[] }> {
      const view = await load(actor, await visibleWave(actor, waveId, 'plan.view'));
      const report = view.report;
      if (view.plan === null || report === null) throw new AppError('not_found', 'This wave has no action plan yet.');
      if (view.youth !== null) return { view, intro: view.youth.intro, items: view.youth.items };
      return { view, ...draftYouthPage(view.laName, view.actions, report.findings) };
    },

    /** Saves the words of "You said, we did" (blank pairs dropped); refuses names of young people. */
    async saveYouth(actor: Actor, waveId: string, intro: string, items: readonly YouthPair[]): Promise<Outcome> {
      const { wave, plan, view } = await editable(actor, waveId);
      const allowed = [view.laName];
      const kept = items.map((i) => ({ said: i.said.trim().slice(0, MAX_TEXT), did: i.did.trim().slice(0, MAX_TEXT) })).filter((i) => i.said !== '' || i.did !== '');
      const problems: Problem[] = [];
      kept.forEach((i, n) => {
        if (i.said === '' || i.did === '') problems.push({ field: `said-${n}`, text: `Pair ${n + 1}: give both what young people said and what you did.` });
        const found = identifyingDetail(`${i.said} ${i.did}`, false, allowed);
        if (found !== null) problems.push({ field: `did-${n}`, text: `Pair ${n + 1}: do not name young people or give contact details (“${found}”).` });
      });
      if (kept.length === 0) problems.push({ field: 'said-0', text: 'Add at least one thing young people said and what you did about it.' });
      const found = identifyingDetail(intro, false, allowed);
      if (found !== null) problems.push({ field: 'intro', text: `The introduction must not name young people (“${found}”).` });
      if (problems.length > 0) return { ok: false, problems };
      await repo.saveYouthPage(plan, intro.trim().slice(0, MAX_TEXT), kept, now());
      await deps.audit.record(actor, 'plan.youth_saved', wave.laId, plan.id, { items: kept.length });
      return { ok: true };
    },

    /** Publishes "You said, we did" under a random link; the plan must be agreed and the words saved. */
    async publishYouth(actor: Actor, waveId: string): Promise<Outcome> {
      const { wave, view, plan } = await editable(actor, waveId);
      if (plan.status !== 'agreed') return { ok: false, problems: [{ field: 'publish', text: 'Agree the action plan before telling young people what you did.' }] };
      if (view.youth === null) return { ok: false, problems: [{ field: 'publish', text: 'Save the words first, then publish.' }] };
      if (view.youth.status === 'published') return { ok: true };
      await repo.publishYouthPage(plan.id, newToken(), actor.email, now());
      await deps.audit.record(actor, 'plan.youth_published', wave.laId, plan.id);
      return { ok: true };
    },

    /** The published "You said, we did" behind a share link (no sign-in), or not found. */
    async sharedYouth(token: string): Promise<{ laName: string; waveTitle: string; page: YouthPage }> {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError('not_found');
      const found = await repo.publishedByToken(token);
      if (found === undefined) throw new AppError('not_found');
      const wave = await deps.programme.findWave(found.plan.waveId);
      const la = await deps.programme.findLa(found.plan.laId);
      return { laName: la?.name ?? '', waveTitle: wave?.title ?? '', page: found.page };
    },

    /**
     * A plan's actions as measured now by the LA's next reported wave of the same survey (the latest
     * published version of its report), by action id, tested together as on the plan page. For the
     * practice bank, which shows other LAs' examples their LA consented to share: no actor, not audited
     * here (the bank audits its own view). Undefined when the plan no longer exists.
     */
    async measuredActions(planId: string): Promise<ReadonlyMap<string, MeasuredAction> | undefined> {
      const plan = await repo.plan(planId);
      const wave = plan === undefined ? undefined : await deps.programme.findWave(plan.waveId);
      if (plan === undefined || wave === undefined) return undefined;
      const [actions, next] = await Promise.all([repo.actions(plan.id), nextWave(wave)]);
      const measured = measureAgainst(actions, next);
      return new Map(actions.map((a, i) => [a.id, { baseline: a.baseline, target: a.target, byWave: a.byWave, better: betterOf(a.indicator.measure), measured: measured[i] ?? { state: 'awaiting' } }]));
    },

    /** The dashboard's content for a download (PDF, XLSX, poster); audited with the format. */
    async download(actor: Actor, waveId: string, format: 'dashboard-pdf' | 'dashboard-xlsx' | 'poster-pdf'): Promise<PlanView> {
      const wave = await visibleWave(actor, waveId, 'plan.view');
      const view = await load(actor, wave);
      if (view.plan === null) throw new AppError('not_found', 'This wave has no action plan yet.');
      await deps.audit.record(actor, 'plan.downloaded', wave.laId, view.plan.id, { format });
      return view;
    },
  };
}

export type ActionsService = ReturnType<typeof actionsService>;
