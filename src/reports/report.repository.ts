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

/** A response as the findings engine reads it, with its id (never shown; it only tells versions apart). */
export type AnalysedResponse = SurveyResponse & { readonly id: string };

/**
 * `cache`, when given, keeps each wave's analysable responses once loaded: a run that reports many
 * LAs reads every wave once, and the findings engine sees the same arrays each time (it memoises
 * counts per array). Only for one run: it does not see responses added afterwards.
 */
export function reportRepository(db: Db, cache?: Map<string, AnalysedResponse[]>) {
  /** The seam to cleaning: responses researchers excluded from analysis. */
  const excluded = (waveId: string): Promise<Set<string>> => excludedResponseIds(db, waveId);

  /** The analysable responses of some waves, by wave id (with their ids: a published version records which it analysed). */
  async function responsesOf(waveIds: readonly string[]): Promise<Map<string, AnalysedResponse[]>> {
    const out = new Map<string, AnalysedResponse[]>();
    const missing = waveIds.filter((id) => {
      const hit = cache?.get(id);
      if (hit !== undefined) out.set(id, hit);
      return hit === undefined;
    });
    if (missing.length === 0) return out;
    for (const id of missing) out.set(id, []);
    const rows = await db.selectFrom('responses').select(['id', 'wave_id', 'instrument_id', 'answers']).where('wave_id', 'in', missing).execute();
    const skip = new Set<string>();
    for (const id of missing) for (const r of await excluded(id)) skip.add(r);
    for (const r of rows) {
      if (skip.has(r.id)) continue;
      out.get(r.wave_id)?.push({ id: r.id, instrumentId: r.instrument_id, answers: JSON.parse(r.answers) as Record<string, Answer> });
    }
    if (cache !== undefined) for (const id of missing) cache.set(id, out.get(id) ?? []);
    return out;
  }

  return {
    excluded,

    /**
     * The LA's latest finished wave of the other survey (children in care for care leavers, and the
     * other way round) closed within `months` before this wave closed: the care leavers' section
     * compares the two on shared questions.
     */
    async otherSurveyWave(wave: Wave, months = 24): Promise<{ waveId: string; title: string; responses: SurveyResponse[] } | undefined> {
      const end = wave.closedAt ?? wave.closesOn;
      const other = await db
        .selectFrom('waves')
        .select(['id', 'title'])
        .where('la_id', '=', wave.laId)
        .where('survey', '=', wave.survey === 'ylyc' ? 'ylbc' : 'ylyc')
        .where('status', 'in', FINISHED)
        .where('closed_at', 'is not', null)
        .where('closed_at', '>', monthsBefore(end, months).toISOString())
        .where('closed_at', '<=', end.length === 10 ? `${end}T23:59:59.999Z` : end)
        .orderBy('closed_at', 'desc')
        .orderBy('opens_on', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (other === undefined) return undefined;
      return { waveId: other.id, title: other.title, responses: (await responsesOf([other.id])).get(other.id) ?? [] };
    },

    /** The wave's responses after cleaning, with their ids. */
    async waveResponses(waveId: string): Promise<AnalysedResponse[]> {
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
