// Choosing the page language from the browser's Accept-Language header, and each language's own name.
import { describe, expect, it } from 'vitest';
import { createTranslator, LANGUAGES, preferredLanguage } from './i18n.ts';

describe('preferredLanguage', () => {
  const offered = ['en', 'cy'];
  it('takes the highest quality language the wave offers, a region falling back to its language', () => {
    expect(preferredLanguage('cy-GB,cy;q=0.9,en-GB;q=0.8,en;q=0.7', offered)).toBe('cy');
    expect(preferredLanguage('en-GB,en;q=0.9,cy;q=0.8', offered)).toBe('en');
    expect(preferredLanguage('fr-FR, cy;q=0.5, en;q=0.4', offered)).toBe('cy');
    expect(preferredLanguage('en;q=0.2, CY;q=0.9', offered)).toBe('cy');
  });
  it('chooses nothing for languages not offered, a refusal (q=0), a wildcard or nonsense', () => {
    expect(preferredLanguage('fr, de', offered)).toBeUndefined();
    expect(preferredLanguage('cy;q=0, fr', offered)).toBeUndefined();
    expect(preferredLanguage('*', offered)).toBeUndefined();
    expect(preferredLanguage(';;,,q=', offered)).toBeUndefined();
    expect(preferredLanguage(undefined, offered)).toBeUndefined();
    expect(preferredLanguage('cy', ['en'])).toBeUndefined();
  });
  it('reads Dari from fa-AF, but not Iranian Persian, and Pashto from ps-AF', () => {
    const afghan = ['en', 'ps', 'prs'];
    expect(preferredLanguage('fa-AF,fa;q=0.9,en;q=0.5', afghan)).toBe('prs');
    expect(preferredLanguage('prs, en;q=0.5', afghan)).toBe('prs');
    expect(preferredLanguage('fa-IR,fa;q=0.9,en;q=0.5', afghan)).toBe('en');
    expect(preferredLanguage('ps-AF,en;q=0.5', afghan)).toBe('ps');
    expect(preferredLanguage('fa-AF', ['en'])).toBeUndefined();
  });
});

describe('the translator', () => {
  it('counts the source language as reviewed, others only when told', () => {
    const t = createTranslator({ en: { a: 'A' }, cy: { a: 'Ah' } });
    expect(t.reviewed('en')).toBe(true);
    expect(t.reviewed('cy')).toBe(false);
    expect(createTranslator({ en: { a: 'A' }, cy: { a: 'Ah' } }, 'en', ['cy']).reviewed('cy')).toBe(true);
  });
  it('names every language in its own script', () => {
    const names = Object.fromEntries(LANGUAGES.map((l) => [l.code, l.nativeName]));
    expect(names).toMatchObject({ en: 'English', cy: 'Cymraeg', ps: 'پښتو', prs: 'دری' });
    expect(LANGUAGES.filter((l) => l.code === 'ps' || l.code === 'prs').map((l) => l.dir)).toEqual(['rtl', 'rtl']);
  });
});
