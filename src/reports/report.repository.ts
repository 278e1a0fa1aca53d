/**
 * SQL for reports: a wave's responses as the findings engine reads them (answers and instrument id,
 * never free text, channel or completion time), the national comparator's waves, and the LA's
 * previous wave of the same survey. Responses researchers excluded when cleaning never leave here.
 *
 * The comparator is read as one summary per other LA's wave (counts of answers, findings/pool.ts),
 * kept in `wave_summaries` with a fingerprint of what it was counted from: the number of the wave's
 * responses, the total length of their answers, the least and greatest response id, and the same of
 * cleaning's exclusions with the time of the latest decision. A late response, an import or a
 * changed decision changes the fingerprint, and the wave is counted again on the next report.
 */
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { comparatorWaves, monthsBefore, summarise, SUMMARY_FORMAT, type AnswerSummary, type ComparatorSet, type SurveyResponse } from '../findings/index.ts';
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

/** How many waves' responses are read at once to count their summaries. */
const SUMMARY_BATCH = 16;

/**
 * How many waves' responses a run keeps. A report reads its own wave's responses and the LA's latest
 * wave of the other survey, which `report all` (waves listed LA by LA) reports next or just before, so
 * a few are enough to read each wave about once; keeping every wave's held a whole national round in
 * memory (500,000 responses: over 1 GB). The summaries, a few kilobytes each, are all kept.
 */
export const RUN_CACHE_WAVES = 8;

/** What a run that reports many LAs keeps: the responses of the waves read last (at most RUN_CACHE_WAVES), each summary the same object for every report (its counts are memoised). */
export interface RunCache {
  readonly responses: Map<string, AnalysedResponse[]>;
  readonly summaries: Map<string, AnswerSummary>;
}

export const newRunCache = (): RunCache => ({ responses: new Map(), summaries: new Map() });

/** Which responses and decisions a summary was counted from (see the file's comment). */
async function fingerprints(db: Db, waveIds: readonly string[]): Promise<Map<string, string>> {
  const [responses, exclusions] = await Promise.all([
    db
      .selectFrom('responses')
      .select((eb) => ['wave_id', eb.fn.countAll<string>().as('n'), eb.fn.sum<string>(sql`length(answers)`).as('size'), eb.fn.min('id').as('lo'), eb.fn.max('id').as('hi')])
      .where('wave_id', 'in', waveIds)
      .groupBy('wave_id')
      .execute(),
    db
      .selectFrom('response_reviews')
      .select((eb) => [
        'wave_id',
        eb.fn.sum<string>(sql`case when decision = 'exclude' then 1 else 0 end`).as('n'),
        eb.fn.min(sql<string>`case when decision = 'exclude' then response_id end`).as('lo'),
        eb.fn.max(sql<string>`case when decision = 'exclude' then response_id end`).as('hi'),
        eb.fn.max('decided_at').as('at'),
      ])
      .where('wave_id', 'in', waveIds)
      .groupBy('wave_id')
      .execute(),
  ]);
  const out = new Map<string, string>(waveIds.map((id) => [id, `s${SUMMARY_FORMAT};0`]));
  for (const r of responses) out.set(r.wave_id, `s${SUMMARY_FORMAT};${r.n};${r.size};${r.lo};${r.hi}`);
  for (const x of exclusions) out.set(x.wave_id, `${out.get(x.wave_id) ?? ''}|x${x.n};${x.lo ?? ''};${x.hi ?? ''};${x.at}`);
  return out;
}

/**
 * `cache`, when given, keeps the analysable responses of the last few waves loaded and each wave's
 * summary: a run that reports many LAs reads every wave about once, with memory bounded by a few
 * waves rather than the whole round, and the findings engine sees the same summaries each time
 * (it memoises counts per summary). Only for one run: it does not see responses added afterwards.
 */
export function reportRepository(db: Db, cache?: RunCache) {
  /** The seam to cleaning: responses researchers excluded from analysis. */
  const excluded = (waveId: string): Promise<Set<string>> => excludedResponseIds(db, waveId);

  /** The analysable responses of some waves, by wave id (with their ids: a published version records which it analysed). */
  async function responsesOf(waveIds: readonly string[], remember = true): Promise<Map<string, AnalysedResponse[]>> {
    const out = new Map<string, AnalysedResponse[]>();
    const missing = waveIds.filter((id) => {
      const hit = cache?.responses.get(id);
      if (hit !== undefined) {
        out.set(id, hit);
        // Most recently used last: the oldest is the first to go.
        cache?.responses.delete(id);
        cache?.responses.set(id, hit);
      }
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
    if (cache !== undefined && remember) {
      for (const id of missing) cache.responses.set(id, out.get(id) ?? []);
      for (const oldest of cache.responses.keys()) {
        if (cache.responses.size <= RUN_CACHE_WAVES) break;
        cache.responses.delete(oldest);
      }
    }
    return out;
  }

  /** Each wave's summary: stored if its fingerprint still matches, else counted now and stored. */
  async function summariesOf(waveIds: readonly string[]): Promise<Map<string, AnswerSummary>> {
    const out = new Map<string, AnswerSummary>();
    const missing = waveIds.filter((id) => {
      const hit = cache?.summaries.get(id);
      if (hit !== undefined) out.set(id, hit);
      return hit === undefined;
    });
    if (missing.length === 0) return out;
    // Fingerprints first: what is counted afterwards is at least as new, so a summary is never newer-labelled than its counts.
    const [prints, stored] = await Promise.all([
      fingerprints(db, missing),
      db.selectFrom('wave_summaries').select(['wave_id', 'fingerprint', 'summary']).where('wave_id', 'in', missing).execute(),
    ]);
    const kept = new Map(stored.map((r) => [r.wave_id, r]));
    const stale: string[] = [];
    for (const id of missing) {
      const row = kept.get(id);
      if (row !== undefined && row.fingerprint === prints.get(id)) out.set(id, JSON.parse(row.summary) as AnswerSummary);
      else stale.push(id);
    }
    // Counted a few waves at a time, so counting every wave at once (a new database) holds a few waves' responses, not all.
    for (let i = 0; i < stale.length; i += SUMMARY_BATCH) {
      const batch = stale.slice(i, i + SUMMARY_BATCH);
      // Not kept in the run's cache: a run keeps the summary, and the responses only of waves it reports on.
      const responses = await responsesOf(batch, false);
      const countedAt = new Date().toISOString();
      for (const id of batch) {
        const summary = summarise(responses.get(id) ?? []);
        out.set(id, summary);
        const row = { fingerprint: prints.get(id) ?? '', summary: JSON.stringify(summary), counted_at: countedAt };
        await db
          .insertInto('wave_summaries')
          .values({ wave_id: id, ...row })
          .onConflict((oc) => oc.column('wave_id').doUpdateSet(row))
          .execute();
      }
    }
    if (cache !== undefined) for (const id of missing) cache.summaries.set(id, out.get(id) as AnswerSummary);
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
        .select(['id', 'la_id as laId', 'closed_at as closedAt', 'survey'])
        .where('survey', '=', q.survey)
        .where('la_id', '<>', q.laId)
        .where('status', 'in', FINISHED)
        .where('closed_at', 'is not', null)
        .where('closed_at', '>', since)
        .where('closed_at', '<=', q.asOf)
        .execute();
      const chosen = comparatorWaves(
        waves.map((w) => ({ ...w, survey: q.survey })),
        { laId: q.laId, survey: q.survey, asOf: q.asOf, ...(q.months === undefined ? {} : { months: q.months }) },
      );
      const summaries = await summariesOf(chosen.map((w) => w.id));
      return { authorities: chosen.length, parts: chosen.map((w) => summaries.get(w.id) as AnswerSummary) };
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
