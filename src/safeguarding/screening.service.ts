/**
 * Screening submitted comments: every comment of a response once it has committed (the survey's
 * submitted event, and later paper transcriptions), and a sweep for any comment left unscreened after a
 * crash or a failure. Only submitted text is read; drafts never are.
 */
import type { Db } from '../db/index.ts';
import type { Clock } from '../lib/clock.ts';
import { maxSeverity } from './categories.ts';
import { screen } from './screen.ts';
import { screeningRepository, type UnscreenedComment } from './screening.repository.ts';

/** What a screening run did: comments screened now, and how many of them were flagged. */
export interface ScreeningCounts {
  screened: number;
  flagged: number;
}

export function screeningService(deps: { db: Db; clock: Clock }) {
  const repo = screeningRepository(deps.db);

  async function screenAll(comments: readonly UnscreenedComment[]): Promise<ScreeningCounts> {
    const counts: ScreeningCounts = { screened: 0, flagged: 0 };
    for (const c of comments) {
      const result = screen(c.text ?? '');
      const now = deps.clock.now().toISOString();
      const stored = await repo.insert({
        commentId: c.commentId,
        responseId: c.responseId,
        waveId: c.waveId,
        flag: result.flag,
        categories: result.categories,
        matches: result.matches.map((m) => ({ ruleId: m.ruleId, category: m.category, start: m.start, end: m.end })),
        maxSeverity: result.flag ? maxSeverity(result.categories) : null,
        rulesVersion: result.rulesVersion,
        // Online, the young person submitted it at completion; on paper it reached us when it was typed in.
        submittedAt: c.channel === 'online' ? c.completedAt : now,
        screenedAt: now,
      });
      if (!stored) continue;
      counts.screened++;
      if (result.flag) counts.flagged++;
    }
    return counts;
  }

  return {
    /** Screens the response's comments that have no screening yet (submission, paper entry); safe to call twice. */
    async screenComments(responseId: string): Promise<ScreeningCounts> {
      return screenAll(await repo.unscreenedOf(responseId));
    },

    /** Screens up to `limit` comments of any response that were missed; the periodic job calls it. */
    async sweep(limit = 500): Promise<ScreeningCounts> {
      return screenAll(await repo.unscreened(limit));
    },
  };
}

export type ScreeningService = ReturnType<typeof screeningService>;
