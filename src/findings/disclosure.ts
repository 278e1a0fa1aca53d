/**
 * Disclosure control, applied inside the engine before any template sees a number (UK practice: ONS
 * and UK LLC suppress under 10; DfE shows "c" with secondary suppression).
 *
 * - Primary: no percentage, mean or distribution from fewer than `minBase` young people.
 * - Secondary (complementary): a breakdown is a partition of a total the report also shows, so a
 *   reader can subtract the categories shown from the total. What is left (hidden categories plus
 *   young people who did not say) must be empty or at least `minBase` strong; otherwise the next
 *   smallest category is hidden too. So no hidden figure, and no group under the threshold, can be
 *   worked out from a total or its sibling cells.
 * - A breakdown left with fewer than two categories shown is dropped.
 */
import { meanInterval } from './stats/mean.ts';
import { wilson } from './stats/wilson.ts';
import type { CountCell, DistributionCell, MeanCell, ProportionCell, Suppressed, SuppressionReason } from './types.ts';

/** A count of positive answers out of a base. */
export interface Tally {
  readonly count: number;
  readonly base: number;
}

/** The suppressed cell for a reason. */
export const suppressed = (reason: SuppressionReason): Suppressed => ({ shown: false, reason });

/** Why a base cannot be shown, or undefined when it can. */
export function baseReason(base: number, minBase: number): SuppressionReason | undefined {
  if (base === 0) return 'no_responses';
  return base < minBase ? 'small_base' : undefined;
}

/** A proportion cell: shown with its Wilson interval when the base reaches `minBase`. */
export function proportionCell(t: Tally, minBase: number, level: number): ProportionCell {
  const reason = baseReason(t.base, minBase);
  if (reason !== undefined) return suppressed(reason);
  const w = wilson(t.count, t.base, level);
  return { shown: true, count: t.count, base: t.base, proportion: w.estimate, lower: w.lower, upper: w.upper };
}

/** A mean cell: shown with its t interval when at least `minBase` (and at least two) scores exist. */
export function meanCell(values: readonly number[], minBase: number, level: number): MeanCell {
  const reason = baseReason(values.length, Math.max(2, minBase));
  if (reason !== undefined) return suppressed(reason);
  const m = meanInterval(values, level);
  return { shown: true, n: m.n, mean: m.mean, sd: m.sd, lower: m.lower, upper: m.upper };
}

/** A distribution over parts (bands, faces): shown as shares when the base reaches `minBase`. */
export function distributionCell(parts: readonly { id: string; count: number }[], minBase: number): DistributionCell {
  const base = parts.reduce((s, p) => s + p.count, 0);
  const reason = baseReason(base, minBase);
  if (reason !== undefined) return suppressed(reason);
  return { shown: true, base, parts: parts.map((p) => ({ id: p.id, count: p.count, proportion: p.count / base })) };
}

/** One category of a partition: its id and how many young people it holds. */
export interface PartitionCell {
  readonly id: string;
  readonly base: number;
}

/** Whether each category of a partition may be shown. */
export type CellStatus = { readonly shown: true } | Suppressed;

/**
 * Decides which categories of a partition of `total` may be shown: primary suppression below
 * `minBase`, then complementary suppression until the remainder a reader could compute (total minus
 * the categories shown) is 0 or at least `minBase`; categories in `forced` stay hidden for the given
 * reason. Cells must not overlap (their bases sum to at most the total).
 */
export function protectPartition(
  total: number,
  cells: readonly PartitionCell[],
  minBase: number,
  forced: ReadonlyMap<string, SuppressionReason> = new Map(),
): Map<string, CellStatus> {
  const sum = cells.reduce((s, c) => s + c.base, 0);
  if (sum > total) throw new RangeError(`partition cells (${sum}) exceed their total (${total})`);
  const status = new Map<string, CellStatus>();
  for (const c of cells) {
    const reason = forced.get(c.id) ?? baseReason(c.base, minBase);
    status.set(c.id, reason === undefined ? { shown: true } : suppressed(reason));
  }
  for (;;) {
    const shown = cells.filter((c) => status.get(c.id)?.shown === true);
    const remainder = total - shown.reduce((s, c) => s + c.base, 0);
    if (remainder === 0 || remainder >= minBase || shown.length === 0) break;
    // Hide the smallest category shown: it gives away the least and makes the remainder safe soonest.
    const smallest = shown.reduce((a, b) => (b.base < a.base ? b : a));
    status.set(smallest.id, suppressed('secondary'));
  }
  return status;
}

/**
 * Like protectPartition, and a breakdown needs at least two categories shown to say anything: with
 * fewer, every category is hidden (the shown one as `category_too_small`).
 */
export function protectBreakdown(
  total: number,
  cells: readonly PartitionCell[],
  minBase: number,
  forced: ReadonlyMap<string, SuppressionReason> = new Map(),
): Map<string, CellStatus> {
  const status = protectPartition(total, cells, minBase, forced);
  const shownCount = [...status.values()].filter((s) => s.shown).length;
  if (shownCount >= 2) return status;
  for (const [id, s] of status) if (s.shown) status.set(id, suppressed('category_too_small'));
  return status;
}

/** A count cell for a category whose status was decided by a partition rule. */
export function countCell(count: number, total: number, status: CellStatus | undefined): CountCell {
  if (status === undefined || !status.shown) return status ?? suppressed('secondary');
  return { shown: true, count, proportion: total === 0 ? 0 : count / total };
}
