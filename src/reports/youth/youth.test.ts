/** The young people's version's content: natural frequencies, no hidden figure, no invented bright spots, plain words. */
import { describe, expect, it } from 'vitest';
import { reportedQuestions, type ProportionCell } from '../../findings/index.ts';
import { instruments } from '../../instruments/index.ts';
import { FEELINGS, POSITIVE } from './phrases.ts';
import { JARGON, memoryReport, readingGrade, responses } from './testing.ts';
import { naturalFrequency, youthProse, youthReport, type YouthItem, type YouthReport } from './youth.ts';

const label = (key: string): string => `[${key}]`;
const items = (y: YouthReport, id: string): YouthItem[] => y.findings.find((s) => s.id === id)?.groups.flatMap((g) => g.items) ?? [];
const all = (y: YouthReport): YouthItem[] => y.findings.flatMap((s) => s.groups.flatMap((g) => g.items));
/** The "N in every 10" a sentence says, or the words at either end. */
const tenths = (text: string): number | string => {
  const m = /^About (\d+) in every 10 /.exec(text);
  return m ? Number(m[1]) : (/^(All|Nearly all|None|Fewer than 1 in every 10) of you/.exec(text)?.[1] ?? 'no frequency');
};

const comparator = { responses: [...responses({ 'ylyc-4-7': 90, 'ylyc-8-11': 300, 'ylyc-11-17': 400 }, 31, -0.5)], authorities: 3 };

describe('natural frequencies', () => {
  it('rounds the shown whole percentage to the nearest 10, and says the ends in words', () => {
    expect(naturalFrequency(0.64)).toEqual({ words: 'About 6 in every 10', filled: 6 });
    // 0.649 shows as 65%, so it is said from 65%: about 7 in 10.
    expect(naturalFrequency(0.649).filled).toBe(7);
    expect(naturalFrequency(0.05)).toEqual({ words: 'About 1 in every 10', filled: 1 });
    expect(naturalFrequency(0.04)).toEqual({ words: 'Fewer than 1 in every 10', filled: 0 });
    expect(naturalFrequency(0.96)).toEqual({ words: 'Nearly all', filled: 10 });
    expect(naturalFrequency(1)).toEqual({ words: 'All', filled: 10 });
    expect(naturalFrequency(0)).toEqual({ words: 'None', filled: 0 });
  });
});

describe('with other local authorities to compare with', () => {
  // A small 4-7 group (6 answers): none of its percentages may appear.
  const report = memoryReport('ylyc', responses({ 'ylyc-4-7': 6, 'ylyc-8-11': 120, 'ylyc-11-17': 200 }, 5, 0.7), comparator);
  const y = youthReport(report, label);

  it('lists the bright spots first, each saying why, and fills with the most positive answers', () => {
    expect(report.findings.keyFindings.some((k) => k.kind === 'bright_spot')).toBe(true);
    const good = items(y, 'going-well');
    expect(good.length).toBeGreaterThan(0);
    expect(good[0]?.note).toMatch(/^This is better than/);
    expect(y.findings[0]?.intro.join(' ')).toContain('better for you than for other young people');
    expect(good.every((i) => i.tone === 'good')).toBe(true);
  });

  it('says every share as the nearest 10 of a shown percentage, and draws as many figures', () => {
    const shown = report.findings.instruments.flatMap((i) => i.indicators.flatMap((ind) => [ind.la, ...ind.generalPopulation.map((g) => g.la)])).concat(report.findings.instruments.flatMap((i) => i.wellbeing.flatMap((w) => (w.kind === 'ons' ? [w.low.la] : []))));
    const possible = new Set(shown.filter((c): c is ProportionCell & { shown: true } => c.shown).map((c) => naturalFrequency(c.proportion).filled));
    for (const it of all(y)) {
      const n = tenths(it.text);
      if (typeof n === 'number') expect(it.filled).toBe(n);
      else expect(['All', 'Nearly all', 'None', 'Fewer than 1 in every 10']).toContain(n);
      expect(possible.has(it.filled)).toBe(true);
    }
  });

  it('never gives a figure for a group too small to show, and says why instead', () => {
    for (const it of all(y)) expect(it.text).not.toContain('aged 4 to 7');
    const feelings = y.findings.find((s) => s.id === 'feelings');
    const small = feelings?.groups.find((g) => g.heading === 'Ages 4 to 7');
    expect(small?.items).toEqual([]);
    expect(small?.empty).toContain('keeps your answers private');
    // Counts of who took part are always shown.
    expect(y.thanks.paragraphs.join(' ')).toContain('6 of you were aged 4 to 7');
    expect(y.thanks.paragraphs[0]).toBe('Thank you to the 326 of you who filled in the survey.');
  });
});

describe('with nothing to compare with', () => {
  const report = memoryReport('ylbc', responses({ 'ylbc-16-25': 80 }, 8, 0.2));
  const y = youthReport(report, label);

  it('invents no bright spot: it picks the most positive answers and says so plainly', () => {
    expect(report.findings.keyFindings.filter((k) => k.against === 'national')).toEqual([]);
    const good = items(y, 'going-well');
    expect(good.length).toBe(5);
    expect(good.every((i) => i.note === null)).toBe(true);
    expect(y.findings[0]?.intro).toEqual(['Here are the good things you told us about most often.']);
    const filled = good.map((i) => i.filled);
    expect([...filled].sort((a, b) => b - a)).toEqual(filled);
    expect(youthProse(y).join(' ')).not.toMatch(/other parts of the country/);
  });

  it('keeps "what we will do" blank for the LA, and lists the same help as the survey', () => {
    expect(y.promises.prompts).toEqual(['We will', 'We will', 'We will']);
    expect(y.help.items).toEqual(['[survey.thanks.help.trusted]', '[survey.thanks.help.childline]', '[survey.thanks.help.advocate]']);
    expect(y.help.urgent).toBe('[survey.thanks.help.emergency]');
  });

  it('says when no figure can be shown at all', () => {
    const tiny = youthReport(memoryReport('ylbc', responses({ 'ylbc-16-25': 7 }, 9)), label);
    expect(all(tiny)).toEqual([]);
    expect(tiny.findings.every((s) => s.empty?.includes('keeps your answers private'))).toBe(true);
    expect(tiny.thanks.paragraphs[0]).toContain('the 7 of you');
  });
});

describe('words', () => {
  const reports = [
    memoryReport('ylyc', responses({ 'ylyc-4-7': 30, 'ylyc-8-11': 120, 'ylyc-11-17': 200 }, 5, -0.6), comparator),
    memoryReport('ylyc', responses({ 'ylyc-4-7': 30, 'ylyc-8-11': 120, 'ylyc-11-17': 200 }, 6, 0.7), comparator),
    memoryReport('ylbc', responses({ 'ylbc-16-25': 200 }, 7, -0.4)),
  ];

  it('uses no statistical words and reads at grade 6 or below', () => {
    for (const r of reports) {
      const prose = youthProse(youthReport(r, (k) => (k === 'survey.thanks.help.heading' ? 'If you want to talk to someone' : 'Talk to someone.')));
      expect(prose.join('\n')).not.toMatch(JARGON);
      expect(prose.join('\n')).not.toMatch(/%|undefined|NaN/);
      expect(readingGrade(prose)).toBeLessThanOrEqual(6);
    }
  });

  it('lists areas for improvement by the answer that was tested', () => {
    const y = youthReport(reports[0] as (typeof reports)[0], label);
    const work = items(y, 'get-better');
    expect(work.length).toBeGreaterThan(0);
    expect(work.every((i) => i.tone === 'work' && /^This is not as good as/.test(i.note ?? ''))).toBe(true);
  });

  it('has a readability measure that can fail', () => {
    expect(readingGrade(['Notwithstanding considerable methodological heterogeneity, the longitudinal investigation demonstrated substantial improvements.'])).toBeGreaterThan(6);
  });
});

describe('phrases', () => {
  it('say every question a report gives a figure for, so none is silently left out of the young people\'s version', () => {
    const missing = instruments.flatMap((i) => reportedQuestions(i).filter((q) => !(q.key in POSITIVE) && !(q.key in FEELINGS)).map((q) => `${i.id}: ${q.key}`));
    expect(missing).toEqual([]);
  });
});
