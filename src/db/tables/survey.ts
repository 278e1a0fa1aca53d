/** Local authorities, waves, and what young people send: drafts, responses, their comments, submission keys. See schema.ts for the conventions. */
import type { Generated } from 'kysely';

export interface LocalAuthorityTable {
  id: string;
  name: string;
  nation: string;
  ons_code: string;
  created_at: string;
}

export interface WaveTable {
  id: string;
  la_id: string;
  survey: string;
  /** The public code in the survey link, /s/<link_code>. */
  link_code: string;
  title: string;
  /** JSON array of instrument ids offered. */
  instruments: string;
  /** JSON object: age band or instrument id -> eligible count. */
  eligible: string;
  /** JSON array of language codes. */
  languages: string;
  /** JSON array of the draft languages a programme administrator switched on for the wave (migration 0019). */
  draft_languages: Generated<string>;
  target_rate: number;
  status: string;
  opens_on: string;
  closes_on: string;
  created_at: string;
  closed_at: string | null;
  /** 0/1: whether young people may enter a prize draw after the thank-you page. */
  prize_draw: Generated<number>;
}

export interface DraftTable {
  id: string;
  wave_id: string;
  /** Hash of the browser's draft cookie. */
  token_hash: string;
  /** Hash of the resume code the young person may write down. */
  resume_hash: string;
  instrument_id: string | null;
  language: string;
  /** JSON: question id -> answer (free text excluded). */
  answers: string;
  /** JSON: question id -> free text; kept, never shown again after a resume. */
  free_text: string;
  /** JSON array of question ids whose text was typed in this browser session (may be shown back). */
  text_visible: string;
  adult_helped: number;
  /** The page the young person reached. */
  position: string;
  /** One-time key for the final submission; replays store nothing twice. */
  submission_key: string;
  created_at: string;
  updated_at: string;
  expires_at: string;
  /** Hash of the access code typed on the start page, if any; deleted with the draft on submission. */
  access_code_hash: string | null;
}

export interface ResponseTable {
  /** UUID v4, never time-ordered. */
  id: string;
  wave_id: string;
  instrument_id: string;
  instrument_version: string;
  channel: string;
  language: string;
  /** JSON: question id -> answer code, number or list of codes (free text is stored apart). */
  answers: string;
  completed_at: string;
  adult_helped: number;
}

export interface ResponseCommentTable {
  id: string;
  response_id: string;
  question_id: string;
  text: string;
}

export interface SubmissionTable {
  /** Hash of the one-time submission key: its presence alone makes a replay a no-op (no link to the response). */
  key_hash: string;
  wave_id: string;
  /** Day only: a submission key is never timed more finely than a day. */
  created_on: string;
}
