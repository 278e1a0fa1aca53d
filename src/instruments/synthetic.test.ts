import { describe, expect, it } from 'vitest';
import { getInstrument, instruments } from './bank/index.ts';
import { isLow, isValidAnswer } from './registry.ts';
import { pruneHidden, visibleQuestions } from './skip.ts';
import comments from './synthetic-comments.json' with { type: 'json' };
import { mulberry32, syntheticAnswers } from './synthetic.ts';
import { DECLINED, type Instrument } from './types.ts';

const get = (id: string): Instrument => {
  const i = getInstrument(id);
  if (i === undefined) throw new Error(id);
  return i;
};

/** Share of in-base answers to a question that fall in its low well-being band. */
function lowShare(inst: Instrument, questionId: string, n: number, seed: number, outlook = 0): number {
  const q = inst.questions.find((x) => x.id === questionId);
  if (q?.positive === undefined) throw new Error(questionId);
  const rng = mulberry32(seed);
  let low = 0;
  let base = 0;
  for (let i = 0; i < n; i++) {
    const a = syntheticAnswers(inst, rng, { outlook }).answers[questionId];
    if (typeof a !== 'number') continue;
    base++;
    if (isLow(q.positive, a)) low++;
  }
  return low / base;
}

describe('mulberry32', () => {
  it('is deterministic for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
});

describe('syntheticAnswers', () => {
  it.each(instruments.map((i) => [i.id, i] as const))('%s: 1,000 responses are valid and follow skip logic', (_id, inst) => {
    const rng = mulberry32(2024);
    const byId = new Map(inst.questions.map((q) => [q.id, q]));
    let declined = 0;
    let withComment = 0;
    for (let i = 0; i < 1000; i++) {
      const { answers, freeText } = syntheticAnswers(inst, rng);
      for (const [id, value] of Object.entries(answers)) {
        const q = byId.get(id);
        expect(q, id).toBeDefined();
        expect(q?.scale.kind).not.toBe('text');
        if (q) expect(isValidAnswer(q.scale, value), `${id}=${JSON.stringify(value)}`).toBe(true);
        if (value === DECLINED) declined++;
      }
      // Nothing answered that skip logic would hide.
      expect(pruneHidden(inst, answers)).toEqual(answers);
      const visible = new Set(visibleQuestions(inst, answers).map((q) => q.id));
      for (const [id, text] of Object.entries(freeText)) {
        const q = byId.get(id);
        expect(visible.has(id)).toBe(true);
        expect(q !== undefined && q.scale.kind === 'text' && isValidAnswer(q.scale, text)).toBe(true);
        withComment++;
      }
    }
    expect(declined).toBeGreaterThan(0);
    expect(withComment).toBeGreaterThan(60);
    expect(withComment).toBeLessThan(140);
  });

  it('matches the published low life satisfaction: about 16% at 11-17 and 26% for care leavers', () => {
    const children = lowShare(get('ylyc-11-17'), 'life_satisfaction', 3000, 7);
    const leavers = lowShare(get('ylbc-16-25'), 'life_satisfaction', 3000, 8);
    expect(children).toBeGreaterThan(0.13);
    expect(children).toBeLessThan(0.19);
    expect(leavers).toBeGreaterThan(0.22);
    expect(leavers).toBeLessThan(0.3);
  });

  it('moves with an authority outlook and with the positive share', () => {
    const ylbc = get('ylbc-16-25');
    expect(lowShare(ylbc, 'life_satisfaction', 2000, 9, 0.5)).toBeLessThan(lowShare(ylbc, 'life_satisfaction', 2000, 9, -0.5));
    const share = (positiveShare: number): number => {
      const rng = mulberry32(5);
      let yes = 0;
      for (let i = 0; i < 1000; i++) {
        const { answers } = syntheticAnswers(ylbc, rng, { positiveShare });
        if (answers['trusted_adult'] === 'yes') yes++;
        if (answers['good_friend'] === 'yes') yes++;
      }
      return yes / 2000;
    };
    expect(share(0.9)).toBeGreaterThan(share(0.4) + 0.3);
  });

  it('draws free text only from the comments file, including rare ones for safeguarding review', () => {
    const inst = get('ylyc-8-11');
    const known = new Set([...comments.ylyc.benign, ...comments.ylyc.concern]);
    const rng = mulberry32(11);
    let concerns = 0;
    for (let i = 0; i < 5000; i++) {
      const text = syntheticAnswers(inst, rng).freeText['anything_else'];
      if (text === undefined) continue;
      expect(known.has(text)).toBe(true);
      if (comments.ylyc.concern.includes(text)) concerns++;
    }
    expect(concerns).toBeGreaterThan(5);
    expect(concerns).toBeLessThan(80);
  });
});
