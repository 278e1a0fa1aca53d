/** SQL for local authorities and waves, and the row <-> domain mapping. */
import type { Selectable } from 'kysely';
import type { Db } from '../db/index.ts';
import type { LocalAuthorityTable, WaveTable } from '../db/schema.ts';
import type { InstrumentId, SurveyId } from '../instruments/types.ts';
import type { LocalAuthority, Nation, Wave, WaveStatus } from './wave.ts';

const toLa = (r: Selectable<LocalAuthorityTable>): LocalAuthority => ({
  id: r.id,
  name: r.name,
  nation: r.nation as Nation,
  onsCode: r.ons_code,
  createdAt: r.created_at,
});

const toWave = (r: Selectable<WaveTable>): Wave => ({
  id: r.id,
  laId: r.la_id,
  survey: r.survey as SurveyId,
  linkCode: r.link_code,
  title: r.title,
  instruments: JSON.parse(r.instruments) as InstrumentId[],
  eligible: JSON.parse(r.eligible) as Wave['eligible'],
  languages: JSON.parse(r.languages) as string[],
  draftLanguages: JSON.parse(r.draft_languages) as string[],
  targetRate: Number(r.target_rate),
  status: r.status as WaveStatus,
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  createdAt: r.created_at,
  closedAt: r.closed_at,
  prizeDraw: Number(r.prize_draw) === 1,
});

export function programmeRepository(db: Db) {
  return {
    async insertLa(la: LocalAuthority): Promise<void> {
      await db
        .insertInto('local_authorities')
        .values({ id: la.id, name: la.name, nation: la.nation, ons_code: la.onsCode, created_at: la.createdAt })
        .execute();
    },
    async findLa(idOrName: string): Promise<LocalAuthority | undefined> {
      const r = await db
        .selectFrom('local_authorities')
        .selectAll()
        .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
        .executeTakeFirst();
      return r && toLa(r);
    },
    async listLas(): Promise<LocalAuthority[]> {
      return (await db.selectFrom('local_authorities').selectAll().orderBy('name').execute()).map(toLa);
    },
    async insertWave(w: Wave): Promise<void> {
      await db
        .insertInto('waves')
        .values({
          id: w.id,
          la_id: w.laId,
          survey: w.survey,
          link_code: w.linkCode,
          title: w.title,
          instruments: JSON.stringify(w.instruments),
          eligible: JSON.stringify(w.eligible),
          languages: JSON.stringify(w.languages),
          draft_languages: JSON.stringify(w.draftLanguages ?? []),
          target_rate: w.targetRate,
          status: w.status,
          opens_on: w.opensOn,
          closes_on: w.closesOn,
          created_at: w.createdAt,
          closed_at: w.closedAt,
          prize_draw: w.prizeDraw ? 1 : 0,
        })
        .execute();
    },
    async findWave(id: string): Promise<Wave | undefined> {
      const r = await db.selectFrom('waves').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toWave(r);
    },
    async findWaveByLinkCode(code: string): Promise<Wave | undefined> {
      const r = await db.selectFrom('waves').selectAll().where('link_code', '=', code).executeTakeFirst();
      return r && toWave(r);
    },
    async listWaves(laId?: string): Promise<Wave[]> {
      let q = db.selectFrom('waves').selectAll().orderBy('opens_on', 'desc').orderBy('id');
      if (laId) q = q.where('la_id', '=', laId);
      return (await q.execute()).map(toWave);
    },
    async setWaveStatus(id: string, status: WaveStatus, closedAt: string | null): Promise<void> {
      await db.updateTable('waves').set({ status, closed_at: closedAt }).where('id', '=', id).execute();
    },
    /** Submitted responses per wave and instrument. */
    async responseCounts(waveIds: readonly string[]): Promise<Map<string, Partial<Record<InstrumentId, number>>>> {
      const out = new Map<string, Partial<Record<InstrumentId, number>>>();
      if (waveIds.length === 0) return out;
      const rows = await db
        .selectFrom('responses')
        .select(['wave_id', 'instrument_id', (eb) => eb.fn.countAll().as('n')])
        .where('wave_id', 'in', waveIds)
        .groupBy(['wave_id', 'instrument_id'])
        .execute();
      for (const r of rows) {
        const m = out.get(r.wave_id) ?? {};
        m[r.instrument_id as InstrumentId] = Number(r.n);
        out.set(r.wave_id, m);
      }
      return out;
    },
  };
}

export type ProgrammeRepository = ReturnType<typeof programmeRepository>;
