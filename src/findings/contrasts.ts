/**
 * Comparisons within the LA: the items every YLYC version shares across the three age groups, care
 * leavers against children in care on the keys both surveys ask, and change since the LA's previous
 * wave of the same survey. Each kind is its own false-discovery family.
 */
import { SHARED_YLYC_KEYS, type Instrument, type InstrumentId } from '../instruments/index.ts';
import { cellOf, type ReportContext } from './context.ts';
import { suppressed } from './disclosure.ts';
import { reportedQuestions, tally, tallyKey, type ResponsesByInstrument } from './measures.ts';
import type { ComparisonResult, ProportionCell } from './types.ts';

/** One shared item across the YLYC age groups, with a test for every pair of groups. */
export interface AgeGroupRow {
  readonly key: string;
  readonly groups: readonly { readonly instrumentId: InstrumentId; readonly figure: ProportionCell }[];
  /** `first` minus `second`; "better" means more positive answers in `first`. */
  readonly pairs: readonly { readonly first: InstrumentId; readonly second: InstrumentId; readonly comparison: ComparisonResult }[];
}

/** Care leavers against children in care on one comparison key ("better": more positive among care leavers). */
export interface CareLeaverRow {
  readonly key: string;
  readonly careLeavers: ProportionCell;
  readonly childrenInCare: ProportionCell;
  readonly comparison: ComparisonResult;
}

export interface CareLeaverFindings {
  readonly childrenInCareInstruments: readonly InstrumentId[];
  readonly rows: readonly CareLeaverRow[];
}

/** One indicator now and at the LA's previous wave ("better": more positive now). */
export interface ChangeRow {
  readonly questionId: string;
  readonly key: string;
  readonly current: ProportionCell;
  readonly previous: ProportionCell;
  readonly comparison: ComparisonResult;
}

/** The shared YLYC items across the age groups present in the survey (the 4-7 questions, same keys). */
export function ageGroupComparison(ctx: ReportContext, ylyc: readonly Instrument[]): AgeGroupRow[] {
  const keys = SHARED_YLYC_KEYS.filter((k) => ylyc.every((inst) => inst.questions.some((q) => q.key === k && q.positive !== undefined)));
  return keys.map((key) => {
    const groups = ylyc.map((inst) => ({ instrumentId: inst.id, figure: cellOf(ctx, tallyKey(key, [inst], ctx.la)) }));
    const pairs = groups.flatMap((a, i) =>
      groups.slice(i + 1).map((b) => ({
        first: a.instrumentId,
        second: b.instrumentId,
        comparison: ctx.families.age_groups.compareGroups('age_group', a.figure, b.figure, 'higher'),
      })),
    );
    return { key, groups, pairs };
  });
}

/**
 * Care leavers against children in care on every key both ask, each young person counted with their
 * own instrument's rule; children in care are pooled over the chosen YLYC instruments.
 */
export function careLeaverComparison(
  ctx: ReportContext,
  careLeaverInstrument: Instrument,
  childrenInCare: readonly Instrument[],
  careLeavers: ResponsesByInstrument,
  children: ResponsesByInstrument,
): CareLeaverFindings {
  const keys = reportedQuestions(careLeaverInstrument)
    .map((q) => q.key)
    .filter((k) => childrenInCare.some((inst) => reportedQuestions(inst).some((q) => q.key === k)));
  const rows = keys.map((key) => {
    const cl = cellOf(ctx, tallyKey(key, [careLeaverInstrument], careLeavers));
    const cic = cellOf(ctx, tallyKey(key, childrenInCare, children));
    return { key, careLeavers: cl, childrenInCare: cic, comparison: ctx.families.care_leavers.compareGroups('children_in_care', cl, cic, 'higher') };
  });
  return { childrenInCareInstruments: childrenInCare.map((i) => i.id), rows };
}

/** Change in every indicator of an instrument since the previous wave (same question ids and rules). */
export function changeSincePrevious(ctx: ReportContext, inst: Instrument, previous: ResponsesByInstrument): ChangeRow[] {
  const before = previous.get(inst.id) ?? [];
  return reportedQuestions(inst).map((q) => {
    const current = cellOf(ctx, tally(q, ctx.la.get(inst.id) ?? []));
    const prior = before.length === 0 ? suppressed('no_responses') : cellOf(ctx, tally(q, before));
    return {
      questionId: q.id,
      key: q.key,
      current,
      previous: prior,
      comparison: ctx.families.change.compareGroups('previous_wave', current, prior, 'higher'),
    };
  });
}
