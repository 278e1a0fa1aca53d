/**
 * Report versions as pure rules: what separates two sets of analysed responses, whether a new version
 * may be published, and how a version is named on every page and file. No I/O.
 */

/** The analysed response ids of one report, by instrument (age group), each list sorted. */
export type AnalysedIds = Readonly<Record<string, readonly string[]>>;

/** A published version as readers see it (never the response ids). */
export interface VersionSummary {
  readonly number: number;
  /** ISO timestamp. */
  readonly publishedAt: string;
  /** How many responses the version analysed. */
  readonly responses: number;
  /** The publisher's reason. */
  readonly note: string;
}

/** What a report is: a published version, or the live draft (null). */
export type ReportVersion = { readonly number: number; readonly publishedAt: string } | null;

/** Which report a reader asks for: the latest published (the default), the draft, or a version by number. */
export type ReportChoice = 'latest' | 'draft' | number;

/** The `?version=` of a request: absent means latest; "draft"; or a whole number from 1. Anything else is null. */
export function parseChoice(value: unknown): ReportChoice | null {
  if (value === undefined || value === '') return 'latest';
  if (value === 'draft' || value === 'latest') return value;
  if (typeof value === 'string' && /^[1-9][0-9]{0,5}$/.test(value)) return Number(value);
  return null;
}

/** The query string that asks for the same report again (for download links). */
export function choiceQuery(version: ReportVersion): string {
  return version === null ? '?version=draft' : `?version=${version.number}`;
}

/** Sorted ids by instrument, from analysed responses. */
export function analysedIds(responses: readonly { readonly id: string; readonly instrumentId: string }[]): AnalysedIds {
  const out: Record<string, string[]> = {};
  for (const r of responses) (out[r.instrumentId] ??= []).push(r.id);
  for (const ids of Object.values(out)) ids.sort();
  return out;
}

/** How many responses are in one set and not the other (the symmetric difference), overall and by instrument. */
export function separation(a: AnalysedIds, b: AnalysedIds): { total: number; byInstrument: Record<string, number> } {
  const byInstrument: Record<string, number> = {};
  let total = 0;
  for (const inst of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = new Set(a[inst] ?? []);
    const y = new Set(b[inst] ?? []);
    let n = 0;
    for (const id of x) if (!y.has(id)) n++;
    for (const id of y) if (!x.has(id)) n++;
    byInstrument[inst] = n;
    total += n;
  }
  return { total, byInstrument };
}

export type PublishCheck =
  | { readonly ok: true; readonly nextNumber: number; readonly closest: { readonly number: number; readonly separation: number } | null }
  | { readonly ok: false; readonly nextNumber: number; readonly message: string };

const responsesWord = (n: number): string => `${n} response${n === 1 ? '' : 's'}`;

/**
 * Whether the draft may become the next version. Against every earlier version (not only the last: a
 * later version may undo part of an earlier change), the draft must differ by at least `min` responses
 * in all, and each age group whose responses changed by at least `min` too, since each age group's
 * figures are printed on their own and differencing them would expose the few young people in between.
 */
export function checkPublish(previous: readonly { readonly number: number; readonly ids: AnalysedIds }[], draft: AnalysedIds, min: number, groupName: (instrumentId: string) => string = (id) => id): PublishCheck {
  const nextNumber = previous.reduce((n, v) => Math.max(n, v.number), 0) + 1;
  let closest: { number: number; separation: number } | null = null;
  for (const v of [...previous].sort((a, b) => b.number - a.number)) {
    const s = separation(v.ids, draft);
    if (s.total < min) {
      const what = s.total === 0 ? 'The analysed responses are the same as' : `Only ${responsesWord(s.total)} separate this draft from`;
      return { ok: false, nextNumber, message: `${what} version ${v.number}: a new version needs at least ${min} responses more or fewer, so that comparing the two cannot reveal a few young people's answers.` };
    }
    const small = Object.entries(s.byInstrument).filter(([, n]) => n > 0 && n < min);
    if (small.length > 0) {
      const list = small.map(([inst, n]) => `${groupName(inst)}: ${n}`).join('; ');
      return { ok: false, nextNumber, message: `${responsesWord(s.total)} separate this draft from version ${v.number}, but in some age groups fewer than ${min} changed (${list}). Each age group's figures are shown on their own, so each group that changes needs at least ${min}.` };
    }
    if (closest === null || s.total < closest.separation) closest = { number: v.number, separation: s.total };
  }
  return { ok: true, nextNumber, closest };
}

const day = (iso: string): string => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "Version 2, published 12 May 2026", or the draft's warning, as printed on every page and file. */
export function versionLabel(version: ReportVersion): string {
  return version === null ? 'Draft: not published, not for sharing' : `Version ${version.number}, published ${day(version.publishedAt)}`;
}
