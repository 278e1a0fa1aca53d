/**
 * The daily retention run: responses past their period (with everything that hangs on them), original
 * comments past theirs (approved redacted text stays), expired drafts, and the files of data releases
 * whose download time has ended. What was deleted is recorded as counts in the retention log and the
 * audit log, never content.
 */
import type { Db } from '../db/index.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { hasCapability, type Actor, type AuditLog } from '../programme/index.ts';
import { retentionRepository, type RetentionLogEntry } from './retention.repository.ts';
import { dueForRetention, type RetentionItem, type RetentionPolicy } from './retention.ts';

export interface RetentionDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  policy: RetentionPolicy;
  /** Stores the automatic redaction of a wave's unreviewed comments, before their originals go (the comments review). */
  preserveRedactions: (waveId: string) => Promise<unknown>;
  /** Deletes expired drafts (the survey's own time-to-live); returns how many. */
  purgeDrafts: () => Promise<number>;
  /** Deletes the files of data releases whose download time has ended; returns how many. */
  purgeReleaseFiles: () => Promise<number>;
}

export type RetentionTotals = Record<RetentionItem, number> & { kept: number };

export function retentionService(deps: RetentionDeps) {
  const repo = retentionRepository(deps.db);

  return {
    /** One run (a daily run key): deletes what has expired and records the counts. */
    async run(runKey: string): Promise<RetentionTotals> {
      const ranAt = deps.clock.now().toISOString();
      const today = ranAt.slice(0, 10);
      const totals: RetentionTotals = { responses: 0, free_text: 0, drafts: 0, release_files: 0, kept: 0 };
      const record = async (item: RetentionItem, laId: string | null, waveId: string | null, counts: { deleted: number; kept: number }) => {
        totals[item] += counts.deleted;
        totals.kept += counts.kept;
        if (counts.deleted === 0 && counts.kept === 0) return;
        await repo.log({ runKey, ranAt, item, waveId, ...counts });
        if (counts.deleted > 0) await deps.audit.record(null, `retention.${item}_deleted`, laId, waveId, { deleted: counts.deleted, kept: counts.kept, run: runKey });
      };
      const due = dueForRetention(await repo.closedWaves(), deps.policy, today);
      for (const wave of due.responses) await record('responses', wave.laId, wave.id, await repo.deleteResponses(wave.id));
      for (const wave of due.freeText) await record('free_text', wave.laId, wave.id, await repo.expireFreeText(wave.id, () => deps.preserveRedactions(wave.id)));
      await record('drafts', null, null, { deleted: await deps.purgeDrafts(), kept: 0 });
      await record('release_files', null, null, { deleted: await deps.purgeReleaseFiles(), kept: 0 });
      await deps.audit.record(null, 'retention.ran', null, runKey, { ...totals });
      return totals;
    },

    /** The retention periods and the log, for programme administrators. */
    async log(actor: Actor): Promise<{ policy: RetentionPolicy; entries: RetentionLogEntry[] }> {
      if (!hasCapability(actor, 'audit.view')) throw new AppError('forbidden');
      return { policy: deps.policy, entries: await repo.entries() };
    },
  };
}

export type RetentionService = ReturnType<typeof retentionService>;
