import { describe, expect, it } from 'vitest';
import { JARGON, memoryReport, readingGrade as reportGrade, responses } from '../reports/youth/testing.ts';
import { ACTION_STATUSES, INVOLVEMENT_GROUPS, indicatorOptions, type Action } from './plan.ts';
import { draftYouthPage, hardToRead, readingGrade } from './youth-page.ts';

const report = memoryReport('ylbc', responses({ 'ylbc-16-25': 60 }, 3));
const options = indicatorOptions(report.findings, (k) => k).filter((o) => o.figure.shown);
const action = (i: number): Action => {
  const o = options[i % options.length]!;
  return {
    id: `a${i}`, planId: 'p', position: i, what: 'we will write a short letter that tells you what help you can get', findings: [], indicator: o.ref, baseline: o.figure, target: 0.9, byWave: 1,
    ownerRole: 'Head of service', ownerTeam: 'Leaving care', partners: '', dueOn: '2026-12-31', status: ACTION_STATUSES[i % ACTION_STATUSES.length]!, involvementGroup: INVOLVEMENT_GROUPS[i % INVOLVEMENT_GROUPS.length]!, involvementHow: 'x', updates: [],
  };
};

describe('"You said, we did" first draft', () => {
  it('says what young people said in the young people\'s version\'s words, with no statistics, at grade 6 or below', () => {
    const page = draftYouthPage('Brightwater Council', options.map((_, i) => action(i)), report.findings);
    expect(page.items.length).toBeGreaterThan(10);
    for (const item of page.items) {
      expect(item.said).toMatch(/^(About \d+ in every 10|Nearly all|All|None|Fewer than 1 in every 10) of you said /);
      expect(`${item.said} ${item.did}`).not.toMatch(JARGON);
    }
    const prose = [page.intro, ...page.items.flatMap((i) => [i.said, i.did])];
    expect(readingGrade(prose)).toBeLessThanOrEqual(6);
    expect(readingGrade(prose)).toBeCloseTo(reportGrade(prose));
  });

  it('leaves out an action whose figure is hidden, so a suppressed figure is never said', () => {
    const a = { ...action(0), baseline: { shown: false as const, reason: 'small_base' as const } };
    expect(draftYouthPage('Brightwater Council', [a], report.findings).items).toEqual([]);
  });

  it('warns about words that are hard to read', () => {
    expect(hardToRead('We wrote you a letter.')).toBe(false);
    expect(hardToRead('Notwithstanding considerable organisational restructuring, the authority operationalised comprehensive multidisciplinary interventions.')).toBe(true);
  });
});
