import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandDisplay, countText, ruleText, showRate, type Audience, type BandFigures } from './disclosure.ts';

const bands: BandFigures[] = [
  { key: 'ylyc-4-7', responses: 3, eligible: 40 },
  { key: 'ylyc-8-11', responses: 25, eligible: 120 },
  { key: 'ylyc-11-17', responses: 12, eligible: 8 },
];

describe('bandDisplay', () => {
  it("shows an LA's own staff every count, even small ones", () => {
    const d = bandDisplay(bands, 'own_la');
    expect(d.map((b) => b.responses)).toEqual([
      { shown: true, value: 3 },
      { shown: true, value: 25 },
      { shown: true, value: 12 },
    ]);
    expect(d[0]?.rate).toBeCloseTo(3 / 40);
  });

  it('never shows a rate when fewer than 10 are eligible, to anyone', () => {
    for (const audience of ['own_la', 'programme', 'email'] as const) expect(bandDisplay(bands, audience)[2]?.rate).toBeNull();
  });

  it.each(['programme', 'email'] as const)('for %s, hides counts under 10 and one more so the hidden one cannot be subtracted', (audience) => {
    const d = bandDisplay(bands, audience);
    expect(d[0]?.responses).toEqual({ shown: false, reason: 'fewer_than_threshold' });
    // 12 is the smallest shown band: hidden too, so 40 - 25 leaves only their sum.
    expect(d[2]?.responses).toEqual({ shown: false, reason: 'secondary' });
    expect(d[1]?.responses).toEqual({ shown: true, value: 25 });
    expect(d.map((b) => b.rate)).toEqual([null, 25 / 120, null]);
  });

  it('needs no secondary hiding when two or more bands are already hidden', () => {
    const d = bandDisplay([{ key: 'a', responses: 2, eligible: 50 }, { key: 'b', responses: 0, eligible: 50 }, { key: 'c', responses: 30, eligible: 50 }], 'email');
    expect(d.map((b) => b.responses.shown)).toEqual([false, false, true]);
  });

  it('a single band is the total, not a breakdown', () => {
    expect(bandDisplay([{ key: 'ylbc-16-25', responses: 4, eligible: 60 }], 'email')[0]?.responses).toEqual({ shown: true, value: 4 });
  });

  it('outside the LA, no shown count is under 10 and never exactly one band is hidden', () => {
    const band = fc.record({ key: fc.string(), responses: fc.nat({ max: 40 }), eligible: fc.nat({ max: 200 }) });
    fc.assert(
      fc.property(fc.array(band, { minLength: 2, maxLength: 5 }), fc.constantFrom<Audience>('programme', 'email'), (bs, audience) => {
        const d = bandDisplay(bs, audience);
        for (const b of d) if (b.responses.shown) expect(b.responses.value).toBeGreaterThanOrEqual(10);
        expect(d.filter((b) => !b.responses.shown).length).not.toBe(1);
        for (const b of d) if (b.rate !== null) expect(b.eligible).toBeGreaterThanOrEqual(10);
      }),
    );
  });
});

describe('wording', () => {
  it('says "fewer than 10" for a hidden count and explains the rule per audience', () => {
    expect(countText({ shown: false, reason: 'secondary' })).toBe('fewer than 10');
    expect(countText({ shown: true, value: 4 })).toBe('4');
    expect(showRate({ shown: true, value: 4 }, 9)).toBeNull();
    expect(ruleText('own_la')).toMatch(/never what anyone answered/);
    expect(ruleText('programme')).toMatch(/fewer than 10/);
  });
});
