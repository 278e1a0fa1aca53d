/**
 * Every table in one place. Columns are snake_case; ids and timestamps are text made by the app,
 * JSON is stored as text, booleans as 0/1 integers, so the same SQL runs on SQLite and PostgreSQL.
 */
import type { Generated, Kysely } from 'kysely';

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

export interface JobRunTable {
  /** e.g. 'digest:2026-03-05'; unique, so only one instance can claim a run. */
  run_key: string;
  job_name: string;
  /** 'running', 'done', 'failed' (retried after a back-off) or 'released' (given back at shutdown). */
  status: string;
  lease_owner: string | null;
  /** Until when the run is held: by its owner while running, or as a back-off after a failure. */
  lease_expires: string;
  attempts: number;
  last_error: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface DigestSendTable {
  run_key: string;
  wave_id: string;
  account_id: string;
  sent_at: string;
}

/** A wave's planning checklist: one row per item ticked or given a "who"; due dates are computed, not stored. */
export interface WavePlanItemTable {
  wave_id: string;
  item: string;
  done: number;
  who: string;
  /** ISO day the item was ticked. */
  done_on: string | null;
}

/** What the programme needs to know about an LA: data-sharing agreement, naming consent, out-of-hours contact. */
export interface LaSettingsTable {
  la_id: string;
  /** ISO day the data-sharing agreement was signed; null when none is on file. */
  dsa_signed_on: string | null;
  /** 0: anonymised in national comparisons (the default); 1: may be named. */
  named_in_comparisons: number;
  /** Emergency duty team (out of hours). */
  edt_name: string | null;
  edt_phone: string | null;
  edt_email: string | null;
  updated_at: string;
}

export interface LaSafeguardingContactTable {
  id: string;
  la_id: string;
  name: string;
  role: string;
  email: string;
  phone: string;
}

/** A wave's prize draw once made: the day and counts only. */
export interface PrizeDrawTable {
  wave_id: string;
  drawn_on: string;
  entries: number;
  winners: number;
  /** ISO day the winners' details are deleted at the latest. */
  forget_on: string;
}

/** Prize draw entries: no time, no order, no link to a response or draft; a random id. */
export interface PrizeEntryTable {
  id: string;
  wave_id: string;
  first_name: string;
  contact_method: string;
  contact: string;
  won: Generated<number>;
}

/** The participation tracker: one young person on a wave's plan, by the LA's own reference (never a name). */
export interface TrackerEntryTable {
  id: string;
  wave_id: string;
  reference: string;
  /** Lower-cased reference, unique per wave. */
  reference_key: string;
  age_band: string;
  team: string | null;
  placement_type: string | null;
  worker: string | null;
  trusted_adult_name: string | null;
  trusted_adult_role: string | null;
  planned_on: string | null;
  place: string | null;
  backup_plan: string | null;
  backup_note: string | null;
  status: string;
  needs_support: number | null;
  pa_catch_up: string | null;
  pa_catch_up_on: string | null;
  additional_needs: number;
  unaccompanied: number;
  in_custody: number;
  out_of_area: number;
  /** ISO days only. */
  created_on: string;
  updated_on: string;
}

/** Single-use access codes: hashes only, days only, no link to any response. */
export interface AccessCodeTable {
  code_hash: string;
  wave_id: string;
  entry_id: string;
  created_on: string;
  /** ISO day the survey was submitted with the code (set by the daily batch). */
  used_on: string | null;
  /** ISO day the daily batch marked the entry completed. */
  redeemed_on: string | null;
  /** ISO day a new code replaced this unused one. */
  replaced_on: string | null;
}

/** Codes used since the last daily batch: per wave and day, a sorted JSON array of code hashes. */
export interface AccessCodeUseTable {
  wave_id: string;
  used_on: string;
  code_hashes: string;
}

export interface ResponseReviewTable {
  response_id: string;
  wave_id: string;
  /** Why the platform suspected it: test, duplicate, out_of_scope, empty. */
  reason: string;
  /** exclude or keep. */
  decision: string;
  /** The researcher's recorded reason. */
  note: string;
  decided_by: string;
  decided_at: string;
}

/** A published report: immutable (the database refuses UPDATE and DELETE), numbered per wave. */
export interface ReportVersionTable {
  id: string;
  wave_id: string;
  /** 1, 2, ... within the wave. */
  number: number;
  published_at: string;
  /** The publishing staff account; null when an operator published from the command line. */
  published_by: string | null;
  /** How many responses were analysed. */
  responses: number;
  /** Internal, never shown: the analysed response ids by instrument, sorted (JSON), to measure what separates two versions. */
  response_ids: string;
  /** The report as published (JSON): every format renders from this snapshot. */
  report: string;
  /** The publisher's reason, e.g. "late paper returns". */
  note: string;
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
  response_reviews: ResponseReviewTable;
  report_versions: ReportVersionTable;
  job_runs: JobRunTable;
  digest_sends: DigestSendTable;
  wave_plan_items: WavePlanItemTable;
  la_settings: LaSettingsTable;
  la_safeguarding_contacts: LaSafeguardingContactTable;
  prize_draws: PrizeDrawTable;
  prize_entries: PrizeEntryTable;
  tracker_entries: TrackerEntryTable;
  access_codes: AccessCodeTable;
  access_code_uses: AccessCodeUseTable;
}

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';
