import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsEntries, entriesExpireOn, entriesVisible, parseEntryForm, pickWinners, RETENTION_DAYS } from './draw.ts';

describe('drawing winners', () => {
  it('picks the number asked for, all different, all from the entries', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { maxLength: 60 }), fc.integer({ min: 0, max: 80 }), (ids, n) => {
        const winners = pickWinners(ids, n);
        expect(winners).toHaveLength(Math.min(n, ids.length));
        expect(new Set(winners).size).toBe(winners.length);
        for (const w of winners) expect(ids).toContain(w);
      }),
    );
  });

  it('uses the random source for every pick, and only it', () => {
    const calls: number[] = [];
    const winners = pickWinners(['a', 'b', 'c', 'd'], 2, (max) => {
      calls.push(max);
      return max - 1;
    });
    // Fisher-Yates from the front, each time swapping in the last of those left: [d,b,c,a] then [d,a,c,b].
    expect(calls).toEqual([4, 3]);
    expect(winners).toEqual(['d', 'a']);
  });

  it('gives every entry the same chance (crypto source, 30,000 single draws of 6 entries)', () => {
    const counts = new Map<string, number>();
    const entries = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let i = 0; i < 30_000; i++) {
      const [w] = pickWinners(entries, 1);
      counts.set(w!, (counts.get(w!) ?? 0) + 1);
    }
    // Expected 5,000 each; a fair source lands within +-5% (about 7 standard deviations) every time.
    for (const e of entries) expect(Math.abs((counts.get(e) ?? 0) - 5000)).toBeLessThan(250);
  });

  it('does not favour entries by their position when drawing several', () => {
    const firstPlace = new Array<number>(5).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const winners = pickWinners([0, 1, 2, 3, 4], 3);
      for (const w of winners) firstPlace[w] = (firstPlace[w] ?? 0) + 1;
    }
    // Each entry should win 3/5 of the time: 12,000.
    for (const n of firstPlace) expect(Math.abs(n - 12_000)).toBeLessThan(400);
  });
});

describe('entering', () => {
  it('takes a first name and one way to reach the winner', () => {
    expect(parseEntryForm({ firstName: ' Zoë  Anne ', contactMethod: 'phone', contact: '07700 900 982' })).toEqual({ ok: true, entry: { firstName: 'Zoë Anne', contactMethod: 'phone', contact: '07700 900 982' } });
    expect(parseEntryForm({ firstName: "D'Arcy-Lee", contactMethod: 'adult', contact: 'Ms Okafor, leaving care team' }).ok).toBe(true);
    expect(parseEntryForm({ firstName: 'Sam', contactMethod: 'email', contact: 'sam@example.com' }).ok).toBe(true);
  });

  it('says what is wrong, with a key a young person reads in their language', () => {
    const keys = (b: Record<string, unknown>) => {
      const r = parseEntryForm(b);
      return r.ok ? [] : r.errors.map((e) => e.key);
    };
    expect(keys({})).toEqual(['prize.error.first_name.missing', 'prize.error.method.missing']);
    expect(keys({ firstName: 'R2D2', contactMethod: 'email', contact: 'nope' })).toEqual(['prize.error.first_name.invalid', 'prize.error.contact.invalid.email']);
    expect(keys({ firstName: 'A'.repeat(41), contactMethod: 'phone', contact: '12' })).toEqual(['prize.error.first_name.long', 'prize.error.contact.invalid.phone']);
    expect(keys({ firstName: 'Jo', contactMethod: 'adult', contact: '' })).toEqual(['prize.error.contact.missing.adult']);
    expect(keys({ firstName: 'Jo', contactMethod: 'post', contact: 'x'.repeat(121) })).toEqual(['prize.error.method.missing', 'prize.error.contact.long']);
  });
});

describe('when entries exist and can be seen', () => {
  const wave = (status: 'planned' | 'open' | 'closed' | 'reported', prizeDraw = true) => ({ status, prizeDraw, closedAt: '2026-05-01T16:30:00.000Z', closesOn: '2026-04-30' });

  it('takes entries only while an open wave offers a draw', () => {
    expect(acceptsEntries(wave('open'))).toBe(true);
    expect(acceptsEntries(wave('open', false))).toBe(false);
    expect(acceptsEntries(wave('planned'))).toBe(false);
    expect(acceptsEntries(wave('closed'))).toBe(false);
  });

  it('shows entries only after fieldwork, and deletes undrawn ones a set time after closing', () => {
    expect(entriesVisible(wave('open'))).toBe(false);
    expect(entriesVisible(wave('closed'))).toBe(true);
    expect(entriesExpireOn(wave('open'))).toBeNull();
    expect(entriesExpireOn(wave('closed'))).toBe('2026-07-30');
    expect(RETENTION_DAYS).toBe(90);
    expect(entriesExpireOn({ status: 'reported', closedAt: null, closesOn: '2026-04-30' })).toBe('2026-07-29');
  });
});
