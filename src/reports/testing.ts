/** Test helpers: closed waves filled with synthetic responses, written in bulk so tests stay quick. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { getInstrument, mulberry32, type InstrumentId, type SurveyId } from '../instruments/index.ts';
import { syntheticAnswers } from '../instruments/index.ts';
import type { LocalAuthority, ProgrammeService, Wave } from '../programme/index.ts';

export interface SeedWave {
  survey: SurveyId;
  /** Responses to store per instrument. */
  responses: Partial<Record<InstrumentId, number>>;
  seed: number;
  /** -1 (less positive) to 1 (more positive). */
  outlook?: number;
  opensOn?: string;
  closesOn?: string;
  /** Whether to close the wave after filling it (default true). */
  close?: boolean;
}

/** Opens a wave for the LA, stores synthetic responses directly, and closes it; returns the wave and the response ids. */
export async function seedWave(db: Db, programme: ProgrammeService, la: LocalAuthority, spec: SeedWave): Promise<{ wave: Wave; ids: string[] }> {
  const eligible = Object.fromEntries(Object.entries(spec.responses).map(([id, n]) => [id, Math.max(1, Math.ceil((n ?? 0) * 2.5))]));
  const wave = await programme.openWave({ laId: la.id, survey: spec.survey, eligible, opensOn: spec.opensOn ?? '2026-01-05', closesOn: spec.closesOn ?? '2026-02-27' });
  const ids = await addResponses(db, wave, spec.responses, spec.seed, spec.outlook);
  const closed = spec.close === false ? wave : await programme.closeWave(wave.id);
  return { wave: closed, ids };
}

/** Stores synthetic responses to a wave directly, whatever its status (e.g. late paper returns after close); returns their ids. */
export async function addResponses(db: Db, wave: Wave, responses: Partial<Record<InstrumentId, number>>, seed: number, outlook = 0): Promise<string[]> {
  const rng = mulberry32(seed);
  const rows = Object.entries(responses).flatMap(([id, n]) => {
    const inst = getInstrument(id);
    if (!inst) throw new Error(`no instrument ${id}`);
    return Array.from({ length: n ?? 0 }, () => ({
      id: randomUUID(),
      wave_id: wave.id,
      instrument_id: inst.id,
      instrument_version: inst.version,
      channel: 'online',
      language: 'en',
      answers: JSON.stringify(syntheticAnswers(inst, rng, { outlook }).answers),
      completed_at: `${wave.opensOn}T12:00:00.000Z`,
      adult_helped: 0,
    }));
  });
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('responses').values(rows.slice(i, i + 200)).execute();
  return rows.map((r) => r.id);
}
