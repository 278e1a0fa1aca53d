/**
 * XLIFF 2.0 for translators, pure: one file per language with each key's English source, the current
 * target and its state; read back with every problem reported against its line, nothing half-read.
 * Parsed and written with fast-xml-parser (never by hand), so escaping and entities are right.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { stringProblems, type EffectiveState, type Strings } from './status.ts';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

/** One string for the translator. */
export interface XliffUnit {
  key: string;
  source: string;
  /** The current translation, if any. */
  target?: string;
  state: EffectiveState;
}

/** A unit read back: `reviewed` when the translator marked its segment `reviewed` or `final`. */
export interface ImportedUnit {
  key: string;
  target: string;
  reviewed: boolean;
}

/** XLIFF 2.0 segment states for ours: draft and stale are "translated" (stale also says why in a note). */
const SEGMENT_STATE: Record<EffectiveState, string> = { reviewed: 'reviewed', draft: 'translated', stale: 'translated' };

/** The XLIFF 2.0 document of one language. */
export function toXliff(lang: string, units: readonly XliffUnit[]): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    xliff: {
      '@_xmlns': XLIFF_NS,
      '@_version': '2.0',
      '@_srcLang': 'en',
      '@_trgLang': lang,
      file: {
        '@_id': 'bright-spots',
        unit: units.map((u) => ({
          '@_id': u.key,
          ...(u.state === 'stale' ? { notes: { note: { '@_category': 'state', '#text': 'The English changed after this translation was reviewed: please check it.' } } } : {}),
          segment: {
            ...(u.target === undefined ? { '@_state': 'initial' } : { '@_state': SEGMENT_STATE[u.state] }),
            source: u.source,
            ...(u.target === undefined ? {} : { target: u.target }),
          },
        })),
      },
    },
  };
  return builder.build(doc);
}

/** A problem in an imported file, with the line it is on (1 when it concerns the whole file). */
export interface XliffError {
  line: number;
  message: string;
}

export type XliffReadResult = { ok: true; lang: string; units: ImportedUnit[] } | { ok: false; errors: XliffError[] };

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** An attribute's text ('' when absent or not text). */
const attr = (node: Node | undefined, name: string): string => {
  const v = node?.[`@_${name}`];
  return typeof v === 'string' ? v : '';
};

/** The 1-based line of the first `<unit id="key"` at or after `from`, for messages (never for reading values). */
function lineOf(text: string, key: string, from = 0): { line: number; at: number } {
  const needles = [`id="${key}"`, `id='${key}'`];
  const at = Math.min(...needles.map((n) => text.indexOf(n, from)).map((i) => (i < 0 ? Infinity : i)));
  if (!Number.isFinite(at)) return { line: 1, at: from };
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return { line, at };
}

/**
 * Reads an XLIFF 2.0 (or 1.2) file for `english`'s keys. Refuses, with every problem and its line: XML that
 * is not well formed, another source language, keys English does not have, a key twice, a source that no
 * longer matches English (the file is out of date), and targets that lose or add a variable or break markup.
 */
export function readXliff(text: string, english: Strings): XliffReadResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, errors: [{ line: valid.err.line, message: `not well-formed XML: ${valid.err.msg}` }] };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const doc = parser.parse(text) as Node;
  const root = doc['xliff'];
  if (!isNode(root)) return { ok: false, errors: [{ line: 1, message: 'this is not an XLIFF file (no <xliff> element)' }] };
  const version = attr(root, 'version');
  const v2 = version.startsWith('2.');
  if (!v2 && version !== '1.2') return { ok: false, errors: [{ line: 1, message: `XLIFF version ${version || '(none)'} is not supported: use 2.0 or 1.2` }] };

  const errors: XliffError[] = [];
  const files = asList(root['file']).filter(isNode);
  const first = files[0];
  const srcLang = v2 ? attr(root, 'srcLang') : attr(first, 'source-language');
  const lang = v2 ? attr(root, 'trgLang') : attr(first, 'target-language');
  if (srcLang.toLowerCase() !== 'en') errors.push({ line: 1, message: `the source language must be en, not "${srcLang}"` });
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(lang) || lang === 'en') errors.push({ line: 1, message: `the target language "${lang}" is not a language code other than en` });

  const units: ImportedUnit[] = [];
  const seen = new Set<string>();
  let from = 0;
  for (const file of files) {
    const rawUnits = v2 ? asList(file['unit']) : asList(isNode(file['body']) ? file['body']['trans-unit'] : undefined);
    for (const raw of rawUnits) {
      if (!isNode(raw)) continue;
      const key = attr(raw, 'id');
      const where = lineOf(text, key, from);
      from = where.at;
      const fail = (message: string) => errors.push({ line: where.line, message: `${key || '(no id)'}: ${message}` });
      const english_ = english[key];
      if (english_ === undefined) {
        fail('not a key of the English catalogues');
        continue;
      }
      if (seen.has(key)) {
        fail('appears more than once');
        continue;
      }
      seen.add(key);
      const segments = v2 ? asList(raw['segment']).filter(isNode) : [raw];
      const segment = segments[0];
      if (segments.length !== 1 || !segment) {
        fail('must have exactly one segment');
        continue;
      }
      const source = segment['source'];
      const target = segment['target'];
      if (typeof source !== 'string' || source !== english_) {
        fail('its source is not the current English (export the file again)');
        continue;
      }
      if (target === undefined) continue; // not translated yet: leaves the catalogue as it is
      if (typeof target !== 'string') {
        fail('the target holds XML elements: write the text only, with any markup exactly as in the source');
        continue;
      }
      const problems = stringProblems(english_, target);
      if (problems.length > 0) {
        fail(problems.join('; '));
        continue;
      }
      const state = v2 ? attr(segment, 'state') : attr(raw, 'approved') === 'yes' ? 'final' : '';
      units.push({ key, target, reviewed: state === 'reviewed' || state === 'final' });
    }
  }
  if (units.length === 0 && errors.length === 0) errors.push({ line: 1, message: 'the file holds no translated units' });
  return errors.length > 0 ? { ok: false, errors: errors.sort((a, b) => a.line - b.line) } : { ok: true, lang, units };
}
