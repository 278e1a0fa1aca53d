import { beforeAll, describe, expect, it } from 'vitest';
import { instruments } from '../../instruments/index.ts';
import type { FormDesign, Measure } from './design.ts';
import { pdfMeasure, renderForms } from './draw.ts';
import { designForm } from './layout.ts';
import { decodePage } from './payload.ts';
import { collect, pageCount, pdfText, rasterise, readQr, type Raster } from './testing.ts';
import { wordsFor } from './testing.ts';

const WAVE = '0b9c6c1e-2f3e-4d55-9f0a-3c1f8e2d4b6a';
const { words, has } = wordsFor('en');
const footer = (serial: string, page: number, pages: number) => words('paper.footer', { serial, page, pages });
let measure: Measure;
// Easy-read variants are answered online only (docs/easy-read.md): there is no printed easy-read form.
const printed = instruments.filter((i) => i.easyReadOf === undefined);
const forms = new Map<string, { design: FormDesign; pdf: Buffer }>();

beforeAll(async () => {
  measure = await pdfMeasure();
  for (const instrument of printed) {
    const design = designForm(instrument, 'en', words, has, measure);
    forms.set(instrument.id, { design, pdf: await collect(await renderForms(design, { waveId: WAVE, serials: ['ACD3F7HK'], footer })) });
  }
});

/** The darkest pixel within `r` pixels of (x, y) points. */
function darkest(img: Raster, x: number, y: number, r = 1): number {
  const s = img.dpi / 72;
  const px = Math.round(x * s);
  const py = Math.round(y * s);
  let min = 255;
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) min = Math.min(min, img.pixels[(py + dy) * img.width + (px + dx)] ?? 255);
  return min;
}

describe.each(printed.map((i) => i.id))('the printed form %s', (id) => {
  it('has the pages of its layout, with the introduction, the questions and the help as online', () => {
    const { design, pdf } = forms.get(id)!;
    expect(pageCount(pdf)).toBe(design.layout.pages);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const phrase of ['0800 1111', 'call 999', 'advocate', 'trust', 'Tick one box', 'You can skip any question', 'Form ACD3-F7HK', `Page ${design.layout.pages} of ${design.layout.pages}`, design.layout.layoutId]) expect(text).toContain(phrase);
    const inst = instruments.find((i) => i.id === id)!;
    for (const key of [`survey.intro.${id}.p1`, `q.${id}.${inst.questions[0]!.id}`, `q.${id}.${inst.questions.at(-1)!.id}`]) expect(text).toContain(words(key).replace(/\s+/g, ' ').slice(0, 40));
  });

  it('draws every recorded box where the layout says, and a readable QR code on every page', () => {
    const { design, pdf } = forms.get(id)!;
    for (let page = 1; page <= design.layout.pages; page++) {
      const img = rasterise(pdf, page, 100);
      const qr = decodePage(readQr(img) ?? '');
      expect(qr, `page ${page}`).toEqual({ waveId: WAVE, layoutId: design.layout.layoutId, page, pages: design.layout.pages, serial: 'ACD3F7HK' });
      for (const m of design.layout.marks) expect(darkest(img, m.x + m.w / 2, m.y + m.h / 2, 0)).toBeLessThan(60);
      for (const b of design.layout.boxes.filter((x) => x.page === page)) {
        const edges = [
          [b.x + b.w / 2, b.y],
          [b.x + b.w / 2, b.y + b.h],
          [b.x, b.y + b.h / 2],
          [b.x + b.w, b.y + b.h / 2],
          [b.x + b.w / 4, b.y],
          [b.x + b.w, b.y + (3 * b.h) / 4],
        ] as const;
        for (const [x, y] of edges) expect(darkest(img, x, y), `${b.questionId}=${b.answer} edge at ${x},${y}`).toBeLessThan(110);
        // Inside the box is blank paper, and so is just outside its corners' diagonal.
        expect(darkest(img, b.x + b.w / 2, b.y + b.h / 2, 1), `${b.questionId}=${b.answer} inside`).toBeGreaterThan(230);
      }
      for (const a of design.layout.textAreas.filter((x) => x.page === page)) {
        expect(darkest(img, a.x + a.w / 2, a.y)).toBeLessThan(110);
        expect(darkest(img, a.x, a.y + a.h / 2)).toBeLessThan(110);
      }
    }
  });
});

describe('several copies', () => {
  it('prints each copy whole, every page with its own copy serial', async () => {
    const { design } = forms.get('ylyc-8-11')!;
    const pdf = await collect(await renderForms(design, { waveId: WAVE, serials: ['ACD3F7HK', 'TWXY4679', 'MNPQ3467'], footer }));
    expect(pageCount(pdf)).toBe(3 * design.layout.pages);
    const page = (n: number) => decodePage(readQr(rasterise(pdf, n, 100)) ?? '');
    expect(page(design.layout.pages + 1)).toMatchObject({ page: 1, serial: 'TWXY4679' });
    expect(page(3 * design.layout.pages)).toMatchObject({ page: design.layout.pages, serial: 'MNPQ3467' });
  });

  it('streams: drawing waits while the reader does not read, then finishes', async () => {
    const { design } = forms.get('ylyc-8-11')!;
    const copies = 120;
    const serials = Array.from({ length: copies }, (_, i) => `ACDE${'ACDEFGHJKMNPQRTWXY34679'[i % 23]}${'ACDEFGHJKMNPQRTWXY34679'[Math.floor(i / 23)]}AA`);
    const stream = await renderForms(design, { waveId: WAVE, serials, footer });
    let ended = false;
    stream.on('end', () => (ended = true));
    stream.pause();
    await new Promise((r) => setTimeout(r, 1500));
    // About 30 KB a copy: 120 copies are several megabytes, but no more than a megabyte and a copy waits.
    expect(stream.readableLength).toBeGreaterThan(500_000);
    expect(stream.readableLength).toBeLessThan(1.2 * (1 << 20));
    expect(ended).toBe(false);
    const pdf = await collect(stream);
    expect(pdf.length).toBeGreaterThan(3_000_000);
    expect(pageCount(pdf)).toBe(copies * design.layout.pages);
  }, 60_000);
});
