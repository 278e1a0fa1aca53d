/**
 * The one way a paper form becomes a response, whether keyed by hand or read from a scan: the survey's own
 * recorder with channel "paper", dated to the day only, then safeguarding screening of its comments. The
 * caller audits; nothing here names the sheet, the person or the time of entry.
 */
import type { Instrument } from '../../instruments/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { isoDay } from '../../lib/clock.ts';
import type { Wave } from '../../programme/index.ts';
import type { RecordInput } from '../../survey/index.ts';
import type { EntryValues } from './entry.ts';

export interface PaperStoreDeps {
  clock: Clock;
  /** The survey's recorder: one path for every channel's responses. */
  record: (input: RecordInput) => Promise<{ id: string }>;
  /** Safeguarding screening of a stored response's comments; safe to call twice. */
  screen: (responseId: string) => Promise<unknown>;
}

/** Stores a complete paper form as a response dated to the day, and screens its comments before returning. */
export async function storePaperResponse(deps: PaperStoreDeps, wave: Wave, instrument: Instrument, values: EntryValues): Promise<void> {
  const day = isoDay(deps.clock.now());
  const { id } = await deps.record({
    waveId: wave.id,
    instrumentId: instrument.id,
    answers: values.answers,
    freeText: values.freeText,
    completedAt: `${day}T00:00:00.000Z`,
    channel: 'paper',
  });
  // The recorder's subscriber screens too; awaiting here means the comment is screened before the page says "stored".
  await deps.screen(id);
}
