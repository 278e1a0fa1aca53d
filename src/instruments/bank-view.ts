/**
 * The printable question bank for staff, as plain view models: every word comes from the catalogue
 * through `t`, so templates only lay out what is here. Pure: no Fastify, no file access.
 */
import { scaleSummary } from './registry.ts';
import { countedItems, questionNumbers, questionsInPageOrder } from './structure.ts';
import { messageKeys, type Condition, type Instrument, type PositiveRule, type Question } from './types.ts';

/** Looks up a catalogue key in one language (the staff view is read in English). */
export type Lookup = (key: string) => string;

export interface InstrumentSummary {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly band: string;
  readonly publishedLength: number;
  readonly items: number;
  readonly questions: number;
  readonly adultQuestions: number;
  readonly pages: number;
}

export interface QuestionRow {
  readonly number: string;
  readonly id: string;
  readonly key: string;
  readonly domain: string;
  readonly indicator: string;
  readonly scaleId: string;
  readonly scaleKind: string;
  readonly options: readonly string[];
  readonly positive: string | undefined;
  readonly skip: string | undefined;
  readonly askedOf: string;
  readonly byAdult: boolean;
  readonly benchmark: string | undefined;
  readonly demographicOf: string | undefined;
  readonly text: string;
  readonly help: string | undefined;
}

export interface PageView {
  readonly id: string;
  readonly title: string;
  readonly forAdult: boolean;
  readonly rows: readonly QuestionRow[];
}

/** One line per instrument for the question bank index. */
export function summarise(instrument: Instrument, t: Lookup): InstrumentSummary {
  const adult = instrument.questions.filter((q) => q.askedOf === 'adult').length;
  return {
    id: instrument.id,
    name: t(`instrument.${instrument.id}.name`),
    version: instrument.version,
    band: `${instrument.band.min}–${instrument.band.max}`,
    publishedLength: instrument.publishedLength,
    items: countedItems(instrument).length,
    questions: instrument.questions.length,
    adultQuestions: adult,
    pages: instrument.pages.length,
  };
}

/** The label of an answer value of a question, or the value itself (scores have no labels). */
function labelOf(q: Question, value: string, t: Lookup): string {
  const option = scaleSummary(q.scale).options.find((o) => o.value === value);
  return option?.label === undefined ? value : t(option.label);
}

function describeRule(q: Question, rule: PositiveRule, t: Lookup): string {
  if (rule.type === 'range') {
    const low = rule.low === undefined ? '' : `; ${t('qb.rule.low_band')} ${rule.low.from}–${rule.low.to}`;
    return `${rule.positive.from}–${rule.positive.to}${low}`;
  }
  const good = rule.positive.map((c) => labelOf(q, c, t)).join(', ');
  const out = rule.excluded?.length ? `; ${t('qb.rule.excluded')} ${rule.excluded.map((c) => labelOf(q, c, t)).join(', ')}` : '';
  return good + out;
}

function describeCondition(c: Condition, instrument: Instrument, numbers: Map<string, string>, t: Lookup): string {
  if ('all' in c) return c.all.map((x) => describeCondition(x, instrument, numbers, t)).join(` ${t('qb.skip.and')} `);
  if ('any' in c) return c.any.map((x) => describeCondition(x, instrument, numbers, t)).join(` ${t('qb.skip.or')} `);
  if ('not' in c) return `${t('qb.skip.not')} (${describeCondition(c.not, instrument, numbers, t)})`;
  const target = instrument.questions.find((q) => q.id === c.question);
  const ref = `${t('qb.skip.question')} ${numbers.get(c.question) ?? '?'} (${c.question})`;
  if ('answered' in c) return `${ref} ${t('qb.skip.answered')}`;
  const codes = c.in.map((code) => (target === undefined ? code : labelOf(target, code, t)));
  return `${ref} ${t('qb.skip.is')} ${codes.join(` ${t('qb.skip.or')} `)}`;
}

function optionsOf(q: Question, t: Lookup): string[] {
  const s = scaleSummary(q.scale);
  if (s.maxLength !== undefined) return [`${t('qb.scale.free_text')} ${s.maxLength}`];
  // Scores list only their ends ("0 Not at all ... 10 Completely"); options are listed in full.
  const shown = s.options.filter((o) => s.kind !== 'score' || o.label !== undefined);
  return shown.map((o) => (s.kind === 'score' ? `${o.value} ${o.label ? t(o.label) : ''}`.trim() : t(o.label ?? o.value)));
}

/** The rows of the printable bank, one table per page, in the order a young person meets them. */
export function pageViews(instrument: Instrument, t: Lookup): PageView[] {
  const numbers = questionNumbers(instrument);
  const byId = new Map(questionsInPageOrder(instrument).map((q) => [q.id, q]));
  return instrument.pages.map((page) => ({
    id: page.id,
    title: t(page.title),
    forAdult: page.forAdult === true,
    rows: page.questions.flatMap((id) => {
      const q = byId.get(id);
      if (q === undefined) return [];
      const keys = messageKeys(instrument.id, q.id);
      return [
        {
          number: numbers.get(q.id) ?? '',
          id: q.id,
          key: q.key,
          domain: t(`domain.${q.domain}`),
          indicator: t(`indicator.${q.indicator}`),
          scaleId: q.scale.id,
          scaleKind: t(`qb.kind.${q.scale.kind}`),
          options: optionsOf(q, t),
          positive: q.positive === undefined ? undefined : describeRule(q, q.positive, t),
          skip: q.showIf === undefined ? undefined : describeCondition(q.showIf, instrument, numbers, t),
          askedOf: t(`qb.asked_of.${q.askedOf}`),
          byAdult: q.askedOf === 'adult',
          benchmark: q.benchmark,
          demographicOf: q.demographicOf,
          text: t(keys.text),
          help: q.hasHelp === true ? t(keys.help) : undefined,
        },
      ];
    }),
  }));
}
