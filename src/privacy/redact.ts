/**
 * Redaction of identifying details in free text (pure): each detail is replaced with a typed
 * placeholder ([name], [phone], [email], [postcode], [address], [date], [school], [handle], [url],
 * [reference], [place]) and the replaced spans are returned, so a reviewer can see and correct them.
 */
import { findNamesAndPlaces } from './names.ts';
import { findPatterns } from './patterns.ts';
import { PLACEHOLDER, resolve, type SpanType } from './spans.ts';

/** A replaced span of the original text (`end` exclusive, UTF-16 indices). */
export interface RedactedSpan {
  type: SpanType;
  start: number;
  end: number;
}

export interface Redaction {
  text: string;
  spans: RedactedSpan[];
}

/** Finds the identifying details in `text` without replacing them. */
export function identifyingSpans(text: string): RedactedSpan[] {
  return joinNeighbours(text, resolve([...findPatterns(text), ...findNamesAndPlaces(text)]).map(({ type, start, end }) => ({ type, start, end })));
}

/** Names, places and schools found word by word. */
const WORDWISE: readonly SpanType[] = ['school', 'place', 'name'];

/**
 * Neighbouring names, places and schools separated only by a space or a hyphen are one detail ("Bounce Kingdom",
 * "lacey-mae", "Kacper Nowak", "Crossley Heath"); the joined span keeps the stronger type (school, place, name).
 */
function joinNeighbours(text: string, spans: RedactedSpan[]): RedactedSpan[] {
  const out: RedactedSpan[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last !== undefined && WORDWISE.includes(last.type) && WORDWISE.includes(s.type) && /^[ \t'’-]?$/u.test(text.slice(last.end, s.start))) {
      last.end = s.end;
      if (WORDWISE.indexOf(s.type) < WORDWISE.indexOf(last.type)) last.type = s.type;
    } else out.push({ ...s });
  }
  return out;
}

/** Replaces every identifying detail of `text` with its placeholder; returns the new text and the spans replaced. */
export function redact(text: string): Redaction {
  const spans = identifyingSpans(text);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + PLACEHOLDER[s.type];
    at = s.end;
  }
  return { text: out + text.slice(at), spans };
}
