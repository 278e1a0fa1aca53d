/**
 * Benjamini-Hochberg control of the false discovery rate (Benjamini and Hochberg 1995, JRSS B 57:289).
 * A report tests every indicator; at 50 indicators about 2.5 would look "significant" at p < 0.05 by
 * chance alone, so findings are declared on BH-adjusted values (q-values) instead.
 */

/**
 * BH-adjusted p-values in the input order: q_(i) = min over j >= i of (m / j) p_(j), capped at 1.
 * A finding is significant at false discovery rate alpha exactly when its q-value is <= alpha.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must be in [0, 1], got ${p}`);
  }
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const q = new Array<number>(m).fill(1);
  let running = 1;
  // Walk from the largest p down so each q is the minimum over the ranks at or above it.
  for (let rank = m; rank >= 1; rank--) {
    const entry = order[rank - 1];
    if (entry === undefined) continue;
    running = Math.min(running, (m / rank) * entry.p);
    q[entry.i] = running;
  }
  return q;
}
