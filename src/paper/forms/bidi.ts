/**
 * One printed line of mixed text, in the order it is drawn from left to right: the Unicode bidirectional
 * algorithm (bidi-js) orders Arabic words, numbers and Latin words, and each run is tagged with whether
 * its letters belong to the script's own font. pdfkit shapes a run through fontkit, which joins Arabic
 * letters and lays a right-to-left script's run out right to left itself; so an own-script run keeps its
 * logical order here, while other runs at a right-to-left level (spaces, quotes, brackets) come already
 * reversed, with mirrored brackets.
 */
import bidiModule, { type Bidi } from 'bidi-js';
import { isScriptChar, type Script } from '../../lib/scripts.ts';

// The package is CommonJS whose module.exports is the factory; its typings describe an ES default export,
// which Node's interop hands over as the factory itself.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const bidi = (bidiModule as unknown as () => Bidi)();

export interface VisualRun {
  /** Text to hand to the font: logical order for own-script runs (the shaper orders them), visual otherwise. */
  readonly text: string;
  /** Drawn with the script's own font (its letters), else with the form's Latin font. */
  readonly own: boolean;
  /** At a right-to-left level. */
  readonly rtl: boolean;
}

/** Runs of a line, left to right as drawn, for a paragraph in `dir`. Without a script nothing is own. */
export function visualRuns(text: string, dir: 'ltr' | 'rtl', script?: Script): VisualRun[] {
  if (text === '') return [];
  const control = (ch: string | undefined): boolean => ch !== undefined && BIDI_CONTROLS.test(ch);
  const levels = bidi.getEmbeddingLevels(text, dir);
  const order = bidi.getReorderedIndices(text, levels);
  const runs: Array<{ indices: number[]; own: boolean; rtl: boolean }> = [];
  for (const i of order) {
    const ch = text[i] ?? '';
    // Isolates and marks (catalogues keep a phone number left to right with U+2066...U+2069) order the
    // line but are never drawn: fonts have no glyph for them.
    if (control(ch)) continue;
    const rtl = ((levels.levels[i] ?? 0) & 1) === 1;
    const own = script !== undefined && isScriptChar(script, ch);
    const last = runs[runs.length - 1];
    const prev = last?.indices[last.indices.length - 1];
    const adjacent = prev !== undefined && (rtl ? i === prev - 1 : i === prev + 1);
    if (last !== undefined && last.own === own && last.rtl === rtl && adjacent) last.indices.push(i);
    else runs.push({ indices: [i], own, rtl });
  }
  return runs.map((r) => {
    if (r.rtl && r.own) return { text: [...r.indices].reverse().map((i) => text[i]).join(''), own: true, rtl: true };
    if (r.rtl) return { text: r.indices.map((i) => bidi.getMirroredCharacter(text[i] ?? '') ?? text[i]).join(''), own: false, rtl: true };
    return { text: r.indices.map((i) => text[i]).join(''), own: r.own, rtl: false };
  });
}

/** The line as a reader sees it, left to right (own-script runs reversed to visual order): for tests and logs. */
export const visualString = (text: string, dir: 'ltr' | 'rtl', script?: Script): string =>
  visualRuns(text, dir, script)
    .map((r) => (r.rtl && r.own ? [...r.text].reverse().join('') : r.text))
    .join('');
