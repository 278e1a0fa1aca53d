/**
 * Writing systems, pure: which languages are written right to left, which need a font of their own (one
 * bundled from an npm font package, served from the app's assets, never fetched from elsewhere), and
 * the bidi helpers pages and printed forms share. Adding a script: add it to SCRIPT_FONTS, map its
 * languages in SCRIPT_OF_LANGUAGE, and the asset build writes its font CSS (scripts/build-assets.ts).
 */
import { LANGUAGES } from './i18n.ts';

export type Script = 'arabic' | 'ethiopic';

/** One @font-face file of a bundled font: the package's woff2 for one unicode-range subset and weight. */
export interface FontFace {
  readonly file: string;
  readonly weight: string;
  readonly format: 'woff2' | 'woff2-variations';
}

/** A web font for a script, from a fontsource package (OFL-1.1), subset to the script's own letters. */
export interface ScriptFont {
  readonly family: string;
  readonly packageName: string;
  /** The package's unicode.json subset the faces cover. */
  readonly subset: string;
  readonly faces: readonly FontFace[];
  /** The package's TTF-compatible file (WOFF) printed forms embed, regular weight. */
  readonly printFile: string;
  /** Line height that leaves room for the script's ascenders and marks. */
  readonly lineHeight: number;
}

export const SCRIPT_FONTS: Readonly<Record<Script, ScriptFont>> = {
  arabic: {
    family: 'Noto Sans Arabic',
    packageName: '@fontsource/noto-sans-arabic',
    subset: 'arabic',
    // Regular only (48 KB): headings get the browser's synthesised bold rather than a second 50 KB file.
    faces: [{ file: 'noto-sans-arabic-arabic-400-normal.woff2', weight: '400', format: 'woff2' }],
    printFile: 'noto-sans-arabic-arabic-400-normal.woff',
    lineHeight: 1.7,
  },
  ethiopic: {
    family: 'Noto Sans Ethiopic Variable',
    packageName: '@fontsource-variable/noto-sans-ethiopic',
    subset: 'ethiopic',
    // One variable file carries every weight.
    faces: [{ file: 'noto-sans-ethiopic-ethiopic-wght-normal.woff2', weight: '100 900', format: 'woff2-variations' }],
    printFile: 'noto-sans-ethiopic-ethiopic-wght-normal.woff2',
    lineHeight: 1.6,
  },
};

/** Languages whose letters the system font stack may lack; every other language needs no web font. */
export const SCRIPT_OF_LANGUAGE: Readonly<Record<string, Script>> = { ar: 'arabic', ps: 'arabic', prs: 'arabic', ti: 'ethiopic' };

/** The script a language needs a bundled font for, if any (a region falls back to its language). */
export const scriptOf = (lang: string): Script | undefined => SCRIPT_OF_LANGUAGE[lang] ?? SCRIPT_OF_LANGUAGE[lang.split('-')[0] ?? ''];

/** The asset name of a script's font stylesheet, as the asset build writes it. */
export const fontCssName = (script: Script): string => `font-${script}.css`;

/** The font stylesheet a page in this language links, or undefined (most languages: none, so no weight). */
export function fontCssFor(lang: string): string | undefined {
  const script = scriptOf(lang);
  return script === undefined ? undefined : fontCssName(script);
}

/** Text direction of a language: from LANGUAGES, left to right when unknown. */
export const dirOf = (lang: string): 'ltr' | 'rtl' => LANGUAGES.find((l) => l.code === lang)?.dir ?? 'ltr';

/** The stylesheet for a script: its @font-face rules (woff2 only, from /assets) and the page's font stack. */
export function fontCss(font: ScriptFont, unicodeRange: string, stack: string): string {
  const faces = font.faces.map(
    (f) =>
      `@font-face{font-family:"${font.family}";font-style:normal;font-display:swap;font-weight:${f.weight};` +
      `src:url(/assets/${f.file}) format("${f.format}");unicode-range:${unicodeRange}}`,
  );
  // Linked after the survey's stylesheet, so the same specificity as its body rule wins.
  return `${faces.join('')}body,body.bs-survey{font-family:"${font.family}",${stack};line-height:${font.lineHeight}}\n`;
}

/** Unicode ranges (`U+0600-06FF`) as [from, to] code point pairs. */
export function parseUnicodeRange(range: string): Array<[number, number]> {
  return range.split(',').map((part) => {
    const [from = '', to] = part.trim().replace(/^U\+/i, '').split('-');
    const a = parseInt(from, 16);
    return [a, to === undefined ? a : parseInt(to, 16)];
  });
}

const ARABIC_LETTERS: Array<[number, number]> = [[0x0600, 0x06ff], [0x0750, 0x077f], [0x0870, 0x08ff], [0xfb50, 0xfdff], [0xfe70, 0xfeff]];
const ETHIOPIC_LETTERS: Array<[number, number]> = [[0x1200, 0x139f], [0x2d80, 0x2ddf], [0xab00, 0xab2f]];
const inRanges = (cp: number, ranges: ReadonlyArray<[number, number]>): boolean => ranges.some(([a, b]) => cp >= a && cp <= b);

/** Whether a character is one of a script's own letters or marks (the ones its bundled font covers). */
export function isScriptChar(script: Script, ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return inRanges(cp, script === 'arabic' ? ARABIC_LETTERS : ETHIOPIC_LETTERS);
}

/** Splits text into runs of the script's own letters and of everything else, in logical order. */
export function scriptRuns(script: Script, text: string): Array<{ text: string; own: boolean }> {
  const runs: Array<{ text: string; own: boolean }> = [];
  for (const ch of text) {
    const own = isScriptChar(script, ch);
    const last = runs[runs.length - 1];
    if (last !== undefined && last.own === own) last.text += ch;
    else runs.push({ text: ch, own });
  }
  return runs;
}
