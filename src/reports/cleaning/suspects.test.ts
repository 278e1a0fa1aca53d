import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECLINED } from '../../instruments/index.ts';
import { findSuspects, looksLikeTestComment, type CleaningResponse } from './suspects.ts';

const wave = { instruments: ['ylyc-8-11', 'ylyc-11-17'], opensOn: '2026-03-01', closesOn: '2026-04-30' };
const full = { a: 'yes', b: 'no', c: 'sometimes', d: 'yes', e: 3 };
const r = (id: string, over: Partial<CleaningResponse> = {}): CleaningResponse => ({
  id, instrumentId: 'ylyc-8-11', channel: 'online', answers: full, completedAt: `2026-03-10T10:00:0${id.length % 10}.000Z`, testComment: false, hasComment: false, ...over,
});

describe('findSuspects', () => {
  it('flags a later identical response as a duplicate of the first, and says when it came on paper', () => {
    const s = findSuspects(wave, [r('first'), r('second', { completedAt: '2026-03-11T09:00:00.000Z' }), r('paper', { channel: 'paper', completedAt: '2026-03-12T09:00:00.000Z' })]);
    expect(s).toEqual([
      { responseId: 'second', reason: 'duplicate', duplicateOf: 'first', crossChannel: false },
      { responseId: 'paper', reason: 'duplicate', duplicateOf: 'first', crossChannel: true },
    ]);
  });

  it('does not call sparse identical responses duplicates', () => {
    const sparse = { a: 'yes', b: DECLINED };
    expect(findSuspects(wave, [r('x', { answers: sparse }), r('y', { answers: sparse, completedAt: '2026-03-12T00:00:00.000Z' })])).toEqual([]);
  });

  it('flags test entries, out-of-scope instruments and empty responses', () => {
    const s = findSuspects(wave, [
      r('t1', { testComment: true }),
      r('t2', { completedAt: '2026-02-20T10:00:00.000Z', answers: { a: 'no' } }),
      r('scope', { instrumentId: 'ylbc-16-25', answers: { z: 'yes' } }),
      r('empty', { answers: { a: DECLINED } }),
      r('comment-only', { answers: {}, hasComment: true }),
    ]);
    expect(Object.fromEntries(s.map((x) => [x.responseId, x.reason]))).toEqual({ t1: 'test', t2: 'test', scope: 'out_of_scope', empty: 'empty' });
  });

  it('gives each response at most one reason, and never flags a first, complete, in-scope response', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ n: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: 1, max: 28 }) }), { maxLength: 30 }), (rows) => {
        const responses = rows.map((x, i) => r(`id${i}`, { answers: { ...full, a: String(x.n) }, completedAt: `2026-03-${String(x.day).padStart(2, '0')}T00:00:00.000Z` }));
        const s = findSuspects(wave, responses);
        expect(new Set(s.map((x) => x.responseId)).size).toBe(s.length);
        expect(s.every((x) => x.reason === 'duplicate')).toBe(true);
        expect(s.length).toBe(responses.length - new Set(rows.map((x) => x.n)).size);
      }),
    );
  });

  it('recognises comments people type when trying a survey out', () => {
    for (const t of ['test', 'Testing 123', 'asdf', 'please ignore']) expect(looksLikeTestComment(t)).toBe(true);
    for (const t of ['my carer is great', 'i hate tests at school', 'latest news']) expect(looksLikeTestComment(t)).toBe(false);
  });
});
