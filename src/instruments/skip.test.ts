import { describe, expect, it } from 'vitest';
import { getInstrument } from './bank/index.ts';
import { evaluate, pruneHidden, visiblePages, visibleQuestions } from './skip.ts';
import { DECLINED, type Instrument } from './types.ts';

const get = (id: string): Instrument => {
  const i = getInstrument(id);
  if (i === undefined) throw new Error(id);
  return i;
};

describe('evaluate', () => {
  it('handles in, answered, all, any and not', () => {
    const answers = { a: 'yes', b: 7, c: ['x', 'y'], d: DECLINED };
    expect(evaluate({ question: 'a', in: ['yes'] }, answers)).toBe(true);
    expect(evaluate({ question: 'b', in: ['7'] }, answers)).toBe(true);
    expect(evaluate({ question: 'c', in: ['y'] }, answers)).toBe(true);
    expect(evaluate({ question: 'z', in: ['yes'] }, answers)).toBe(false);
    expect(evaluate({ question: 'a', answered: true }, answers)).toBe(true);
    expect(evaluate({ question: 'd', answered: true }, answers)).toBe(false);
    expect(evaluate({ all: [{ question: 'a', in: ['yes'] }, { question: 'b', in: ['1'] }] }, answers)).toBe(false);
    expect(evaluate({ any: [{ question: 'a', in: ['no'] }, { question: 'b', in: ['7'] }] }, answers)).toBe(true);
    expect(evaluate({ not: { question: 'z', in: ['never'] } }, answers)).toBe(true);
  });
});

describe('visibility', () => {
  const ylyc = get('ylyc-11-17');
  const swFollowUps = ['trusts_social_worker', 'contact_social_worker', 'speak_sw_alone', 'social_worker_changes'];

  it('asks about the social worker only after a yes to knowing who it is', () => {
    const ids = (a: Record<string, string>): string[] => visibleQuestions(ylyc, a).map((q) => q.id);
    for (const id of swFollowUps) {
      expect(ids({ knows_social_worker: 'yes' })).toContain(id);
      expect(ids({ knows_social_worker: 'no' })).not.toContain(id);
      expect(ids({})).not.toContain(id);
    }
    expect(visiblePages(ylyc, { knows_social_worker: 'no' }).map((p) => p.id)).not.toContain('social_worker');
    expect(visiblePages(ylyc, { knows_social_worker: 'yes' }).map((p) => p.id)).toContain('social_worker');
  });

  it('asks about help with worries unless the young person never worries', () => {
    const visible = (a: string | undefined): boolean =>
      visibleQuestions(ylyc, a === undefined ? {} : { worries_feelings: a }).some((q) => q.id === 'gets_help_with_worries');
    expect([visible('never'), visible('sometimes'), visible(DECLINED), visible(undefined)]).toEqual([false, true, true, true]);
  });

  it('keeps page order and drops answers hidden by a changed gate answer', () => {
    const ylbc = get('ylbc-16-25');
    const answers = { knows_pa: 'yes', trusts_pa: 'never', pa_changes: 'two', lonely: 'sometimes', unknown: 'x' };
    expect(pruneHidden(ylbc, answers)).toEqual({ knows_pa: 'yes', trusts_pa: 'never', pa_changes: 'two', lonely: 'sometimes' });
    expect(pruneHidden(ylbc, { ...answers, knows_pa: 'no' })).toEqual({ knows_pa: 'no', lonely: 'sometimes' });
    const order = visibleQuestions(ylbc, {}).map((q) => q.id);
    expect(order.slice(0, 3)).toEqual(['age', 'gender', 'ethnicity']);
    expect(order.at(-1)).toBe('anything_else');
  });

  it('hides a follow-up of a hidden question even if it was answered', () => {
    const chained: Instrument = {
      ...ylyc,
      questions: ylyc.questions.map((q) => (q.id === 'anything_else' ? { ...q, showIf: { question: 'trusts_social_worker', answered: true } } : q)),
    };
    const ids = (a: Record<string, string>): string[] => visibleQuestions(chained, a).map((q) => q.id);
    expect(ids({ knows_social_worker: 'yes', trusts_social_worker: 'never' })).toContain('anything_else');
    expect(ids({ knows_social_worker: 'no', trusts_social_worker: 'never' })).not.toContain('anything_else');
  });
});
