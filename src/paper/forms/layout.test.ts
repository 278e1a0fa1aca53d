import { beforeAll, describe, expect, it } from 'vitest';
import { answerValues, DECLINED, instruments, type Instrument } from '../../instruments/index.ts';
import { layoutIdOf, parseLayoutId, type FormDesign, type Measure, type Rect } from './design.ts';
import { pdfMeasure } from './draw.ts';
import { AREA, designForm, MARKS, QR } from './layout.ts';
import { decodePage, encodePage } from './payload.ts';
import { wordsFor } from './testing.ts';

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (r: Rect, outer: Rect): boolean => r.x >= outer.x && r.y >= outer.y && r.x + r.w <= outer.x + outer.w && r.y + r.h <= outer.y + outer.h;
const printable: Rect = { x: AREA.left, y: AREA.top, w: AREA.right - AREA.left, h: AREA.bottom - AREA.top };

let measure: Measure;
const designs = new Map<string, { instrument: Instrument; design: FormDesign }>();
beforeAll(async () => {
  measure = await pdfMeasure();
  for (const instrument of instruments)
    for (const lang of instrument.languages) {
      const { words, has } = wordsFor(lang);
      designs.set(`${instrument.id}.${lang}`, { instrument, design: designForm(instrument, lang, words, has, measure) });
    }
});
const each = instruments.flatMap((i) => i.languages.map((lang) => `${i.id}.${lang}`));

describe.each(each)('the printed layout of %s', (key) => {
  const get = () => designs.get(key)!;

  it('gives every answer of every question a box, and every free-text question a writing area', () => {
    const { instrument, design } = get();
    for (const q of instrument.questions) {
      const boxes = design.layout.boxes.filter((b) => b.questionId === q.id).map((b) => b.answer);
      const values = answerValues(q.scale).map(String);
      if (values.length === 0) {
        expect(boxes, q.id).toEqual([]);
        expect(design.layout.textAreas.filter((a) => a.questionId === q.id), q.id).toHaveLength(1);
      } else {
        expect(boxes.sort(), q.id).toEqual([...values, DECLINED].sort());
        // One question's boxes are on one page: a question never splits.
        expect(new Set(design.layout.boxes.filter((b) => b.questionId === q.id).map((b) => b.page)).size, q.id).toBe(1);
      }
    }
  });

  it('keeps boxes and writing areas inside the printable area, clear of each other, the marks and the QR code', () => {
    const { layout } = get().design;
    const areas = [...layout.boxes, ...layout.textAreas];
    for (const a of areas) {
      expect(inside(a, printable), `${a.questionId} on page ${a.page}`).toBe(true);
      expect(a.page).toBeGreaterThanOrEqual(1);
      expect(a.page).toBeLessThanOrEqual(layout.pages);
      for (const m of [...MARKS, QR]) expect(overlaps(a, m)).toBe(false);
    }
    for (let i = 0; i < areas.length; i++)
      for (let j = i + 1; j < areas.length; j++) {
        const a = areas[i]!;
        const b = areas[j]!;
        if (a.page === b.page) expect(overlaps(a, b), `${a.questionId} and ${b.questionId}`).toBe(false);
      }
  });

  it('never prints words over a tick box, and keeps every word on the page', () => {
    const { design } = get();
    design.pages.forEach((ops, i) => {
      const boxes = design.layout.boxes.filter((b) => b.page === i + 1);
      for (const op of ops) {
        if (op.kind !== 'text') continue;
        const r = { x: op.x, y: op.y, w: measure(op.text, op.font, op.size), h: op.size };
        expect(r.x + r.w, op.text).toBeLessThanOrEqual(AREA.right + 0.5);
        for (const b of boxes) expect(overlaps(r, b), `"${op.text}" over a box of ${b.questionId}`).toBe(false);
      }
    });
  });

  it('makes tick boxes generous: 30 points for a 4 to 7 year old, at least 14 for everyone', () => {
    const { instrument, design } = get();
    const child = new Set(instrument.questions.filter((q) => q.askedOf === 'child').map((q) => q.id));
    for (const b of design.layout.boxes) {
      expect(b.w).toBeGreaterThanOrEqual(14);
      expect(b.w).toBe(b.h);
      if (instrument.band.max <= 7 && child.has(b.questionId)) expect(b.w).toBeGreaterThanOrEqual(30);
    }
  });

  it('is the same every time, under an id that names instrument, version, language and layout version', () => {
    const { instrument, design } = get();
    const [lang] = key.split('.').slice(-1);
    const { words, has } = wordsFor(lang!);
    expect(JSON.stringify(designForm(instrument, lang!, words, has, measure).layout)).toBe(JSON.stringify(design.layout));
    expect(parseLayoutId(design.layout.layoutId)).toEqual({ instrumentId: instrument.id, version: instrument.version, lang, layoutVersion: design.layout.layoutVersion });
  });
});

describe('the adult section of the 4 to 7 form', () => {
  it('starts on its own page, marked "For the adult", after every question for the child', () => {
    const { instrument, design } = designs.get('ylyc-4-7.en')!;
    const pageOf = (id: string) => design.layout.boxes.find((b) => b.questionId === id)?.page ?? 0;
    const adult = instrument.questions.filter((q) => q.askedOf === 'adult').map((q) => pageOf(q.id));
    const child = instrument.questions.filter((q) => q.askedOf === 'child' && q.scale.kind !== 'text').map((q) => pageOf(q.id));
    const textPage = design.layout.textAreas[0]?.page ?? 0;
    expect(Math.min(...adult)).toBeGreaterThan(Math.max(...child, textPage));
    const banner = design.pages[Math.min(...adult) - 1]!.filter((op) => op.kind === 'text').map((op) => (op.kind === 'text' ? op.text : ''));
    expect(banner).toContain('For the adult');
  });
});

describe('the QR text', () => {
  it('reads back what was written, and nothing else', () => {
    const page = { waveId: '0b9c6c1e-2f3e-4d55-9f0a-3c1f8e2d4b6a', layoutId: layoutIdOf('ylyc-4-7', '1.0.0', 'en'), page: 3, pages: 10, serial: 'ACD3F7HK' };
    const text = encodePage(page);
    expect(text).toBe('BS1:0b9c6c1e-2f3e-4d55-9f0a-3c1f8e2d4b6a:ylyc-4-7@1.0.0.en.L1:3/10:ACD3F7HK');
    expect(decodePage(text)).toEqual(page);
    for (const bad of ['', 'BS2:w:ylyc-4-7@1.0.0.en.L1:3/10:ACD3F7HK', text.replace('3/10', '11/10'), text.replace('ACD3F7HK', 'ACD3F7H'), text.replace('ACD3F7HK', 'ACD3F7HB'), text.replace('@1.0.0', ''), `${text}:x`])
      expect(decodePage(bad), bad).toBeNull();
  });
});
