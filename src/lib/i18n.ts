/**
 * Message catalogues: every word a young person sees comes from here, never from a template or code.
 * Catalogues are JSON files `messages/<lang>.json` in each feature that owns text, merged per language.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n as I18next } from 'i18next';

export type Catalogue = Record<string, unknown>;

export interface Language {
  code: string;
  /** The language's name in its own script, as a picker must show it. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGES: readonly Language[] = [{ code: 'en', nativeName: 'English', dir: 'ltr' }];

/** Reads every messages/<lang>.json under the given folders and merges them per language. */
export function loadCatalogues(dirs: readonly string[]): Record<string, Catalogue> {
  const out: Record<string, Catalogue> = {};
  for (const dir of dirs) {
    const folder = join(dir, 'messages');
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
      const lang = file.replace(/\.json$/, '');
      const data = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Catalogue;
      out[lang] = { ...(out[lang] ?? {}), ...data };
    }
  }
  return out;
}

export interface Translator {
  t(lang: string, key: string, vars?: Record<string, string | number>): string;
  has(lang: string, key: string): boolean;
  languages(): string[];
}

/** An i18next instance over the given catalogues; a missing key is shown as the key, never blank. */
export function createTranslator(catalogues: Record<string, Catalogue>, fallback = 'en'): Translator {
  const inst: I18next = i18next.createInstance();
  void inst.init({
    initAsync: false,
    resources: Object.fromEntries(Object.entries(catalogues).map(([l, c]) => [l, { translation: c }])),
    fallbackLng: fallback,
    interpolation: { escapeValue: false },
    keySeparator: false,
    nsSeparator: false,
    returnNull: false,
  });
  return {
    t: (lang, key, vars) => inst.t(key, { lng: lang, ...(vars ?? {}) }),
    has: (lang, key) => inst.exists(key, { lng: lang, fallbackLng: false }),
    languages: () => Object.keys(catalogues),
  };
}
