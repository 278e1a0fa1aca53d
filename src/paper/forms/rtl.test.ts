// Right-to-left and other-script printed forms: Arabic shaped in Noto Sans Arabic and ordered by the bidi
// algorithm, the layout mirrored (tick boxes on the reading side) by the same computation the scan layout
// comes from, every box drawn where the layout says and the QR code readable; Tigrinya's script font too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { getInstrument } from '../../instruments/index.ts';
import { PAGE, type FormDesign } from './design.ts';
import { pdfMeasure, renderForms, scriptFontFor } from './draw.ts';
import { designForm } from './layout.ts';
import { mirrorOp, mirrorRect } from './mirror.ts';
import { printedForms, runTrial } from '../scan/trial.ts';
import { decodePage } from './payload.ts';
import { collect, pageCount, pdfText, rasterise, readQr, wordsFor, type Raster } from './testing.ts';

const WAVE = '0b9c6c1e-2f3e-4d55-9f0a-3c1f8e2d4b6a';

async function printed(lang: string, id = 'ylyc-11-17'): Promise<{ pdf: Buffer; design: FormDesign }> {
  const instrument = getInstrument(id);
  if (!instrument) throw new Error(`no ${id}`);
  const { words, has } = wordsFor(lang);
  const design = designForm(instrument, lang, words, has, await pdfMeasure(lang));
  const pdf = await collect(await renderForms(design, { waveId: WAVE, serials: ['ACD3F7HK'], footer: (serial, page, pages) => words('paper.footer', { serial, page, pages }) }));
  return { pdf, design };
}

/** The darkest pixel within one pixel of (x, y) points. */
function darkest(img: Raster, x: number, y: number): number {
  const s = img.dpi / 72;
  let min = 255;
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) min = Math.min(min, img.pixels[(Math.round(y * s) + dy) * img.width + Math.round(x * s) + dx] ?? 255);
  return min;
}

describe('an Arabic paper form', () => {
  let ar: { pdf: Buffer; design: FormDesign };
  let en: { pdf: Buffer; design: FormDesign };
  beforeAll(async () => {
    ar = await printed('ar');
    en = await printed('en');
    // For people to look at: .tmp/paper-ar.pdf and its first pages as PNG.
    mkdirSync('.tmp', { recursive: true });
    writeFileSync('.tmp/paper-ar.pdf', ar.pdf);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '3', '.tmp/paper-ar.pdf', '.tmp/paper-ar']);
  }, 120_000);

  it('embeds Noto Sans Arabic for the letters and keeps its own layout id; English is unchanged', () => {
    expect(ar.design.layout.layoutId).toBe('ylyc-11-17@1.0.0.ar.L1');
    const latin1 = ar.pdf.toString('latin1');
    expect(latin1).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic/);
    expect(latin1).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(en.pdf.toString('latin1')).not.toContain('NotoSansArabic');
    expect(en.design.layout.layoutId).toBe('ylyc-11-17@1.0.0.en.L1');
  });

  it('prints Arabic letters, with Latin words and codes in their own order', () => {
    // Shaped glyphs map back to letters only roughly (joined forms), so check the Latin runs, which keep
    // their left-to-right order inside Arabic lines, and that Arabic letters are there at all.
    const text = pdfText(ar.pdf).replace(/[\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
    for (const phrase of ['ACD3-F7HK', ar.design.layout.layoutId, 'Bright Spots']) expect(text).toContain(phrase);
    expect(text).toMatch(/[\u0600-\u06ff\ufe70-\ufeff]{3,}/);
  });

  it('mirrors the English layout: the same boxes, each at its mirror position on the same page', () => {
    // Same instrument, same questions: boxes come in the same order; only their x changes (Arabic wording
    // may wrap differently, so pages and heights are compared only by count and answer).
    const arBoxes = ar.design.layout.boxes.map((b) => `${b.questionId}=${b.answer}`);
    const enBoxes = en.design.layout.boxes.map((b) => `${b.questionId}=${b.answer}`);
    expect(arBoxes).toEqual(enBoxes);
    // Tick boxes sit on the reading side: the first box of each list question is at the right.
    const firstOfEach = new Map<string, { x: number; w: number }>();
    for (const b of ar.design.layout.boxes) if (!firstOfEach.has(b.questionId)) firstOfEach.set(b.questionId, b);
    for (const [q, b] of firstOfEach) expect(b.x + b.w, q).toBeGreaterThan(PAGE.width / 2);
    // 0-10 runs from the right: 0 right of 10.
    const score = ar.design.layout.boxes.filter((b) => b.questionId === 'life_satisfaction');
    expect(score.find((b) => b.answer === '0')!.x).toBeGreaterThan(score.find((b) => b.answer === '10')!.x);
  });

  it('draws every recorded box where the layout says, with a readable QR code on every page', () => {
    expect(pageCount(ar.pdf)).toBe(ar.design.layout.pages);
    for (let page = 1; page <= ar.design.layout.pages; page++) {
      const img = rasterise(ar.pdf, page, 100);
      expect(decodePage(readQr(img) ?? ''), `page ${page}`).toEqual({ waveId: WAVE, layoutId: ar.design.layout.layoutId, page, pages: ar.design.layout.pages, serial: 'ACD3F7HK' });
      for (const b of ar.design.layout.boxes.filter((x) => x.page === page)) {
        expect(darkest(img, b.x + b.w / 2, b.y), `${b.questionId}=${b.answer} top edge`).toBeLessThan(110);
        expect(darkest(img, b.x + b.w, b.y + b.h / 2), `${b.questionId}=${b.answer} right edge`).toBeLessThan(110);
        expect(darkest(img, b.x + b.w / 2, b.y + b.h / 2), `${b.questionId}=${b.answer} inside`).toBeGreaterThan(230);
      }
    }
  }, 120_000);
});

describe('reading a filled-in Arabic form back', () => {
  it('reads synthetic scans of the mirrored form: no page misidentified, no box wrong without review', async () => {
    const forms = await printedForms(200, ['ylyc-11-17'], 'ar');
    expect(forms[0]?.design.layout.layoutId).toBe('ylyc-11-17@1.0.0.ar.L1');
    const f = await runTrial(forms, 8, 20261124);
    expect(f.failures).toEqual([]);
    expect(f.pagesRead).toBe(8);
    expect(f.pagesMisidentified).toBe(0);
    expect(f.boxesWrongUnflagged).toBe(0);
    expect((f.boxesCorrect + f.boxesFlagged) / f.boxes).toBeGreaterThanOrEqual(0.999);
  }, 240_000);
});

describe('mirroring', () => {
  const measure = (text: string): number => text.length * 5;
  it('puts text where it ends at its old start, boxes and faces across the centre line', () => {
    expect(mirrorOp({ kind: 'text', x: 50, y: 0, size: 10, font: 'regular', colour: '#000', text: 'abcd' }, measure)).toMatchObject({ x: PAGE.width - 50 - 20 });
    expect(mirrorOp({ kind: 'box', x: 50, y: 0, size: 20 }, measure)).toMatchObject({ x: PAGE.width - 70 });
    expect(mirrorOp({ kind: 'face', cx: 100, cy: 0, r: 10, face: 1 }, measure)).toMatchObject({ cx: PAGE.width - 100 });
    expect(mirrorOp({ kind: 'line', x1: 50, y1: 0, x2: 60, y2: 0, colour: '#000', width: 1 }, measure)).toMatchObject({ x1: PAGE.width - 50, x2: PAGE.width - 60 });
    expect(mirrorRect({ x: 50, y: 7, w: 30, h: 30 })).toEqual({ x: PAGE.width - 80, y: 7, w: 30, h: 30 });
  });
});

describe('script fonts for printed forms', () => {
  it('are the bundled Arabic and Ethiopic files for Arabic-script languages and Tigrinya, none for Latin', () => {
    for (const lang of ['ar', 'ps', 'prs']) expect(scriptFontFor(lang)).toMatch(/noto-sans-arabic-arabic-400-normal\.woff$/);
    expect(scriptFontFor('ti')).toMatch(/noto-sans-ethiopic-ethiopic-wght-normal\.woff2$/);
    expect(scriptFontFor('en')).toBeUndefined();
    expect(scriptFontFor('cy')).toBeUndefined();
  });
});
