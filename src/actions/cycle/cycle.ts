/**
 * The New Belongings Plus cycle as data, pure: its sessions in order (DOMAIN.md section 6), the
 * default planned dates from the day the cycle starts, and the timeline: where the LA is in the cycle
 * and what is overdue, worked out from today and the dates only. No I/O.
 */

export const SESSION_KINDS = ['feedback', 'deep_dive_1', 'deep_dive_2', 'working_group', 'reference_group', 'all_service', 'follow_up'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_WORDS: Record<SessionKind, { title: string; about: string }> = {
  feedback: { title: 'Feedback session on the report', about: 'The programme presents the report’s findings to the LA.' },
  deep_dive_1: { title: 'First deep dive', about: 'With care leavers and partner agencies, on a topic chosen from the findings.' },
  deep_dive_2: { title: 'Second deep dive', about: 'With care leavers and partner agencies, on a second chosen topic.' },
  working_group: { title: 'Working group', about: 'Reviews the action plan and agrees how young people stay involved.' },
  reference_group: { title: 'Reference group session', about: 'With the young people’s reference group.' },
  all_service: { title: 'All-service session', about: 'Confirms the long-term plan across the service.' },
  follow_up: { title: 'Follow-up session', about: 'Reviews progress on the plan.' },
};

/** Days after the cycle starts when each session is planned, unless the LA sets another date. */
const DEFAULT_OFFSET_DAYS: Record<SessionKind, number> = { feedback: 14, deep_dive_1: 42, deep_dive_2: 56, working_group: 84, reference_group: 98, all_service: 126, follow_up: 270 };

/** Sessions where a topic is chosen (the deep dives). */
export const TOPIC_KINDS: readonly SessionKind[] = ['deep_dive_1', 'deep_dive_2'];

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The planned day of each session for a cycle that starts on a day. */
export function defaultPlan(startedOn: string): Array<{ kind: SessionKind; plannedOn: string }> {
  return SESSION_KINDS.map((kind) => ({ kind, plannedOn: addDays(startedOn, DEFAULT_OFFSET_DAYS[kind]) }));
}

/** Someone at a session, by role and organisation (never a young person's name). */
export interface Attendee {
  readonly role: string;
  readonly organisation: string;
  readonly count: number;
}

export interface Session {
  readonly id: string;
  readonly planId: string;
  readonly kind: SessionKind;
  readonly topic: string;
  readonly plannedOn: string;
  readonly heldOn: string | null;
  readonly attendees: readonly Attendee[];
  /** How many young people took part (a count, no names). */
  readonly youngPeople: number;
  readonly notes: string;
  readonly decisions: string;
  /** Ids of the plan's actions the session created or changed. */
  readonly actionIds: readonly string[];
  readonly updatedAt: string;
}

export type SessionState = 'held' | 'overdue' | 'due' | 'planned';

export interface TimelineStep {
  readonly kind: SessionKind;
  readonly title: string;
  readonly plannedOn: string;
  readonly heldOn: string | null;
  readonly state: SessionState;
  /** Days past the planned day, for an overdue session. */
  readonly daysOverdue: number;
}

export interface Timeline {
  readonly steps: readonly TimelineStep[];
  readonly held: number;
  readonly overdue: number;
  /** The first session not yet held (in the cycle's order), or null when every one is held. */
  readonly current: SessionKind | null;
  /** Where the LA is, in words: "Working group (4 of 7)" or "Cycle complete". */
  readonly stage: string;
}

/** Days within which a planned session counts as due soon rather than just planned. */
export const DUE_SOON_DAYS = 14;

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The cycle's timeline on a day: a session is held once it has a held date; overdue when its planned
 * day has passed without one; due when planned within the next fortnight (or today); else planned.
 */
export function timeline(sessions: readonly Pick<Session, 'kind' | 'plannedOn' | 'heldOn'>[], today: string): Timeline {
  const byKind = new Map(sessions.map((s) => [s.kind, s]));
  const steps: TimelineStep[] = [];
  for (const kind of SESSION_KINDS) {
    const s = byKind.get(kind);
    if (s === undefined) continue;
    const late = daysBetween(s.plannedOn, today);
    const state: SessionState = s.heldOn !== null ? 'held' : late > 0 ? 'overdue' : -late <= DUE_SOON_DAYS ? 'due' : 'planned';
    steps.push({ kind, title: SESSION_WORDS[kind].title, plannedOn: s.plannedOn, heldOn: s.heldOn, state, daysOverdue: state === 'overdue' ? late : 0 });
  }
  const currentIndex = steps.findIndex((s) => s.state !== 'held');
  const current = currentIndex < 0 ? null : (steps[currentIndex]?.kind ?? null);
  return {
    steps,
    held: steps.filter((s) => s.state === 'held').length,
    overdue: steps.filter((s) => s.state === 'overdue').length,
    current,
    stage: current === null ? (steps.length === 0 ? 'Not started' : 'Cycle complete') : `${SESSION_WORDS[current].title} (${currentIndex + 1} of ${steps.length})`,
  };
}

export const STATE_WORDS: Record<SessionState, string> = { held: 'Held', overdue: 'Overdue', due: 'Due soon', planned: 'Planned' };
export const STATE_TAG: Record<SessionState, string> = { held: 'govuk-tag--green', overdue: 'govuk-tag--red', due: 'govuk-tag--yellow', planned: 'govuk-tag--grey' };
