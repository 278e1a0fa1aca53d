/**
 * The plan as pages, files and the dashboard print it, pure: every figure and word worked out once
 * (so the page, the PDF and the spreadsheet never differ), from the service's PlanView.
 */
import type { PlanView } from './actions.service.ts';
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

export interface PlanPageView {
  readonly findings: readonly { readonly id: string; readonly kind: string; readonly label: string; readonly actions: readonly { readonly id: string; readonly number: number; readonly what: string }[] }[];
  readonly actions: readonly ActionRowView[];
  readonly kpis: readonly KpiRowView[];
  readonly counts: readonly { readonly status: ActionStatus; readonly text: string; readonly tag: string; readonly count: number }[];
  readonly overdue: number;
  readonly total: number;
  readonly kpisMet: number;
  readonly kpisMeasured: number;
}

/** Works out the words and figures of a plan once, for every output. */
export function planPageView(view: PlanView): PlanPageView {
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
  };
}
