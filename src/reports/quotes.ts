/**
 * The "Selected comments" of a report, pure: young people's own words, only as a reviewer approved
 * them for quoting (redacted), and none at all from a wave with fewer analysed responses than the
 * findings' `minQuoteResponses` (20), where a comment could identify who wrote it.
 */

export interface ReportQuotes {
  /** Analysed responses needed before any comment is quoted. */
  readonly minResponses: number;
  /** Responses the report analysed. */
  readonly analysed: number;
  /** Why the section reads as it does. */
  readonly status: 'shown' | 'too_few_responses' | 'none_approved';
  /** The approved, redacted comments, in approval order. */
  readonly items: readonly string[];
}

/** The section's content from the approved quotes (only looked up when the wave is large enough). */
export function reportQuotes(analysed: number, minResponses: number, approved: readonly string[]): ReportQuotes {
  if (analysed < minResponses) return { minResponses, analysed, status: 'too_few_responses', items: [] };
  const items = approved.map((t) => t.trim()).filter((t) => t !== '');
  return { minResponses, analysed, status: items.length > 0 ? 'shown' : 'none_approved', items };
}

/** What the report says above the quotes, or instead of them. `quotes` is absent in versions published before reports had quotes. */
export function quotesNote(quotes: ReportQuotes | undefined): string {
  if (quotes === undefined) return 'Young people\'s comments were not part of reports when this version was published.';
  switch (quotes.status) {
    case 'shown':
      return `In young people's own words. A safeguarding reviewer approved each comment for quoting, confirming that nothing in it could identify the young person to people who know them. Names, places and other identifying details are replaced with placeholders such as [name]. Comments are quoted as they were written, spelling included.`;
    case 'too_few_responses':
      return `No comments are quoted: ${quotes.analysed} ${quotes.analysed === 1 ? 'response was' : 'responses were'} analysed, and comments are quoted only from ${quotes.minResponses} or more, because in a small group a comment could identify who wrote it.`;
    case 'none_approved':
      return 'No comments have been approved for quoting in this report yet. A safeguarding reviewer checks each comment, with identifying details removed, before it can be quoted.';
  }
}

/** How many approved comments the young people's version shows: a few, so each is read. */
export const YOUTH_QUOTES = 4;

/** The longest comment (in characters) the young people's version quotes. */
export const YOUTH_QUOTE_LENGTH = 280;
