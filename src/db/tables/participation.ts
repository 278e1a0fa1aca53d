/** Planning and fieldwork: updates sent, the checklist, LA settings and contacts, prize draws, the tracker and access codes. See schema.ts for the conventions. */
import type { Generated } from 'kysely';

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
