/**
 * Action plans as data, pure: what a plan, an action and a KPI are; how a finding of the published
 * report is named (so a finding links to its actions and back); which survey indicators a measure can
 * use and their published figure; and the progress dashboard's counts. No I/O.
 */
import type { Findings, KeyFinding, ProportionCell } from '../findings/index.ts';

export const ACTION_STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const STATUS_WORDS: Record<ActionStatus, string> = { not_started: 'Not started', on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', done: 'Done' };
export const STATUS_TAG: Record<ActionStatus, string> = { not_started: 'govuk-tag--grey', on_track: 'govuk-tag--green', at_risk: 'govuk-tag--yellow', off_track: 'govuk-tag--red', done: 'govuk-tag--blue' };

export const INVOLVEMENT_GROUPS = ['reference_group', 'children_in_care_council', 'care_leavers_forum'] as const;
export type InvolvementGroup = (typeof INVOLVEMENT_GROUPS)[number];
export const INVOLVEMENT_WORDS: Record<InvolvementGroup, string> = {
  reference_group: "The young people's reference group",
  children_in_care_council: 'The children in care council',
  care_leavers_forum: "The care leavers' forum",
};

export type PlanStatus = 'draft' | 'agreed';

/** The measure of an indicator a plan can aim at: the share giving the good answer, or the share with low well-being scores. */
export type IndicatorMeasure = 'positive' | 'low';

/** A survey indicator as a plan names it. */
export interface IndicatorRef {
  readonly instrumentId: string;
  readonly questionId: string;
  readonly measure: IndicatorMeasure;
}

/** An indicator a measure may use, with its published figure in this wave. */
export interface IndicatorOption {
  readonly id: string;
  readonly ref: IndicatorRef;
  readonly label: string;
  readonly figure: ProportionCell;
  /** Whether a higher figure is better (the good answer) or lower (low well-being). */
  readonly better: 'higher' | 'lower';
}

/** A key finding of the published report as the plan links to it. */
export interface FindingOption {
  readonly id: string;
  readonly kind: KeyFinding['kind'];
  readonly label: string;
  /** The indicator the finding is about, when a measure can use it. */
  readonly indicatorId: string | null;
}

export interface ActionPlan {
  readonly id: string;
  readonly laId: string;
  readonly waveId: string;
  readonly reportVersion: number;
  readonly status: PlanStatus;
  readonly agreedAt: string | null;
  readonly agreedBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ProgressUpdate {
  readonly id: string;
  readonly actionId: string;
  readonly onDate: string;
  readonly status: ActionStatus;
  readonly note: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export interface Action {
  readonly id: string;
  readonly planId: string;
  readonly position: number;
  readonly what: string;
  readonly findings: readonly string[];
  readonly indicator: IndicatorRef;
  readonly baseline: ProportionCell;
  /** 0-1. */
  readonly target: number;
  readonly byWave: 1 | 2;
  readonly ownerRole: string;
  readonly ownerTeam: string;
  readonly partners: string;
  readonly dueOn: string;
  readonly status: ActionStatus;
  readonly involvementGroup: InvolvementGroup;
  readonly involvementHow: string;
  readonly updates: readonly ProgressUpdate[];
}

export interface Kpi {
  readonly id: string;
  readonly planId: string;
  readonly position: number;
  readonly title: string;
  readonly indicator: IndicatorRef;
  readonly baseline: ProportionCell;
  readonly target: number;
}

/** The fewest KPIs a plan needs before it can be agreed. */
export const MIN_KPIS = 2;

type Label = (key: string) => string;

export const indicatorId = (r: IndicatorRef): string => `${r.instrumentId}.${r.questionId}.${r.measure}`;
export const findingId = (k: Pick<KeyFinding, 'instrumentId' | 'questionId' | 'measure' | 'against'>): string => `${k.instrumentId}.${k.questionId}.${k.measure}.${k.against}`;
export const betterOf = (m: IndicatorMeasure): 'higher' | 'lower' => (m === 'low' ? 'lower' : 'higher');

const AGE: Record<string, string> = { 'ylyc-4-7': 'aged 4 to 7', 'ylyc-8-11': 'aged 8 to 11', 'ylyc-11-17': 'aged 11 to 17', 'ylbc-16-25': 'care leavers aged 16 to 25' };
const labelOf = (label: Label, indicator: string): string => {
  const l = label(`indicator.${indicator}`);
  return l === `indicator.${indicator}` ? indicator.replaceAll('_', ' ') : l;
};

/** Every indicator of the findings a measure can aim at (good answers, and low scores of 0 to 10 well-being items), in report order. */
export function indicatorOptions(findings: Findings, label: Label): IndicatorOption[] {
  return findings.instruments.flatMap((inst) => {
    const age = AGE[inst.instrumentId] ?? inst.instrumentId;
    const positive = inst.indicators.map((ind): IndicatorOption => {
      const ref: IndicatorRef = { instrumentId: inst.instrumentId, questionId: ind.questionId, measure: 'positive' };
      return { id: indicatorId(ref), ref, label: `${labelOf(label, ind.indicator)} (${age})`, figure: ind.la, better: 'higher' };
    });
    const low = inst.wellbeing.flatMap((w): IndicatorOption[] => {
      if (w.kind !== 'ons') return [];
      const ref: IndicatorRef = { instrumentId: inst.instrumentId, questionId: w.questionId, measure: 'low' };
      const ind = inst.indicators.find((i) => i.questionId === w.questionId);
      const name = ind === undefined ? w.questionId : labelOf(label, ind.indicator);
      const band = w.bands === 'ons_anxiety' ? 'high anxiety' : 'low scores';
      return [{ id: indicatorId(ref), ref, label: `${name}: ${band} (${age})`, figure: w.low.la, better: 'lower' }];
    });
    return [...positive, ...low];
  });
}

/** The published figure of an indicator in some findings (a later wave's, to measure change), or undefined when the indicator is not there. */
export function figureOf(findings: Findings, ref: IndicatorRef): ProportionCell | undefined {
  const inst = findings.instruments.find((i) => i.instrumentId === ref.instrumentId);
  if (inst === undefined) return undefined;
  if (ref.measure === 'positive') return inst.indicators.find((i) => i.questionId === ref.questionId)?.la;
  const w = inst.wellbeing.find((x) => x.questionId === ref.questionId);
  return w?.kind === 'ons' ? w.low.la : undefined;
}

/** The report's bright spots and areas for improvement as the plan links to them, most certain first. */
export function findingOptions(findings: Findings, label: Label): FindingOption[] {
  const options = indicatorOptions(findings, label);
  return findings.keyFindings.map((kf) => {
    const measure: IndicatorMeasure | null = kf.measure === 'positive' || kf.measure === 'low' ? kf.measure : kf.against === 'general_population' ? 'positive' : null;
    const ind = measure === null ? undefined : options.find((o) => o.id === indicatorId({ instrumentId: kf.instrumentId, questionId: kf.questionId, measure }));
    const name = ind?.label ?? `${kf.key.replaceAll('_', ' ')} (${AGE[kf.instrumentId] ?? kf.instrumentId})`;
    const against = kf.against === 'national' ? 'other local authorities' : 'the general population';
    const verdict = kf.kind === 'bright_spot' ? 'better' : 'worse';
    return { id: findingId(kf), kind: kf.kind, label: `${name}: ${verdict} than ${against}`, indicatorId: ind?.id ?? null };
  });
}

/** A proportion as a whole percentage ("62%"), or what a hidden figure says instead. */
export function figureText(cell: ProportionCell | undefined): string {
  if (cell === undefined) return 'Not asked';
  return cell.shown ? `${Math.round(cell.proportion * 100)}%` : 'Hidden (too few answers)';
}

export const percent = (p: number): string => `${Math.round(p * 100)}%`;

/** Whether an action is past its due date and not done. */
export const isOverdue = (a: Pick<Action, 'dueOn' | 'status'>, today: string): boolean => a.status !== 'done' && a.dueOn < today;

/** The dashboard's headline counts: actions by status and how many are overdue. */
export function statusCounts(actions: readonly Pick<Action, 'status' | 'dueOn'>[], today: string): { byStatus: Record<ActionStatus, number>; overdue: number; total: number } {
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const a of actions) byStatus[a.status]++;
  return { byStatus, overdue: actions.filter((a) => isOverdue(a, today)).length, total: actions.length };
}

/** "by the next wave" / "by the wave after next". */
export const byWaveWords = (n: 1 | 2): string => (n === 1 ? 'by the next wave' : 'by the wave after next');
