import { describe, expect, it } from 'vitest';
import { maxSeverity } from './categories.ts';
import { compareQueue, decisionTimes, formatDuration, highlight, parseDecisionForm, parsePeriod, percentile, type QueueKey } from './review.ts';

describe('the queue order', () => {
  const item = (commentId: string, maxSeverity: number | null, submittedAt: string): QueueKey => ({ commentId, maxSeverity, submittedAt });

  it('puts the most severe first, then the newest, with a stable tie-break', () => {
    const items = [
      item('a', 2, '2026-03-02T10:00:00.000Z'),
      item('b', 1, '2026-03-01T09:00:00.000Z'),
      item('c', 1, '2026-03-02T08:00:00.000Z'),
      item('d', 3, '2026-03-03T08:00:00.000Z'),
      item('f', 1, '2026-03-02T08:00:00.000Z'),
      item('e', null, '2026-03-04T08:00:00.000Z'),
    ];
    expect([...items].sort(compareQueue).map((i) => i.commentId)).toEqual(['c', 'f', 'b', 'a', 'd', 'e']);
  });

  it('takes the most severe category of a comment as its severity', () => {
    expect(maxSeverity(['bullying_serious', 'self_harm'])).toBe(1);
    expect(maxSeverity(['bullying_serious'])).toBe(3);
    expect(maxSeverity(['neglect', 'bullying_serious'])).toBe(2);
    expect(maxSeverity([])).toBeNull();
  });
});

describe('highlighting the matched words', () => {
  it('cuts the text into plain and marked pieces, merging overlaps, and keeps every character', () => {
    const text = 'he hits me when hes drunk and i feel scared';
    const segments = highlight(text, [
      { category: 'physical_abuse', ruleId: 'physical.hit', start: 3, end: 10 },
      { category: 'domestic_abuse', ruleId: 'domestic.drunk', start: 7, end: 25 },
      { category: 'fear_of_home', ruleId: 'fear.scared', start: 37, end: 43 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['hits me when hes drunk', 'scared']);
    expect(segments[1]?.labels).toEqual(['Physical abuse', 'Domestic abuse']);
    expect(segments[0]).toEqual({ text: 'he ', mark: false, labels: [] });
  });

  it('ignores spans outside the text (a comment emptied under retention)', () => {
    expect(highlight('', [{ category: 'self_harm', ruleId: 'x', start: 2, end: 9 }])).toEqual([]);
  });
});

describe('the decision form', () => {
  it('needs one of the three decisions and a note', () => {
    expect(parseDecisionForm({ decision: 'concern', note: '  disclose: hit by carer ' })).toEqual({ ok: true, decision: 'concern', note: 'disclose: hit by carer' });
    const bad = parseDecisionForm({ decision: 'maybe', note: '' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field)).toEqual(['decision', 'note']);
    expect(parseDecisionForm({ decision: 'urgent', note: 'x'.repeat(2001) }).ok).toBe(false);
  });
});

describe('time from submission to decision', () => {
  it('interpolates percentiles between closest ranks', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1);
  });

  it('reports the median and 90th percentile of decisions made in the period only', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 2, 2, h)).toISOString();
    const items = [
      { submittedAt: at(0), decidedAt: at(1) },
      { submittedAt: at(0), decidedAt: at(3) },
      { submittedAt: at(0), decidedAt: at(2) },
      { submittedAt: '2026-02-01T00:00:00.000Z', decidedAt: '2026-02-10T00:00:00.000Z' },
    ];
    const times = decisionTimes(items, '2026-03-01T00:00:00.000Z', '2026-03-03T00:00:00.000Z');
    expect(times.count).toBe(3);
    expect(times.medianMs).toBe(2 * 3_600_000);
    expect(times.p90Ms).toBeCloseTo(2.8 * 3_600_000);
    expect(decisionTimes(items, '2026-04-01T00:00:00.000Z', '2026-04-02T00:00:00.000Z')).toEqual({ count: 0, medianMs: null, p90Ms: null });
  });

  it('says durations in plain words', () => {
    expect(formatDuration(30_000)).toBe('under a minute');
    expect(formatDuration(60_000)).toBe('1 minute');
    expect(formatDuration(45 * 60_000)).toBe('45 minutes');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe('2 hours 5 minutes');
    expect(formatDuration(3_600_000)).toBe('1 hour');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000 + 59 * 60_000)).toBe('3 days 4 hours');
  });

  it('reads the period from the query, 28 days to today by default', () => {
    expect(parsePeriod({}, '2026-03-28')).toEqual({ ok: true, from: '2026-03-01', to: '2026-03-28', fromIso: '2026-03-01T00:00:00.000Z', toIso: '2026-03-29T00:00:00.000Z' });
    expect(parsePeriod({ from: '2026-02-01', to: '2026-02-28' }, '2026-03-28')).toMatchObject({ ok: true, toIso: '2026-03-01T00:00:00.000Z' });
    const bad = parsePeriod({ from: '2026-02-30', to: 'soon' }, '2026-03-28');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field)).toEqual(['from', 'to']);
    expect(parsePeriod({ from: '2026-03-05', to: '2026-03-01' }, '2026-03-28').ok).toBe(false);
  });
});
