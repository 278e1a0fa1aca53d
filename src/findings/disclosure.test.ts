/** Disclosure control: nothing shown from fewer than the threshold, and nothing hidden can be subtracted out. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionCell, meanCell, proportionCell, protectBreakdown, protectPartition, type PartitionCell } from './disclosure.ts';

/** A partition: category sizes (some tiny) and a "not stated" remainder, with a threshold. */
const partition = fc.record({
  cells: fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 200 })), { minLength: 1, maxLength: 8 }),
  notStated: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 15 })),
  threshold: fc.integer({ min: 1, max: 15 }),
  forcedIndex: fc.option(fc.nat(7), { nil: undefined }),
});

const cellsOf = (bases: readonly number[]): PartitionCell[] => bases.map((base, i) => ({ id: `c${i}`, base }));

describe('protectPartition', () => {
  it('never shows a cell under the threshold, and never leaves a remainder a small group could be read from', () => {
    fc.assert(
      fc.property(partition, ({ cells: bases, notStated, threshold, forcedIndex }) => {
        const cells = cellsOf(bases);
        const total = bases.reduce((s, b) => s + b, 0) + notStated;
        const forced = new Map(forcedIndex !== undefined && forcedIndex < cells.length ? [[`c${forcedIndex}`, 'category_too_small' as const]] : []);
        const status = protectPartition(total, cells, threshold, forced);
        const shown = cells.filter((c) => status.get(c.id)?.shown === true);
        for (const c of shown) expect(c.base).toBeGreaterThanOrEqual(threshold);
        for (const id of forced.keys()) expect(status.get(id)?.shown).toBe(false);
        const remainder = total - shown.reduce((s, c) => s + c.base, 0);
        // A total under the threshold is itself never shown, so nothing can be subtracted from it.
        expect(remainder === 0 || remainder >= threshold || total < threshold).toBe(true);
        // No hidden small cell equals total minus the shown cells (the subtraction a reader can do).
        const hidden = cells.filter((c) => status.get(c.id)?.shown !== true);
        for (const h of hidden) {
          if (h.base > 0 && h.base < threshold && total >= threshold) expect(remainder).not.toBe(h.base);
        }
      }),
    );
  });

  it('hides the next smallest category when one alone would be subtracted out', () => {
    const status = protectPartition(50, cellsOf([30, 17, 3]), 10);
    expect(status.get('c0')).toEqual({ shown: true });
    expect(status.get('c1')).toEqual({ shown: false, reason: 'secondary' });
    expect(status.get('c2')).toEqual({ shown: false, reason: 'small_base' });
  });

  it('needs no second hidden cell when the remainder is already large', () => {
    const status = protectPartition(80, cellsOf([30, 17, 3]), 10);
    expect(status.get('c1')).toEqual({ shown: true });
    expect(status.get('c2')).toEqual({ shown: false, reason: 'small_base' });
  });

  it('marks an empty category as having no responses', () => {
    expect(protectPartition(40, cellsOf([40, 0]), 10).get('c1')).toEqual({ shown: false, reason: 'no_responses' });
  });

  it('refuses cells that add up to more than their total', () => {
    expect(() => protectPartition(10, cellsOf([8, 8]), 5)).toThrow(RangeError);
  });
});

describe('protectBreakdown', () => {
  it('shows two categories or none', () => {
    fc.assert(
      fc.property(partition, ({ cells: bases, notStated, threshold }) => {
        const total = bases.reduce((s, b) => s + b, 0) + notStated;
        const status = protectBreakdown(total, cellsOf(bases), threshold);
        const shown = [...status.values()].filter((s) => s.shown).length;
        expect(shown === 0 || shown >= 2).toBe(true);
      }),
    );
  });

  it('drops a breakdown left with one category', () => {
    const status = protectBreakdown(50, cellsOf([30, 17, 3]), 10);
    expect(status.get('c0')).toEqual({ shown: false, reason: 'category_too_small' });
  });
});

describe('cells', () => {
  it('shows no percentage, mean or distribution from fewer than the threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 20 }), (n, minBase) => {
        const p = proportionCell({ count: Math.floor(n / 2), base: n }, minBase, 0.95);
        const m = meanCell(Array.from({ length: n }, (_, i) => i % 11), minBase, 0.95);
        const d = distributionCell([{ id: 'a', count: n }], minBase);
        for (const cell of [p, m, d]) expect(cell.shown).toBe(n >= Math.max(minBase, cell === m ? 2 : 1));
      }),
    );
  });

  it('says why a cell is hidden', () => {
    expect(proportionCell({ count: 0, base: 0 }, 10, 0.95)).toEqual({ shown: false, reason: 'no_responses' });
    expect(proportionCell({ count: 9, base: 9 }, 10, 0.95)).toEqual({ shown: false, reason: 'small_base' });
    expect(proportionCell({ count: 9, base: 10 }, 10, 0.95)).toMatchObject({ shown: true, count: 9, base: 10, proportion: 0.9 });
  });
});
