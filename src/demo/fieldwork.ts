/**
 * The demo's staff side, seeded through the platform's own services as the demo's staff would do it:
 * each LA's settings and safeguarding contacts, every wave's planning checklist (one item left overdue
 * somewhere), a filled participation tracker for every open wave with a few access codes, and a few
 * prize draw entries where the draw is on.
 */
import type { InstrumentId } from '../instruments/index.ts';
import { mulberry32 } from '../instruments/index.ts';
import type { LocalAuthority, Wave } from '../programme/index.ts';
import { addDays, PLAN_ITEMS } from '../programme/planning/index.ts';
import type { Services } from '../services.ts';
import { demoActor, demoDomain, type DemoAccount } from './staff.ts';
import { toCsv, trackerRows } from './tracker-rows.ts';

/** What seeding a wave's tracker made: entries, access codes, and one unused code for trying the survey. */
export interface SeededTracker {
  entries: number;
  codes: number;
  /** An access code nobody has used yet, printed by the demo so a person can try one. */
  sampleCode: string | null;
}

/** The LA's reference prefix: the initials of its first two words ("Northmere Borough Council" -> "NB"). */
export const referencePrefix = (laName: string): string =>
  laName
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');

const CODES_PER_WAVE = 12;
const CODES_USED = 2;

/**
 * Fills an open wave's tracker: a first import of a dozen young people who get access codes (two of
 * which were used yesterday), then the rest of the list. The daily batch, run once after every wave is
 * seeded, marks the used codes' young people completed.
 */
export async function seedTracker(
  services: Services,
  lead: DemoAccount,
  la: LocalAuthority,
  wave: Wave,
  w: { responses: Partial<Record<InstrumentId, number>>; seed: number; today: string },
): Promise<SeededTracker> {
  const actor = demoActor(lead);
  const rng = mulberry32(w.seed);
  const spec = { survey: wave.survey, opensOn: wave.opensOn, closesOn: wave.closesOn, today: w.today, eligible: wave.eligible, responses: w.responses, prefix: referencePrefix(la.name) };
  const rows = trackerRows(rng, spec);
  const first = rows.filter((r) => r.status === 'planned' || r.status === 'offered').slice(0, CODES_PER_WAVE);
  const rest = rows.filter((r) => !first.includes(r));
  const imported = async (list: typeof rows) => {
    const r = await services.participation.importTable(actor, wave.id, { kind: 'text', text: toCsv(list) });
    if (!r.ok) throw new Error(`The demo tracker of ${wave.title} was refused: ${r.errors.slice(0, 3).join('; ')}`);
  };
  await imported(first);
  const made = await services.participation.generateCodes(actor, wave.id, 'missing');
  await imported(rest);
  for (const printed of made.codes.slice(0, CODES_USED)) {
    const check = await services.participation.checkAccessCode(wave.id, printed.code);
    if (check.kind === 'ok') await services.participation.markCodeUsed(check.codeHash, addDays(w.today, -1));
  }
  return { entries: rows.length, codes: made.codes.length, sampleCode: made.codes[CODES_USED]?.code ?? null };
}

/** Each LA's agreement date, whether it is named in comparisons, and how far back the agreement goes. */
const SETTINGS: ReadonlyArray<{ signedDaysAgo: number; named: boolean }> = [
  { signedDaysAgo: 120, named: true },
  { signedDaysAgo: 75, named: false },
  { signedDaysAgo: 210, named: true },
];

/** Saves an LA's settings (agreement, naming, emergency duty team) and two safeguarding contacts. */
export async function seedLaSettings(services: Services, lead: DemoAccount, safeguarding: DemoAccount, la: LocalAuthority, index: number, today: string): Promise<void> {
  const actor = demoActor(lead);
  const domain = demoDomain(la.name);
  const s = SETTINGS[index % SETTINGS.length] ?? { signedDaysAgo: 90, named: false };
  const [year, month, day] = addDays(today, -s.signedDaysAgo).split('-');
  // Ofcom's drama numbers (01632 960xxx): phone numbers that can never reach a real person.
  const phone = (n: number) => `01632 960 ${String(100 + index * 10 + n).padStart(3, '0')}`;
  const saved = await services.planning.saveSettings(actor, la.id, {
    'dsa-day': String(Number(day)),
    'dsa-month': String(Number(month)),
    'dsa-year': year ?? '',
    naming: s.named ? 'named' : 'anonymised',
    edtName: `${la.name.split(' ')[0] ?? la.name} Emergency Duty Team`,
    edtPhone: phone(0),
    edtEmail: `edt@${domain}`,
  });
  if (!saved.ok) throw new Error(`demo settings refused: ${saved.errors.map((e) => e.text).join('; ')}`);
  const contacts = [
    { contactName: safeguarding.name, contactRole: 'Designated safeguarding manager', contactEmail: safeguarding.email, contactPhone: phone(1) },
    { contactName: 'Multi-agency safeguarding hub', contactRole: "Children's services front door", contactEmail: `mash@${domain}`, contactPhone: phone(2) },
  ];
  for (const c of contacts) {
    const added = await services.planning.addContact(actor, la.id, c);
    if (!added.ok) throw new Error(`demo contact refused: ${added.errors.map((e) => e.text).join('; ')}`);
  }
}

/** Ticks a wave's planning checklist, leaving out the items named (which then show as overdue in fieldwork). */
export async function seedChecklist(services: Services, lead: DemoAccount, wave: Wave, leaveOut: readonly string[] = []): Promise<void> {
  const who: Record<string, string> = {
    sponsor: 'Assistant Director, Children in Care',
    dates: `${lead.name} with the programme team`,
    counts: `${lead.name} and the performance team`,
    paper: 'Business support',
    teams: lead.name,
    briefing: 'Participation team',
  };
  const values: Record<string, string> = {};
  for (const item of PLAN_ITEMS) {
    if (leaveOut.includes(item.key)) continue;
    values[`done-${item.key}`] = 'yes';
    values[`who-${item.key}`] = who[item.key] ?? lead.name;
  }
  const saved = await services.planning.saveChecklist(demoActor(lead), wave, values);
  if (!saved.ok) throw new Error(`demo checklist refused: ${saved.errors.map((e) => e.text).join('; ')}`);
}

/** A few entries in a wave's prize draw, as young people make them from the thank-you page (fictional contacts). */
export async function seedPrizeEntries(services: Services, wave: Wave): Promise<number> {
  const entries = [
    { firstName: 'Jordan', contactMethod: 'phone', contact: '07700 900 123' },
    { firstName: 'Kai', contactMethod: 'email', contact: 'kai@example.com' },
    { firstName: 'Leah', contactMethod: 'adult', contact: 'Through my personal adviser' },
    { firstName: 'Tyler', contactMethod: 'phone', contact: '07700 900 456' },
    { firstName: 'Amara', contactMethod: 'email', contact: 'amara@example.com' },
    { firstName: 'Reece', contactMethod: 'adult', contact: 'My key worker at the hostel' },
  ];
  for (const e of entries) {
    const r = await services.prizeDraw.enter(wave, e);
    if (!r.ok) throw new Error(`demo prize entry refused: ${r.errors.map((x) => x.key).join('; ')}`);
  }
  return entries.length;
}
