/**
 * The catalogues on disk: each feature folder's `messages/<lang>.json` (the words) and its sidecar
 * `messages/<lang>.status.json` (per key: draft or reviewed, by whom and when, and the hash of the
 * English it was made from). Reads every folder into one view per language and writes imports back
 * all or nothing (every file checked first, then each written to a temporary file and renamed).
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_FILE, SOURCE_LANGUAGE } from '../lib/i18n.ts';
import { AppError } from '../lib/errors.ts';
import { applyTranslations, effectiveState, isFullyReviewed, summarise, type LanguageSummary, type StatusFile, type Strings } from './status.ts';
import { readXliff, toXliff, type XliffError } from './xliff.ts';

const readJson = <T>(file: string, empty: T): T => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : empty);

interface Folder {
  dir: string;
  english: Strings;
  strings: Strings;
  status: StatusFile;
}

function folders(dirs: readonly string[], lang: string): Folder[] {
  return dirs
    .filter((dir) => existsSync(join(dir, 'messages', `${SOURCE_LANGUAGE}.json`)))
    .map((dir) => ({
      dir,
      english: readJson<Strings>(join(dir, 'messages', `${SOURCE_LANGUAGE}.json`), {}),
      strings: readJson<Strings>(join(dir, 'messages', `${lang}.json`), {}),
      status: readJson<StatusFile>(join(dir, 'messages', `${lang}.status.json`), {}),
    }));
}

/** The translated languages that have a catalogue in any of the folders, sorted. */
export function translatedLanguages(dirs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const dir of dirs) {
    const folder = join(dir, 'messages');
    if (!existsSync(folder)) continue;
    for (const f of readdirSync(folder)) {
      const lang = CATALOGUE_FILE.exec(f)?.[1];
      if (lang !== undefined && lang !== SOURCE_LANGUAGE) out.add(lang);
    }
  }
  return [...out].sort();
}

/** One language's counts over every folder. */
export function languageSummary(dirs: readonly string[], lang: string): LanguageSummary {
  const total: LanguageSummary = { lang, strings: 0, reviewed: 0, draft: 0, stale: 0, missing: 0 };
  for (const f of folders(dirs, lang)) {
    const s = summarise(lang, f.english, f.strings, f.status);
    total.strings += s.strings;
    total.reviewed += s.reviewed;
    total.draft += s.draft;
    total.stale += s.stale;
    total.missing += s.missing;
  }
  return total;
}

/** The translated languages whose every string is reviewed against the current English. */
export const reviewedLanguages = (dirs: readonly string[]): string[] => translatedLanguages(dirs).filter((l) => isFullyReviewed(languageSummary(dirs, l)));

/** A language's XLIFF 2.0 file for a translator: every English key with the current target and its state. */
export function exportXliff(dirs: readonly string[], lang: string): string {
  if (lang === SOURCE_LANGUAGE) throw new AppError('bad_request', 'English is the source language: export another language');
  const units = folders(dirs, lang).flatMap((f) =>
    Object.entries(f.english).map(([key, source]) => {
      const target = f.strings[key];
      return { key, source, state: effectiveState(source, f.status[key]), ...(target === undefined ? {} : { target }) };
    }),
  );
  return toXliff(lang, units);
}

export type ImportResult = { ok: true; lang: string; changed: number; summary: LanguageSummary } | { ok: false; errors: XliffError[] };

/**
 * Reads a translator's XLIFF file back into the catalogues. With `reviewedBy`, segments marked
 * `reviewed` or `final` become reviewed by that person now; everything else changed becomes draft.
 * Any problem refuses the whole file and writes nothing.
 */
export function importXliff(dirs: readonly string[], text: string, opts: { reviewedBy?: string; now: string }): ImportResult {
  const english: Strings = {};
  for (const f of folders(dirs, SOURCE_LANGUAGE)) Object.assign(english, f.english);
  const read = readXliff(text, english);
  if (!read.ok) return read;
  const reviewer = opts.reviewedBy ? { by: opts.reviewedBy, at: opts.now } : undefined;
  const writes: Array<{ file: string; body: string }> = [];
  let changed = 0;
  for (const f of folders(dirs, read.lang)) {
    const mine = read.units.filter((u) => f.english[u.key] !== undefined);
    if (mine.length === 0) continue;
    const next = applyTranslations(f.english, { strings: f.strings, status: f.status }, mine, reviewer);
    changed += next.changed;
    // Keys in English order, so the files diff well.
    const ordered = <T>(rec: Record<string, T>) => Object.fromEntries(Object.keys(f.english).filter((k) => rec[k] !== undefined).map((k) => [k, rec[k] as T]));
    writes.push({ file: join(f.dir, 'messages', `${read.lang}.json`), body: `${JSON.stringify(ordered(next.strings), null, 2)}\n` });
    writes.push({ file: join(f.dir, 'messages', `${read.lang}.status.json`), body: `${JSON.stringify(ordered(next.status), null, 2)}\n` });
  }
  for (const w of writes) writeFileSync(`${w.file}.tmp`, w.body);
  for (const w of writes) renameSync(`${w.file}.tmp`, w.file);
  return { ok: true, lang: read.lang, changed, summary: languageSummary(dirs, read.lang) };
}
