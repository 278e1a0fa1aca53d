/** Free text and data protection: comment reviews, safeguarding screenings and disclosures, data releases and the retention log. See schema.ts for the conventions. */
import type { Generated } from 'kysely';

/**
 * The redaction review of one free-text comment, written once a reviewer acts on it. Until then the
 * redaction is computed from the original on demand. The row stays when retention removes the original.
 */
export interface CommentReviewTable {
  comment_id: string;
  wave_id: string;
  /** JSON array of { type, start, end } over the original text (UTF-16 indices). */
  spans: string;
  /** The redacted text as last edited or decided: what reports and exports may use once approved. */
  redacted_text: string;
  /** 0/1: whether a reviewer changed the automatic redaction. */
  edited: number;
  /** pending, approved or withheld. */
  status: string;
  /** 0/1: approved for quoting in reports. */
  quote: number;
  /** 0/1: the reviewer confirmed no rare event or detail could identify the young person. */
  confirmed: number;
  edited_by: string | null;
  edited_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** A submitted comment's safeguarding screening, and (for a flagged one) the reviewer's decision, written once. */
export interface SafeguardingScreeningTable {
  comment_id: string;
  response_id: string;
  wave_id: string;
  /** 0/1: whether any rule matched (a human must read it). */
  flag: number;
  /** JSON array of categories, most severe first. */
  categories: string;
  /** JSON array of { ruleId, category, start, end } over the original text (UTF-16 indices), for highlighting. */
  matches: string;
  /** The most severe matched category's severity (1 is the most severe); null when not flagged. */
  max_severity: number | null;
  rules_version: string;
  /** When it reached the programme: completion online, the time it was typed in for paper. */
  submitted_at: string;
  screened_at: string;
  /** no_concern, concern or urgent; null until decided. */
  decision: string | null;
  note: string | null;
  decided_by: string | null;
  decided_by_email: string | null;
  decided_at: string | null;
}

/** A concern disclosed to the LA's safeguarding contacts; the content is read from its sources when viewed. */
export interface SafeguardingDisclosureTable {
  id: string;
  comment_id: string;
  la_id: string;
  wave_id: string;
  /** 0/1: decided urgent. */
  urgent: number;
  created_at: string;
  /** The last escalation level sent (0: none yet). */
  escalation_level: Generated<number>;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_by_email: string | null;
}

/** An email sent for a disclosure: kind contact, reviewer or edt; level 0 first, n the nth escalation. */
export interface SafeguardingNotificationTable {
  disclosure_id: string;
  kind: string;
  level: number;
  recipient: string;
  sent_at: string;
}

/** A local authority's request for an anonymised export of one wave, and the programme's decision on it. */
export interface ReleaseRequestTable {
  id: string;
  la_id: string;
  wave_id: string;
  /** What the LA will use the data for, in its own words. */
  purpose: string;
  /** requested, approved or refused. */
  status: string;
  requested_by: string;
  requested_by_email: string;
  requested_at: string;
  /** The k of k-anonymity the approver released at. */
  k: number | null;
  decided_by: string | null;
  decided_by_email: string | null;
  decided_at: string | null;
  decision_note: string | null;
  /** Until when the LA may download an approved release. */
  expires_at: string | null;
  /** The anonymised rows, codebook and disclosure report frozen at approval (JSON); null once expired. */
  snapshot: string | null;
  snapshot_deleted_at: string | null;
}

/** What each retention run deleted: counts only, never content. Append-only (the database refuses UPDATE and DELETE). */
export interface RetentionLogTable {
  id: string;
  run_key: string;
  ran_at: string;
  /** free_text, responses, drafts or release_files. */
  item: string;
  wave_id: string | null;
  deleted: number;
  /** Held back, e.g. a comment with a safeguarding concern still open. */
  kept: number;
}
