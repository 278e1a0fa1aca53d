/** The report's methodology says how many answered the easy-read version, hiding small numbers. */
import { describe, expect, it } from 'vitest';
import { computeFindings, type SurveyResponse } from '../findings/index.ts';
import { getInstrument, mulberry32, syntheticAnswers } from '../instruments/index.ts';
import { fixtureReport, label } from './charts/fixture.ts';
import { reportHtmlFile } from './report-file.ts';
import type { Report } from './report.ts';
import { reportView } from './report-view.ts';
import { addResponse, createNationalCounts } from './national/national.ts';

function responses(id: string, n: number, seed: number): SurveyResponse[] {
  const inst = getInstrument(id)!;
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => ({ instrumentId: inst.id, answers: syntheticAnswers(inst, rng).answers }));
}

const others = [...responses('ylyc-8-11', 300, 1), ...responses('ylyc-11-17', 300, 2), ...responses('ylyc-4-7', 100, 3)];

function reportWith(easyRead: number): Report {
  const la = [...responses('ylyc-8-11', 40, 4), ...responses('ylyc-11-17', 40, 5), ...responses('ylyc-8-11-er', easyRead, 6)];
  return { ...fixtureReport({ previous: false }), findings: computeFindings({ survey: 'ylyc', la, comparator: { responses: others, authorities: 3 } }) };
}

const methodology = (report: Report): string => {
  const html = reportHtmlFile(report, label);
  return html.slice(html.indexOf('id="methodology"'));
};

describe('easy read in the report', () => {
  it('says in the methodology how many answered the easy-read version, and the split questions\' own figures', () => {
    const report = reportWith(15);
    const view = reportView(report, label);
    expect(view.easyRead).toHaveLength(1);
    expect(view.easyRead[0]).toMatchObject({ group: 'Ages 8 to 11', respondents: '15 young people' });
    expect(view.easyRead[0]!.alone.map((a) => a.la.base)).toEqual([expect.any(Number), expect.any(Number)]);
    const text = methodology(report);
    expect(text).toContain('<h3 class="govuk-heading-m">Easy read</h3>');
    expect(text).toContain('Ages 8 to 11: 15 young people answered the easy-read version.');
    // Their answers are in the age group's figures: 55 young people aged 8 to 11 in all.
    const eight = report.findings.instruments.find((i) => i.instrumentId === 'ylyc-8-11')!;
    expect(eight.profile.respondents).toBe(55);
  });

  it('does not give a small number of easy-read respondents', () => {
    const report = reportWith(4);
    expect(methodology(report)).toContain('Ages 8 to 11: fewer than 10 young people answered the easy-read version.');
    expect(methodology(report)).not.toMatch(/\b4 young people/);
  });

  it('has no easy-read section when nobody answered it', () => {
    expect(methodology(reportWith(0))).not.toContain('>Easy read<');
  });
});

describe('easy read in the national report', () => {
  it('counts easy-read answers with their age group by comparison key, never as a group of its own', () => {
    const counts = createNationalCounts('ylyc', 1);
    expect([...counts.byInstrument.keys()]).toEqual(['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17']);
    addResponse(counts, 0, { instrumentId: 'ylyc-8-11', answers: { trusts_carers: 'never' } });
    addResponse(counts, 0, { instrumentId: 'ylyc-8-11-er', answers: { trusts_carers: 'all_of_the_time', trusted_adult_trust: 'yes' } });
    const c = counts.byInstrument.get('ylyc-8-11')!;
    const qi = c.questions.findIndex((q) => q.id === 'trusts_carers');
    expect(c.respondents[0]).toBe(2);
    expect([c.count[qi], c.base[qi]]).toEqual([1, 2]);
    const trusted = c.questions.findIndex((q) => q.id === 'trusted_adult');
    expect(c.base[trusted]).toBe(0);
  });
});
