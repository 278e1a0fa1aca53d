/**
 * KPIs and action targets measured by the next wave, pure: the new published figure against the
 * baseline, the change with Newcombe's interval, the findings engine's two-proportion test with the
 * false discovery rate controlled across the plan's KPIs (as the report does per family), and whether
 * the target was met. A figure the engine hid stays hidden: no value, change or test is derived from it.
 */
import { benjaminiHochberg, compareTwoProportions, newcombeDifference, type DifferenceEstimate, type ProportionCell, type TestMethod } from '../findings/index.ts';

/** How a KPI or an action's target stands. */
export type Measured =
  /** The LA's next wave of the same survey has no published report yet. */
  | { readonly state: 'awaiting' }
  /** The baseline or the new figure is hidden (too few answers), or the next wave did not ask it. */
  | { readonly state: 'hidden'; readonly reason: 'baseline_hidden' | 'new_hidden' | 'not_asked' }
  | {
      readonly state: 'measured';
      readonly value: number;
      readonly count: number;
      readonly base: number;
      /** New minus baseline, as a proportion, with its 95% interval. */
      readonly change: DifferenceEstimate;
      readonly method: TestMethod;
      readonly pValue: number;
      /** After controlling the false discovery rate across the plan's measured KPIs. */
      readonly qValue: number;
      readonly significant: boolean;
      readonly met: boolean;
    };

export interface MeasureInput {
  readonly baseline: ProportionCell;
  /** The next wave's figure: undefined when that wave is not reported yet, null when it did not ask the question. */
  readonly next: ProportionCell | null | undefined;
  readonly target: number;
  readonly better: 'higher' | 'lower';
}

/** The false discovery rate the plan's KPI tests are held to, as the report's families are. */
export const KPI_FDR = 0.05;

/** Whether a figure meets its target (small tolerance so 60% of 100 meets a 60% target despite floating point). */
export const meetsTarget = (value: number, target: number, better: 'higher' | 'lower'): boolean => (better === 'higher' ? value + 1e-9 >= target : value - 1e-9 <= target);

/** Measures each KPI (or action target) against the next wave, testing them together. */
export function measureAll(inputs: readonly MeasureInput[], fdr = KPI_FDR): Measured[] {
  const raw = inputs.map((k): Measured | { state: 'tested'; value: number; count: number; base: number; change: DifferenceEstimate; method: TestMethod; pValue: number; met: boolean } => {
    if (k.next === undefined) return { state: 'awaiting' };
    if (!k.baseline.shown) return { state: 'hidden', reason: 'baseline_hidden' };
    if (k.next === null) return { state: 'hidden', reason: 'not_asked' };
    if (!k.next.shown) return { state: 'hidden', reason: 'new_hidden' };
    const n = k.next;
    const b = k.baseline;
    const test = compareTwoProportions(n.count, n.base, b.count, b.base);
    return { state: 'tested', value: n.proportion, count: n.count, base: n.base, change: newcombeDifference(n.count, n.base, b.count, b.base), method: test.method, pValue: test.pValue, met: meetsTarget(n.proportion, k.target, k.better) };
  });
  const tested = raw.flatMap((r, i) => (r.state === 'tested' ? [i] : []));
  const q = benjaminiHochberg(tested.map((i) => (raw[i] as { pValue: number }).pValue));
  return raw.map((r, i): Measured => {
    if (r.state !== 'tested') return r;
    const qValue = q[tested.indexOf(i)] ?? 1;
    return { state: 'measured', value: r.value, count: r.count, base: r.base, change: r.change, method: r.method, pValue: r.pValue, qValue, significant: qValue <= fdr, met: r.met };
  });
}

/** The change in words: "+8 points (95% interval 1 to 15), a real change" or why there is none. */
export function changeWords(m: Measured): string {
  if (m.state === 'awaiting') return 'Waiting for the next wave’s published report';
  if (m.state === 'hidden') return m.reason === 'not_asked' ? 'Not asked in the next wave' : 'Hidden: too few young people answered to show the figure';
  const d = Math.round(m.change.estimate * 100);
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const ci = `95% interval ${Math.round(m.change.lower * 100)} to ${Math.round(m.change.upper * 100)} points`;
  return `${sign}${Math.abs(d)} point${Math.abs(d) === 1 ? '' : 's'} (${ci}): ${m.significant ? 'statistically significant' : 'not statistically significant, could be chance'}`;
}

/** Whether the target was met, in words. */
export function targetWords(m: Measured, byWave: 1 | 2 = 1): string {
  if (m.state !== 'measured') return m.state === 'awaiting' ? 'Not measured yet' : 'Cannot tell';
  if (m.met) return 'Target met';
  return byWave === 2 ? 'Not met yet (due by the wave after next)' : 'Target not met';
}
