/**
 * Every table in one place. Columns are snake_case; ids and timestamps are text made by the app,
 * JSON is stored as text, booleans as 0/1 integers, so the same SQL runs on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

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
  target_rate: number;
  status: string;
  opens_on: string;
  closes_on: string;
  created_at: string;
  closed_at: string | null;
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

export interface StaffAccountTable {
  id: string;
  /** Lower-cased. */
  email: string;
  name: string;
  /** Argon2id; null until an invitation is accepted. */
  password_hash: string | null;
  /** Base32 TOTP secret; null until the second factor is set up. */
  totp_secret: string | null;
  /** The last TOTP time step accepted, so a code cannot be replayed. */
  totp_last_step: number | string | null;
  status: string;
  failed_attempts: number;
  locked_until: string | null;
  /** Sessions created before this instant are void ("sign out everywhere"). */
  sessions_valid_after: string;
  created_at: string;
  last_sign_in_at: string | null;
}

export interface StaffRoleTable {
  account_id: string;
  role: string;
  /** '*' for a programme-wide role, else the local authority's id. */
  scope: string;
}

export interface RecoveryCodeTable {
  code_hash: string;
  account_id: string;
  used_at: string | null;
}

export interface StaffSessionTable {
  token_hash: string;
  account_id: string;
  stage: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface OneTimeLinkTable {
  token_hash: string;
  purpose: string;
  account_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  la_id: string | null;
  target: string | null;
  /** JSON object. */
  detail: string;
}

export interface AppSettingTable {
  name: string;
  value: string;
}

export interface Database {
  local_authorities: LocalAuthorityTable;
  waves: WaveTable;
  drafts: DraftTable;
  responses: ResponseTable;
  response_comments: ResponseCommentTable;
  submissions: SubmissionTable;
  staff_accounts: StaffAccountTable;
  staff_roles: StaffRoleTable;
  recovery_codes: RecoveryCodeTable;
  staff_sessions: StaffSessionTable;
  one_time_links: OneTimeLinkTable;
  audit_log: AuditLogTable;
  app_settings: AppSettingTable;
}

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';
