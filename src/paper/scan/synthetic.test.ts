/**
 * The reader on synthetic scans of every instrument's printed form: filled in with ticks, crosses,
 * heavy and faint marks and coloured-in corrections; turned by quarter turns plus up to 3 degrees;
 * scaled 95-105%; blurred, speckled and saved as JPEG or PNG. The goals of issue 6 on a smaller set.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeScan, toPng } from './image.ts';
import { readScanFile } from './scan.ts';
import { distort, fillIn, seeded } from './synthetic.ts';
import { printedForms, runTrial, TRIAL_SERIAL, TRIAL_WAVE, type Form } from './trial.ts';
import { locatePage } from './reader.ts';
import PDFDocument from 'pdfkit';
import { collect } from '../forms/testing.ts';
import { renderForms } from '../forms/draw.ts';

let forms: Form[] = [];
beforeAll(async () => {
  forms = await printedForms(200);
}, 120_000);

describe('reading synthetic scans', () => {
  it('reads at least 99.9% of boxes right or sends them for review, none wrong unflagged, no page misidentified', async () => {
    const f = await runTrial(forms, 36, 20261123);
    expect(f.failures).toEqual([]);
    expect(f.pagesRead).toBe(36);
    expect(f.pagesMisidentified).toBe(0);
    expect(f.boxesWrongUnflagged).toBe(0);
    expect((f.boxesCorrect + f.boxesFlagged) / f.boxes).toBeGreaterThanOrEqual(0.999);
    // Most boxes are simply right: review is for the doubtful few.
    expect(f.boxesCorrect / f.boxes).toBeGreaterThan(0.97);
  }, 240_000);

  it('finds the page in every quarter turn and at 150 and 300 dpi', async () => {
    for (const dpi of [150, 300]) {
      const [form] = await printedForms(dpi, ['ylyc-8-11']);
      for (let turns = 0; turns < 4; turns++) {
        const random = seeded(turns + dpi);
        const file = await distort(form!.rasters[1]!, { turns, skew: turns % 2 === 0 ? 2.5 : -2.5, scale: turns < 2 ? 0.96 : 1.04, blur: 0.5, noise: 6, format: 'jpeg', quality: 70 }, random);
        const decoded = await decodeScan(file);
        if (!decoded.ok) return expect.fail(decoded.problem);
        const at = locatePage(decoded.pages[0]!);
        if ('problem' in at) return expect.fail(`${dpi} dpi, ${turns} turns: ${at.problem}`);
        expect(at.sheet).toEqual({ waveId: TRIAL_WAVE, layoutId: form!.design.layout.layoutId, page: 2, pages: form!.design.layout.pages, serial: TRIAL_SERIAL });
        const expected = turns * 90 + (turns % 2 === 0 ? 2.5 : -2.5);
        expect(Math.abs(((at.rotation - expected + 540) % 360) - 180)).toBeLessThan(0.5);
      }
    }
  }, 120_000);

  it('keeps free-text areas as upright PNG crops and says plainly when a page is not a form', async () => {
    const form = forms.find((f) => f.design.layout.textAreas.length > 0)!;
    const area = form.design.layout.textAreas[0]!;
    const random = seeded(7);
    const filled = fillIn(form.rasters[area.page - 1]!, 200, form.design.layout, area.page, () => false, 'prefer_not_to_say', random);
    const file = await distort(filled.image, { turns: 2, skew: 1, scale: 1, blur: 0, noise: 3, format: 'png', quality: 80 }, random);
    const layoutOf = (id: string) => Promise.resolve(forms.find((f) => f.design.layout.layoutId === id)?.design.layout ?? null);
    const r = await readScanFile(file, layoutOf);
    if (!r.ok || !r.pages[0]?.ok) return expect.fail(JSON.stringify(r));
    const crops = r.pages[0].reading.crops;
    expect(crops.map((c) => c.questionId)).toContain(area.questionId);
    const png = crops.find((c) => c.questionId === area.questionId)!.png;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Upright and in proportion to the writing area.
    const decoded = await decodeScan(png);
    if (!decoded.ok) return expect.fail('crop unreadable');
    expect(decoded.pages[0]!.width / decoded.pages[0]!.height).toBeCloseTo(area.w / area.h, 1);

    const blank = await toPng({ width: 400, height: 560, pixels: new Uint8Array(400 * 560).fill(250) });
    const none = await readScanFile(blank, layoutOf);
    expect(none).toEqual({ ok: true, pages: [{ ok: false, index: 0, problem: 'no_marks', message: 'The four corner marks of a Bright Spots form could not be found on this page.' }] });
    const unknown = await readScanFile(file, () => Promise.resolve(null));
    expect(unknown.ok && unknown.pages[0]).toMatchObject({ ok: false, problem: 'unknown_layout' });
  }, 60_000);

  it("reads the page images of a scanner's PDF (JPEG and compressed pages, in any order) and refuses a PDF without any", async () => {
    const form = forms.find((f) => f.design.layout.instrumentId === 'ylyc-11-17')!;
    const random = seeded(11);
    const jpeg = await distort(form.rasters[2]!, { turns: 0, skew: 1, scale: 1, blur: 0, noise: 3, format: 'jpeg', quality: 75 }, random);
    const png = await distort(form.rasters[0]!, { turns: 3, skew: -1, scale: 1, blur: 0, noise: 3, format: 'png', quality: 75 }, random);
    const doc = new PDFDocument({ autoFirstPage: false });
    for (const image of [jpeg, png]) doc.addPage({ size: 'A4', margin: 0 }).image(image, 0, 0, { fit: [595.28, 841.89] });
    doc.end();
    const pdf = await collect(doc);
    const layoutOf = (id: string) => Promise.resolve(forms.find((f) => f.design.layout.layoutId === id)?.design.layout ?? null);
    const r = await readScanFile(pdf, layoutOf);
    if (!r.ok) return expect.fail(r.message);
    expect(r.pages.map((p) => p.ok && p.reading.page)).toEqual([3, 1]);

    // A form straight from the printer's PDF has text and shapes, no scanned page.
    const printed = await collect(await renderForms(form.design, { waveId: TRIAL_WAVE, serials: [TRIAL_SERIAL], footer: () => '' }));
    expect(await readScanFile(printed, layoutOf)).toMatchObject({ ok: false, problem: 'pdf_no_pages' });
  }, 60_000);
});
