// The order a mixed line is drawn in: Arabic runs right to left, numbers and Latin left to right inside them.
import { describe, expect, it } from 'vitest';
import { visualRuns, visualString } from './bidi.ts';

describe('visualRuns', () => {
  it('leaves a left-to-right line alone', () => {
    expect(visualRuns('Page 2 of 8', 'ltr')).toEqual([{ text: 'Page 2 of 8', own: false, rtl: false }]);
    expect(visualRuns('', 'rtl', 'arabic')).toEqual([]);
  });

  it('draws an Arabic line from the right, keeping numbers in their own order', () => {
    // "Page 2 of 8": read right to left, so drawn left to right it starts with the 8.
    expect(visualString('الصفحة 2 من 8', 'rtl', 'arabic')).toBe('8 نم 2 ةحفصلا');
    // Each number keeps its digits; two numbers in a row follow the line, so a phone number is isolated
    // left to right in the catalogue (U+2066...U+2069), and the isolate marks are not drawn.
    expect(visualString('اتصل بالرقم 0800 1111', 'rtl', 'arabic')).toBe('1111 0800 مقرلاب لصتا');
    expect(visualString('اتصل بالرقم \u20660800 1111\u2069', 'rtl', 'arabic')).toBe('0800 1111 مقرلاب لصتا');
  });

  it('hands Arabic words to the shaper in logical order, tagged for the Arabic font', () => {
    const runs = visualRuns('مرحبًا Bright Spots', 'rtl', 'arabic');
    expect(runs[0]).toEqual({ text: 'Bright Spots', own: false, rtl: false });
    expect(runs.at(-1)).toEqual({ text: 'مرحبًا', own: true, rtl: true });
  });

  it('mirrors brackets and quotes at a right-to-left level', () => {
    expect(visualString('مستشار (PA)', 'rtl', 'arabic')).toBe('(PA) راشتسم');
    expect(visualString('«أبدًا»', 'rtl', 'arabic')).toBe('«اًدبأ»');
  });

  it('tags Ethiopic letters for their font in a left-to-right line', () => {
    expect(visualRuns('ሰላም 1', 'ltr', 'ethiopic')).toEqual([
      { text: 'ሰላም', own: true, rtl: false },
      { text: ' 1', own: false, rtl: false },
    ]);
  });
});
