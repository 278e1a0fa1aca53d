/** Scoring the co-production self-assessment: totals overall and by theme, gaps and unanswered statements. */
import { describe, expect, it } from 'vitest';
import { MAX_SCORE, score, STATEMENTS } from './coproduction.ts';

describe('the co-production self-assessment score', () => {
  it('has 8 to 12 statements across the three themes', () => {
    expect(STATEMENTS.length).toBeGreaterThanOrEqual(8);
    expect(STATEMENTS.length).toBeLessThanOrEqual(12);
    expect(new Set(STATEMENTS.map((s) => s.theme))).toEqual(new Set(['heard', 'influence', 'reward']));
  });

  it('scores nothing answered as 0 with every statement unanswered', () => {
    const s = score({});
    expect(s).toMatchObject({ total: 0, max: STATEMENTS.length * MAX_SCORE, percent: 0, unanswered: STATEMENTS.length, gaps: [] });
  });

  it('totals by theme and lists statements scored 0 or 1 as gaps', () => {
    const s = score({ council: { score: 3, evidence: 'Meets monthly' }, forum: { score: 1, evidence: '' }, paid: { score: 0, evidence: '' }, panel: { score: 2, evidence: 'Twice a year' } });
    expect(s.total).toBe(6);
    expect(s.percent).toBe(Math.round((600 / (STATEMENTS.length * 3))));
    expect(s.themes.find((t) => t.theme === 'heard')).toMatchObject({ total: 4, max: 12 });
    expect(s.themes.find((t) => t.theme === 'influence')).toMatchObject({ total: 2, max: 12 });
    expect(s.themes.find((t) => t.theme === 'reward')).toMatchObject({ total: 0, max: 6 });
    expect(s.gaps.map((g) => g.id)).toEqual(['forum', 'paid']);
    expect(s.unanswered).toBe(STATEMENTS.length - 4);
  });
});
