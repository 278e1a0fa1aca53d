/**
 * The plan as pages, files and the dashboard print it, pure: every figure and word worked out once
 * (so the page, the PDF and the spreadsheet never differ), from the service's PlanView.
 */
import type { PlanView } from './actions.service.ts';
import { STATE_TAG, STATE_WORDS, timeline, type Session, type SessionState } from './cycle/cycle.ts';
import { changeWords, targetWords } from './kpi.ts';
import { byWaveWords, figureText, INVOLVEMENT_WORDS, isOverdue, percent, statusCounts, STATUS_TAG, STATUS_WORDS, ACTION_STATUSES, type ActionStatus } from './plan.ts';

export interface ActionRowView {
  readonly id: string;
  readonly number: number;
  readonly what: string;
  readonly findings: readonly { readonly id: string; readonly label: string; readonly kind: string }[];
  readonly indicator: string;
  readonly baseline: string;
  readonly target: string;
  readonly byWave: string;
  readonly owner: string;
  readonly partners: string;
  readonly dueOn: string;
  readonly overdue: boolean;
  readonly status: ActionStatus;
  readonly statusText: string;
  readonly statusTag: string;
  readonly involvement: string;
  readonly newValue: string;
  readonly change: string;
  readonly targetResult: string;
  readonly updates: readonly { readonly onDate: string; readonly statusText: string; readonly note: string; readonly by: string }[];
}

export interface KpiRowView {
  readonly id: string;
  readonly title: string;
  readonly indicator: string;
  readonly baseline: string;
  readonly target: string;
  readonly newValue: string;
  readonly change: string;
  readonly targetResult: string;
  readonly significant: boolean;
}

/** A New Belongings Plus session as the dashboard lists it. */
export interface SessionRowView {
  readonly title: string;
  readonly topic: string;
  readonly plannedOn: string;
  /** The day it was held, or "Not held". */
  readonly held: string;
  readonly state: SessionState;
  readonly stateText: string;
  readonly stateTag: string;
  /** "Overdue by 12 days", "Due soon"... */
  readonly when: string;
  /** Who came by role and organisation, and how many young people (a count). */
  readonly who: string;
  readonly youngPeople: number;
  readonly decisions: string;
  /** The plan's actions it created or changed, by number ("Action 1, Action 3"). */
  readonly actions: string;
}

/** The cycle's sessions on the dashboard, when the plan is run as New Belongings Plus. */
export interface SessionsView {
  readonly startedOn: string;
  /** Where the LA is in the cycle: "Second deep dive (3 of 7)". */
  readonly stage: string;
  readonly held: number;
  readonly overdue: number;
  readonly due: number;
  readonly total: number;
  readonly rows: readonly SessionRowView[];
}

/** The cycle a dashboard shows: the day it started and its sessions. */
export interface DashboardCycle {
  readonly startedOn: string;
  readonly sessions: readonly Session[];
}

export interface PlanPageView {
  readonly findings: readonly { readonly id: string; readonly kind: string; readonly label: string; readonly actions: readonly { readonly id: string; readonly number: number; readonly what: string }[] }[];
  readonly actions: readonly ActionRowView[];
  readonly kpis: readonly KpiRowView[];
  readonly counts: readonly { readonly status: ActionStatus; readonly text: string; readonly tag: string; readonly count: number }[];
  readonly overdue: number;
  readonly total: number;
  readonly kpisMet: number;
  readonly kpisMeasured: number;
  /** The New Belongings Plus sessions, or null when the plan is not run as New Belongings Plus. */
  readonly sessions: SessionsView | null;
}

/** The sessions held, overdue and ahead, in the cycle's order, worked out from the plan's today. */
export function sessionsView(cycle: DashboardCycle, today: string, actionNumbers: ReadonlyMap<string, number>): SessionsView {
  const t = timeline(cycle.sessions, today);
  const byKind = new Map(cycle.sessions.map((s) => [s.kind, s]));
  const rows = t.steps.map((step): SessionRowView => {
    const s = byKind.get(step.kind);
    const people = (s?.attendees ?? []).map((a) => `${a.count} × ${a.role}, ${a.organisation}`);
    const young = s?.youngPeople ?? 0;
    if (young > 0) people.push(`${young} young ${young === 1 ? 'person' : 'people'}`);
    const numbers = (s?.actionIds ?? []).map((id) => actionNumbers.get(id)).filter((n): n is number => n !== undefined).sort((a, b) => a - b);
    const when = step.state === 'held' ? `Held on ${step.heldOn ?? ''}` : step.state === 'overdue' ? `Overdue by ${step.daysOverdue} day${step.daysOverdue === 1 ? '' : 's'}` : step.state === 'due' ? `Due soon (${step.plannedOn})` : `Planned for ${step.plannedOn}`;
    return {
      title: step.title,
      topic: s?.topic ?? '',
      plannedOn: step.plannedOn,
      held: step.heldOn ?? 'Not held',
      state: step.state,
      stateText: STATE_WORDS[step.state],
      stateTag: STATE_TAG[step.state],
      when,
      who: step.state === 'held' ? (people.length === 0 ? 'Not recorded' : people.join('; ')) : '',
      youngPeople: young,
      decisions: s?.decisions ?? '',
      actions: numbers.map((n) => `Action ${n}`).join(', '),
    };
  });
  return { startedOn: cycle.startedOn, stage: t.stage, held: t.held, overdue: t.overdue, due: rows.filter((r) => r.state === 'due').length, total: rows.length, rows };
}

/** Works out the words and figures of a plan once, for every output (with the cycle's sessions when it is run as New Belongings Plus). */
export function planPageView(view: PlanView, cycle: DashboardCycle | null = null): PlanPageView {
  const findingLabel = new Map(view.findings.map((f) => [f.id, f]));
  const indicatorLabel = new Map(view.indicators.map((o) => [o.id, o.label]));
  const ind = (r: { instrumentId: string; questionId: string; measure: string }): string => indicatorLabel.get(`${r.instrumentId}.${r.questionId}.${r.measure}`) ?? r.questionId;
  const actions = view.actions.map((a, i): ActionRowView => ({
    id: a.id,
    number: i + 1,
    what: a.what,
    findings: a.findings.map((id) => ({ id, label: findingLabel.get(id)?.label ?? 'A finding of the report', kind: findingLabel.get(id)?.kind ?? 'area_for_improvement' })),
    indicator: ind(a.indicator),
    baseline: figureText(a.baseline),
    target: percent(a.target),
    byWave: byWaveWords(a.byWave),
    owner: `${a.ownerRole}, ${a.ownerTeam}`,
    partners: a.partners === '' ? 'None named' : a.partners,
    dueOn: a.dueOn,
    overdue: isOverdue(a, view.today),
    status: a.status,
    statusText: STATUS_WORDS[a.status],
    statusTag: STATUS_TAG[a.status],
    involvement: `${INVOLVEMENT_WORDS[a.involvementGroup]}: ${a.involvementHow}`,
    newValue: a.measured.state === 'measured' ? percent(a.measured.value) : a.measured.state === 'hidden' ? 'Hidden' : 'Not yet',
    change: changeWords(a.measured),
    targetResult: targetWords(a.measured, a.byWave),
    updates: a.updates.map((u) => ({ onDate: u.onDate, statusText: STATUS_WORDS[u.status], note: u.note, by: u.recordedBy })),
  }));
  const kpis = view.kpis.map((k): KpiRowView => ({
    id: k.id,
    title: k.title,
    indicator: k.label,
    baseline: figureText(k.baseline),
    target: percent(k.target),
    newValue: k.measured.state === 'measured' ? percent(k.measured.value) : k.measured.state === 'hidden' ? 'Hidden' : 'Not yet',
    change: changeWords(k.measured),
    targetResult: targetWords(k.measured),
    significant: k.measured.state === 'measured' && k.measured.significant,
  }));
  const c = statusCounts(view.actions, view.today);
  return {
    findings: view.findings.map((f) => ({ id: f.id, kind: f.kind, label: f.label, actions: actions.filter((a) => a.findings.some((x) => x.id === f.id)).map((a) => ({ id: a.id, number: a.number, what: a.what })) })),
    actions,
    kpis,
    counts: ACTION_STATUSES.map((s) => ({ status: s, text: STATUS_WORDS[s], tag: STATUS_TAG[s], count: c.byStatus[s] })),
    overdue: c.overdue,
    total: c.total,
    kpisMet: view.kpis.filter((k) => k.measured.state === 'measured' && k.measured.met).length,
    kpisMeasured: view.kpis.filter((k) => k.measured.state === 'measured').length,
    sessions: cycle === null ? null : sessionsView(cycle, view.today, new Map(actions.map((a) => [a.id, a.number]))),
  };
}
