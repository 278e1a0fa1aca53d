/**
 * The three findings sections of the young people's report: what is going well, what needs to get
 * better and how young people feel about their lives. Bright spots and areas for improvement come from
 * the engine's key findings (after false discovery rate control); where there are none, the sections
 * say plainly which answers were most and least often good, without comparing. Pure.
 */
import type { Domain, IndicatorFindings, InstrumentFindings, KeyFinding, ProportionCell } from '../../findings/index.ts';
import { AGE_GROUP } from '../report-words.ts';
import { FEELINGS, FEELINGS_ORDER, LOW, NOT_GOOD, POSITIVE, POSITIVE_CARE_LEAVERS } from './phrases.ts';
import type { IconName, Tone } from './pictures.ts';
import { AGE_WORDS, frequencySentence, type YouthGroup, type YouthItem, type YouthSection } from './youth-words.ts';

/** What the sections are built from. */
export interface SectionContext {
  readonly present: readonly InstrumentFindings[];
  readonly keys: readonly KeyFinding[];
  readonly leavers: boolean;
  /** True when the wave asked several age groups, so each sentence names its group. */
  readonly manyGroups: boolean;
  readonly minBase: number;
}

const ICON: Record<Domain, IconName> = { relationships: 'heart', rights: 'star', resilience: 'sun', recovery: 'house', wellbeing: 'smile', about_you: 'hands', comments: 'hands' };

/** A pet says little about care, so it is never picked as going well or not. */
const NOT_PICKED = new Set(['has_pet']);

const HIDDEN_NOTE = 'Not enough of you answered these questions for us to share the answers. This keeps your answers private.';

const NOTE: Record<KeyFinding['kind'], Record<KeyFinding['against'], string>> = {
  bright_spot: { national: 'This is better than for young people in care in other parts of the country.', general_population: 'This is better than for most young people your age.' },
  area_for_improvement: { national: 'This is not as good as for young people in care in other parts of the country.', general_population: 'This is not as good as for most young people your age.' },
};

type Shown = ProportionCell & { shown: true };
const isShown = (c: ProportionCell | undefined): c is Shown => c !== undefined && c.shown;
const ageWords = (ctx: SectionContext, inst: InstrumentFindings): string => (ctx.manyGroups ? AGE_WORDS[inst.instrumentId] : '');
const sameQuestion = (a: { instrumentId: string; questionId: string }, b: { instrumentId: string; questionId: string }): boolean => a.instrumentId === b.instrumentId && a.questionId === b.questionId;

/** The good answer of an indicator in words, or undefined when there is no plain way to say it. */
function goodPhrase(ctx: SectionContext, inst: InstrumentFindings, ind: IndicatorFindings): string | undefined {
  const feeling = FEELINGS[ind.indicator];
  if (feeling !== undefined) {
    const w = inst.wellbeing.find((x) => x.questionId === ind.questionId);
    const how = w === undefined ? '' : w.kind === 'faces' ? feeling.faces : feeling.ons;
    return how === '' ? feeling.phrase : `${feeling.phrase}, ${how}`;
  }
  return (ctx.leavers ? POSITIVE_CARE_LEAVERS[ind.indicator] : undefined) ?? POSITIVE[ind.indicator];
}

function item(cell: Shown, phrase: string, ctx: SectionContext, inst: InstrumentFindings, ind: IndicatorFindings, tone: Tone, note: string | null): YouthItem {
  const { text, filled } = frequencySentence(cell, phrase, ageWords(ctx, inst));
  return { text, note, filled, tone, icon: ICON[ind.domain] };
}

/** A key finding as an item: bright spots by their good answer; areas by the answer that was tested. */
function keyItem(ctx: SectionContext, kf: KeyFinding, tone: Tone): YouthItem | undefined {
  const inst = ctx.present.find((i) => i.instrumentId === kf.instrumentId);
  const ind = inst?.indicators.find((i) => i.questionId === kf.questionId);
  if (inst === undefined || ind === undefined) return undefined;
  const note = NOTE[kf.kind][kf.against];
  if (kf.kind === 'area_for_improvement' && kf.measure !== 'positive') {
    const w = inst.wellbeing.find((x) => x.questionId === kf.questionId);
    const tested =
      kf.against === 'national'
        ? w?.kind === 'ons' && kf.measure === 'low' ? w.low.la : undefined
        : ind.generalPopulation.find((g) => g.benchmark.measure === kf.measure)?.la;
    const phrase = kf.measure === 'low' ? LOW[ind.indicator] : NOT_GOOD[ind.indicator];
    if (isShown(tested) && phrase !== undefined) return item(tested, phrase, ctx, inst, ind, tone, note);
  }
  const phrase = goodPhrase(ctx, inst, ind);
  return isShown(ind.la) && phrase !== undefined ? item(ind.la, phrase, ctx, inst, ind, tone, note) : undefined;
}

/** Key findings of one kind as items, one per question. */
function keyItems(ctx: SectionContext, kind: KeyFinding['kind'], tone: Tone): { items: YouthItem[]; used: KeyFinding[] } {
  const items: YouthItem[] = [];
  const used: KeyFinding[] = [];
  for (const kf of ctx.keys.filter((k) => k.kind === kind)) {
    if (used.some((u) => sameQuestion(u, kf))) continue;
    const it = keyItem(ctx, kf, tone);
    if (it === undefined) continue;
    items.push(it);
    used.push(kf);
  }
  return { items, used };
}

interface Candidate {
  readonly inst: InstrumentFindings;
  readonly ind: IndicatorFindings;
  readonly cell: Shown;
  readonly phrase: string;
}

/** Shown indicators outside well-being (which has its own section) that no key finding names. */
function candidates(ctx: SectionContext): Candidate[] {
  return ctx.present.flatMap((inst) =>
    inst.indicators.flatMap((ind): Candidate[] => {
      const phrase = goodPhrase(ctx, inst, ind);
      if (ind.domain === 'wellbeing' || NOT_PICKED.has(ind.indicator) || !isShown(ind.la) || phrase === undefined) return [];
      if (ctx.keys.some((k) => sameQuestion(k, ind))) return [];
      return [{ inst, ind, cell: ind.la, phrase }];
    }),
  );
}

/** The first `n` candidates in order, each topic once (the same question is asked of several age groups). */
function pick(list: readonly Candidate[], n: number, taken: ReadonlySet<string>): Candidate[] {
  const seen = new Set(taken);
  const out: Candidate[] = [];
  for (const c of list) {
    if (out.length >= n) break;
    if (seen.has(c.ind.indicator)) continue;
    seen.add(c.ind.indicator);
    out.push(c);
  }
  return out;
}

const byShare = (a: Candidate, b: Candidate): number => b.cell.proportion - a.cell.proportion || b.cell.base - a.cell.base;
const indicatorsOf = (ctx: SectionContext, used: readonly KeyFinding[]): Set<string> =>
  new Set(used.flatMap((k) => ctx.present.find((i) => i.instrumentId === k.instrumentId)?.indicators.find((i) => i.questionId === k.questionId)?.indicator ?? []));

const single = (items: readonly YouthItem[]): YouthGroup[] => [{ heading: null, items, empty: null }];

/** "Things that are going well": the bright spots, then the answers most of you gave as good ones. */
export function goingWellSection(ctx: SectionContext): YouthSection {
  const bright = keyItems(ctx, 'bright_spot', 'good');
  const more = pick([...candidates(ctx)].sort(byShare), Math.max(0, 5 - bright.items.length), indicatorsOf(ctx, bright.used));
  const items = [...bright.items, ...more.map((c) => item(c.cell, c.phrase, ctx, c.inst, c.ind, 'good', null))];
  const intro =
    bright.items.length > 0
      ? ['Some things are better for you than for other young people. They come first.', 'After them come other things most of you said were good.']
      : ['Here are the good things you told us about most often.'];
  return { id: 'going-well', heading: 'Things that are going well', icon: 'sun', intro, groups: single(items), empty: items.length === 0 ? HIDDEN_NOTE : null };
}

/** "Things that need to get better": the areas for improvement, or else the answers least often good. */
export function needsWorkSection(ctx: SectionContext): YouthSection {
  const areas = keyItems(ctx, 'area_for_improvement', 'work');
  if (areas.items.length > 0) {
    return {
      id: 'get-better',
      heading: 'Things that need to get better',
      icon: 'hands',
      intro: ['Some things are harder for you than for other young people. These need to get better.'],
      groups: single(areas.items.slice(0, 6)),
      empty: null,
    };
  }
  const fewest = pick([...candidates(ctx)].sort((a, b) => -byShare(a, b)), 3, new Set());
  const items = fewest.map((c) => item(c.cell, c.phrase, ctx, c.inst, c.ind, 'work', null));
  return {
    id: 'get-better',
    heading: 'Things that need to get better',
    icon: 'hands',
    intro: ['These are the things the fewest of you said were good. They are a good place to start.'],
    groups: single(items),
    empty: items.length === 0 ? HIDDEN_NOTE : null,
  };
}

/** "How you feel about your life": the well-being items of each age group. */
export function feelingsSection(ctx: SectionContext): YouthSection {
  const groups = ctx.present.map((inst): YouthGroup => {
    const items = FEELINGS_ORDER.flatMap((key): YouthItem[] => {
      const ind = inst.indicators.find((i) => i.indicator === key);
      const phrase = ind === undefined ? undefined : goodPhrase(ctx, inst, ind);
      if (ind === undefined || phrase === undefined || !isShown(ind.la)) return [];
      return [item(ind.la, phrase, ctx, inst, ind, 'good', null)];
    }).slice(0, 4);
    const heading = ctx.manyGroups ? AGE_GROUP[inst.instrumentId] : null;
    return { heading, items, empty: items.length === 0 ? HIDDEN_NOTE : null };
  });
  const empty = groups.every((g) => g.items.length === 0) ? HIDDEN_NOTE : null;
  return {
    id: 'feelings',
    heading: 'How you feel about your life',
    icon: 'smile',
    intro: ['We asked how happy you are with your life, and how you felt yesterday.'],
    groups: empty === null ? groups : [],
    empty,
  };
}
