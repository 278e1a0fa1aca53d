/**
 * SQL for reports: a wave's responses as the findings engine reads them (answers and instrument id,
 * never free text, channel or completion time), the national comparator's waves, and the LA's
 * previous wave of the same survey. Responses researchers excluded when cleaning never leave here.
 */
import type { Db } from '../db/index.ts';
import { monthsBefore, selectComparator, type ComparatorSet, type SurveyResponse, type WaveResponses } from '../findings/index.ts';
import type { Answer, SurveyId } from '../instruments/index.ts';
import type { Wave } from '../programme/index.ts';
import { excludedResponseIds } from './cleaning/index.ts';

/** Waves whose fieldwork is over: the only ones that feed a report or a comparator. */
const FINISHED = ['closed', 'reported'];

export interface ComparatorQuery {
  readonly laId: string;
  readonly survey: SurveyId;
  /** The report's reference date (ISO): the window ends here. */
  readonly asOf: string;
  /** How far back the window reaches (default 24 months). */
  readonly months?: number;
}

export function reportRepository(db: Db) {
  /** The seam to cleaning: responses researchers excluded from analysis. */
  const excluded = (waveId: string): Promise<Set<string>> => excludedResponseIds(db, waveId);

  /** The analysable responses of some waves, by wave id. */
  async function responsesOf(waveIds: readonly string[]): Promise<Map<string, SurveyResponse[]>> {
    const out = new Map<string, SurveyResponse[]>(waveIds.map((id) => [id, []]));
    if (waveIds.length === 0) return out;
    const rows = await db.selectFrom('responses').select(['id', 'wave_id', 'instrument_id', 'answers']).where('wave_id', 'in', [...waveIds]).execute();
    const skip = new Set<string>();
    for (const id of waveIds) for (const r of await excluded(id)) skip.add(r);
    for (const r of rows) {
      if (skip.has(r.id)) continue;
      out.get(r.wave_id)?.push({ instrumentId: r.instrument_id, answers: JSON.parse(r.answers) as Record<string, Answer> });
    }
    return out;
  }

  return {
    excluded,

    /** The wave's responses after cleaning. */
    async waveResponses(waveId: string): Promise<SurveyResponse[]> {
      return (await responsesOf([waveId])).get(waveId) ?? [];
    },

    /**
     * Other LAs' responses to the survey from waves closed in the window, each LA's latest only
     * (selectComparator decides; the SQL only narrows the waves whose responses are worth loading).
     */
    async comparator(q: ComparatorQuery): Promise<ComparatorSet> {
      const since = monthsBefore(q.asOf, q.months ?? 24).toISOString();
      const waves = await db
        .selectFrom('waves')
        .select(['id', 'la_id', 'closed_at'])
        .where('survey', '=', q.survey)
        .where('la_id', '<>', q.laId)
        .where('status', 'in', FINISHED)
        .where('closed_at', 'is not', null)
        .where('closed_at', '>', since)
        .where('closed_at', '<=', q.asOf)
        .execute();
      const responses = await responsesOf(waves.map((w) => w.id));
      const candidates: WaveResponses[] = waves.map((w) => ({ laId: w.la_id, waveId: w.id, survey: q.survey, closedAt: w.closed_at, responses: responses.get(w.id) ?? [] }));
      return selectComparator(candidates, { laId: q.laId, survey: q.survey, asOf: q.asOf, ...(q.months === undefined ? {} : { months: q.months }) });
    },

    /** The LA's latest finished wave of the same survey that opened before this one, with its responses. */
    async previousWave(wave: Wave): Promise<{ waveId: string; title: string; responses: SurveyResponse[] } | undefined> {
      const prev = await db
        .selectFrom('waves')
        .select(['id', 'title'])
        .where('la_id', '=', wave.laId)
        .where('survey', '=', wave.survey)
        .where('status', 'in', FINISHED)
        .where('id', '<>', wave.id)
        .where('opens_on', '<', wave.opensOn)
        .orderBy('opens_on', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (prev === undefined) return undefined;
      return { waveId: prev.id, title: prev.title, responses: (await responsesOf([prev.id])).get(prev.id) ?? [] };
    },
  };
}

export type ReportRepository = ReturnType<typeof reportRepository>;
