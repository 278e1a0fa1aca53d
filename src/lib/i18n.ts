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

/** Every language the platform knows; English is the source every other catalogue translates. */
export const LANGUAGES: readonly Language[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'cy', nativeName: 'Cymraeg', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
  { code: 'ps', nativeName: 'پښتو', dir: 'rtl' },
  { code: 'prs', nativeName: 'دری', dir: 'rtl' },
  { code: 'ti', nativeName: 'ትግርኛ', dir: 'ltr' },
  { code: 'vi', nativeName: 'Tiếng Việt', dir: 'ltr' },
];

/** The source language: its strings are the ones translators translate, always counted as reviewed. */
export const SOURCE_LANGUAGE = 'en';

/** A catalogue's file name: `cy.json`, `pt-BR.json`; sidecars such as `cy.status.json` are not catalogues. */
export const CATALOGUE_FILE = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.json$/;

/** Reads every messages/<lang>.json under the given folders and merges them per language. */
export function loadCatalogues(dirs: readonly string[]): Record<string, Catalogue> {
  const out: Record<string, Catalogue> = {};
  for (const dir of dirs) {
    const folder = join(dir, 'messages');
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder)) {
      const lang = CATALOGUE_FILE.exec(file)?.[1];
      if (lang === undefined) continue;
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
  /** Whether every string of the language has been reviewed by a fluent speaker (the source always is). */
  reviewed(lang: string): boolean;
}

/**
 * An i18next instance over the given catalogues; a missing key is shown as the key, never blank.
 * `reviewed` lists the languages whose strings are all reviewed (see src/i18n/); the fallback always is.
 */
export function createTranslator(catalogues: Record<string, Catalogue>, fallback = SOURCE_LANGUAGE, reviewed: readonly string[] = []): Translator {
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
    reviewed: (lang) => lang === fallback || reviewed.includes(lang),
  };
}

/**
 * Browser tags that name one of our languages by another code: Dari is written `fa-AF` (Persian as
 * spoken in Afghanistan) by most browsers, while the platform knows it as `prs`.
 */
const TAG_ALIASES: Readonly<Record<string, string>> = { 'fa-af': 'prs' };

/**
 * The language a browser prefers among those offered, from its Accept-Language header (RFC 9110):
 * highest quality first, a region falling back to its language (`cy-GB` -> `cy`), ties in header order.
 * Only used to choose; the header is never stored or logged.
 */
export function preferredLanguage(header: string | undefined, offered: readonly string[]): string | undefined {
  if (header === undefined || header.length > 1000) return undefined;
  const ranges = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, i };
    })
    .filter((r) => r.tag !== '' && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.i - b.i);
  const lower = offered.map((o) => o.toLowerCase());
  for (const { tag: sent } of ranges) {
    if (sent === '*') return undefined;
    const tag = TAG_ALIASES[sent] ?? sent;
    const exact = lower.indexOf(tag);
    if (exact >= 0) return offered[exact];
    const primary = lower.indexOf(tag.split('-')[0] ?? '');
    if (primary >= 0) return offered[primary];
  }
  return undefined;
}
