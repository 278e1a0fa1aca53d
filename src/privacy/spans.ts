/** The span types of redaction and how overlapping candidates are resolved (pure). */
import type { SpanType } from '../safeguarding/corpus/corpus.ts';

export type { SpanType };

/** A candidate identifying detail: its type and where it is in the text (`end` exclusive). */
export interface Found {
  type: SpanType;
  start: number;
  end: number;
  /** What found it; a pattern's exact shape wins over a guess from a word list. */
  source: 'pattern' | 'list' | 'nlp' | 'context';
}

/** The placeholder a span type is replaced with. */
export const PLACEHOLDER: Readonly<Record<SpanType, string>> = {
  name: '[name]',
  phone: '[phone]',
  email: '[email]',
  postcode: '[postcode]',
  address: '[address]',
  date: '[date]',
  school: '[school]',
  social_handle: '[handle]',
  url: '[url]',
  reference_number: '[reference]',
  place: '[place]',
};

/** Which type wins where candidates overlap: fixed shapes first, then the longer, then by this order. */
const PRIORITY: readonly SpanType[] = ['email', 'url', 'phone', 'postcode', 'reference_number', 'date', 'address', 'school', 'social_handle', 'place', 'name'];

/** Non-overlapping spans in text order: overlapping candidates merge into one span of the stronger type. */
export function resolve(found: readonly Found[]): Found[] {
  const ranked = [...found]
    .filter((f) => f.end > f.start)
    .sort((a, b) => PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Found[] = [];
  for (const f of ranked) {
    const clash = kept.find((k) => k.start < f.end && f.start < k.end);
    if (clash === undefined) kept.push({ ...f });
    else {
      // Prefer over-redacting: the kept span grows to cover both, keeping the stronger type.
      clash.start = Math.min(clash.start, f.start);
      clash.end = Math.max(clash.end, f.end);
    }
  }
  // Growing a span may make it touch another: merge until stable.
  kept.sort((a, b) => a.start - b.start);
  const out: Found[] = [];
  for (const k of kept) {
    const last = out.at(-1);
    if (last !== undefined && k.start < last.end) last.end = Math.max(last.end, k.end);
    else out.push(k);
  }
  return out;
}
