/**
 * The demo's past waves, loaded the way an LA's historical data is: synthetic responses turned into the
 * rows of an import file (one row per response, a column per question) and handed to the import of
 * historical responses, which checks every row and creates each wave closed. The national comparator's
 * LAs come in this way too, so every closed wave's report has other LAs to compare with.
 */
import { getInstrument, mulberry32, syntheticAnswers, type InstrumentId } from '../instruments/index.ts';
import type { LocalAuthority } from '../programme/index.ts';
import { addDays } from '../programme/planning/index.ts';
import type { Services } from '../services.ts';
import { templateHeader, toCells } from '../survey/history/index.ts';
import type { ComparatorLa, PastWave } from './programme.ts';
import type { SeededLa, SeededWave } from './seed.ts';
import { streamSeed } from './streams.ts';
import { demoActor, type DemoAccount } from './staff.ts';

/** Share of paper forms keyed in, as in the demo's own waves. */
const PAPER = 0.1;

/** The rows of a past wave's import file: the header, then one synthetic response per row. */
function pastRows(past: PastWave, outlook: number, seed: number): string[][] {
  const header = templateHeader(past.survey);
  const rng = mulberry32(seed);
  const rows: string[][] = [header];
  for (const [id, count] of Object.entries(past.responses) as [InstrumentId, number][]) {
    const instrument = getInstrument(id);
    if (!instrument) throw new Error(`The demo programme names ${id}, which is not in the question bank`);
    for (let i = 0; i < count; i++) {
      // Free text is left out: the import never takes it.
      const { answers } = syntheticAnswers(instrument, rng, { outlook });
      rows.push(toCells(header, { instrumentId: id, channel: rng() < PAPER ? 'paper' : 'online', answers }));
    }
  }
  return rows;
}

/** Imports one past wave of an LA through the import service; the demo data must never be refused. */
export async function importPastWave(services: Services, la: LocalAuthority, past: PastWave, opts: { seed: number; today: string; outlook: number }): Promise<SeededWave> {
  const rows = pastRows(past, past.outlook ?? opts.outlook, streamSeed(`${opts.seed}:${la.name}:${past.key}`));
  const refused: string[] = [];
  const summary = await services.history.importResponses(
    { la: la.id, survey: past.survey, opensOn: addDays(opts.today, past.opensInDays), closesOn: addDays(opts.today, past.closesInDays), eligible: past.eligible },
    rows,
    { onProblem: (p) => void refused.push(`row ${p.row} ${p.column}: ${p.reason}`) },
  );
  if (summary.outcome !== 'imported' || summary.wave === null) throw new Error(`demo import refused for ${la.name}: ${refused.slice(0, 5).join('; ')}`);
  return { wave: summary.wave, responses: summary.imported, responsesByInstrument: { ...past.responses }, tracker: null, prizeEntries: 0 };
}

/**
 * Adds the comparator's LAs with their imported waves, and records which consent to be named in
 * national comparisons (set by the programme administrator, as the settings page would).
 */
export async function seedComparator(services: Services, comparator: readonly ComparatorLa[], staff: readonly DemoAccount[], opts: { seed: number; today: string }): Promise<SeededLa[]> {
  const admin = staff.find((a) => a.grant.role === 'programme_admin');
  if (!admin) throw new Error('no demo programme administrator');
  const out: SeededLa[] = [];
  for (const spec of comparator) {
    const la = await services.programme.addLa({ name: spec.name, nation: spec.nation, onsCode: spec.onsCode });
    const waves: SeededWave[] = [];
    for (const past of spec.history) waves.push(await importPastWave(services, la, past, { ...opts, outlook: spec.outlook }));
    const [year, month, day] = addDays(opts.today, -800).split('-');
    const saved = await services.planning.saveSettings(demoActor(admin), la.id, {
      'dsa-day': String(Number(day)),
      'dsa-month': String(Number(month)),
      'dsa-year': year ?? '',
      naming: spec.named ? 'named' : 'anonymised',
    });
    if (!saved.ok) throw new Error(`demo settings refused: ${saved.errors.map((e) => e.text).join('; ')}`);
    out.push({ la, waves });
  }
  return out;
}
