/**
 * The redaction review of free-text comments, pure. A redaction is a list of spans over the original
 * text, each replaced by a typed placeholder. A reviewer may hide more of the original (words ticked
 * in a list, or words typed exactly as they appear) or restore a span the automatic redaction got
 * wrong. Every edit is made on spans of the original, so the redacted text can only ever lose words
 * of the original to placeholders: it can never gain a word the young person did not write.
 */
import { createHash } from 'node:crypto';
import { PLACEHOLDER, redact, type SpanType } from '../privacy/index.ts';

/** What a hidden span is: the automatic redaction's types, and `detail` for anything else identifying (a rare event, a team, a job). */
export type HideType = SpanType | 'detail';

/** The types a reviewer may choose, most common first. */
export const HIDE_TYPES: readonly HideType[] = ['name', 'place', 'school', 'detail', 'address', 'postcode', 'date', 'phone', 'email', 'social_handle', 'url', 'reference_number'];

export const PLACEHOLDERS: Readonly<Record<HideType, string>> = { ...PLACEHOLDER, detail: '[detail]' };

/** Plain words for each type, as reviewers choose them. */
export const TYPE_LABELS: Readonly<Record<HideType, string>> = {
  name: 'A name',
  place: 'A place',
  school: 'A school or college',
  detail: 'Another identifying detail (an event, a club, a job)',
  address: 'An address',
  postcode: 'A postcode',
  date: 'A date',
  phone: 'A phone number',
  email: 'An email address',
  social_handle: 'A social media name',
  url: 'A web address',
  reference_number: 'A case or reference number',
};

export const isHideType = (v: string): v is HideType => (HIDE_TYPES as readonly string[]).includes(v);

/** A hidden part of the original text (`end` exclusive, UTF-16 indices). */
export interface Span {
  readonly type: HideType;
  readonly start: number;
  readonly end: number;
}

/** A word of the original a reviewer may tick to hide. */
export interface Token {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type ReviewStatus = 'pending' | 'approved' | 'withheld';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['pending', 'approved', 'withheld'];

/** What a reviewer decides about a comment. */
export type Decision = 'approve' | 'quote' | 'withhold';

/** A stored review, as the pure rules need it. */
export interface StoredReview {
  readonly spans: readonly Span[];
  readonly redactedText: string;
  readonly edited: boolean;
  readonly status: ReviewStatus;
  readonly quote: boolean;
}

/** The redaction in force and where it came from. */
export interface Effective {
  readonly text: string;
  readonly spans: readonly Span[];
  /** automatic: computed from the original now; reviewed: a reviewer's edit or decision; kept: only the stored text is left (the original was deleted). */
  readonly source: 'automatic' | 'reviewed' | 'kept';
}

export type EditResult = { readonly ok: true; readonly spans: Span[] } | { readonly ok: false; readonly problem: string };

/** Whether spans are sorted, inside the text, non-empty and apart: anything else is refused. */
export function validSpans(original: string, spans: readonly Span[]): boolean {
  let at = 0;
  for (const s of spans) {
    if (!isHideType(s.type) || !Number.isInteger(s.start) || !Number.isInteger(s.end)) return false;
    if (s.start < at || s.end <= s.start || s.end > original.length) return false;
    at = s.end;
  }
  return true;
}

/** The original with each span replaced by its placeholder. */
export function applySpans(original: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += original.slice(at, s.start) + PLACEHOLDERS[s.type];
    at = s.end;
  }
  return out + original.slice(at);
}

/** The automatic redaction of an original, from the privacy rules in force today. */
export function automatic(original: string): { text: string; spans: Span[] } {
  const r = redact(original);
  const spans = r.spans.map(({ type, start, end }) => ({ type, start, end }));
  return { text: applySpans(original, spans), spans };
}

/**
 * The redaction in force. The automatic one follows the rules as they improve until a reviewer edits
 * or decides; then the stored one is frozen, so an approved quote never changes under its approval.
 * Without the original only the stored text is left; with neither, nothing.
 */
export function effective(original: string | null, review: StoredReview | null): Effective | null {
  if (original !== null && (review === null || (!review.edited && review.status === 'pending'))) return { ...automatic(original), source: 'automatic' };
  if (review === null) return null;
  if (original === null) return { text: review.redactedText, spans: review.spans, source: 'kept' };
  return { text: review.redactedText, spans: review.spans, source: 'reviewed' };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LEADING = /^[("'“‘[{<*_~-]+/u;
const TRAILING = /[.,!?;:)"'”’\]}>*_~-]+$/u;

/** The words of the original (runs of non-space, without the punctuation around them), in order. */
export function wordTokens(original: string): Token[] {
  const out: Token[] = [];
  for (const m of original.matchAll(/\S+/g)) {
    let text = m[0];
    let start = m.index;
    const lead = LEADING.exec(text)?.[0].length ?? 0;
    text = text.slice(lead);
    start += lead;
    const trail = TRAILING.exec(text)?.[0].length ?? 0;
    if (trail > 0 && trail < text.length) text = text.slice(0, text.length - trail);
    if (!LETTER_OR_DIGIT.test(text)) continue;
    out.push({ index: out.length, start, end: start + text.length, text });
  }
  return out;
}

/** Whether a word lies wholly or partly in a hidden span (it is then shown as hidden, not offered). */
export const isHidden = (t: Pick<Token, 'start' | 'end'>, spans: readonly Span[]): boolean => spans.some((s) => s.start < t.end && t.start < s.end);

/** Adds spans, merging any that overlap or touch into one span of the newly chosen type. */
function addSpans(existing: readonly Span[], added: readonly Span[]): Span[] {
  const all = [...existing.map((s) => ({ ...s, added: false })), ...added.map((s) => ({ ...s, added: true }))].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { type: HideType; start: number; end: number; added: boolean }[] = [];
  for (const s of all) {
    const last = out.at(-1);
    if (last !== undefined && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      // The reviewer's new choice names the merged span.
      if (s.added && !last.added) {
        last.type = s.type;
        last.added = true;
      }
    } else out.push({ ...s });
  }
  return out.map(({ type, start, end }) => ({ type, start, end }));
}

/**
 * Hides the ticked words (by index in `wordTokens`). Words ticked next to each other become one span,
 * so "Tom Smith" is one [name] rather than two.
 */
export function hideWords(original: string, spans: readonly Span[], indices: readonly number[], type: HideType): EditResult {
  if (!isHideType(type)) return { ok: false, problem: 'Choose what the words are' };
  const tokens = wordTokens(original);
  const chosen = [...new Set(indices)].sort((a, b) => a - b);
  if (chosen.length === 0) return { ok: false, problem: 'Tick the words to hide' };
  if (chosen.some((i) => tokens[i] === undefined)) return { ok: false, problem: 'Those words are not in the comment: open it again and tick the words to hide' };
  const added: Span[] = [];
  for (const i of chosen) {
    const t = tokens[i] as Token;
    const last = added.at(-1);
    const previous = tokens[i - 1];
    if (last !== undefined && previous !== undefined && chosen.includes(i - 1) && last.end === previous.end) added[added.length - 1] = { ...last, end: t.end };
    else added.push({ type, start: t.start, end: t.end });
  }
  return { ok: true, spans: addSpans(spans, added) };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Hides every place the typed words appear in the original (any case, whole words only, any spacing
 * between them). Words that are not in the original are refused: typing can never add to a comment.
 */
export function hidePhrase(original: string, spans: readonly Span[], phrase: string, type: HideType): EditResult {
  if (!isHideType(type)) return { ok: false, problem: 'Choose what the words are' };
  const words = phrase.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return { ok: false, problem: 'Type the words to hide, as they appear in the comment' };
  const edge = (w: string, side: 'start' | 'end'): string => {
    const ch = side === 'start' ? w[0] : w[w.length - 1];
    return ch !== undefined && LETTER_OR_DIGIT.test(ch) ? (side === 'start' ? '(?<![\\p{L}\\p{N}])' : '(?![\\p{L}\\p{N}])') : '';
  };
  const body = words.map(escapeRegExp).join('\\s+');
  const re = new RegExp(`${edge(words[0] ?? '', 'start')}${body}${edge(words[words.length - 1] ?? '', 'end')}`, 'giu');
  const added: Span[] = [];
  for (const m of original.matchAll(re)) if (m[0].length > 0) added.push({ type, start: m.index, end: m.index + m[0].length });
  if (added.length === 0) return { ok: false, problem: `“${phrase.trim().slice(0, 80)}” is not in the comment: type words exactly as the young person wrote them` };
  return { ok: true, spans: addSpans(spans, added) };
}

/** Restores the span that starts at `start`: the words show again (a false positive of the automatic redaction). */
export function restoreSpan(spans: readonly Span[], start: number): EditResult {
  if (!spans.some((s) => s.start === start)) return { ok: false, problem: 'That part is no longer hidden: someone may have changed this comment a moment ago' };
  return { ok: true, spans: spans.filter((s) => s.start !== start) };
}

/** A piece of the original for the side-by-side view: plain text, or a hidden span with its placeholder. */
export type Segment = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'hidden'; readonly text: string; readonly type: HideType; readonly placeholder: string; readonly start: number };

export function segments(original: string, spans: readonly Span[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push({ kind: 'text', text: original.slice(at, s.start) });
    out.push({ kind: 'hidden', text: original.slice(s.start, s.end), type: s.type, placeholder: PLACEHOLDERS[s.type], start: s.start });
    at = s.end;
  }
  if (at < original.length) out.push({ kind: 'text', text: original.slice(at) });
  return out;
}

/** A short fingerprint of a redacted text: a decision applies only to the text the reviewer saw. */
export const fingerprint = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export const CONFIRMATION = 'No rare event or detail in it could identify the young person to people who know them';

/** The stored status and quote flag a decision leads to, or why it cannot be made. */
export function decide(decision: string, confirmed: boolean): { ok: true; status: ReviewStatus; quote: boolean } | { ok: false; problem: 'choose' | 'confirm' } {
  switch (decision) {
    case 'approve':
      return { ok: true, status: 'approved', quote: false };
    case 'quote':
      // Quoting needs the reviewer's explicit word that nothing rare in it could identify the writer.
      return confirmed ? { ok: true, status: 'approved', quote: true } : { ok: false, problem: 'confirm' };
    case 'withhold':
      return { ok: true, status: 'withheld', quote: false };
    default:
      return { ok: false, problem: 'choose' };
  }
}

/** How many comments wait for review, are approved (and for quoting) or withheld. */
export interface ReviewCounts {
  readonly total: number;
  readonly pending: number;
  readonly approved: number;
  readonly quotes: number;
  readonly withheld: number;
}

export function countReviews(items: readonly { readonly status: ReviewStatus; readonly quote: boolean }[]): ReviewCounts {
  return {
    total: items.length,
    pending: items.filter((i) => i.status === 'pending').length,
    approved: items.filter((i) => i.status === 'approved').length,
    quotes: items.filter((i) => i.status === 'approved' && i.quote).length,
    withheld: items.filter((i) => i.status === 'withheld').length,
  };
}

/** Parses stored spans, refusing anything malformed (then the stored text alone is used). */
export function parseSpans(json: string): Span[] {
  try {
    const v: unknown = JSON.parse(json);
    if (!Array.isArray(v)) return [];
    return v.flatMap((s: unknown) => {
      if (typeof s !== 'object' || s === null) return [];
      const { type, start, end } = s as Record<string, unknown>;
      return typeof type === 'string' && isHideType(type) && typeof start === 'number' && typeof end === 'number' ? [{ type, start, end }] : [];
    });
  } catch {
    return [];
  }
}
