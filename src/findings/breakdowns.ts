/**
 * Who responded, and indicators broken down by demographic group (age band, gender, placement type by
 * default). Demographic counts and every breakdown row go through the partition rules of
 * disclosure.ts: small categories are hidden with a second one where subtraction would reveal them,
 * and a breakdown with fewer than two categories left is dropped. Each category shown is tested
 * against the rest of the LA's young people (a figure a reader could already work out).
 */
import { ETHNICITY_GROUP_OF, type Instrument, type Question } from '../instruments/index.ts';
import { cellOf, laResponses, type ReportContext } from './context.ts';
import { countCell, protectBreakdown, protectPartition, suppressed, type CellStatus } from './disclosure.ts';
import { generalPopulationComparisons, programmeContext } from './indicators.ts';
import { reportedQuestions, tally } from './measures.ts';
import { breakdownsFor, type BreakdownGroup, type BreakdownSpec } from './options.ts';
import type { BenchmarkComparison, BenchmarkRef, ComparisonResult, CountCell, DemographicRole, ProportionCell, SuppressionReason, SurveyResponse } from './types.ts';

/** Answers to one demographic question, in categories ("not_stated" gathers skips, declines and unknown codes). */
export interface ProfileDimension {
  readonly questionId: string;
  readonly of: DemographicRole;
  readonly categories: readonly { readonly id: string; readonly respondents: CountCell }[];
}

/** Who responded to an instrument in the LA. */
export interface InstrumentProfile {
  /** A count of responses reveals no answer, so it is always shown. */
  readonly respondents: number;
  readonly dimensions: readonly ProfileDimension[];
  /** Demographics with a published comparator (e.g. disability among care leavers). */
  readonly generalPopulation: readonly (BenchmarkComparison & { readonly questionId: string })[];
  readonly programme: readonly (BenchmarkRef & { readonly questionId: string })[];
}

/** One indicator across a breakdown's categories. */
export interface BreakdownRow {
  readonly questionId: string;
  readonly key: string;
  readonly cells: readonly { readonly category: string; readonly figure: ProportionCell; readonly vsRest: ComparisonResult }[];
}

/** An indicator breakdown by one demographic question, or why it is not shown. */
export interface BreakdownFindings {
  readonly id: string;
  readonly questionId: string;
  readonly of: DemographicRole;
  readonly status: CellStatus;
  readonly categories: readonly { readonly id: string; readonly respondents: CountCell }[];
  readonly rows: readonly BreakdownRow[];
}

const NOT_STATED = 'not_stated';

/** The categories a demographic question is reported in. */
function groupsOf(ctx: ReportContext, inst: Instrument, q: Question): readonly BreakdownGroup[] {
  const spec = breakdownsFor(ctx.options, inst.id).find((b) => b.of === q.demographicOf);
  if (spec !== undefined) return spec.groups;
  if (q.demographicOf === 'ethnicity') {
    // Reports use the five high-level groups only: detailed categories would single children out.
    const byGroup = new Map<string, string[]>();
    for (const [code, group] of Object.entries(ETHNICITY_GROUP_OF)) byGroup.set(group, [...(byGroup.get(group) ?? []), code]);
    return [...byGroup].map(([id, codes]) => ({ id, codes }));
  }
  return q.scale.kind === 'choice' ? q.scale.options.map((o) => ({ id: o.code, codes: [o.code] })) : [];
}

/** The category of a response, or undefined (not stated). */
function categoryOf(groups: readonly BreakdownGroup[], q: Question, r: SurveyResponse): string | undefined {
  const a = r.answers[q.id];
  return typeof a === 'string' ? groups.find((g) => g.codes.includes(a))?.id : undefined;
}

function split(groups: readonly BreakdownGroup[], q: Question, responses: readonly SurveyResponse[]): Map<string, SurveyResponse[]> {
  const out = new Map<string, SurveyResponse[]>(groups.map((g) => [g.id, []]));
  for (const r of responses) {
    const c = categoryOf(groups, q, r);
    if (c !== undefined) out.get(c)?.push(r);
  }
  return out;
}

/** A demographic question's categories with their respondents, and which may be shown. */
interface Dimension {
  readonly bySplit: Map<string, SurveyResponse[]>;
  readonly categories: readonly { readonly id: string; readonly respondents: CountCell }[];
}

/**
 * Decides once, for "who responded" and every breakdown alike, which categories may be shown:
 * "not stated" is a category here, so tables that hide different cells can never be combined
 * to subtract a small group out.
 */
function dimension(ctx: ReportContext, inst: Instrument, q: Question, groups: readonly BreakdownGroup[]): Dimension {
  const responses = laResponses(ctx, inst);
  const total = responses.length;
  const bySplit = split(groups, q, responses);
  const parts = [...bySplit].map(([id, list]) => ({ id, base: list.length }));
  const cells = [...parts, { id: NOT_STATED, base: total - parts.reduce((s, p) => s + p.base, 0) }];
  const status = protectPartition(total, cells, ctx.options.minCategory);
  return { bySplit, categories: cells.map((c) => ({ id: c.id, respondents: countCell(c.base, total, status.get(c.id)) })) };
}

/** Who responded: every demographic question's categories plus "not stated", suppressed as a partition. */
export function instrumentProfile(ctx: ReportContext, inst: Instrument): InstrumentProfile {
  const demographics = inst.questions.filter((q) => q.demographic === true);
  return {
    respondents: laResponses(ctx, inst).length,
    dimensions: demographics.flatMap((q) =>
      q.demographicOf === undefined
        ? []
        : [{ questionId: q.id, of: q.demographicOf, categories: dimension(ctx, inst, q, groupsOf(ctx, inst, q)).categories }],
    ),
    generalPopulation: demographics.flatMap((q) => generalPopulationComparisons(ctx, inst, q).map((c) => ({ ...c, questionId: q.id }))),
    programme: demographics.flatMap((q) => programmeContext(ctx, inst, q).map((r) => ({ ...r, questionId: q.id }))),
  };
}

function breakdownRow(ctx: ReportContext, inst: Instrument, q: Question, bySplit: Map<string, SurveyResponse[]>, forced: ReadonlyMap<string, SuppressionReason>): BreakdownRow {
  const { minBase } = ctx.options;
  const total = tally(q, laResponses(ctx, inst));
  const tallies = [...bySplit].map(([id, list]) => ({ id, t: tally(q, list) }));
  const status = protectBreakdown(total.base, tallies.map((c) => ({ id: c.id, base: c.t.base })), minBase, forced);
  return {
    questionId: q.id,
    key: q.key,
    cells: tallies.map(({ id, t }) => {
      const s = status.get(id) ?? suppressed('secondary');
      if (!s.shown) return { category: id, figure: s, vsRest: { tested: false, against: 'rest_of_la', reason: s.reason } };
      const figure = cellOf(ctx, t);
      const rest = cellOf(ctx, { count: total.count - t.count, base: total.base - t.base });
      return { category: id, figure, vsRest: ctx.families.breakdowns.compareGroups('rest_of_la', figure, rest, 'higher') };
    }),
  };
}

function breakdown(ctx: ReportContext, inst: Instrument, spec: BreakdownSpec, q: Question): BreakdownFindings {
  const dim = dimension(ctx, inst, q, spec.groups);
  const categories = dim.categories.filter((c) => c.id !== NOT_STATED);
  const head = { id: spec.id, questionId: q.id, of: spec.of, categories };
  if (categories.filter((c) => c.respondents.shown).length < 2) return { ...head, status: suppressed('category_too_small'), rows: [] };
  // A category hidden among respondents stays hidden in every row, whatever its base there.
  const forced = new Map<string, SuppressionReason>(
    categories.filter((c) => !c.respondents.shown).map((c) => [c.id, 'category_too_small'] as const),
  );
  const rows = reportedQuestions(inst).map((x) => breakdownRow(ctx, inst, x, dim.bySplit, forced));
  return { ...head, status: { shown: true }, rows };
}

/** The instrument's breakdowns, one per breakdown spec whose demographic question it asks. */
export function instrumentBreakdowns(ctx: ReportContext, inst: Instrument): BreakdownFindings[] {
  return breakdownsFor(ctx.options, inst.id).flatMap((spec) => {
    const q = inst.questions.find((x) => x.demographic === true && x.demographicOf === spec.of);
    return q === undefined ? [] : [breakdown(ctx, inst, spec, q)];
  });
}
