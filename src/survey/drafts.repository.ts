/** SQL for drafts (unfinished surveys) and the row <-> domain mapping. Drafts are never read by staff. */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import type { DraftTable } from '../db/schema.ts';
import { INSTRUMENT_IDS } from '../instruments/index.ts';
import type { DraftState, Position } from './journey.ts';

/** A draft as the service sees it: the journey state plus what identifies and times it. */
export interface Draft extends DraftState {
  readonly id: string;
  readonly waveId: string;
  /** The one-time key the "ready to send?" form carries; deleted with the draft on submission. */
  readonly submissionKey: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly expiresAt: string;
  /** Hash of the access code typed on the start page, if any: never the code itself. */
  readonly accessCodeHash?: string | null;
}

// The database is ours, but a row that does not parse must not take a young person's page down.
const answersJson = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).catch({});
const textJson = z.record(z.string(), z.string()).catch({});
const idsJson = z.array(z.string()).catch([]);

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const position = (p: string): Position => (p === 'intro' || p === 'review' || p.startsWith('page:') ? (p as Position) : 'intro');

function toDraft(r: Selectable<DraftTable>): Draft | undefined {
  const instrumentId = INSTRUMENT_IDS.find((i) => i === r.instrument_id);
  if (!instrumentId) return undefined;
  return {
    id: r.id,
    waveId: r.wave_id,
    instrumentId,
    language: r.language,
    answers: answersJson.parse(json(r.answers)),
    freeText: textJson.parse(json(r.free_text)),
    textVisible: idsJson.parse(json(r.text_visible)),
    adultHelped: Number(r.adult_helped) === 1,
    position: position(r.position),
    submissionKey: r.submission_key,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    expiresAt: r.expires_at,
    accessCodeHash: r.access_code_hash ?? null,
  };
}

const stateColumns = (s: DraftState) => ({
  instrument_id: s.instrumentId,
  language: s.language,
  answers: JSON.stringify(s.answers),
  free_text: JSON.stringify(s.freeText),
  text_visible: JSON.stringify(s.textVisible),
  adult_helped: s.adultHelped ? 1 : 0,
  position: s.position,
});

/** Drafts' SQL over a database. */
export function draftsRepository(db: Db) {
  return {
    async insert(d: Draft, tokenHash: string, resumeHash: string): Promise<void> {
      await db
        .insertInto('drafts')
        .values({
          id: d.id,
          wave_id: d.waveId,
          token_hash: tokenHash,
          resume_hash: resumeHash,
          ...stateColumns(d),
          submission_key: d.submissionKey,
          created_at: d.createdAt,
          updated_at: d.updatedAt,
          expires_at: d.expiresAt,
          access_code_hash: d.accessCodeHash ?? null,
        })
        .execute();
    },
    async findByToken(tokenHash: string): Promise<Draft | undefined> {
      const r = await db.selectFrom('drafts').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return r && toDraft(r);
    },
    async findByResume(resumeHash: string): Promise<Draft | undefined> {
      const r = await db.selectFrom('drafts').selectAll().where('resume_hash', '=', resumeHash).executeTakeFirst();
      return r && toDraft(r);
    },
    async saveState(id: string, s: DraftState, updatedAt: string, expiresAt: string): Promise<void> {
      await db
        .updateTable('drafts')
        .set({ ...stateColumns(s), updated_at: updatedAt, expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },
    /** Moves the draft to a new browser: only the new cookie's token will find it. */
    async setToken(id: string, tokenHash: string, submissionKey: string): Promise<void> {
      await db.updateTable('drafts').set({ token_hash: tokenHash, submission_key: submissionKey }).where('id', '=', id).execute();
    },
    async setResume(id: string, resumeHash: string, updatedAt: string, expiresAt: string): Promise<void> {
      await db
        .updateTable('drafts')
        .set({ resume_hash: resumeHash, updated_at: updatedAt, expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('drafts').where('id', '=', id).execute();
    },
    async countCreatedSince(waveId: string, since: string): Promise<number> {
      const r = await db
        .selectFrom('drafts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('wave_id', '=', waveId)
        .where('created_at', '>=', since)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    /** Deletes drafts past their expiry; returns how many. */
    async deleteExpired(now: string): Promise<number> {
      const r = await db.deleteFrom('drafts').where('expires_at', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type DraftsRepository = ReturnType<typeof draftsRepository>;
