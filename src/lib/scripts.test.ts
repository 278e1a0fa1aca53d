// Which languages are right to left and which need a bundled font, and the stylesheet the asset build writes.
import { describe, expect, it } from 'vitest';
import { dirOf, fontCss, fontCssFor, isScriptChar, parseUnicodeRange, SCRIPT_FONTS, scriptOf, scriptRuns } from './scripts.ts';

describe('direction and fonts per language', () => {
  it('knows Arabic is right to left, English and Welsh left to right, unknown codes left to right', () => {
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('en')).toBe('ltr');
    expect(dirOf('cy')).toBe('ltr');
    expect(dirOf('xx')).toBe('ltr');
  });

  it('links a font only for languages whose script needs one', () => {
    expect(fontCssFor('ar')).toBe('font-arabic.css');
    expect(fontCssFor('ps')).toBe('font-arabic.css');
    expect(fontCssFor('prs')).toBe('font-arabic.css');
    expect(fontCssFor('ti')).toBe('font-ethiopic.css');
    expect(fontCssFor('ar-SY')).toBe('font-arabic.css');
    for (const lang of ['en', 'cy', 'vi']) expect(fontCssFor(lang)).toBeUndefined();
    expect(scriptOf('en')).toBeUndefined();
  });
});

describe('the font stylesheet', () => {
  it('serves only the subset woff2 files from /assets, limited to the script\'s unicode range', () => {
    const css = fontCss(SCRIPT_FONTS.arabic, 'U+0600-06FF,U+FB50-FDFF', 'system-ui,sans-serif');
    expect(css.match(/@font-face/g)).toHaveLength(1);
    expect(css).toContain('src:url(/assets/noto-sans-arabic-arabic-400-normal.woff2) format("woff2")');
    expect(css).toContain('unicode-range:U+0600-06FF,U+FB50-FDFF');
    expect(css).toContain('body.bs-survey{font-family:"Noto Sans Arabic",system-ui,sans-serif');
    expect(css).not.toMatch(/https?:/);
    const ethiopic = fontCss(SCRIPT_FONTS.ethiopic, 'U+1200-1399', 'sans-serif');
    expect(ethiopic.match(/@font-face/g)).toHaveLength(1);
    expect(ethiopic).toContain('format("woff2-variations")');
  });

  it('reads unicode ranges', () => {
    expect(parseUnicodeRange('U+0600-06FF,U+200C')).toEqual([[0x600, 0x6ff], [0x200c, 0x200c]]);
  });
});

describe('script runs', () => {
  it('splits a line into the script\'s own letters and the rest', () => {
    expect(isScriptChar('arabic', 'ع')).toBe(true);
    expect(isScriptChar('arabic', '«')).toBe(false);
    expect(isScriptChar('ethiopic', 'ሰ')).toBe(true);
    expect(scriptRuns('arabic', 'رقم 0800')).toEqual([
      { text: 'رقم', own: true },
      { text: ' 0800', own: false },
    ]);
  });
});
