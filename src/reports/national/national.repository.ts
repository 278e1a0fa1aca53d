/**
 * SQL for the national report: the finished waves of a survey closed in a period, each authority's
 * consent to be named, and each chosen wave's responses after cleaning, streamed wave by wave into the
 * tallies so that only counts, never a whole nation's responses, are held in memory.
 */
import type { Db } from '../../db/index.ts';
import type { SurveyResponse } from '../../findings/index.ts';
import type { Answer, SurveyId } from '../../instruments/index.ts';
import { excludedResponseIds } from '../cleaning/index.ts';
import type { NationalPeriod } from './national.ts';
import type { NationalAuthority } from './labels.ts';
import { latestWavePerAuthority, type ClosedWave } from './period.ts';

/** Waves whose fieldwork is over: the only ones that feed a report. */
const FINISHED = ['closed', 'reported'];

/** A chosen wave with its authority, ready to be read. */
export interface NationalWave extends NationalAuthority {
  readonly waveId: string;
}

export function nationalRepository(db: Db) {
  return {
    /** Each authority's latest finished wave of the survey closed in the period, with its name and naming consent. */
    async waves(survey: SurveyId, period: NationalPeriod): Promise<NationalWave[]> {
      const rows = await db
        .selectFrom('waves')
        .innerJoin('local_authorities as la', 'la.id', 'waves.la_id')
        .leftJoin('la_settings as s', 's.la_id', 'waves.la_id')
        .select(['waves.id as waveId', 'waves.la_id as laId', 'waves.closed_at as closedAt', 'la.name as name', 's.named_in_comparisons as named'])
        .where('waves.survey', '=', survey)
        .where('waves.status', 'in', FINISHED)
        .where('waves.closed_at', 'is not', null)
        // Whole days: a period ending on the 31st takes waves closed at any time that day.
        .where('waves.closed_at', '>=', period.from)
        .where('waves.closed_at', '<', nextDay(period.to))
        .execute();
      const closed: (ClosedWave & { name: string; named: boolean })[] = rows.map((r) => ({
        waveId: r.waveId,
        laId: r.laId,
        closedAt: r.closedAt ?? '',
        name: r.name,
        named: Number(r.named ?? 0) === 1,
      }));
      return latestWavePerAuthority(closed, period).map((w) => ({ waveId: w.waveId, laId: w.laId, name: w.name, named: w.named }));
    },

    /** Calls `each` with every analysable response of the wave (cleaning's exclusions left out). */
    async eachResponse(waveId: string, each: (r: SurveyResponse) => void): Promise<void> {
      const skip = await excludedResponseIds(db, waveId);
      const rows = await db.selectFrom('responses').select(['id', 'instrument_id', 'answers']).where('wave_id', '=', waveId).execute();
      for (const r of rows) {
        if (!skip.has(r.id)) each({ instrumentId: r.instrument_id, answers: JSON.parse(r.answers) as Record<string, Answer> });
      }
    },
  };
}

/** The day after an ISO day, as an ISO day. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export type NationalRepository = ReturnType<typeof nationalRepository>;
