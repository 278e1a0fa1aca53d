/** The report's own arithmetic and wording: participation against the target, margins, and suppression in words. */
import { describe, expect, it } from 'vitest';
import type { Findings } from '../findings/index.ts';
import type { Wave } from '../programme/index.ts';
import { marginOfError, participation } from './report.ts';
import { figureText, reasonText, verdictText } from './report-words.ts';

const wave = { instruments: ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17'], eligible: { 'ylyc-4-7': 40, 'ylyc-8-11': 100, 'ylyc-11-17': 0 }, targetRate: 0.3 } as unknown as Wave;
const findings = {
  options: { minBase: 10 },
  instruments: [
    { instrumentId: 'ylyc-4-7', profile: { respondents: 6 } },
    { instrumentId: 'ylyc-8-11', profile: { respondents: 30 } },
    { instrumentId: 'ylyc-11-17', profile: { respondents: 25 } },
  ],
} as unknown as Findings;

describe('participation', () => {
  const rows = participation({ wave, findings });

  it('gives each age group its rate against the target, and a total', () => {
    expect(rows.map((r) => [r.group, r.eligible, r.responses, r.rate, r.meetsTarget])).toEqual([
      ['Ages 4 to 7', 40, 6, 0.15, false],
      ['Ages 8 to 11', 100, 30, 0.3, true],
      ['Ages 11 to 17', 0, 25, null, false],
      ['All age groups', 140, 61, 61 / 140, true],
    ]);
  });

  it('says what the numbers mean for confidence, with no margin under the smallest base', () => {
    expect(rows[0]?.margin).toBeNull();
    expect(rows[0]?.confidence).toContain('no percentages are shown');
    expect(rows[1]?.margin).toBe(18);
    expect(rows[1]?.confidence).toMatch(/^At or above the 30% target/);
    expect(rows[2]?.confidence).toContain('representativeness is unknown');
  });

  it('has the widest 95% margin shrink with the square root of the respondents', () => {
    expect([marginOfError(10), marginOfError(100), marginOfError(400)]).toEqual([31, 10, 5]);
  });
});

describe('report wording', () => {
  it('prints a hidden figure as its reason and a shown one with its interval', () => {
    expect(figureText({ shown: false, reason: 'small_base' })).toEqual({ shown: false, text: 'Not shown: fewer than 10 young people answered', interval: '', base: 0 });
    expect(figureText({ shown: true, count: 30, base: 40, proportion: 0.75, lower: 0.6, upper: 0.86 })).toEqual({ shown: true, text: '75%', interval: '60% to 86%', base: 40, estimate: { p: 0.75, lower: 0.6, upper: 0.86 } });
    expect(reasonText('too_few_authorities')).toContain('fewer than 3 other local authorities');
  });

  it('names a verdict after false discovery control, or why there is none', () => {
    const tested = { tested: true, against: 'national', family: 'national', method: 'two_proportion_z', pValue: 0.001, qValue: 0.01, significant: true, difference: { estimate: 0.1, lower: 0.05, upper: 0.15 } } as const;
    expect(verdictText({ ...tested, verdict: 'better' })).toEqual({ text: 'Better than other local authorities', colour: 'green' });
    expect(verdictText({ ...tested, verdict: 'no_difference' }).text).toBe('No significant difference');
    expect(verdictText({ tested: false, against: 'national', reason: 'small_base' }).text).toBe('Not compared: too few answers');
  });
});
