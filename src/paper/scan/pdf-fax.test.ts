/**
 * Scanners' PDFs whose pages are black and white coded as a fax (CCITT G4) or as JBIG2, made at test
 * time: a filled-in synthetic page thresholded to black and white, G4 coded by libvips, wrapped in a
 * PDF. Each is read as the PNG of the very same black-and-white page is read.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DECLINED } from '../../instruments/index.ts';
import type { FormLayout } from '../forms/design.ts';
import { decodeScan } from './image.ts';
import { ccittDict, g4Page, jbig2Mmr, scannerPdf, type G4Page, type PdfPageImage } from './pdf-testing.ts';
import { pdfjsGrey, pdfPages } from './pdf.ts';
import type { Grey, PageReading } from './reader.ts';
import { readGrey } from './scan.ts';
import { fillIn, seeded } from './synthetic.ts';
import { printedForms, TRIAL_SERIAL, TRIAL_WAVE, type Form } from './trial.ts';

let form: Form;
const layoutOf = (id: string): Promise<FormLayout | null> => Promise.resolve(form.design.layout.layoutId === id ? form.design.layout : null);

/** A filled-in page, thresholded to black and white (0 or 255) and padded white to G4's tile size. */
async function bilevelPage(pageNo: number, seed: number, turnDegrees = 0): Promise<{ grey: Grey; g4: G4Page }> {
  const filled = fillIn(form.rasters[pageNo - 1]!, 200, form.design.layout, pageNo, () => false, DECLINED, seeded(seed));
  let img = filled.image;
  if (turnDegrees !== 0) {
    const { data, info } = await sharp(img.pixels, { raw: { width: img.width, height: img.height, channels: 1 } }).rotate(turnDegrees, { background: '#ffffff' }).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    img = { width: info.width, height: info.height, pixels: new Uint8Array(data) };
  }
  const g4 = await g4Page(img, 160);
  const pixels = new Uint8Array(g4.width * g4.height).fill(255);
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) pixels[y * g4.width + x] = img.pixels[y * img.width + x]! >= 160 ? 255 : 0;
  return { grey: { width: g4.width, height: g4.height, pixels }, g4 };
}

/** What matters of a reading: which page it is and every question's state and answers. */
const answers = (r: PageReading): unknown => ({ sheet: [r.waveId, r.layoutId, r.page, r.serial], questions: r.questions.map((q) => [q.questionId, q.state, q.answers, q.reasons]) });

async function readAll(file: Uint8Array): Promise<PageReading[]> {
  const decoded = await decodeScan(file);
  if (!decoded.ok) throw new Error(decoded.problem);
  const out: PageReading[] = [];
  for (const page of decoded.pages) {
    const r = await readGrey(page, layoutOf);
    if (!r.ok) throw new Error(r.problem);
    out.push(r.reading);
  }
  return out;
}

const ccitt = (g4: G4Page, blackIs1 = false, rotate?: number): PdfPageImage => ({ width: g4.width, height: g4.height, dict: ccittDict(g4, blackIs1), data: g4.data, ...(rotate ? { rotate } : {}) });
const jbig2 = (g4: G4Page): PdfPageImage => ({ width: g4.width, height: g4.height, dict: '/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode', data: jbig2Mmr(g4) });

beforeAll(async () => {
  const [printed] = await printedForms(200, ['ylyc-8-11']);
  if (!printed) throw new Error('the form was not printed');
  form = printed;
}, 120_000);

describe('fax (CCITT G4) and JBIG2 pages in a PDF', () => {
  it('reads a G4 page pixel for pixel as the black-and-white page, every answer as from its PNG (BlackIs1 either way)', async () => {
    const { grey, g4 } = await bilevelPage(2, 11);
    const png = await sharp(grey.pixels, { raw: { width: grey.width, height: grey.height, channels: 1 } }).png().toBuffer();
    const [fromPng] = await readAll(png);
    expect(fromPng).toMatchObject({ waveId: TRIAL_WAVE, layoutId: form.design.layout.layoutId, page: 2, serial: TRIAL_SERIAL });
    expect(fromPng!.questions.filter((q) => q.state === 'answered').length).toBeGreaterThan(3);
    for (const blackIs1 of [false, true]) {
      const pdf = scannerPdf([ccitt(g4, blackIs1)]);
      const decoded = await decodeScan(pdf);
      if (!decoded.ok) return expect.fail(decoded.problem);
      expect(decoded.pages).toHaveLength(1);
      expect(Buffer.from(decoded.pages[0]!.pixels).equals(Buffer.from(grey.pixels))).toBe(true);
      const [fromPdf] = await readAll(pdf);
      expect(answers(fromPdf!)).toEqual(answers(fromPng!));
    }
  }, 60_000);

  it('reads a JBIG2 page (a generic region in MMR coding) as the same page', async () => {
    const { grey, g4 } = await bilevelPage(2, 12);
    const decoded = await decodeScan(scannerPdf([jbig2(g4)]));
    if (!decoded.ok) return expect.fail(decoded.problem);
    expect(Buffer.from(decoded.pages[0]!.pixels).equals(Buffer.from(grey.pixels))).toBe(true);
  }, 60_000);

  it('reads a page scanned sideways and skewed, on a page turned by /Rotate, as its PNG', async () => {
    const { grey, g4 } = await bilevelPage(2, 13, 91.5);
    const png = await sharp(grey.pixels, { raw: { width: grey.width, height: grey.height, channels: 1 } }).png().toBuffer();
    const [fromPng] = await readAll(png);
    const [fromPdf] = await readAll(scannerPdf([ccitt(g4, false, 270)]));
    expect(Math.abs(fromPdf!.rotation - 91.5)).toBeLessThan(0.5);
    expect(answers(fromPdf!)).toEqual(answers(fromPng!));
  }, 60_000);

  it('reads every page of a mixed PDF (JPEG, G4, JBIG2) in the order of the file', async () => {
    const one = await bilevelPage(1, 21), two = await bilevelPage(2, 22), three = await bilevelPage(1, 23);
    const jpeg = await sharp(one.grey.pixels, { raw: { width: one.grey.width, height: one.grey.height, channels: 1 } }).jpeg({ quality: 90 }).toBuffer();
    const pdf = scannerPdf([{ width: one.grey.width, height: one.grey.height, dict: '/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode', data: jpeg }, ccitt(two.g4), jbig2(three.g4)]);
    const read = await readAll(pdf);
    expect(read.map((r) => [r.layoutId, r.page, r.serial])).toEqual([1, 2, 1].map((page) => [form.design.layout.layoutId, page, TRIAL_SERIAL]));
  }, 60_000);

  it('keeps the fast path for JPEG pages and the limits for fax pages: pages, pixels, and no page image', async () => {
    const { grey, g4 } = await bilevelPage(1, 31);
    const jpeg = await sharp(grey.pixels, { raw: { width: grey.width, height: grey.height, channels: 1 } }).jpeg().toBuffer();
    // JPEG alone: taken out as it is (pdf.js would hand back decoded pixels).
    expect((await pdfPages(scannerPdf([{ width: grey.width, height: grey.height, dict: '/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode', data: jpeg }]), { pixels: 4e7, pages: 5 })).map((i) => i.kind)).toEqual(['jpeg']);
    const three = scannerPdf([ccitt(g4), ccitt(g4), ccitt(g4)]);
    expect(await pdfPages(three, { pixels: 4e7, pages: 2 })).toHaveLength(2);
    // A page over the pixel limit is never decoded, so no page is found.
    expect(await pdfPages(three, { pixels: g4.width * g4.height - 1, pages: 5 })).toEqual([]);
    expect(await decodeScan(three, { bytes: 5e7, pixels: g4.width * g4.height - 1, pages: 5 })).toEqual({ ok: false, problem: 'pdf_no_pages' });
    // A fax-coded logo is not a page.
    const logo = await g4Page({ width: 160, height: 96, pixels: new Uint8Array(160 * 96).fill(255) });
    expect(await decodeScan(scannerPdf([ccitt(logo)]))).toEqual({ ok: false, problem: 'pdf_no_pages' });
    // Damaged fax coding gives what pdf.js could decode of it (no error thrown), which is no form.
    const damaged = await decodeScan(scannerPdf([ccitt({ ...g4, data: Buffer.from('not fax coding at all') })]));
    for (const page of damaged.ok ? damaged.pages : []) expect(await readGrey(page, layoutOf)).toEqual({ ok: false, problem: 'no_marks' });
  }, 60_000);

  it("turns pdf.js's colour image data into grey", () => {
    const kinds = { GRAYSCALE_1BPP: 1, RGB_24BPP: 2, RGBA_32BPP: 3 };
    expect(pdfjsGrey({ width: 2, height: 1, kind: 2, data: Uint8Array.from([255, 255, 255, 255, 0, 0]) }, kinds)?.data).toEqual(Uint8Array.from([255, 76]));
    expect(pdfjsGrey({ width: 2, height: 1, kind: 3, data: Uint8Array.from([0, 0, 0, 255, 0, 0, 255, 255]) }, kinds)?.data).toEqual(Uint8Array.from([0, 29]));
    expect(pdfjsGrey({ width: 9, height: 1, kind: 1, data: Uint8Array.from([0b10000000, 0b10000000]) }, kinds)?.data).toEqual(Uint8Array.from([255, 0, 0, 0, 0, 0, 0, 0, 255]));
    expect(pdfjsGrey({ width: 9, height: 2, kind: 1, data: Uint8Array.from([0, 0]) }, kinds)).toBeNull();
  });
});
