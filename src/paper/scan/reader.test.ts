import { describe, expect, it } from 'vitest';
import { apply, fitAffine, rotationDegrees, scales, worstResidual } from './geometry.ts';
import { classifyBox, decideQuestion, THRESHOLDS, type BoxReading } from './reader.ts';

describe('the affine fit', () => {
  it('recovers a turn (any angle), scale and shift from four points, exactly', () => {
    const from = [{ x: 28, y: 28 }, { x: 567, y: 28 }, { x: 567, y: 814 }, { x: 28, y: 814 }];
    for (const deg of [0, 92.5, 180, 267, -3]) {
      const r = (deg * Math.PI) / 180;
      const s = 2.9;
      const t0 = { a: s * Math.cos(r), b: -s * Math.sin(r), c: 400, d: s * Math.sin(r), e: s * Math.cos(r), f: 120 };
      const to = from.map((p) => apply(t0, p));
      const t = fitAffine(from, to)!;
      expect(worstResidual(t, from, to)).toBeLessThan(1e-6);
      expect(scales(t).sx).toBeCloseTo(s, 6);
      const off = ((((rotationDegrees(t) - deg + 180) % 360) + 360) % 360) - 180;
      expect(Math.abs(off)).toBeLessThan(1e-6);
    }
  });

  it('refuses points in a line', () => {
    expect(fitAffine([{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }], [{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 2 }])).toBeNull();
  });
});

describe('calling a box', () => {
  it('is empty, ticked or coloured in by the share of dark pixels, unclear between, and surer further from a line', () => {
    expect(classifyBox(0).state).toBe('empty');
    expect(classifyBox(0).confidence).toBe(1);
    expect(classifyBox((THRESHOLDS.empty + THRESHOLDS.tick) / 2).state).toBe('unclear');
    expect(classifyBox(0.2).state).toBe('ticked');
    expect(classifyBox(0.2).confidence).toBe(1);
    expect(classifyBox(THRESHOLDS.tick + 0.001).confidence).toBeLessThan(0.6);
    expect(classifyBox((THRESHOLDS.fillUnclear + THRESHOLDS.filled) / 2).state).toBe('unclear');
    expect(classifyBox(1).state).toBe('filled');
  });
});

describe('deciding a question', () => {
  const box = (answer: string, state: BoxReading['state']): BoxReading => ({ answer, state, fill: 0, confidence: state === 'unclear' ? 0.5 : 0.9 });
  const D = 'prefer_not_to_say';
  it('takes one tick as the answer and nothing ticked as blank', () => {
    expect(decideQuestion('q', [box('yes', 'ticked'), box('no', 'empty'), box(D, 'empty')], false, D)).toMatchObject({ state: 'answered', answers: ['yes'], reasons: [] });
    expect(decideQuestion('q', [box('yes', 'empty'), box('no', 'empty')], false, D)).toMatchObject({ state: 'blank', answers: [] });
  });
  it('ignores a box coloured in when another is ticked (the printed way to correct a mistake)', () => {
    expect(decideQuestion('q', [box('yes', 'filled'), box('no', 'ticked')], false, D)).toMatchObject({ state: 'answered', answers: ['no'] });
  });
  it('sends two ticks where one was expected, an unclear mark, a box coloured in alone, or "I don\'t want to say" with answers for review', () => {
    expect(decideQuestion('q', [box('yes', 'ticked'), box('no', 'ticked')], false, D)).toMatchObject({ state: 'review', reasons: ['two_ticks'] });
    expect(decideQuestion('q', [box('yes', 'unclear'), box('no', 'empty')], false, D)).toMatchObject({ state: 'review', reasons: ['unclear_mark'], confidence: 0.5 });
    expect(decideQuestion('q', [box('yes', 'filled'), box('no', 'empty')], false, D)).toMatchObject({ state: 'review', reasons: ['coloured_in_only'] });
    expect(decideQuestion('q', [box('a', 'ticked'), box(D, 'ticked')], true, D)).toMatchObject({ state: 'review', reasons: ['declined_and_answer'] });
  });
  it('takes several ticks on a tick-all question', () => {
    expect(decideQuestion('q', [box('a', 'ticked'), box('b', 'ticked'), box('c', 'empty')], true, D)).toMatchObject({ state: 'answered', answers: ['a', 'b'] });
  });
});
