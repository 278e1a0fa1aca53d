/**
 * The translation workflow's rules, pure: whether each translated string is draft or reviewed, whether a
 * review still holds (the English it was made from has not changed), and what a catalogue must keep from
 * English (its keys, interpolation variables and markup).
 */
import { createHash } from 'node:crypto';

export type Strings = Record<string, string>;

/** What the sidecar `messages/<lang>.status.json` holds per key. */
export interface StringStatus {
  state: 'draft' | 'reviewed';
  /** Hash of the English string the translation was made from (see `sourceHash`). */
  source: string;
  /** Who reviewed it (a fluent speaker) and when (ISO time); only when reviewed. */
  reviewedBy?: string;
  reviewedAt?: string;
}
export type StatusFile = Record<string, StringStatus>;

/** What a string's translation counts as now: a review of an older English string is stale (so draft). */
export type EffectiveState = 'reviewed' | 'draft' | 'stale';

/** A short, stable fingerprint of an English string. */
export const sourceHash = (english: string): string => createHash('sha256').update(english, 'utf8').digest('hex').slice(0, 16);

/** The state of one key: reviewed only if marked so against the English string as it is now. */
export function effectiveState(english: string, status: StringStatus | undefined): EffectiveState {
  if (status?.state !== 'reviewed') return 'draft';
  return status.source === sourceHash(english) ? 'reviewed' : 'stale';
}

export interface LanguageSummary {
  lang: string;
  strings: number;
  reviewed: number;
  draft: number;
  stale: number;
  /** Keys of English with no translation at all (a complete catalogue has none). */
  missing: number;
}

/** Counts a language's strings by state against English. */
export function summarise(lang: string, english: Strings, translated: Strings, status: StatusFile): LanguageSummary {
  const out: LanguageSummary = { lang, strings: 0, reviewed: 0, draft: 0, stale: 0, missing: 0 };
  for (const [key, en] of Object.entries(english)) {
    out.strings++;
    if (translated[key] === undefined) {
      out.missing++;
      continue;
    }
    out[effectiveState(en, status[key])]++;
  }
  return out;
}

/** Whether a language may be offered to young people without a programme administrator's say-so. */
export const isFullyReviewed = (s: LanguageSummary): boolean => s.strings > 0 && s.reviewed === s.strings;

/** The `{{variables}}` a string interpolates, sorted. */
export function variablesOf(text: string): string[] {
  const out: string[] = [];
  let at = text.indexOf('{{');
  while (at >= 0) {
    const end = text.indexOf('}}', at + 2);
    if (end < 0) break;
    out.push(text.slice(at + 2, end).trim());
    at = text.indexOf('{{', end + 2);
  }
  return out.sort();
}

/** The HTML-like tags a string holds (`<b>`, `</b>`, `<br/>`), in order, or null when one is left open or unbalanced. */
export function markupOf(text: string): string[] | null {
  const tags: string[] = [];
  const open: string[] = [];
  let i = text.indexOf('<');
  while (i >= 0) {
    const end = text.indexOf('>', i);
    if (end < 0) return null;
    const tag = text.slice(i, end + 1);
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*?(\/?)>$/.exec(tag);
    if (!m) return null;
    const [, closing, name = '', selfClosing] = m;
    if (closing) {
      if (open.pop() !== name) return null;
    } else if (!selfClosing) open.push(name);
    tags.push(closing ? `</${name}>` : selfClosing ? `<${name}/>` : `<${name}>`);
    i = text.indexOf('<', end);
  }
  return open.length === 0 ? tags : null;
}

/** What is wrong with one translated string against its English source, as sentences (empty when fine). */
export function stringProblems(english: string, translated: string): string[] {
  const problems: string[] = [];
  if (translated.trim() === '') problems.push('the translation is empty');
  const want = variablesOf(english);
  const got = variablesOf(translated);
  const lost = want.filter((v) => !got.includes(v));
  const extra = got.filter((v) => !want.includes(v));
  if (lost.length > 0) problems.push(`missing variable${lost.length > 1 ? 's' : ''} ${lost.map((v) => `{{${v}}}`).join(', ')}`);
  if (extra.length > 0) problems.push(`unknown variable${extra.length > 1 ? 's' : ''} ${extra.map((v) => `{{${v}}}`).join(', ')}`);
  const tags = markupOf(translated);
  const sourceTags = markupOf(english) ?? [];
  if (tags === null) problems.push('broken markup (a tag is not closed, or closed in the wrong order)');
  else if ([...tags].sort().join() !== [...sourceTags].sort().join()) problems.push(`markup differs from English (expected ${sourceTags.join(' ') || 'no tags'})`);
  return problems;
}

/** Everything that stops a catalogue matching English: missing or unknown keys, and each string's problems. */
export function catalogueProblems(english: Strings, translated: Strings): string[] {
  const out: string[] = [];
  for (const key of Object.keys(english)) if (translated[key] === undefined) out.push(`${key}: missing`);
  for (const [key, text] of Object.entries(translated)) {
    const en = english[key];
    if (en === undefined) out.push(`${key}: not a key of English`);
    else for (const p of stringProblems(en, text)) out.push(`${key}: ${p}`);
  }
  return out;
}

/**
 * The status file after new translations come in: a string whose text changed, or that a reviewer
 * accepted, is reviewed by them now; a changed string without a reviewer goes back to draft; an
 * unchanged string keeps its record (so re-importing an export changes nothing).
 */
export function applyTranslations(
  english: Strings,
  before: { strings: Strings; status: StatusFile },
  incoming: ReadonlyArray<{ key: string; target: string; reviewed: boolean }>,
  reviewer: { by: string; at: string } | undefined,
): { strings: Strings; status: StatusFile; changed: number } {
  const strings: Strings = { ...before.strings };
  const status: StatusFile = { ...before.status };
  let changed = 0;
  for (const u of incoming) {
    const en = english[u.key];
    if (en === undefined) continue;
    const source = sourceHash(en);
    const textChanged = strings[u.key] !== u.target;
    const wasReviewed = effectiveState(en, status[u.key]) === 'reviewed';
    strings[u.key] = u.target;
    let next: StringStatus;
    if (reviewer && u.reviewed) next = textChanged || !wasReviewed ? { state: 'reviewed', source, reviewedBy: reviewer.by, reviewedAt: reviewer.at } : (status[u.key] as StringStatus);
    else if (!textChanged && wasReviewed && u.reviewed) next = status[u.key] as StringStatus;
    else next = { state: 'draft', source };
    if (textChanged || JSON.stringify(next) !== JSON.stringify(status[u.key])) changed++;
    status[u.key] = next;
  }
  return { strings, status, changed };
}
