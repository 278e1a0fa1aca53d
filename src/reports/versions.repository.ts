/**
 * SQL for published report versions: append-only rows (the database refuses UPDATE and DELETE), each
 * the report's snapshot as JSON with the ids of the responses it analysed.
 */
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import type { Report } from './report.ts';
import type { AnalysedIds, VersionSummary } from './versions.ts';

export interface NewVersion {
  readonly waveId: string;
  readonly number: number;
  readonly publishedAt: string;
  readonly publishedBy: string | null;
  readonly ids: AnalysedIds;
  /** The report without its version (the number and date are stored beside it). */
  readonly report: Report;
  readonly note: string;
}

const countOf = (ids: AnalysedIds): number => Object.values(ids).reduce((a, l) => a + l.length, 0);

export function versionsRepository(db: Db) {
  return {
    /** The wave's versions, newest first, as readers see them. */
    async list(waveId: string): Promise<VersionSummary[]> {
      const rows = await db.selectFrom('report_versions').select(['number', 'published_at', 'responses', 'note']).where('wave_id', '=', waveId).orderBy('number', 'desc').execute();
      return rows.map((r) => ({ number: Number(r.number), publishedAt: r.published_at, responses: Number(r.responses), note: r.note }));
    },

    /** Every version's analysed ids: what a new version is measured against. */
    async analysed(waveId: string): Promise<{ number: number; ids: AnalysedIds }[]> {
      const rows = await db.selectFrom('report_versions').select(['number', 'response_ids']).where('wave_id', '=', waveId).execute();
      return rows.map((r) => ({ number: Number(r.number), ids: JSON.parse(r.response_ids) as AnalysedIds }));
    },

    /** One version's snapshot with its number and date, or undefined. */
    async find(waveId: string, number: number): Promise<{ number: number; publishedAt: string; report: Report } | undefined> {
      const r = await db.selectFrom('report_versions').select(['number', 'published_at', 'report']).where('wave_id', '=', waveId).where('number', '=', number).executeTakeFirst();
      return r === undefined ? undefined : { number: Number(r.number), publishedAt: r.published_at, report: JSON.parse(r.report) as Report };
    },

    /**
     * Appends a version and marks a closed wave reported, in one transaction. The unique (wave, number)
     * constraint makes a concurrent publication of the same number fail rather than both succeed.
     */
    async insert(v: NewVersion): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('report_versions')
          .values({
            id: newId(),
            wave_id: v.waveId,
            number: v.number,
            published_at: v.publishedAt,
            published_by: v.publishedBy,
            responses: countOf(v.ids),
            response_ids: JSON.stringify(v.ids),
            report: JSON.stringify(v.report),
            note: v.note,
          })
          .execute();
        // Set directly: the status only (programme's setStatus would clear closed_at, which the comparator needs).
        await tx.updateTable('waves').set({ status: 'reported' }).where('id', '=', v.waveId).where('status', '=', 'closed').execute();
      });
    },
  };
}

export type VersionsRepository = ReturnType<typeof versionsRepository>;
