/** Paper forms: printed layouts, issued sheets and forms keyed by hand waiting for their second entry. See schema.ts for the conventions. */
/** A printed form's layout: where every answer box is, so scans can be read (JSON of `FormLayout`). */
export interface PaperLayoutTable {
  layout_id: string;
  instrument_id: string;
  instrument_version: string;
  lang: string;
  layout_version: number;
  pages: number;
  layout: string;
  /** SHA-256 of the layout JSON: a changed drawing under the same layout id is refused. */
  fingerprint: string;
  created_at: string;
}

/** One issued copy of a paper form: its serial (printed in every page's QR code), never linked to a response. */
export interface PaperSheetTable {
  serial: string;
  wave_id: string;
  instrument_id: string;
  layout_id: string;
  /** The download or command run that issued it. */
  batch_id: string;
  issued_at: string;
  /** The day a scan of this sheet was stored as a response (migration 0017); never the response. */
  entered_on: string | null;
}

/** A paper form keyed by hand, waiting for its second entry or for differences to be resolved; deleted once it is a response. */
export interface PaperEntryTable {
  id: string;
  /** The short reference written on the paper, for the second entry. */
  reference: string;
  wave_id: string;
  instrument_id: string;
  /** The form's printed sheet serial, when typed; gone with the row. */
  sheet_serial: string | null;
  /** awaiting_second or to_resolve. */
  status: string;
  first_by: string;
  /** JSON: { answers, freeText } as keyed. */
  first_values: string;
  second_by: string | null;
  second_values: string | null;
  /** The day of the first entry only. */
  created_on: string;
}

/** A scanned copy of a paper form waiting for verification (one per sheet serial); deleted once stored or discarded. */
export interface PaperScanFormTable {
  /** Random: the verification screen's URL. */
  id: string;
  serial: string;
  wave_id: string;
  instrument_id: string;
  layout_id: string;
  /** The form's number of pages. */
  pages: number;
  /** The day of the first upload only. */
  uploaded_on: string;
}

/** One page of a scanned form as read (JSON: rotation, questions with their box states, flags); one row per page. */
export interface PaperScanPageTable {
  form_id: string;
  page: number;
  reading: string;
}

/** An image a person needs to verify a form: a writing area ("text") or a question's boxes ("review"), PNG as base64. */
export interface PaperScanCropTable {
  id: string;
  form_id: string;
  page: number;
  kind: string;
  question_id: string;
  png: string;
}
