/** Reports: cleaning decisions, published versions and the comparator's per-wave summaries. See schema.ts for the conventions. */
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

/** A finished wave's analysable answers as counts (findings' AnswerSummary): what other LAs' reports compare with. */
export interface WaveSummaryTable {
  wave_id: string;
  /** Which responses and cleaning decisions it was counted from; a mismatch means count again. */
  fingerprint: string;
  /** The AnswerSummary as JSON. */
  summary: string;
  counted_at: string;
}
