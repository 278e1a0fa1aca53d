/**
 * Comparisons and the false discovery rate. Every comparison of a report joins a family (other LAs,
 * the general population, breakdowns, age groups, care leavers against children in care, change
 * since the last wave); once all are made, `resolve` adjusts each family's p-values by
 * Benjamini-Hochberg and only then decides verdicts, so a report with fifty indicators does not
 * invent bright spots by chance.
 */
import type { Better } from './benchmarks.ts';
import { differenceFromFigure, newcombeDifference, type DifferenceEstimate } from './stats/difference.ts';
import { benjaminiHochberg } from './stats/fdr.ts';
import { binomialExact, compareTwoProportions, type TestOutcome } from './stats/tests.ts';
import type { Comparison, ComparisonResult, ComparisonTarget, FamilyId, NotTested, ProportionCell, SuppressionReason, Verdict } from './types.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Test settings shared by every comparison of a report. */
export interface TestSettings {
  readonly level: number;
  /** Fisher's exact test replaces the z-test when any expected cell is below this. */
  readonly fisherBelowExpected: number;
  /** The false discovery rate controlled within each family. */
  readonly fdr: number;
}

/** A family of comparisons whose q-values are adjusted together. */
export interface Family {
  readonly id: FamilyId;
  /** Tests group a (e.g. the LA) against group b (e.g. other LAs); the difference is a - b. */
  compareGroups(against: ComparisonTarget, a: ProportionCell, b: ProportionCell, better: Better): ComparisonResult;
  /** Tests a group against a published proportion (0-1) with the exact binomial test. */
  compareFigure(against: ComparisonTarget, a: ProportionCell, figure: number, better: Better): ComparisonResult;
  /** Adjusts the family's p-values and sets q-values, significance and verdicts. Call once, last. */
  resolve(): void;
}

/** The verdict for a difference, its significance and which way is better. */
export function verdictOf(significant: boolean, difference: number, better: Better): Verdict {
  if (!significant || difference === 0) return 'no_difference';
  const up = difference > 0;
  if (better === 'neither') return up ? 'higher' : 'lower';
  return up === (better === 'higher') ? 'better' : 'worse';
}

const notTested = (against: ComparisonTarget, reason: SuppressionReason): NotTested => ({ tested: false, against, reason });

/** Creates an empty family. */
export function createFamily(id: FamilyId, settings: TestSettings): Family {
  const members: { comparison: Mutable<Comparison>; better: Better }[] = [];
  let resolved = false;

  const add = (against: ComparisonTarget, outcome: TestOutcome, difference: DifferenceEstimate, better: Better): Comparison => {
    if (resolved) throw new Error(`family ${id} is already resolved`);
    const comparison: Mutable<Comparison> = {
      tested: true,
      against,
      family: id,
      method: outcome.method,
      pValue: outcome.pValue,
      qValue: outcome.pValue,
      significant: false,
      verdict: 'no_difference',
      difference,
    };
    if (outcome.statistic !== undefined) comparison.statistic = outcome.statistic;
    members.push({ comparison, better });
    return comparison;
  };

  return {
    id,
    compareGroups(against, a, b, better) {
      if (!a.shown) return notTested(against, a.reason);
      if (!b.shown) return notTested(against, b.reason);
      const outcome = compareTwoProportions(a.count, a.base, b.count, b.base, settings.fisherBelowExpected);
      return add(against, outcome, newcombeDifference(a.count, a.base, b.count, b.base, settings.level), better);
    },
    compareFigure(against, a, figure, better) {
      if (!a.shown) return notTested(against, a.reason);
      const outcome = binomialExact(a.count, a.base, figure);
      return add(against, outcome, differenceFromFigure(a.count, a.base, figure, settings.level), better);
    },
    resolve() {
      if (resolved) return;
      resolved = true;
      const q = benjaminiHochberg(members.map((m) => m.comparison.pValue));
      members.forEach((m, i) => {
        const c = m.comparison;
        c.qValue = Math.max(q[i] ?? 1, c.pValue);
        c.significant = c.qValue <= settings.fdr;
        c.verdict = verdictOf(c.significant, c.difference.estimate, m.better);
      });
    },
  };
}

/** The report's families, one per kind of comparison. */
export type Families = Readonly<Record<FamilyId, Family>>;

/** Creates every family of a report. */
export function createFamilies(settings: TestSettings): Families {
  return {
    national: createFamily('national', settings),
    general_population: createFamily('general_population', settings),
    breakdowns: createFamily('breakdowns', settings),
    age_groups: createFamily('age_groups', settings),
    care_leavers: createFamily('care_leavers', settings),
    change: createFamily('change', settings),
  };
}

/** Resolves every family (after all comparisons of the report exist). */
export function resolveFamilies(families: Families): void {
  for (const f of Object.values(families)) f.resolve();
}
