// The translation workflow's rules: complete catalogues, draft/reviewed/stale, and what an import does to the status.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueDirs } from '../services.ts';
import { CATALOGUE_FILE, LANGUAGES } from '../lib/i18n.ts';
import { translatedLanguages } from './catalogues.ts';
import { applyTranslations, catalogueProblems, effectiveState, isFullyReviewed, markupOf, sourceHash, stringProblems, summarise, variablesOf, type StatusFile, type Strings } from './status.ts';

const read = (file: string): Strings => JSON.parse(readFileSync(file, 'utf8')) as Strings;

describe('every translated catalogue', () => {
  const langs = translatedLanguages(catalogueDirs);

  it('includes Welsh, which the platform knows by its own name', () => {
    expect(langs).toContain('cy');
    expect(LANGUAGES.find((l) => l.code === 'cy')).toEqual({ code: 'cy', nativeName: 'Cymraeg', dir: 'ltr' });
  });

  for (const dir of catalogueDirs) {
    for (const lang of langs) {
      it(`${lang} in ${dir.split('/src/')[1] ?? dir} has exactly the keys, variables and markup of English`, () => {
        const en = read(join(dir, 'messages', 'en.json'));
        const other = read(join(dir, 'messages', `${lang}.json`));
        expect(catalogueProblems(en, other)).toEqual([]);
        expect(Object.keys(other)).toEqual(Object.keys(en));
        // Not English left untranslated (numbers, codes, placeholders and words both languages share may be the same).
        const shared = new Set(['Help', 'Problem:']);
        const same = Object.keys(en).filter((k) => en[k] === other[k] && !shared.has(en[k] ?? '') && /[a-z]{4,}/i.test((en[k] ?? '').replace(/\{\{[^}]*\}\}/g, '')));
        expect(same).toEqual([]);
      });
      it(`${lang} in ${dir.split('/src/')[1] ?? dir} has a status for every key, against the current English`, () => {
        const en = read(join(dir, 'messages', 'en.json'));
        const status = JSON.parse(readFileSync(join(dir, 'messages', `${lang}.status.json`), 'utf8')) as StatusFile;
        expect(Object.keys(status).sort()).toEqual(Object.keys(en).sort());
        for (const [key, s] of Object.entries(status)) {
          expect(['draft', 'reviewed']).toContain(s.state);
          expect(s.source, key).toBe(sourceHash(en[key] ?? ''));
          if (s.state === 'reviewed') expect(s.reviewedBy && s.reviewedAt, key).toBeTruthy();
        }
      });
    }
  }

  it('the Welsh written here is all draft until a fluent speaker reviews it', () => {
    for (const dir of catalogueDirs) {
      const status = JSON.parse(readFileSync(join(dir, 'messages', 'cy.status.json'), 'utf8')) as StatusFile;
      expect(Object.values(status).every((s) => s.state === 'draft')).toBe(true);
    }
  });

  it('sidecars are not catalogues', () => {
    expect(CATALOGUE_FILE.exec('cy.json')?.[1]).toBe('cy');
    expect(CATALOGUE_FILE.exec('pt-BR.json')?.[1]).toBe('pt-BR');
    expect(CATALOGUE_FILE.exec('cy.status.json')).toBeNull();
  });
});

describe('a string\'s state', () => {
  const en = 'Page {{n}} of {{total}}';
  it('is reviewed only against the English it was reviewed from; otherwise stale, and missing is draft', () => {
    const reviewed = { state: 'reviewed' as const, source: sourceHash(en), reviewedBy: 'Eleri', reviewedAt: '2026-05-01T10:00:00Z' };
    expect(effectiveState(en, reviewed)).toBe('reviewed');
    expect(effectiveState('Page {{n}} out of {{total}}', reviewed)).toBe('stale');
    expect(effectiveState(en, { state: 'draft', source: sourceHash(en) })).toBe('draft');
    expect(effectiveState(en, undefined)).toBe('draft');
  });

  it('counts a language, which is offered without a switch only when every string is reviewed', () => {
    const english = { a: 'One', b: 'Two', c: 'Three' };
    const status: StatusFile = {
      a: { state: 'reviewed', source: sourceHash('One'), reviewedBy: 'Eleri', reviewedAt: 't' },
      b: { state: 'reviewed', source: sourceHash('Old two'), reviewedBy: 'Eleri', reviewedAt: 't' },
      c: { state: 'draft', source: sourceHash('Three') },
    };
    const s = summarise('cy', english, { a: 'Un', b: 'Dau', c: 'Tri' }, status);
    expect(s).toEqual({ lang: 'cy', strings: 3, reviewed: 1, draft: 1, stale: 1, missing: 0 });
    expect(isFullyReviewed(s)).toBe(false);
    expect(summarise('cy', english, { a: 'Un' }, status).missing).toBe(2);
    const all = Object.fromEntries(Object.entries(english).map(([k, v]) => [k, { state: 'reviewed' as const, source: sourceHash(v), reviewedBy: 'E', reviewedAt: 't' }]));
    expect(isFullyReviewed(summarise('cy', english, { a: 'Un', b: 'Dau', c: 'Tri' }, all))).toBe(true);
  });
});

describe('what a translation must keep', () => {
  it('reads variables and markup', () => {
    expect(variablesOf('{{max}} of {{ min }}')).toEqual(['max', 'min']);
    expect(markupOf('a <b>bold</b> and <br/> break')).toEqual(['<b>', '</b>', '<br/>']);
    expect(markupOf('<b>open')).toBeNull();
    expect(markupOf('<b><i>x</b></i>')).toBeNull();
    expect(markupOf('a < b')).toBeNull();
  });

  it('names each problem', () => {
    expect(stringProblems('Page {{n}} of {{total}}', 'Tudalen {{n}} o {{total}}')).toEqual([]);
    expect(stringProblems('Page {{n}} of {{total}}', 'Tudalen {{n}}')).toEqual(['missing variable {{total}}']);
    expect(stringProblems('Page {{n}}', 'Tudalen {{n}} {{x}}')).toEqual(['unknown variable {{x}}']);
    expect(stringProblems('A <b>word</b>', 'Gair <b>mawr')).toEqual(['broken markup (a tag is not closed, or closed in the wrong order)']);
    expect(stringProblems('A <b>word</b>', 'Gair mawr')[0]).toMatch(/^markup differs from English/);
    expect(stringProblems('Yes', ' ')).toEqual(['the translation is empty']);
    expect(catalogueProblems({ a: 'A', b: 'B {{x}}' }, { b: 'B', c: 'C' })).toEqual(['a: missing', 'b: missing variable {{x}}', 'c: not a key of English']);
  });
});

describe('applying translations', () => {
  const english = { a: 'One', b: 'Two' };
  const before = {
    strings: { a: 'Un', b: 'Dau' },
    status: {
      a: { state: 'reviewed', source: sourceHash('One'), reviewedBy: 'Eleri', reviewedAt: '2026-01-01T00:00:00Z' },
      b: { state: 'draft', source: sourceHash('Two') },
    } satisfies StatusFile,
  };

  it('keeps an unchanged reviewed string as it was, and sends a changed one back to draft without a reviewer', () => {
    const same = applyTranslations(english, before, [{ key: 'a', target: 'Un', reviewed: true }, { key: 'b', target: 'Dau', reviewed: false }], undefined);
    expect(same.changed).toBe(0);
    expect(same.status).toEqual(before.status);
    const edited = applyTranslations(english, before, [{ key: 'a', target: 'Un!', reviewed: true }], undefined);
    expect(edited.strings['a']).toBe('Un!');
    expect(edited.status['a']).toEqual({ state: 'draft', source: sourceHash('One') });
  });

  it('marks what the reviewer accepted as reviewed by them, now', () => {
    const r = applyTranslations(english, before, [{ key: 'b', target: 'Dau', reviewed: true }], { by: 'Siôn', at: '2026-06-01T09:00:00Z' });
    expect(r.status['b']).toEqual({ state: 'reviewed', source: sourceHash('Two'), reviewedBy: 'Siôn', reviewedAt: '2026-06-01T09:00:00Z' });
    expect(r.status['a']).toEqual(before.status.a);
    // A segment the translator left as "translated" stays draft even with a reviewer named.
    expect(applyTranslations(english, before, [{ key: 'b', target: 'Dau', reviewed: false }], { by: 'Siôn', at: 't' }).status['b']?.state).toBe('draft');
  });

  it('re-reviews a stale string when the reviewer accepts it again', () => {
    const stale = { strings: before.strings, status: { ...before.status, a: { ...before.status.a, source: sourceHash('Old one') } } };
    const r = applyTranslations(english, stale, [{ key: 'a', target: 'Un', reviewed: true }], { by: 'Siôn', at: 't2' });
    expect(effectiveState('One', r.status['a'])).toBe('reviewed');
    expect(r.status['a']?.reviewedBy).toBe('Siôn');
  });
});
