/** Action plans and the New Belongings Plus cycle. See schema.ts for the conventions. */
/** An LA's action plan after a reported wave (New Belongings Plus), based on one published report version. */
export interface ActionPlanTable {
  id: string;
  la_id: string;
  wave_id: string;
  report_version: number;
  /** draft or agreed. */
  status: string;
  agreed_at: string | null;
  agreed_by_email: string | null;
  created_at: string;
  updated_at: string;
}

/** One action of a plan: linked to findings (JSON ids), aiming to move an indicator (JSON) from its published baseline (JSON). */
export interface PlanActionTable {
  id: string;
  plan_id: string;
  la_id: string;
  position: number;
  what: string;
  findings: string;
  indicator: string;
  baseline: string;
  /** 0-1. */
  target: number;
  /** 1 = the LA's next wave of the same survey, 2 = the one after. */
  by_wave: number;
  owner_role: string;
  owner_team: string;
  partners: string;
  due_on: string;
  status: string;
  involvement_group: string;
  involvement_how: string;
  created_at: string;
  updated_at: string;
}

/** A dated progress update on an action, with the status it left the action in. */
export interface PlanActionUpdateTable {
  id: string;
  action_id: string;
  plan_id: string;
  on_date: string;
  status: string;
  note: string;
  recorded_by_email: string;
  recorded_at: string;
}

/** An outcome-focused KPI of a plan: a survey indicator (JSON), its published baseline (JSON) and a target (0-1). */
export interface PlanKpiTable {
  id: string;
  plan_id: string;
  la_id: string;
  position: number;
  title: string;
  indicator: string;
  baseline: string;
  target: number;
  created_at: string;
}

/** "You said, we did" for a plan: plain words (items as JSON), a draft until published under a random share token. */
export interface PlanYouthPageTable {
  plan_id: string;
  la_id: string;
  intro: string;
  items: string;
  status: string;
  share_token: string | null;
  published_at: string | null;
  published_by_email: string | null;
  updated_at: string;
}

/** A plan run as New Belongings Plus: the flag, with the day the cycle starts from and who switched it on. */
export interface NbplusCycleTable {
  plan_id: string;
  la_id: string;
  wave_id: string;
  started_on: string;
  started_by_email: string;
  created_at: string;
}

/** One session of the cycle: attendees by role and organisation (JSON), young people as a count, linked action ids (JSON). */
export interface NbplusSessionTable {
  id: string;
  plan_id: string;
  la_id: string;
  kind: string;
  topic: string;
  planned_on: string;
  held_on: string | null;
  attendees: string;
  young_people: number;
  notes: string;
  decisions: string;
  action_ids: string;
  updated_at: string;
  updated_by_email: string;
}

/** The LA's co-production self-assessment (answers as JSON: score 0-3 and evidence per statement) and the programme's feedback. */
export interface CoproductionReviewTable {
  plan_id: string;
  la_id: string;
  answers: string;
  saved_at: string;
  saved_by_email: string;
  feedback: string | null;
  feedback_at: string | null;
  feedback_by_email: string | null;
  action_ids: string;
}

/** An LA's young people's reference group: counts and roles (JSON) only, no personal details. */
export interface ReferenceGroupTable {
  la_id: string;
  young_people: number;
  roles: string;
  involvement: string;
  reward: string;
  meets: string;
  updated_at: string;
  updated_by_email: string;
}

/** A completed action published in the practice bank, with the LA's consent; shown_as is the LA's name or an anonymised description. */
export interface PracticeExampleTable {
  id: string;
  action_id: string;
  plan_id: string;
  la_id: string;
  /** instrument.question.measure */
  indicator_key: string;
  /** The indicator in words, as the plan showed it. */
  indicator_label: string;
  title: string;
  summary: string;
  shown_as: string;
  consent_from: string;
  consent_on: string;
  /** JSON: the action's target as measured by the next wave when published (or awaiting). */
  outcome: string;
  published_at: string;
  published_by_email: string;
}
