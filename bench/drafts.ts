/**
 * Drafts ready to send, written for the load benches (submissions, soak) exactly as the survey writes
 * them, through its own drafts repository, straight into the database before the server starts:
 * tens of thousands of journeys over HTTP would take longer than the benchmark.
 */
import type { Db } from '../src/db/index.ts';
import { getInstrument, mulberry32, syntheticAnswers, type InstrumentId } from '../src/instruments/index.ts';
import { hashSecret, newId, newToken } from '../src/lib/ids.ts';
import type { Wave } from '../src/programme/index.ts';
// The bench writes drafts exactly as the survey does, through its repository (not part of its public surface).
import { draftsRepository, type Draft } from '../src/survey/drafts.repository.ts';

/** The mix of instruments in the bulk, roughly as eligible young people are spread. */
const MIX: readonly InstrumentId[] = ['ylyc-4-7', 'ylyc-8-11', 'ylyc-8-11', 'ylyc-11-17', 'ylyc-11-17', 'ylyc-11-17', 'ylyc-11-17'];

/** A draft's cookie token and its one-time submission key. */
export interface ReadyDraft {
  token: string;
  key: string;
}

/** Writes `count` drafts at "ready to send?" with synthetic answers, in transactions of 1,000. */
export async function bulkDrafts(db: Db, wave: Wave, count: number, seed: number): Promise<ReadyDraft[]> {
  const rng = mulberry32(seed);
  const out: ReadyDraft[] = [];
  const now = Date.now();
  const DAY = 86_400_000;
  for (let done = 0; done < count; ) {
    const batch = Math.min(1000, count - done);
    await db.transaction().execute(async (trx) => {
      const repo = draftsRepository(trx);
      for (let i = 0; i < batch; i++) {
        const ins = getInstrument(MIX[(done + i) % MIX.length] ?? 'ylyc-11-17');
        if (!ins) throw new Error('unknown instrument');
        const { answers, freeText } = syntheticAnswers(ins, rng);
        // Started some time in the last three days, so the hourly start limit is not what is measured.
        const created = new Date(now - DAY / 24 - rng() * 3 * DAY);
        const token = newToken();
        const draft: Draft = {
          id: newId(),
          waveId: wave.id,
          instrumentId: ins.id,
          language: 'en',
          answers,
          freeText,
          textVisible: [],
          adultHelped: ins.id === 'ylyc-4-7' || rng() < 0.3,
          position: 'review',
          submissionKey: newToken(),
          createdAt: created.toISOString(),
          updatedAt: new Date(created.getTime() + 20 * 60_000).toISOString(),
          expiresAt: new Date(created.getTime() + 30 * DAY).toISOString(),
        };
        await repo.insert(draft, hashSecret(token), hashSecret(newToken()));
        out.push({ token, key: draft.submissionKey });
      }
    });
    done += batch;
  }
  return out;
}
