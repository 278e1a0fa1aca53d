/**
 * Seeds the demo programme (programme.ts) through the platform's own services: local authorities and
 * waves through the programme service, synthetic responses made only from the instrument definitions
 * and stored through the survey service, so the demo stays valid whenever the questions change. Past
 * waves, and the national comparator's LAs, come in through the import of historical responses
 * (past-waves.ts), so every closed wave's report has other LAs to compare with and change to show.
 * Deterministic for a seed: every wave draws from its own random stream, named by seed, LA and wave.
 */
import { getInstrument, mulberry32, syntheticAnswers, type InstrumentId } from '../instruments/index.ts';
import type { LocalAuthority, Wave } from '../programme/index.ts';
import type { Services } from '../services.ts';
import { seedChecklist, seedLaSettings, seedPrizeEntries, seedTracker, type SeededTracker } from './fieldwork.ts';
import { DEMO_SEED, demoComparator, demoProgramme, type ComparatorLa, type DemoLa, type DemoWave } from './programme.ts';
import { seedDemoStaff, type DemoAccount } from './staff.ts';
import { importPastWave, seedComparator } from './past-waves.ts';
import { streamSeed } from './streams.ts';
import { seedQuotes, seedSafeguarding } from './comments.ts';
import { seedNbplus, type SeededNbplus } from './nbplus.ts';

export interface SeedOptions {
  /** Seeds every random choice (default DEMO_SEED). */
  seed?: number;
  /** The demo's "today", YYYY-MM-DD (default: today by the services' clock); fieldwork windows are set around it. */
  today?: string;
  /** The programme to seed (default: the demo programme). */
  programme?: readonly DemoLa[];
  /** The other LAs of the national comparator (default: demoComparator; [] for none). */
  comparator?: readonly ComparatorLa[];
}

export interface SeededWave {
  wave: Wave;
  responses: number;
  responsesByInstrument: Partial<Record<InstrumentId, number>>;
  /** The participation tracker (open waves only). */
  tracker: SeededTracker | null;
  /** Prize draw entries made (waves with a draw only). */
  prizeEntries: number;
}

export interface SeededLa {
  la: LocalAuthority;
  waves: SeededWave[];
}

export interface DemoSeedResult {
  seed: number;
  today: string;
  las: SeededLa[];
  /** The national comparator's LAs (no staff, closed imported waves only). */
  comparator: SeededLa[];
  /** Responses stored across the demo LAs' waves (`las`), their imported past waves included. */
  responses: number;
  /** Responses imported for the comparator's LAs. */
  comparatorResponses: number;
  /** The demo's staff accounts, one per role (and per LA for LA roles), with their second-factor secrets. */
  staff: DemoAccount[];
  /** Young people the daily batch marked completed from access codes used the day before. */
  codeCompletions: number;
  /** Comments approved for quoting in the finished waves' reports. */
  quotes: number;
  /** Flagged comments decided as concerns and disclosed to their LA: all of finished waves (acknowledged), one per LA of the open waves. */
  disclosures: number;
  /** The care leavers' wave run as New Belongings Plus, part-way through its cycle (null when the programme has none to run). */
  nbplus: SeededNbplus | null;
}

const DAY = 86_400_000;

/** An ISO date moved by a number of days. */
export const addDays = (isoDate: string, days: number): string =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);


/**
 * A completion time in the fieldwork window, up to the day before `today` for an open wave. Trusted
 * adults meet young people mostly on weekdays in the daytime and early evening, so weekends are rarer.
 */
export function completionTime(rng: () => number, opensOn: string, lastDay: string): string {
  const start = Date.parse(`${opensOn}T00:00:00Z`);
  const days = Math.max(1, Math.round((Date.parse(`${lastDay}T00:00:00Z`) - start) / DAY) + 1);
  let day = Math.floor(rng() * days);
  const weekday = new Date(start + day * DAY).getUTCDay();
  if ((weekday === 0 || weekday === 6) && rng() < 0.6) day = Math.floor(rng() * days);
  const minutes = 8 * 60 + Math.floor(rng() * 13 * 60);
  return new Date(start + day * DAY + minutes * 60_000 + Math.floor(rng() * 60_000)).toISOString();
}

/** How often an adult helped, by instrument: always for 4-7s (the adult answers the demographics). */
const ADULT_HELPED: Record<InstrumentId, number> = { 'ylyc-4-7': 1, 'ylyc-8-11': 0.55, 'ylyc-11-17': 0.2, 'ylbc-16-25': 0.08, 'ylyc-8-11-er': 0.55 };
/** Share of paper forms keyed in, by instrument. */
const PAPER: Record<InstrumentId, number> = { 'ylyc-4-7': 0.15, 'ylyc-8-11': 0.12, 'ylyc-11-17': 0.08, 'ylbc-16-25': 0.05, 'ylyc-8-11-er': 0.12 };

async function seedWave(services: Services, la: LocalAuthority, spec: DemoLa, w: DemoWave, opts: { seed: number; today: string }): Promise<SeededWave> {
  const opensOn = addDays(opts.today, w.opensInDays);
  const closesOn = addDays(opts.today, w.closesInDays);
  // Closed waves are filled while open (the survey service refuses closed waves), then closed.
  const wave = await services.programme.openWave({ laId: la.id, survey: w.survey, opensOn, closesOn, eligible: w.eligible, status: 'open', prizeDraw: w.prizeDraw ?? false });
  const lastDay = w.status === 'open' ? addDays(opts.today, -1) : closesOn;
  const rng = mulberry32(streamSeed(`${opts.seed}:${spec.name}:${w.key}`));
  const responsesByInstrument: Partial<Record<InstrumentId, number>> = {};
  for (const [id, count] of Object.entries(w.responses) as [InstrumentId, number][]) {
    const instrument = getInstrument(id);
    if (!instrument) throw new Error(`The demo programme names ${id}, which is not in the question bank`);
    for (let i = 0; i < count; i++) {
      const { answers, freeText } = syntheticAnswers(instrument, rng, { outlook: spec.outlook });
      await services.survey.recordResponse({
        waveId: wave.id,
        instrumentId: id,
        answers,
        freeText,
        language: 'en',
        completedAt: completionTime(rng, opensOn, lastDay),
        adultHelped: rng() < ADULT_HELPED[id],
        channel: rng() < PAPER[id] ? 'paper' : 'online',
      });
    }
    responsesByInstrument[id] = count;
  }
  const final = w.status === 'closed' ? await services.programme.closeWave(wave.id) : wave;
  const responses = Object.values(responsesByInstrument).reduce((a, b) => a + b, 0);
  return { wave: final, responses, responsesByInstrument, tracker: null, prizeEntries: 0 };
}

/**
 * The staff side of one LA, as its survey lead would have done it: settings and contacts, every wave's
 * checklist, the tracker of each open wave, and the entries of an open wave's prize draw.
 */
async function seedStaffSide(services: Services, spec: DemoLa, seeded: SeededLa, index: number, staff: readonly DemoAccount[], opts: { seed: number; today: string }): Promise<void> {
  const own = (role: string) => staff.find((a) => a.grant.role === role && a.grant.laId === seeded.la.id);
  const lead = own('la_lead');
  const safeguarding = own('la_safeguarding');
  if (!lead || !safeguarding) throw new Error(`no demo staff for ${seeded.la.name}`);
  await seedLaSettings(services, lead, safeguarding, seeded.la, index, opts.today);
  for (const [i, w] of spec.waves.entries()) {
    const s = seeded.waves[i];
    if (!s) continue;
    await seedChecklist(services, lead, s.wave, w.planLeftOut ?? []);
    if (s.wave.status !== 'open') continue;
    s.tracker = await seedTracker(services, lead, seeded.la, s.wave, { responses: s.responsesByInstrument, seed: streamSeed(`${opts.seed}:${spec.name}:${w.key}:tracker`), today: opts.today });
    if (s.wave.prizeDraw) s.prizeEntries = await seedPrizeEntries(services, s.wave);
  }
}

/** Creates the demo programme's LAs, waves and synthetic responses, and returns what it created. */
export async function seedDemo(services: Services, options: SeedOptions = {}): Promise<DemoSeedResult> {
  const seed = options.seed ?? DEMO_SEED;
  const today = options.today ?? services.programme.today();
  const las: SeededLa[] = [];
  for (const spec of options.programme ?? demoProgramme) {
    const la = await services.programme.addLa({ name: spec.name, nation: spec.nation, onsCode: spec.onsCode });
    const waves: SeededWave[] = [];
    for (const w of spec.waves) waves.push(await seedWave(services, la, spec, w, { seed, today }));
    for (const past of spec.history ?? []) waves.push(await importPastWave(services, la, past, { seed, today, outlook: spec.outlook }));
    las.push({ la, waves });
  }
  const staff = await seedDemoStaff(services, las.map((l) => l.la));
  const programme = options.programme ?? demoProgramme;
  for (const [i, spec] of programme.entries()) {
    const seeded = las[i];
    if (seeded) await seedStaffSide(services, spec, seeded, i, staff, { seed, today });
  }
  // The night's batch: access codes used yesterday mark their young people completed on the tracker.
  const codeCompletions = await services.participation.applyCodeCompletions(today);
  const comparator = await seedComparator(services, options.comparator ?? demoComparator, staff, { seed, today });
  // Finished reports: each of the demo LAs' closed waves published as version 1, oldest first, so a
  // lead signs in to reports to read (the comparator's LAs have no staff and stay unpublished).
  const finished = las.flatMap((l) => l.waves).filter((w) => w.wave.status === 'closed').sort((a, b) => a.wave.opensOn.localeCompare(b.wave.opensOn));
  // Every comment screened and the flagged ones decided (see comments.ts); a few comments per finished wave approved as quotes.
  const disclosures = await seedSafeguarding(services, staff, new Set(las.flatMap((l) => l.waves).filter((w) => w.wave.status === 'open').map((w) => w.wave.id)));
  let quotes = 0;
  for (const w of finished) {
    quotes += await seedQuotes(services, staff, w.wave.id);
    const outcome = await services.reports.operatorPublish(w.wave.id, 'Demo: first publication');
    if (!outcome.ok) throw new Error(`demo report not published: ${outcome.message}`);
    w.wave = (await services.programme.findWave(w.wave.id)) ?? w.wave;
  }
  // A living plan: the first care leavers' wave with a published report, run as New Belongings Plus.
  const nbWave = finished.find((w) => w.wave.survey === 'ylbc');
  const nbplus = nbWave ? await seedNbplus(services, staff, nbWave.wave.id, today) : null;
  const total = (list: readonly SeededLa[]) => list.flatMap((l) => l.waves).reduce((a, w) => a + w.responses, 0);
  return { seed, today, las, comparator, responses: total(las), comparatorResponses: total(comparator), staff, codeCompletions, quotes, disclosures, nbplus };
}
