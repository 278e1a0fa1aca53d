/**
 * "What you told us": the young people's version of a wave's report, as words and pictures. Built
 * from the same Report as the LA's version and only from figures the findings engine shows; every
 * share is said as a natural frequency ("about 7 in every 10 of you") rounded from the shown
 * percentage, with no statistical words. Pure: the HTML and the PDF only lay it out.
 */
import type { InstrumentFindings, KeyFinding } from '../../findings/index.ts';
import type { Report } from '../report.ts';
import { YOUTH_QUOTE_LENGTH, YOUTH_QUOTES } from '../quotes.ts';
import { feelingsSection, goingWellSection, needsWorkSection } from './youth-findings.ts';
import type { YouthSection } from './youth-words.ts';

export { naturalFrequency, frequencySentence, type YouthItem, type YouthGroup, type YouthSection } from './youth-words.ts';

export interface YouthReport {
  readonly title: string;
  readonly laName: string;
  /** e.g. "Your Life, Your Care survey 2025". */
  readonly survey: string;
  readonly audience: string;
  readonly coverAlt: string;
  readonly thanks: { readonly heading: string; readonly paragraphs: readonly string[] };
  readonly findings: readonly YouthSection[];
  /** A few comments a reviewer approved for quoting (redacted), or null when the report quotes none. */
  readonly quotes: { readonly heading: string; readonly intro: readonly string[]; readonly items: readonly string[] } | null;
  readonly promises: { readonly heading: string; readonly paragraphs: readonly string[]; readonly prompts: readonly string[] };
  readonly help: { readonly heading: string; readonly intro: string; readonly items: readonly string[]; readonly urgent: string };
  readonly privacy: string;
}

type Label = (key: string) => string;

const AGE_PLAIN: Record<InstrumentFindings['instrumentId'], string> = {
  'ylyc-4-7': 'aged 4 to 7',
  'ylyc-8-11': 'aged 8 to 11',
  'ylyc-11-17': 'aged 11 to 17',
  'ylbc-16-25': 'aged 16 to 25',
  'ylyc-8-11-er': 'aged 8 to 11',
};

/** "20, 56 and 70" style lists. */
export function listWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

/** The instruments of the wave, in its order, with what each found. */
export function presentInstruments(report: Report): InstrumentFindings[] {
  return report.wave.instruments.flatMap((id) => report.findings.instruments.filter((i) => i.instrumentId === id));
}

function thanks(report: Report, present: readonly InstrumentFindings[]): YouthReport['thanks'] {
  const total = present.reduce((a, i) => a + i.profile.respondents, 0);
  const la = report.la.name;
  const paragraphs = [`Thank you to the ${total} of you who filled in the survey.`];
  const groups = present.filter((i) => i.profile.respondents > 0);
  if (groups.length > 1) {
    paragraphs.push(`${listWords(groups.map((i, n) => `${i.profile.respondents}${n === 0 ? ' of you were' : ' were'} ${AGE_PLAIN[i.instrumentId]}`))}.`);
  } else if (groups.length === 1 && groups[0] !== undefined) {
    paragraphs.push(`You were all ${AGE_PLAIN[groups[0].instrumentId]}.`);
  }
  paragraphs.push(
    `You told us how you feel about your life. That is not always easy, and it matters a lot.`,
    `This is what you said. The adults at ${la} will read it too. They will use it to make things better.`,
    `When we say "about 7 in every 10 of you", think of 10 young people. About 7 of them said this. The rows of people show it as a picture.`,
  );
  return { heading: 'Thank you', paragraphs };
}

/** A few of the comments approved for quoting: the same redacted words as the LA's report, never more. */
function youthQuotes(report: Report): YouthReport['quotes'] {
  // Short ones only: they are read aloud in a group and each fits a printed page.
  const items = report.quotes?.status === 'shown' ? report.quotes.items.filter((q) => q.length <= YOUTH_QUOTE_LENGTH).slice(0, YOUTH_QUOTES) : [];
  if (items.length === 0) return null;
  return {
    heading: 'In your own words',
    intro: ['Some of you wrote to us in your own words. Here are a few of the things you said.', 'We took out names and places, so no one can tell who wrote them.'],
    items,
  };
}

/** The young people's version of a report; `label` reads the message catalogues (for the help list). */
export function youthReport(report: Report, label: Label): YouthReport {
  const present = presentInstruments(report);
  const leavers = report.wave.survey === 'ylbc';
  const year = report.wave.closesOn.slice(0, 4);
  const survey = `${leavers ? 'Your Life Beyond Care' : 'Your Life, Your Care'} survey ${year}`;
  const la = report.la.name;
  const keys: readonly KeyFinding[] = report.findings.keyFindings.filter((k) => report.wave.instruments.includes(k.instrumentId));
  const ctx = { present, keys, leavers, manyGroups: present.length > 1, minBase: report.findings.options.minBase };
  return {
    title: 'What you told us',
    laName: la,
    survey,
    audience: leavers
      ? `For young people who have left the care of ${la}, and for the care leavers' forum.`
      : `For children and young people in the care of ${la}, and for the children in care council.`,
    coverAlt: 'A sun over a house, with a star and a heart',
    thanks: thanks(report, present),
    findings: [goingWellSection(ctx), needsWorkSection(ctx), feelingsSection(ctx)],
    quotes: youthQuotes(report),
    promises: {
      heading: 'What we will do',
      paragraphs: [`The adults at ${la} will write here what they will do about what you told us.`, 'You can ask them how it is going.'],
      prompts: ['We will', 'We will', 'We will'],
    },
    help: {
      heading: label('survey.thanks.help.heading'),
      intro: 'You can talk to someone at any time. You do not need to wait.',
      items: [label('survey.thanks.help.trusted'), label('survey.thanks.help.childline'), label('survey.thanks.help.advocate')],
      urgent: label('survey.thanks.help.emergency'),
    },
    privacy: `No one can tell from this what any one of you said. If fewer than ${ctx.minBase} of you answered a question, we do not share the answers.`,
  };
}

/** Every sentence of the report that young people read, for checks of reading level and wording. */
export function youthProse(y: YouthReport): string[] {
  return [
    y.title,
    y.audience,
    ...y.thanks.paragraphs,
    ...y.findings.flatMap((s) => [s.heading, ...s.intro, ...(s.empty === null ? [] : [s.empty]), ...s.groups.flatMap((g) => [...(g.heading === null ? [] : [g.heading]), ...(g.empty === null ? [] : [g.empty]), ...g.items.flatMap((i) => [i.text, ...(i.note === null ? [] : [i.note])])])]),
    // The quotes are young people's own words, not ours: only our words around them are checked.
    ...(y.quotes === null ? [] : [y.quotes.heading, ...y.quotes.intro]),
    y.promises.heading,
    ...y.promises.paragraphs,
    y.help.heading,
    y.help.intro,
    ...y.help.items,
    y.help.urgent,
    y.privacy,
  ];
}
