/** Cleaning use cases: list a closed wave's suspects with decisions, record a decision, count exclusions. */
import type { Db } from '../../db/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { mayActIn, type Actor, type AuditLog, type ProgrammeService, type Wave } from '../../programme/index.ts';
import { cleaningRepository, type Decision, type Review } from './cleaning.repository.ts';
import { findSuspects, SUSPECT_REASONS, type Suspect, type SuspectReason } from './suspects.ts';

export interface SuspectRow extends Suspect {
  instrumentId: string;
  channel: string;
  completedOn: string;
  review: Review | null;
}

export interface CleaningSummary {
  responses: number;
  suspected: number;
  undecided: number;
  excluded: Record<SuspectReason, number>;
  excludedTotal: number;
}

export function cleaningService(deps: { db: Db; clock: Clock; programme: ProgrammeService; audit: AuditLog }) {
  const repo = cleaningRepository(deps.db);

  async function closedWave(actor: Actor, waveId: string): Promise<Wave> {
    const wave = await deps.programme.findWave(waveId);
    if (!wave || !mayActIn(actor, 'wave.clean', wave.laId)) throw new AppError('not_found');
    if (wave.status !== 'closed' && wave.status !== 'reported') throw new AppError('conflict', 'Responses are reviewed once the wave has closed');
    return wave;
  }

  async function rows(wave: Wave): Promise<{ suspects: SuspectRow[]; total: number }> {
    const responses = await repo.responses(wave.id);
    const byId = new Map(responses.map((r) => [r.id, r]));
    const reviews = new Map((await repo.reviews(wave.id)).map((r) => [r.responseId, r]));
    const suspects = findSuspects(wave, responses).map((s) => {
      const r = byId.get(s.responseId);
      // Completion shown to the day only, as everywhere outside a safeguarding disclosure.
      return { ...s, instrumentId: r?.instrumentId ?? '', channel: r?.channel ?? '', completedOn: r?.completedAt.slice(0, 10) ?? '', review: reviews.get(s.responseId) ?? null };
    });
    return { suspects, total: responses.length };
  }

  return {
    /** The wave's suspect responses with any decision already made. */
    async suspects(actor: Actor, waveId: string): Promise<{ wave: Wave; suspects: SuspectRow[]; summary: CleaningSummary }> {
      const wave = await closedWave(actor, waveId);
      const { suspects, total } = await rows(wave);
      return { wave, suspects, summary: summarise(suspects, total) };
    },

    /** Records a researcher's decision, with their reason, on one suspect response. */
    async decide(actor: Actor, waveId: string, responseId: string, decision: string, note: string): Promise<'saved' | 'note_required'> {
      const wave = await closedWave(actor, waveId);
      const suspect = (await rows(wave)).suspects.find((s) => s.responseId === responseId);
      if (!suspect) throw new AppError('not_found');
      if (decision !== 'exclude' && decision !== 'keep') throw new AppError('bad_request');
      if (note.trim().length < 3) return 'note_required';
      await repo.decide(wave.id, { responseId, reason: suspect.reason, decision: decision satisfies Decision, note: note.trim().slice(0, 500), decidedBy: actor.email, decidedAt: deps.clock.now().toISOString() });
      await deps.audit.record(actor, `cleaning.${decision}`, wave.laId, responseId, { reason: suspect.reason });
      return 'saved';
    },

    /** Counts for a report's methodology: responses, suspects, exclusions by reason. */
    async summary(waveId: string): Promise<CleaningSummary> {
      const wave = await deps.programme.findWave(waveId);
      if (!wave) throw new AppError('not_found');
      const { suspects, total } = await rows(wave);
      return summarise(suspects, total);
    },
  };
}

function summarise(suspects: readonly SuspectRow[], total: number): CleaningSummary {
  const excluded = Object.fromEntries(SUSPECT_REASONS.map((r) => [r, 0])) as Record<SuspectReason, number>;
  for (const s of suspects) if (s.review?.decision === 'exclude') excluded[s.reason]++;
  return {
    responses: total,
    suspected: suspects.length,
    undecided: suspects.filter((s) => !s.review).length,
    excluded,
    excludedTotal: Object.values(excluded).reduce((a, b) => a + b, 0),
  };
}

export type CleaningService = ReturnType<typeof cleaningService>;
