/**
 * SQL for submitted responses, their comments and one-time submission keys. A response row holds only
 * what the programme may know; free text sits in response_comments, apart from the answers.
 */
import type { Db } from '../db/index.ts';
import type { Answer, InstrumentId } from '../instruments/index.ts';

/** The channels a response can arrive through. */
export type Channel = 'online' | 'paper' | 'import';

/** A response as stored: nothing here can point back to a person, a device or a draft. */
export interface StoredResponse {
  readonly id: string;
  readonly waveId: string;
  readonly instrumentId: InstrumentId;
  readonly instrumentVersion: string;
  readonly channel: Channel;
  readonly language: string;
  readonly answers: Readonly<Record<string, Answer>>;
  readonly completedAt: string;
  readonly adultHelped: boolean;
}

/** One free-text answer of a response. */
export interface Comment {
  readonly id: string;
  readonly questionId: string;
  readonly text: string;
}

/** A one-time submission key's record: its hash and the day only. */
export interface SubmissionKeyRecord {
  readonly keyHash: string;
  readonly waveId: string;
  readonly createdOn: string;
}

/** Whether an error is a unique-key violation on either engine (a replayed submission racing the first). */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (!err) return false;
  if (err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  return typeof err.message === 'string' && /UNIQUE constraint|duplicate key/i.test(err.message);
}

/** Responses' SQL over a database. */
export function responsesRepository(db: Db) {
  const submissionExists = async (keyHash: string): Promise<boolean> => {
    const r = await db.selectFrom('submissions').select('key_hash').where('key_hash', '=', keyHash).executeTakeFirst();
    return r !== undefined;
  };
  return {
    submissionExists,

    /**
     * Stores a response with its comments, and (online) the submission key and the draft's deletion, in
     * one transaction. Returns 'duplicate' when the key was already used, even by a request racing this one.
     */
    async store(
      response: StoredResponse,
      comments: readonly Comment[],
      once?: { key: SubmissionKeyRecord; draftId: string },
    ): Promise<'stored' | 'duplicate'> {
      try {
        await db.transaction().execute(async (trx) => {
          if (once) {
            // First, so a replay fails before anything else is written.
            await trx
              .insertInto('submissions')
              .values({ key_hash: once.key.keyHash, wave_id: once.key.waveId, created_on: once.key.createdOn })
              .execute();
          }
          await trx
            .insertInto('responses')
            .values({
              id: response.id,
              wave_id: response.waveId,
              instrument_id: response.instrumentId,
              instrument_version: response.instrumentVersion,
              channel: response.channel,
              language: response.language,
              answers: JSON.stringify(response.answers),
              completed_at: response.completedAt,
              adult_helped: response.adultHelped ? 1 : 0,
            })
            .execute();
          if (comments.length > 0) {
            await trx
              .insertInto('response_comments')
              .values(comments.map((c) => ({ id: c.id, response_id: response.id, question_id: c.questionId, text: c.text })))
              .execute();
          }
          if (once) await trx.deleteFrom('drafts').where('id', '=', once.draftId).execute();
        });
        return 'stored';
      } catch (e) {
        if (once && isUniqueViolation(e) && (await submissionExists(once.key.keyHash))) return 'duplicate';
        throw e;
      }
    },
  };
}

export type ResponsesRepository = ReturnType<typeof responsesRepository>;
