/** The pure rules of report versions: what separates two versions, when a new one may be published, and their names. */
import { describe, expect, it } from 'vitest';
import { analysedIds, checkPublish, choiceQuery, parseChoice, separation, versionLabel, type AnalysedIds } from './versions.ts';

const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

describe('report versions', () => {
  it('groups analysed ids by instrument, sorted', () => {
    expect(analysedIds([{ id: 'b', instrumentId: 'x' }, { id: 'a', instrumentId: 'x' }, { id: 'c', instrumentId: 'y' }])).toEqual({ x: ['a', 'b'], y: ['c'] });
  });

  it('counts the symmetric difference, overall and by instrument', () => {
    const a: AnalysedIds = { x: ['1', '2', '3'], y: ['4'] };
    const b: AnalysedIds = { x: ['2', '3', '5'], z: ['6'] };
    expect(separation(a, b)).toEqual({ total: 4, byInstrument: { x: 2, y: 1, z: 1 } });
    expect(separation(a, a).total).toBe(0);
  });

  it('always allows the first version', () => {
    expect(checkPublish([], { x: ids('a', 3) }, 10)).toEqual({ ok: true, nextNumber: 1, closest: null });
  });

  it('refuses a version fewer than 10 responses from the last, saying how many, and accepts exactly 10', () => {
    const v1 = { number: 1, ids: { x: ids('a', 40) } };
    const nine = checkPublish([v1], { x: [...ids('a', 40), ...ids('late', 9)] }, 10);
    expect(nine.ok).toBe(false);
    if (!nine.ok) expect(nine.message).toContain('Only 9 responses separate this draft from version 1');
    const same = checkPublish([v1], v1.ids, 10);
    expect(!same.ok && same.message).toMatch(/same as version 1/);
    // Removing counts as much as adding: 5 excluded and 5 late make 10.
    const ten = checkPublish([v1], { x: [...ids('a', 40).slice(5), ...ids('late', 5)] }, 10);
    expect(ten).toEqual({ ok: true, nextNumber: 2, closest: { number: 1, separation: 10 } });
  });

  it('measures against every earlier version, not only the last', () => {
    const base = ids('a', 40);
    const v1 = { number: 1, ids: { x: base } };
    const v2 = { number: 2, ids: { x: [...base, ...ids('late', 12)] } };
    // Back to version 1's responses plus 3: 15 from version 2 but only 3 from version 1.
    const check = checkPublish([v2, v1], { x: [...base, ...ids('new', 3)] }, 10);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain('Only 3 responses separate this draft from version 1');
    expect(check.nextNumber).toBe(3);
  });

  it('refuses when an age group changed by fewer than 10, even if the total is enough', () => {
    const v1 = { number: 1, ids: { x: ids('x', 30), y: ids('y', 30) } };
    const draft = { x: [...ids('x', 30), ...ids('late', 12)], y: [...ids('y', 30), ...ids('late', 2)] };
    const check = checkPublish([v1], draft, 10, (id) => `Group ${id}`);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain('Group y: 2');
    // An age group left as it was is fine.
    expect(checkPublish([v1], { ...draft, y: ids('y', 30) }, 10).ok).toBe(true);
  });

  it('reads ?version= and names versions', () => {
    expect([undefined, '', 'latest', 'draft', '2', '0', '-1', 'x', '1.5', ['1']].map(parseChoice)).toEqual(['latest', 'latest', 'latest', 'draft', 2, null, null, null, null, null]);
    expect(versionLabel({ number: 2, publishedAt: '2026-05-12T09:30:00.000Z' })).toBe('Version 2, published 12 May 2026');
    expect(versionLabel(null)).toMatch(/^Draft/);
    expect([choiceQuery(null), choiceQuery({ number: 3, publishedAt: '2026-05-12T09:30:00.000Z' })]).toEqual(['?version=draft', '?version=3']);
  });
});
