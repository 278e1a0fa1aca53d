/**
 * The feedback-session deck as words and rows, slide by slide, before any drawing: the title, who
 * took part, the key findings overview, one slide per finding, well-being, the action grid and how
 * the figures were worked out. Pure; every figure comes from the findings engine as shown or hidden.
 */
import type { ComparisonResult, ProportionCell, SuppressionReason } from '../../findings/index.ts';
import { participation, type Report } from '../report.ts';
import { AGE_GROUP, pct } from '../report-words.ts';
import { versionLabel } from '../versions.ts';
import { findingSlides, type FindingSlide } from './finding-slides.ts';

type Label = (key: string) => string;

/** A row of a table slide: its cells as text. */
export type Row = readonly string[];

export interface DeckContent {
  /** "Bright Spots – <LA> – <survey> <year>", on every slide. */
  readonly footer: string;
  readonly cover: { readonly title: string; readonly la: string; readonly subtitle: string; readonly lines: readonly string[] };
  readonly participation: { readonly header: Row; readonly rows: readonly Row[]; readonly lines: readonly string[] };
  readonly overview: { readonly brightSpots: readonly string[]; readonly improvements: readonly string[]; readonly none: string | null; readonly note: string | null };
  readonly findings: readonly FindingSlide[];
  readonly wellbeing: { readonly header: Row; readonly rows: readonly Row[]; readonly note: string };
  readonly action: { readonly columns: readonly string[]; readonly intro: string };
  readonly method: { readonly title: string; readonly paragraph: string; readonly thanks: string };
}

/** The slides that every deck has, whatever the findings: cover, who took part, overview, well-being, action, method. */
export const FIXED_SLIDES = 6;

const SURVEY_NAME = { ylyc: 'Your Life, Your Care', ylbc: 'Your Life Beyond Care' } as const;

const day = (iso: string): string => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const count = (n: number): string => n.toLocaleString('en-GB');

/** A hidden figure in a table cell, in a few words. */
function shortReason(reason: SuppressionReason, minBase: number): string {
  switch (reason) {
    case 'no_responses':
      return 'No answers';
    case 'small_base':
      return `Under ${minBase} answered`;
    case 'secondary':
    case 'category_too_small':
      return 'Hidden for privacy';
    case 'too_few_authorities':
      return 'Too few LAs';
  }
}

const cellText = (c: ProportionCell, minBase: number): string => (c.shown ? pct(c.proportion) : shortReason(c.reason, minBase));

/** A verdict in a word or two, for a narrow column. */
function shortVerdict(c: ComparisonResult): string {
  if (!c.tested) return 'Not compared';
  return c.verdict === 'no_difference' ? 'No difference' : c.verdict.charAt(0).toUpperCase() + c.verdict.slice(1);
}

function wellbeingRows(report: Report, label: Label): Row[] {
  const { findings, wave } = report;
  const minBase = findings.options.minBase;
  return findings.instruments
    .filter((i) => wave.instruments.includes(i.instrumentId))
    .flatMap((inst) =>
      inst.wellbeing.map((w): Row => {
        const ind = inst.indicators.find((i) => i.questionId === w.questionId);
        const name = ind === undefined ? w.key.replaceAll('_', ' ') : label(`indicator.${ind.indicator}`);
        // The age group is printed once, on its first row.
        const group = w === inst.wellbeing[0] ? AGE_GROUP[inst.instrumentId] : '';
        if (w.kind === 'faces') return [group, `${name}: two happiest faces`, cellText(w.la.twoHappiest, minBase), cellText(w.national.twoHappiest, minBase), '–'];
        const measure = w.bands === 'ons_anxiety' ? 'high anxiety (6-10)' : 'low (0-4)';
        return [group, `${name}: ${measure}`, cellText(w.low.la, minBase), cellText(w.low.national, minBase), shortVerdict(w.low.vsNational)];
      }),
    );
}

/** Everything the deck says, in slide order. */
export function deckContent(report: Report, label: Label): DeckContent {
  const { wave, la, findings } = report;
  const survey = SURVEY_NAME[wave.survey];
  const year = wave.opensOn.slice(0, 4);
  const minBase = findings.options.minBase;
  const rows = participation(report);
  const total = rows.at(-1);
  const responses = total?.responses ?? 0;
  const who = wave.survey === 'ylyc' ? 'children and young people in care' : 'care leavers';
  const slides = findingSlides(findings, label);
  const comparator = findings.comparator;

  const headlines = (kind: FindingSlide['kind']): string[] => slides.filter((s) => s.kind === kind).map((s) => s.title);
  const none = slides.length === 0
    ? 'No indicator was significantly better or worse than the comparison groups this time, after controlling for false discoveries. The figures are in the report: use this session to talk about what matters most to young people here.'
    : null;

  return {
    footer: `Bright Spots – ${la.name} – ${survey} ${year}`,
    cover: {
      title: 'What young people told us',
      la: la.name,
      subtitle: `${survey} ${year}: feedback session`,
      lines: [`Fieldwork ${day(wave.opensOn)} to ${day(wave.closesOn)}.`, `${count(responses)} ${who} took part.`, `${versionLabel(report.version)}.`],
    },
    participation: {
      header: ['Age group', 'Eligible', 'Took part', 'Response rate', `Target (${pct(wave.targetRate)})`],
      rows: rows.map((r) => [r.group, count(r.eligible), count(r.responses), r.rate === null ? 'Not known' : pct(r.rate), r.rate === null ? '–' : r.meetsTarget ? 'Met' : 'Below']),
      lines: [
        `Percentages are only shown for groups where at least ${minBase} young people answered.`,
        ...rows.filter((r) => r.instrumentId !== 'total' && r.margin === null).map((r) => `${r.group}: fewer than ${minBase} took part, so their figures are not shown.`),
      ],
    },
    overview: {
      brightSpots: headlines('bright_spot'),
      improvements: headlines('area_for_improvement'),
      none,
      note: comparator.usable ? null : `Not compared with other local authorities this time: fewer than ${findings.options.minComparatorAuthorities} others have surveyed recently.`,
    },
    findings: slides,
    wellbeing: {
      header: ['Age group', 'Well-being measure', 'Here', 'Other LAs', 'Compared'],
      rows: wellbeingRows(report, label),
      note: 'Low: the share scoring 0 to 4 out of 10 (for anxiety, 6 to 10), where lower is better. Faces: the share choosing one of the two happiest faces, where higher is better.',
    },
    action: {
      columns: ['What we heard', 'What we will do', 'Who and by when'],
      intro: 'Fill this in together: one row for each finding the group wants to act on.',
    },
    method: {
      title: 'How we worked this out',
      paragraph:
        `Each figure is the share of ${who} who gave the good answer, out of those who answered the question. ` +
        (comparator.usable
          ? `We compared ${la.name} with ${count(comparator.respondents)} young people in ${comparator.authorities} other local authorities whose surveys closed in the last ${report.comparatorMonths} months, and with published figures for the general population. `
          : 'We compared the figures with published figures for the general population (too few other local authorities had surveyed to compare with them). ') +
        'Every comparison is tested statistically, and false discoveries are controlled across each set of comparisons (Benjamini-Hochberg), so a bright spot or an area for improvement is unlikely to be down to chance. ' +
        `To protect young people's privacy, no percentage is shown for fewer than ${minBase} young people, nor any figure that would let a hidden one be worked out.`,
      thanks: `Thank you to the ${count(responses)} ${wave.survey === 'ylyc' ? 'children and young people' : 'care leavers'} who told us about their lives.`,
    },
  };
}
