import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, hashSecret, newCode, newId, normaliseCode } from './ids.ts';
import { safePath } from './logger.ts';

describe('ids', () => {
  it('makes random UUID v4 ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('uses no look-alike characters in codes', () => {
    for (const c of '01IL5S2Z8BOUV') expect(CODE_ALPHABET).not.toContain(c);
    expect(newCode(10)).toMatch(new RegExp(`^[${CODE_ALPHABET}]{10}$`));
  });

  it('normalises what a person types around a code', () => {
    fc.assert(
      fc.property(fc.stringMatching(new RegExp(`^[${CODE_ALPHABET}]{10}$`)), (code) => {
        const typed = `${code.slice(0, 4).toLowerCase()}- ${code.slice(4)}`;
        expect(normaliseCode(typed)).toBe(code);
      }),
    );
  });

  it('hashes secrets one way and stably', () => {
    expect(hashSecret('abc')).toBe(hashSecret('abc'));
    expect(hashSecret('abc')).not.toContain('abc');
  });
});

describe('safePath', () => {
  it('never keeps a query string or a survey code', () => {
    expect(safePath('/s/ABCDEFGH/p/intro?lang=cy&x=1')).toBe('/s/:wave/p/intro');
    expect(safePath('/resume/ACD3F7HKMN')).toBe('/resume/:code');
    expect(safePath('/healthz?probe=1')).toBe('/healthz');
  });
});
