import { describe, expect, it } from 'vitest';
import {
  AGE_GROUPS,
  CATEGORIES,
  HALVES,
  SPAN_TYPES,
  corpusItemSchema,
  loadCorpus,
  parseCorpus,
  spanText,
  type CorpusItem,
  type Half,
} from './corpus.ts';

const halves: Record<Half, CorpusItem[]> = { tuning: loadCorpus('tuning'), 'held-out': loadCorpus('held-out') };
const all = [...halves.tuning, ...halves['held-out']];
const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const count = <T extends string>(values: T[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<T, number>());

describe('safeguarding corpus', () => {
  it('parses both halves with the schema', () => {
    for (const half of HALVES) {
      expect(halves[half].length, half).toBeGreaterThan(0);
      for (const item of halves[half]) expect(corpusItemSchema.safeParse(item).success, item.id).toBe(true);
    }
  });

  it('gives every item a unique id, prefixed by its half', () => {
    const ids = all.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(halves.tuning.every((i) => i.id.startsWith('t-'))).toBe(true);
    expect(halves['held-out'].every((i) => i.id.startsWith('h-'))).toBe(true);
  });

  it('keeps every span inside its text, in order, non-overlapping, non-empty and without surrounding spaces', () => {
    for (const item of all) {
      let previousEnd = 0;
      for (const span of item.spans) {
        expect(span.start, item.id).toBeGreaterThanOrEqual(previousEnd);
        expect(span.end, item.id).toBeGreaterThan(span.start);
        expect(span.end, item.id).toBeLessThanOrEqual(item.text.length);
        const covered = spanText(item, span);
        expect(covered.trim(), item.id).not.toBe('');
        expect(covered, item.id).toBe(covered.trim());
        previousEnd = span.end;
      }
    }
  });

  it('lists categories exactly when the item is a concern, each at most once', () => {
    for (const item of all) {
      expect(item.categories.length > 0, item.id).toBe(item.concern);
      expect(new Set(item.categories).size, item.id).toBe(item.categories.length);
    }
  });

  it('uses a short question id for every item', () => {
    for (const item of all) expect(item.question, item.id).toMatch(/^[a-z][a-z_]*$/);
  });

  describe.each(HALVES)('the %s half', (half) => {
    const items = halves[half];

    it('has at least 150 items and at least 25 in every age group', () => {
      expect(items.length).toBeGreaterThanOrEqual(150);
      const byAge = count(items.map((i) => i.ageGroup));
      for (const age of AGE_GROUPS) expect(byAge.get(age) ?? 0, age).toBeGreaterThanOrEqual(25);
    });

    it('has every category on at least 2 items and every span type on at least 3 spans', () => {
      const byCategory = count(items.flatMap((i) => i.categories));
      for (const c of CATEGORIES) expect(byCategory.get(c) ?? 0, c).toBeGreaterThanOrEqual(2);
      const byType = count(items.flatMap((i) => i.spans.map((s) => s.type)));
      for (const t of SPAN_TYPES) expect(byType.get(t) ?? 0, t).toBeGreaterThanOrEqual(3);
    });

    it('mixes concerns and benign comments, with identifying details in both', () => {
      const concerns = items.filter((i) => i.concern);
      expect(concerns.length / items.length).toBeGreaterThanOrEqual(0.3);
      expect(concerns.length / items.length).toBeLessThanOrEqual(0.45);
      expect(items.filter((i) => i.spans.length > 0).length / items.length).toBeGreaterThanOrEqual(0.25);
      expect(concerns.some((i) => i.spans.length > 0)).toBe(true);
      expect(items.some((i) => !i.concern && i.spans.length > 0)).toBe(true);
      for (const age of AGE_GROUPS) {
        expect(items.some((i) => i.ageGroup === age && i.concern), age).toBe(true);
        expect(items.some((i) => i.ageGroup === age && !i.concern), age).toBe(true);
      }
    });

    it('has no text twice', () => {
      const texts = items.map((i) => normalise(i.text));
      expect(new Set(texts).size).toBe(texts.length);
    });
  });

  it('shares no text between the halves', () => {
    const tuning = new Set(halves.tuning.map((i) => normalise(i.text)));
    expect(halves['held-out'].filter((i) => tuning.has(normalise(i.text))).map((i) => i.id)).toEqual([]);
  });

  it('shares no identifying value (name, place, number...) between the halves', () => {
    const values = (items: CorpusItem[]) => items.flatMap((i) => i.spans.map((s) => normalise(spanText(i, s))));
    const tuning = new Set(values(halves.tuning));
    expect(values(halves['held-out']).filter((v) => tuning.has(v))).toEqual([]);
  });
});

describe('the corpus schema', () => {
  const good = { id: 't-999', ageGroup: '8-11', question: 'anything_else', text: 'my carer Jo is kind', concern: false, categories: [], spans: [{ start: 9, end: 11, type: 'name' }] };
  const line = (o: object) => JSON.stringify(o);

  it('accepts a well-formed item', () => {
    expect(parseCorpus(line(good), 'tuning')).toHaveLength(1);
  });

  it.each([
    ['a span past the end of the text', { spans: [{ start: 15, end: 40, type: 'name' }] }],
    ['overlapping spans', { spans: [{ start: 9, end: 11, type: 'name' }, { start: 10, end: 14, type: 'name' }] }],
    ['a span with a trailing space', { spans: [{ start: 9, end: 12, type: 'name' }] }],
    ['an empty span', { spans: [{ start: 9, end: 9, type: 'name' }] }],
    ['an unknown span type', { spans: [{ start: 9, end: 11, type: 'nickname' }] }],
    ['a concern without categories', { concern: true }],
    ['categories on a benign item', { categories: ['neglect'] }],
    ['an unknown category', { concern: true, categories: ['sadness'] }],
    ['an unknown age group', { ageGroup: '12-15' }],
    ['an extra field', { note: 'x' }],
  ])('rejects %s', (_label, change) => {
    expect(() => parseCorpus(line({ ...good, ...change }), 'tuning')).toThrow(/tuning\.jsonl line 1/);
  });

  it('accepts four-digit ids from t-1000 but no zero-padded ones', () => {
    expect(parseCorpus(line({ ...good, id: 't-1048' }), 'tuning')).toHaveLength(1);
    expect(() => parseCorpus(line({ ...good, id: 't-0999' }), 'tuning')).toThrow(/must look like t-001/);
  });

  it('rejects an id from the other half', () => {
    expect(() => parseCorpus(line(good), 'held-out')).toThrow(/must start with h-/);
  });
});
