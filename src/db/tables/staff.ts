/** Staff accounts and sign-in, the audit log, instance settings and scheduled job runs. See schema.ts for the conventions. */
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
