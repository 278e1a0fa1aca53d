/**
 * Storing responses, for every channel: the online submission of a draft, and recordResponse for the
 * demo generator, paper entry and imports. Both check the answers against the instrument, write in one
 * transaction and then publish `SubmittedEvent` for downstream features, without waiting for them.
 */
import { z } from 'zod';
import { INSTRUMENT_IDS, isOffered, type InstrumentId } from '../instruments/index.ts';
import type { Clock } from '../lib/clock.ts';
import { isoDay } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import type { ProgrammeService, Wave } from '../programme/index.ts';
import type { Draft } from './drafts.repository.ts';
import { composeResponse, instrumentOf } from './response.ts';
import type { Channel, ResponsesRepository, StoredResponse } from './responses.repository.ts';

/** Published after a response commits, for features that must act on it (safeguarding screening). */
export interface SubmittedEvent {
  readonly responseId: string;
  readonly waveId: string;
  readonly instrumentId: InstrumentId;
  readonly channel: Channel;
  readonly comments: readonly { readonly questionId: string; readonly text: string }[];
}

export const recordInput = z.object({
  waveId: z.string().min(1),
  instrumentId: z.enum(INSTRUMENT_IDS as [InstrumentId, ...InstrumentId[]]),
  answers: z.record(z.string(), z.unknown()),
  freeText: z.record(z.string(), z.string()).default({}),
  language: z.string().min(2).max(12).default('en'),
  completedAt: z.iso.datetime(),
  adultHelped: z.boolean().default(false),
  channel: z.enum(['online', 'paper', 'import']),
});

/** A complete response from any channel, as recordResponse accepts it. */
export type RecordInput = z.input<typeof recordInput>;

interface RecorderDeps {
  clock: Clock;
  programme: Pick<ProgrammeService, 'findWave'>;
  onSubmitted?: (e: SubmittedEvent) => Promise<void> | void;
  logError?: (message: string) => void;
  /** Marks an access code used on a day (participation); called after the response has committed. */
  accessCodes?: { markCodeUsed(codeHash: string, day: string): Promise<void> };
}

/** Builds the two ways of storing a response over a repository. */
export function recorder(deps: RecorderDeps, responses: ResponsesRepository) {
  const logError = deps.logError ?? ((m: string) => console.error(m));

  /** Hands the event to the subscriber after the commit; a failure is logged (without content) and swallowed. */
  function publish(e: SubmittedEvent): void {
    const handler = deps.onSubmitted;
    if (!handler) return;
    void Promise.resolve()
      .then(() => handler(e))
      .catch((err: unknown) => logError(`responseSubmitted subscriber failed: ${err instanceof Error ? err.name : 'error'}`));
  }

  /**
   * Marks the draft's access code used, after the response committed and in a transaction of its own:
   * the day only, and nothing that names the response. A failure is logged and the response stays stored.
   */
  async function markCodeUsed(codeHash: string, day: string): Promise<void> {
    try {
      await deps.accessCodes?.markCodeUsed(codeHash, day);
    } catch (err) {
      logError(`access code could not be marked used: ${err instanceof Error ? err.name : 'error'}`);
    }
  }

  function commentsOf(comments: readonly { questionId: string; text: string }[]) {
    return comments.map((c) => ({ id: newId(), questionId: c.questionId, text: c.text }));
  }

  /** Stores a draft as an online response with its one-time key, deleting the draft, in one transaction. */
  async function online(wave: Wave, draft: Draft, keyHash: string): Promise<'stored' | 'duplicate'> {
    const instrument = instrumentOf(draft.instrumentId);
    // The draft was checked page by page; this second check costs little and guards the stored data.
    const body = composeResponse(instrument, draft.answers, draft.freeText);
    const at = deps.clock.now();
    const response: StoredResponse = {
      id: newId(),
      waveId: wave.id,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      channel: 'online',
      language: draft.language,
      answers: body.answers,
      completedAt: at.toISOString(),
      adultHelped: instrument.id === 'ylyc-4-7' || draft.adultHelped,
    };
    const comments = commentsOf(body.comments);
    const outcome = await responses.store(response, comments, {
      key: { keyHash, waveId: wave.id, createdOn: isoDay(at) },
      draftId: draft.id,
    });
    if (outcome === 'stored') {
      if (draft.accessCodeHash) await markCodeUsed(draft.accessCodeHash, isoDay(at));
      publish({ responseId: response.id, waveId: wave.id, instrumentId: instrument.id, channel: 'online', comments: body.comments });
    }
    return outcome;
  }

  /**
   * Stores a complete response from any channel (demo data, paper entry, imports) in one transaction.
   * Refuses, listing the problems, when an answer is not valid for its question or its question is hidden.
   */
  async function recordResponse(input: RecordInput): Promise<{ id: string }> {
    const v = recordInput.parse(input);
    const wave = await deps.programme.findWave(v.waveId);
    if (!wave) throw new AppError('not_found', 'No such wave');
    if (!isOffered(wave.instruments, v.instrumentId)) throw new AppError('bad_request', `The wave does not offer ${v.instrumentId}`);
    const instrument = instrumentOf(v.instrumentId);
    const body = composeResponse(instrument, v.answers, v.freeText);
    if (body.problems.length > 0) {
      const list = body.problems.map((p) => `${p.questionId} (${p.reason})`).join(', ');
      throw new AppError('bad_request', `Answers not valid for ${instrument.id}: ${list}`);
    }
    const response: StoredResponse = {
      id: newId(),
      waveId: wave.id,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      channel: v.channel,
      language: v.language,
      answers: body.answers,
      completedAt: new Date(v.completedAt).toISOString(),
      adultHelped: instrument.id === 'ylyc-4-7' || v.adultHelped,
    };
    await responses.store(response, commentsOf(body.comments));
    publish({ responseId: response.id, waveId: wave.id, instrumentId: instrument.id, channel: v.channel, comments: body.comments });
    return { id: response.id };
  }

  return { online, recordResponse };
}
