/**
 * Staff roles and the tenancy rule, as pure data and functions. Programme roles see every local
 * authority; LA roles are bound to one LA each. Every LA-scoped check in the code goes through
 * `laScope` / `mayActIn`, so tenant isolation is decided in one place.
 */

export const PROGRAMME_ROLES = ['programme_admin', 'programme_researcher', 'programme_safeguarding', 'programme_data_entry'] as const;
export const LA_ROLES = ['la_lead', 'la_viewer', 'la_safeguarding'] as const;
export type ProgrammeRole = (typeof PROGRAMME_ROLES)[number];
export type LaRole = (typeof LA_ROLES)[number];
export type Role = ProgrammeRole | LaRole;
export const ROLES: readonly Role[] = [...PROGRAMME_ROLES, ...LA_ROLES];

/** A role held by an account: programme-wide (laId null) or in one LA. */
export type Grant = { role: ProgrammeRole; laId: null } | { role: LaRole; laId: string };

/** The signed-in member of staff, as every guard and service sees them. */
export interface Actor {
  accountId: string;
  email: string;
  name: string;
  grants: readonly Grant[];
}

export const isProgrammeRole = (r: string): r is ProgrammeRole => (PROGRAMME_ROLES as readonly string[]).includes(r);
export const isLaRole = (r: string): r is LaRole => (LA_ROLES as readonly string[]).includes(r);

/** What an actor may do, named by use case rather than by role. */
export type Capability =
  | 'programme.manage' // LAs, staff accounts, waves
  | 'programme.view' // all LAs' waves and counts
  | 'audit.view'
  | 'wave.view' // a wave's settings, counts and response rate
  | 'wave.plan' // planning checklist, LA settings
  | 'tracker.view' // the participation tracker's rows (LA only: programme roles see counts)
  | 'tracker.edit'
  | 'safeguarding.review'
  | 'safeguarding.receive'
  | 'paper.enter'
  | 'paper.scan' // upload scanned paper forms and verify them (programme data entry)
  | 'paper.print' // download a wave's printable paper forms (programme roles: completed forms come back to the programme)
  | 'wave.clean' // review suspect responses of a closed wave before it is reported
  | 'report.publish' // see a report's live draft and publish it as the next immutable version
  | 'report.national' // the national report across every LA (programme roles only)
  | 'comments.review' // a wave's free-text comments, redacted only, with their review status
  | 'comments.redact' // the original comments beside their redaction: redact more, restore, approve quotes (safeguarding reviewers)
  | 'release.request' // ask for an anonymised export of the LA's own closed waves, and download it once approved
  | 'release.approve' // see a release's disclosure report and approve or refuse it (programme administrators)
  | 'prize.draw' // a wave's prize draw entries, after close (the LA's lead only: the one place names are held)
  | 'plan.view' // an LA's action plans, KPIs, progress dashboard and "You said, we did"
  | 'plan.edit' // write the LA's action plan, agree it, record progress, publish "You said, we did" (the LA's lead)
  | 'plan.programme'; // programme staff on New Belongings Plus: switch a plan to the cycle, write feedback on co-production, compare LAs, publish to the practice bank

const programmeCaps: Record<ProgrammeRole, readonly Capability[]> = {
  programme_admin: ['programme.manage', 'programme.view', 'audit.view', 'wave.view', 'wave.plan', 'wave.clean', 'report.publish', 'report.national', 'release.approve', 'plan.view', 'plan.programme', 'paper.print'],
  programme_researcher: ['programme.view', 'wave.view', 'wave.clean', 'report.publish', 'report.national', 'comments.review', 'plan.view', 'plan.programme'],
  programme_safeguarding: ['programme.view', 'wave.view', 'safeguarding.review', 'comments.review', 'comments.redact'],
  programme_data_entry: ['programme.view', 'wave.view', 'paper.enter', 'paper.scan', 'paper.print'],
};

const laCaps: Record<LaRole, readonly Capability[]> = {
  la_lead: ['wave.view', 'wave.plan', 'tracker.view', 'tracker.edit', 'prize.draw', 'release.request', 'plan.view', 'plan.edit'],
  la_viewer: ['wave.view', 'tracker.view', 'plan.view'],
  la_safeguarding: ['wave.view', 'safeguarding.receive'],
};

/** Whether the actor holds a capability anywhere (for menus and programme-wide pages). */
export function hasCapability(actor: Actor, cap: Capability): boolean {
  return actor.grants.some((g) => (g.laId === null ? programmeCaps[g.role] : laCaps[g.role]).includes(cap));
}

/**
 * Whether the actor may use a capability for one LA: a programme grant with the capability, or an LA
 * grant for exactly that LA. The tracker's rows are the LA's own: programme roles never get them.
 */
export function mayActIn(actor: Actor, cap: Capability, laId: string): boolean {
  return actor.grants.some((g) =>
    g.laId === null ? programmeCaps[g.role].includes(cap) && !cap.startsWith('tracker.') : g.laId === laId && laCaps[g.role].includes(cap),
  );
}

/** The LAs an actor may see for a capability: 'all', or the list of LA ids (possibly empty). */
export function laScope(actor: Actor, cap: Capability): 'all' | string[] {
  if (actor.grants.some((g) => g.laId === null && programmeCaps[g.role].includes(cap) && !cap.startsWith('tracker.'))) return 'all';
  return [...new Set(actor.grants.filter((g) => g.laId !== null && laCaps[g.role].includes(cap)).map((g) => g.laId as string))];
}

/** A grant from a form's role and LA choice, or null when an LA role lacks a known LA. */
export function grantFrom(role: string, laId: string | undefined, knownLaIds: readonly string[]): Grant | null {
  if (isProgrammeRole(role)) return { role, laId: null };
  if (isLaRole(role) && laId && knownLaIds.includes(laId)) return { role, laId };
  return null;
}
