// The labelled corpus of synthetic free-text comments that safeguarding screening and redaction are measured against.
// Two halves: `tuning` may be read while writing rules; `held-out` is only ever measured against (see README.md).
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const AGE_GROUPS = ['4-7', '8-11', '11-17', '16-25'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const CATEGORIES = [
  'physical_abuse',
  'sexual_abuse',
  'emotional_abuse',
  'neglect',
  'domestic_abuse',
  'self_harm',
  'suicidal_thoughts',
  'running_away',
  'exploitation',
  'fear_of_home',
  'bullying_serious',
  'substance_harm',
  'other_risk',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SPAN_TYPES = [
  'name',
  'phone',
  'email',
  'postcode',
  'address',
  'date',
  'school',
  'social_handle',
  'url',
  'reference_number',
  'place',
] as const;
export type SpanType = (typeof SPAN_TYPES)[number];

export const HALVES = ['tuning', 'held-out'] as const;
export type Half = (typeof HALVES)[number];

/** Each half's ids start with its own letter: t-001 in tuning, h-001 in held-out (three digits, or four from t-1000). */
export const ID_PREFIX: Readonly<Record<Half, string>> = { tuning: 't', 'held-out': 'h' };

/** An identifying span. Offsets are JavaScript (UTF-16) string indices; `end` is exclusive. */
export const spanSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    type: z.enum(SPAN_TYPES),
  })
  .strict();
export type Span = z.infer<typeof spanSchema>;

export const corpusItemSchema = z
  .object({
    id: z.string().regex(/^[th]-(\d{3}|[1-9]\d{3})$/, 'must look like t-001 or h-001'),
    ageGroup: z.enum(AGE_GROUPS),
    question: z.string().min(1),
    text: z.string().min(1),
    concern: z.boolean(),
    categories: z.array(z.enum(CATEGORIES)),
    spans: z.array(spanSchema),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.concern !== item.categories.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'categories must be non-empty exactly when concern is true' });
    }
    if (new Set(item.categories).size !== item.categories.length) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'a category is listed twice' });
    }
    let previousEnd = 0;
    item.spans.forEach((span, i) => {
      const problem = spanProblem(item.text, span, previousEnd);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['spans', i], message: problem });
      previousEnd = Math.max(previousEnd, span.end);
    });
  });
export type CorpusItem = z.infer<typeof corpusItemSchema>;

/** Why a span is not valid in `text` after a span ending at `previousEnd` (spans are in order and do not overlap). */
export function spanProblem(text: string, span: Span, previousEnd: number): string | undefined {
  if (span.end <= span.start) return 'end must be after start';
  if (span.end > text.length) return `end ${span.end} is past the end of the text (${text.length})`;
  if (span.start < previousEnd) return 'overlaps or comes before the previous span';
  const covered = text.slice(span.start, span.end);
  if (covered.trim() === '') return 'covers only whitespace';
  if (covered !== covered.trim()) return `has leading or trailing whitespace: ${JSON.stringify(covered)}`;
  return undefined;
}

/** Parses one half's JSONL text, naming the line of the first invalid item. */
export function parseCorpus(jsonl: string, half: Half): CorpusItem[] {
  const items: CorpusItem[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new Error(`${half}.jsonl line ${i + 1}: not valid JSON`);
    }
    const parsed = corpusItemSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw new Error(`${half}.jsonl line ${i + 1}: ${issues}`);
    }
    if (!parsed.data.id.startsWith(`${ID_PREFIX[half]}-`)) {
      throw new Error(`${half}.jsonl line ${i + 1}: id ${parsed.data.id} must start with ${ID_PREFIX[half]}-`);
    }
    items.push(parsed.data);
  });
  return items;
}

/** Reads and validates one half of the corpus. Benchmarks may load `held-out`; rule writing and tuning must not. */
export function loadCorpus(half: Half): CorpusItem[] {
  return parseCorpus(readFileSync(new URL(`./${half}.jsonl`, import.meta.url), 'utf8'), half);
}

/** The text an item's span covers. */
export function spanText(item: Pick<CorpusItem, 'text'>, span: Span): string {
  return item.text.slice(span.start, span.end);
}
