/**
 * The demo's staff accounts: one for each programme role, and a survey lead, a viewer and a safeguarding
 * contact for each demo LA. They are made active with a known second-factor secret, so the demo's
 * sign-in page can show each account's current code. Only `brightspots demo` creates them.
 */
import { generateSync } from 'otplib';
import type { Clock } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import { accountsRepository, hashPassword, newTotpSecret, type Actor, type Grant, type LaRole, type LocalAuthority, type ProgrammeRole, type Role } from '../programme/index.ts';
import type { Services } from '../services.ts';

/** Every demo account's password: printed on start and shown on the demo's sign-in page. */
export const DEMO_PASSWORD = 'throwaway demo passphrase';

/** How the demo names each role to the person trying it. */
export const DEMO_ROLE_NAMES: Record<Role, string> = {
  programme_admin: 'Programme administrator',
  programme_researcher: 'Programme researcher',
  programme_safeguarding: 'Safeguarding reviewer',
  programme_data_entry: 'Paper data entry',
  la_lead: 'LA survey lead',
  la_viewer: 'LA viewer',
  la_safeguarding: 'LA safeguarding contact',
};

/** A demo account as created: what the console and the sign-in banner print, and its secret. */
export interface DemoAccount {
  id: string;
  email: string;
  name: string;
  grant: Grant;
  /** The LA's name for an LA role, null for a programme role. */
  laName: string | null;
  totpSecret: string;
}

const PROGRAMME_STAFF: ReadonlyArray<{ role: ProgrammeRole; email: string; name: string }> = [
  { role: 'programme_admin', email: 'admin@brightspots.example', name: 'Morgan Ellis' },
  { role: 'programme_researcher', email: 'researcher@brightspots.example', name: 'Sam Okafor' },
  { role: 'programme_safeguarding', email: 'safeguarding@brightspots.example', name: 'Ruth Adeyemi' },
  { role: 'programme_data_entry', email: 'data-entry@brightspots.example', name: 'Tom Becker' },
];

const LA_STAFF: ReadonlyArray<{ role: LaRole; local: string }> = [
  { role: 'la_lead', local: 'lead' },
  { role: 'la_viewer', local: 'viewer' },
  { role: 'la_safeguarding', local: 'safeguarding' },
];

/** Fictional names for each LA's lead, viewer and safeguarding contact, by the LA's place in the programme. */
const LA_NAMES: ReadonlyArray<readonly [string, string, string]> = [
  ['Priya Shah', 'Owen Hughes', 'Grace Whitfield'],
  ['Daniel Price', 'Aisha Rahman', 'Martin Cole'],
  ['Carys Evans', 'Rhodri Jones', 'Siân Morgan'],
];

/** The demo email domain of an LA: "Northmere Borough Council" -> "northmere.example". */
export function demoDomain(laName: string): string {
  const first = laName.replace(/ (Borough|County|City|Metropolitan|District)?\s*Council$/i, '').toLowerCase();
  return `${first.replace(/[^a-z]+/g, '')}.example`;
}

/** The actor the services see for a demo account (no session needed: the demo acts through the services). */
export const demoActor = (a: DemoAccount): Actor => ({ accountId: a.id, email: a.email, name: a.name, grants: [a.grant] });

/**
 * Creates the demo accounts, active, with the shared password hashed once (Argon2id is slow on
 * purpose: one hash for thirteen accounts keeps the demo quick to start) and a secret each.
 */
export async function seedDemoStaff(services: Pick<Services, 'db' | 'clock'>, las: readonly LocalAuthority[]): Promise<DemoAccount[]> {
  const repo = accountsRepository(services.db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = services.clock.now();
  const wanted: Array<Omit<DemoAccount, 'id' | 'totpSecret'>> = [
    ...PROGRAMME_STAFF.map((p) => ({ email: p.email, name: p.name, grant: { role: p.role, laId: null }, laName: null })),
    ...las.flatMap((la, i) =>
      LA_STAFF.map((s, j) => ({
        email: `${s.local}@${demoDomain(la.name)}`,
        name: LA_NAMES[i]?.[j] ?? `${DEMO_ROLE_NAMES[s.role]}, ${la.name}`,
        grant: { role: s.role, laId: la.id },
        laName: la.name,
      })),
    ),
  ];
  const out: DemoAccount[] = [];
  for (const w of wanted) {
    const account: DemoAccount = { id: newId(), totpSecret: newTotpSecret(), ...w };
    await repo.insertAccount({
      id: account.id,
      email: account.email,
      name: account.name,
      passwordHash,
      totpSecret: account.totpSecret,
      totpLastStep: null,
      status: 'active',
      failedAttempts: 0,
      lockedUntil: null,
      // A second in the past, so a session made at once is not older than the account's cut-off.
      sessionsValidAfter: new Date(now.getTime() - 1000).toISOString(),
      createdAt: now.toISOString(),
      lastSignInAt: null,
    });
    await repo.addGrant(account.id, account.grant.role, account.grant.laId);
    out.push(account);
  }
  return out;
}

/** The role as the console and the banner print it: "LA survey lead, Northmere Borough Council". */
export const demoRoleText = (a: DemoAccount): string => (a.laName ? `${DEMO_ROLE_NAMES[a.grant.role]}, ${a.laName}` : DEMO_ROLE_NAMES[a.grant.role]);

/**
 * What `services.demoCodes` returns: each demo account's current second-factor code, computed when
 * the sign-in page is drawn, so a reload shows the code of the moment.
 */
export function demoCodes(accounts: readonly DemoAccount[], clock: Clock): () => Array<{ email: string; role: string; password: string; code: string }> {
  return () => {
    const epoch = Math.floor(clock.now().getTime() / 1000);
    return accounts.map((a) => ({ email: a.email, role: demoRoleText(a), password: DEMO_PASSWORD, code: generateSync({ secret: a.totpSecret, epoch }) }));
  };
}
