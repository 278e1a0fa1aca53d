/** Test helpers: an LA with a published care leavers' report that has key findings, against three other LAs. */
import type { Db } from '../db/index.ts';
import type { LocalAuthority, ProgrammeService, Wave } from '../programme/index.ts';
import type { ReportService } from '../reports/index.ts';
import { seedWave } from '../reports/testing.ts';

/** Seeds Brookfield (less positive) and three comparator LAs, closes and publishes Brookfield's wave. */
export async function publishedWave(db: Db, programme: ProgrammeService, reports: ReportService, name = 'Brookfield Council', ons = 'E06000931'): Promise<{ la: LocalAuthority; wave: Wave }> {
  const la = await programme.addLa({ name, nation: 'england', onsCode: ons });
  for (const [i, other] of ['Alpha', 'Beta', 'Gamma'].entries()) {
    const o = (await programme.findLa(`${other} ${name}`)) ?? (await programme.addLa({ name: `${other} ${name}`, nation: 'england', onsCode: `E0600${ons.slice(-3)}${i}`.slice(0, 9) }));
    await seedWave(db, programme, o, { survey: 'ylbc', responses: { 'ylbc-16-25': 60 }, seed: 100 + i, outlook: 0.5 });
  }
  const { wave } = await seedWave(db, programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 80 }, seed: 7, outlook: -0.6 });
  const out = await reports.operatorPublish(wave.id, 'First publication');
  if (!out.ok) throw new Error(out.message);
  return { la, wave };
}
