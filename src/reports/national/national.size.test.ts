/**
 * The national run at the size the bench measures: 150 authorities, all four instruments, 100,000
 * responses in memory, through the pure layer (not timed here: `npm run bench` times it).
 */
import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../../findings/index.ts';
import { instruments, mulberry32, syntheticAnswers } from '../../instruments/index.ts';
import { nationalFindings, type NationalInput } from './national.ts';

const AUTHORITIES = 150;
const TOTAL = 100_000;

/** A pool of distinct synthetic responses per instrument, shared by reference so the test stays light. */
function pools(): Map<string, SurveyResponse[]> {
  const rng = mulberry32(11);
  return new Map(instruments.map((inst) => [inst.id, Array.from({ length: 400 }, (_, i) => ({ instrumentId: inst.id, answers: syntheticAnswers(inst, rng, { outlook: (i % 9) / 4 - 1 }).answers }))]));
}

describe('national findings at bench size', () => {
  it('computes 150 authorities x 4 instruments x 100,000 responses, with every authority placed', () => {
    const pool = pools();
    const rng = mulberry32(7);
    const ids = instruments.map((i) => i.id);
    const authorities: NationalInput['authorities'][number][] = Array.from({ length: AUTHORITIES }, (_, a) => ({ laId: `la-${String(a).padStart(3, '0')}`, name: `Council ${a}`, named: a % 3 === 0, responses: [] as SurveyResponse[] }));
    // Authorities of very different sizes (a few tiny ones), 100,000 responses in all.
    const weights = authorities.map((_, a) => (a % 25 === 0 ? 0.02 : 0.3 + rng()));
    const sum = weights.reduce((s, w) => s + w, 0);
    let given = 0;
    authorities.forEach((auth, a) => {
      const n = a === AUTHORITIES - 1 ? TOTAL - given : Math.round((TOTAL * (weights[a] ?? 0)) / sum);
      given += n;
      const list = auth.responses as SurveyResponse[];
      for (let k = 0; k < n; k++) {
        const id = ids[Math.floor(rng() * ids.length)] ?? 'ylyc-8-11';
        const from = pool.get(id) ?? [];
        list.push(from[Math.floor(rng() * from.length)] ?? from[0]!);
      }
    });
    expect(authorities.reduce((s, a) => s + a.responses.length, 0)).toBe(TOTAL);

    const ylyc = nationalFindings({ survey: 'ylyc', period: { from: '2025-01-01', to: '2026-12-31' }, authorities });
    const ylbc = nationalFindings({ survey: 'ylbc', period: { from: '2025-01-01', to: '2026-12-31' }, authorities });
    expect(ylyc.respondents + ylbc.respondents).toBe(TOTAL);
    expect(ylyc.instruments).toHaveLength(3);
    expect(ylbc.instruments).toHaveLength(1);
    for (const f of [ylyc, ylbc]) {
      expect(f.authorities).toHaveLength(AUTHORITIES);
      expect(new Set(f.authorities.map((a) => a.label)).size).toBe(AUTHORITIES);
      for (const inst of f.instruments) {
        for (const ind of inst.indicators) {
          expect(ind.ranked.length + ind.hidden.smallBase + ind.hidden.secondary).toBeLessThanOrEqual(AUTHORITIES);
          expect(ind.ranked.length).toBeGreaterThan(100);
          expect(ind.variation.homogeneity?.df).toBe(ind.ranked.length - 1);
        }
      }
    }
  }, 60_000);
});
