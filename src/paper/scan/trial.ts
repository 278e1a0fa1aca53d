/**
 * A trial of the reader on synthetic scans, shared by the tests and the bench: every instrument's form
 * is drawn and rasterised once, then pages are filled in, distorted, encoded, decoded and read, and
 * every box compared with what was drawn. Needs pdftoppm (poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DECLINED, getInstrument, instruments, scaleSummary } from '../../instruments/index.ts';
import type { FormDesign, FormLayout } from '../forms/design.ts';
import { pdfMeasure, renderForms } from '../forms/draw.ts';
import { designForm } from '../forms/layout.ts';
import { collect, wordsFor, type Raster } from '../forms/testing.ts';
import { decodeScan } from './image.ts';
import { readGrey } from './scan.ts';
import { boxKey, distort, fillIn, randomDistortion, seeded, type Distortion } from './synthetic.ts';

export const TRIAL_WAVE = '0b9c6c1e-2f3e-4d55-9f0a-3c1f8e2d4b6a';
export const TRIAL_SERIAL = 'ACD3F7HK';

/** Every page of a PDF in grey at `dpi`, by one pdftoppm run. */
export function rasteriseAll(pdf: Uint8Array, dpi: number): Raster[] {
  const dir = mkdtempSync(join(tmpdir(), 'paper-scan-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), join(dir, 'f.pdf'), join(dir, 'p')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)?.[1]) - Number(/(\d+)\.pgm$/.exec(b)?.[1]))
      .map((f) => {
        const data = readFileSync(join(dir, f));
        const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
        if (!m) throw new Error('pdftoppm wrote an unexpected file');
        const width = Number(m[1]), height = Number(m[2]);
        return { width, height, dpi, pixels: new Uint8Array(data.subarray(m[0].length, m[0].length + width * height)) };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Form {
  readonly design: FormDesign;
  readonly rasters: readonly Raster[];
}

/** Every instrument's English form, drawn and rasterised at `dpi`. */
// Easy-read variants have no printed form (docs/easy-read.md).
export async function printedForms(dpi: number, ids: readonly string[] = instruments.filter((i) => i.easyReadOf === undefined).map((i) => i.id), lang = 'en'): Promise<Form[]> {
  const { words, has } = wordsFor(lang);
  const measure = await pdfMeasure(lang);
  const forms: Form[] = [];
  for (const id of ids) {
    const instrument = getInstrument(id)!;
    const design = designForm(instrument, lang, words, has, measure);
    const pdf = await collect(await renderForms(design, { waveId: TRIAL_WAVE, serials: [TRIAL_SERIAL], footer: (serial, page, pages) => words('paper.footer', { serial, page, pages }) }));
    forms.push({ design, rasters: rasteriseAll(pdf, dpi) });
  }
  return forms;
}

export interface TrialFigures {
  pages: number;
  pagesRead: number;
  pagesMisidentified: number;
  boxes: number;
  boxesCorrect: number;
  /** Boxes read wrongly but sent to a person (the box or its question is for review). */
  boxesFlagged: number;
  /** Boxes read wrongly and not sent for review: the figure that must stay 0. */
  boxesWrongUnflagged: number;
  /** Pages' worth of reading time (decode and read), milliseconds in all. */
  readMs: number;
  /** Processor time of the same, milliseconds in all (all threads): steadier than `readMs` on a busy machine. */
  readCpuMs: number;
  failures: string[];
}

function multiOf(layout: FormLayout): (q: string) => boolean {
  const instrument = getInstrument(layout.instrumentId)!;
  const multi = new Set(instrument.questions.filter((q) => scaleSummary(q.scale).kind === 'multi').map((q) => q.id));
  return (q) => multi.has(q);
}

/** Fills, distorts and reads `pages` pages drawn from `forms` with a seeded random source. */
export async function runTrial(forms: readonly Form[], pages: number, seed: number, distortion?: (random: () => number) => Distortion, onBox?: (truth: string, fill: number) => void): Promise<TrialFigures> {
  const random = seeded(seed);
  const fig: TrialFigures = { pages: 0, pagesRead: 0, pagesMisidentified: 0, boxes: 0, boxesCorrect: 0, boxesFlagged: 0, boxesWrongUnflagged: 0, readMs: 0, readCpuMs: 0, failures: [] };
  const layoutOf = (id: string): Promise<FormLayout | null> => Promise.resolve(forms.find((f) => f.design.layout.layoutId === id)?.design.layout ?? null);
  for (let n = 0; n < pages; n++) {
    const form = forms[n % forms.length]!;
    const { layout } = form.design;
    const pageNo = 1 + Math.floor(random() * layout.pages);
    const raster = form.rasters[pageNo - 1]!;
    const filled = fillIn(raster, raster.dpi, layout, pageNo, multiOf(layout), DECLINED, random);
    const d = (distortion ?? randomDistortion)(random);
    const file = await distort(filled.image, d, random);
    fig.pages++;
    fig.boxes += filled.truth.size;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const decoded = await decodeScan(file);
    const read = decoded.ok ? await readGrey(decoded.pages[0]!, layoutOf) : null;
    fig.readMs += performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    fig.readCpuMs += (cpu.user + cpu.system) / 1000;
    const label = `${layout.layoutId} p${pageNo} ${JSON.stringify(d)}`;
    if (!read || !read.ok) {
      // An unread page goes to a person whole: its boxes count as flagged, not wrong.
      fig.boxesFlagged += filled.truth.size;
      fig.failures.push(`${label}: ${read ? read.problem : 'undecodable'}`);
      continue;
    }
    const r = read.reading;
    if (r.waveId !== TRIAL_WAVE || r.layoutId !== layout.layoutId || r.page !== pageNo || r.serial !== TRIAL_SERIAL) {
      fig.pagesMisidentified++;
      fig.failures.push(`${label}: read as ${r.layoutId} p${r.page}`);
      continue;
    }
    fig.pagesRead++;
    for (const q of r.questions) {
      for (const b of q.boxes) {
        const truth = filled.truth.get(boxKey(q.questionId, b.answer));
        onBox?.(truth ?? 'none', b.fill);
        if (truth === b.state) fig.boxesCorrect++;
        else if (b.state === 'unclear' || q.state === 'review') fig.boxesFlagged++;
        else {
          fig.boxesWrongUnflagged++;
          fig.failures.push(`${label}: ${q.questionId}=${b.answer} drawn ${truth}, read ${b.state} (fill ${b.fill})`);
        }
      }
    }
  }
  return fig;
}
