/**
 * Who may use the tracker: the wave's own LA only (tracker.view to read, tracker.edit to change), as
 * programme/roles.ts decides. Programme roles never get the rows; they see counts (trackerCounts).
 */
import { AppError } from '../lib/errors.ts';
import { mayActIn, type Actor, type Capability, type ProgrammeService, type Wave } from '../programme/index.ts';

/** The wave, if the actor may use the capability on its tracker; otherwise not_found, exactly as for a wave that does not exist. */
export async function trackerWave(programme: Pick<ProgrammeService, 'findWave'>, actor: Actor, waveId: string, cap: Extract<Capability, `tracker.${string}`>): Promise<Wave> {
  const wave = waveId.length <= 64 ? await programme.findWave(waveId) : undefined;
  if (!wave || !mayActIn(actor, cap, wave.laId)) throw new AppError('not_found');
  return wave;
}
