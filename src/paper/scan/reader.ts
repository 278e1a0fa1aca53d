/**
 * The scan reader, pure over a grey raster (one byte a pixel, 0 black .. 255 white):
 *
 * 1. `locatePage` finds the four registration marks (solid squares near the corners), fits the affine
 *    map from the layout's points to the scan's pixels for each of the four quarter turns, keeps the
 *    turns whose fit is square, and reads the QR code where each puts it: the first that decodes
 *    names the wave, layout, page and serial, and fixes the orientation. Skew and slight scaling are
 *    absorbed by the affine fit.
 * 2. `readPage` maps every answer box of that page into the scan, measures the share of dark pixels
 *    inside it (its printed border left out), calls each box ticked, empty, coloured in (a crossed-out
 *    answer, as the printed instructions ask) or unclear, with a confidence, and decides each question:
 *    answered, blank, or for review (an unclear mark, two ticks where one was expected, "I don't want to
 *    say" with an answer, or a box coloured in with nothing ticked). Free-text areas, and the boxes of
 *    each question for review, come back as grey crops, upright, for a person to read.
 */
import jsQRModule from 'jsqr';
import type { FormLayout, Rect } from '../forms/design.ts';
import { MARKS, QR } from '../forms/layout.ts';
import { PAGE } from '../forms/design.ts';
import { decodePage, type SheetPage } from '../forms/payload.ts';
import { apply, fitAffine, pixelBounds, rotationDegrees, scales, worstResidual, type Affine, type Point } from './geometry.ts';

export interface Grey {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Where a page is in a scan: what its QR code says, the layout-to-pixel map, and the paper and ink levels. */
export interface Located {
  readonly sheet: SheetPage;
  readonly transform: Affine;
  /** The page's turn in the scan, degrees clockwise (about 0, 90, 180 or 270, plus any skew). */
  readonly rotation: number;
  /** Pixels per point. */
  readonly scale: number;
  readonly paper: number;
  readonly ink: number;
}

/** Why a page could not be located: no marks found, no QR code read, or a QR code that is not one of ours. */
export type LocateProblem = 'no_marks' | 'no_code' | 'not_ours';

export type BoxState = 'ticked' | 'empty' | 'filled' | 'unclear';
export interface BoxReading {
  readonly answer: string;
  readonly state: BoxState;
  /** The share of the box's inside that is dark, 0..1. */
  readonly fill: number;
  /** How sure the call is, 0.5 (a guess) .. 1. */
  readonly confidence: number;
}

export type ReviewReason = 'unclear_mark' | 'two_ticks' | 'declined_and_answer' | 'coloured_in_only';
export interface QuestionReading {
  readonly questionId: string;
  /** answered: `answers` holds the ticked codes; blank: nothing ticked; review: a person must look. */
  readonly state: 'answered' | 'blank' | 'review';
  readonly answers: readonly string[];
  readonly confidence: number;
  readonly reasons: readonly ReviewReason[];
  readonly boxes: readonly BoxReading[];
}

export interface Crop extends Grey {
  readonly questionId: string;
}

export interface PageReading {
  readonly waveId: string;
  readonly layoutId: string;
  readonly page: number;
  readonly pages: number;
  readonly serial: string;
  readonly rotation: number;
  readonly questions: readonly QuestionReading[];
  readonly flags: readonly { readonly questionId: string; readonly reason: ReviewReason }[];
  readonly crops: readonly Crop[];
  /** The boxes of each question for review, cropped upright (with a margin) for a person to decide. */
  readonly reviewCrops: readonly Crop[];
}

/** The share of dark pixels separating the calls on a box (calibrated on the synthetic scans). */
export const THRESHOLDS = { empty: 0.012, tick: 0.025, fillUnclear: 0.8, filled: 0.9 } as const;

const centre = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
/** Marks clockwise from top-left: TL, TR, BR, BL (MARKS is TL, TR, BL, BR). */
const MARKS_CLOCKWISE = [MARKS[0]!, MARKS[1]!, MARKS[3]!, MARKS[2]!].map(centre);

/** A value at a fraction of the sorted sample (a percentile), on a strided sample of the pixels. */
function levels(img: Grey): { paper: number; ink: number } {
  const hist = new Uint32Array(256);
  const step = Math.max(1, Math.floor(img.pixels.length / 200_000));
  let n = 0;
  for (let i = 0; i < img.pixels.length; i += step) {
    hist[img.pixels[i]!]!++;
    n++;
  }
  const at = (q: number): number => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += hist[v]!;
      if (seen >= q * n) return v;
    }
    return 255;
  };
  const paper = at(0.7);
  const ink = Math.min(at(0.005), paper - 60);
  return { paper, ink: Math.max(0, ink) };
}

interface Blob {
  cx: number;
  cy: number;
}

/** Solid square blobs about the size of a registration mark, in pixels of the full image. */
function markCandidates(img: Grey, approxScale: number, threshold: number): Blob[] {
  // Work on a grid of cells about 2 points across: a mark is about 8 cells.
  const k = Math.max(1, Math.round(approxScale * 2));
  const w = Math.floor(img.width / k);
  const h = Math.floor(img.height / k);
  const dark = new Uint8Array(w * h);
  // Marks sit near the corners: only the outer fifth of each side is looked at.
  const zx = Math.ceil(w * 0.22), zy = Math.ceil(h * 0.22);
  for (let cy = 0; cy < h; cy++) {
    if (cy >= zy && cy < h - zy) continue;
    for (let cx = 0; cx < w; cx++) {
      if (cx === zx) cx = Math.max(zx, w - zx);
      let sum = 0;
      for (let y = cy * k; y < cy * k + k; y++) {
        const row = y * img.width;
        for (let x = cx * k; x < cx * k + k; x++) sum += img.pixels[row + x]!;
      }
      dark[cy * w + cx] = sum / (k * k) < threshold ? 1 : 0;
    }
  }
  const expected = (16 * approxScale) / k;
  const seen = new Uint8Array(w * h);
  const stack: number[] = [];
  const blobs: Blob[] = [];
  for (let start = 0; start < dark.length; start++) {
    if (dark[start] !== 1 || seen[start] === 1) continue;
    let minX = w, maxX = 0, minY = h, maxY = 0, count = 0, sx = 0, sy = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      count++;
      sx += x;
      sy += y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (count > expected * expected * 4) continue; // far too big to be a mark: stop growing it
      for (const q of [p - 1, p + 1, p - w, p + w]) {
        if (q < 0 || q >= dark.length || seen[q] === 1 || dark[q] !== 1) continue;
        if ((q === p - 1 && x === 0) || (q === p + 1 && x === w - 1)) continue;
        seen[q] = 1;
        stack.push(q);
      }
    }
    const bw = maxX - minX + 1;
    const bh = maxY - minY + 1;
    if (bw < expected * 0.6 || bw > expected * 1.45 || bh < expected * 0.6 || bh > expected * 1.45) continue;
    if (count / (bw * bh) < 0.65) continue;
    blobs.push({ cx: (sx / count + 0.5) * k, cy: (sy / count + 0.5) * k });
  }
  return blobs;
}

/** The centre of the dark mass around (x, y), within `radius` pixels, weighted by darkness. */
function refine(img: Grey, at: Blob, radius: number, threshold: number): Point {
  let sw = 0, sx = 0, sy = 0;
  const x0 = Math.max(0, Math.floor(at.cx - radius)), x1 = Math.min(img.width, Math.ceil(at.cx + radius));
  const y0 = Math.max(0, Math.floor(at.cy - radius)), y1 = Math.min(img.height, Math.ceil(at.cy + radius));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const v = img.pixels[y * img.width + x]!;
      if (v >= threshold) continue;
      const wgt = threshold - v;
      sw += wgt;
      sx += wgt * (x + 0.5);
      sy += wgt * (y + 0.5);
    }
  }
  return sw === 0 ? { x: at.cx, y: at.cy } : { x: sx / sw, y: sy / sw };
}

/** The share of dark pixels inside a layout rectangle (inset by `inset` points on each side). */
function darkShare(img: Grey, t: Affine, r: Rect, inset: number, threshold: number): number {
  const scale = Math.min(scales(t).sx, scales(t).sy);
  const step = Math.max(0.25, 1 / scale);
  let dark = 0, n = 0;
  for (let y = r.y + inset + step / 2; y < r.y + r.h - inset; y += step) {
    for (let x = r.x + inset + step / 2; x < r.x + r.w - inset; x += step) {
      const p = apply(t, { x, y });
      const px = Math.floor(p.x), py = Math.floor(p.y);
      n++;
      if (px < 0 || py < 0 || px >= img.width || py >= img.height) continue;
      if (img.pixels[py * img.width + px]! < threshold) dark++;
    }
  }
  return n === 0 ? 0 : dark / n;
}

/** Decodes a QR code inside a pixel box of the image. */
function decodeQrIn(img: Grey, box: { x0: number; y0: number; x1: number; y1: number }): string | null {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  if (w < 21 || h < 21) return null;
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    const row = (box.y0 + y) * img.width + box.x0;
    for (let x = 0; x < w; x++) {
      const v = img.pixels[row + x]!;
      const o = (y * w + x) * 4;
      rgba[o] = v;
      rgba[o + 1] = v;
      rgba[o + 2] = v;
      rgba[o + 3] = 255;
    }
  }
  // jsqr is CommonJS: its function is `default` of the module object both at run time and to the compiler.
  return jsQRModule.default(rgba, w, h, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** Finds the page in a scan: marks, orientation and QR code. */
export function locatePage(img: Grey): Located | { problem: LocateProblem } {
  const { paper, ink } = levels(img);
  const markThreshold = (paper + ink) / 2;
  const approx = Math.max(img.width, img.height) / PAGE.height;
  const blobs = markCandidates(img, approx, markThreshold);
  const corners: Point[] = [
    { x: 0, y: 0 },
    { x: img.width, y: 0 },
    { x: img.width, y: img.height },
    { x: 0, y: img.height },
  ];
  const reach = Math.min(img.width, img.height) * 0.21;
  const found: Point[] = [];
  for (const c of corners) {
    let best: Blob | null = null;
    let bestD = Infinity;
    for (const b of blobs) {
      const d = Math.hypot(b.cx - c.x, b.cy - c.y);
      if (d < bestD) [best, bestD] = [b, d];
    }
    if (!best || bestD > reach) return { problem: 'no_marks' };
    found.push(refine(img, best, 13 * approx, markThreshold));
  }
  const fits: { t: Affine; qrInk: number }[] = [];
  for (let turn = 0; turn < 4; turn++) {
    const to = MARKS_CLOCKWISE.map((_, i) => found[(i + turn) % 4]!);
    const t = fitAffine(MARKS_CLOCKWISE, to);
    if (!t) continue;
    const { sx, sy } = scales(t);
    if (sx / sy < 0.85 || sx / sy > 1.18 || worstResidual(t, MARKS_CLOCKWISE, to) > 6 * sx) continue;
    fits.push({ t, qrInk: darkShare(img, t, QR, 4, markThreshold) });
  }
  if (fits.length === 0) return { problem: 'no_marks' };
  fits.sort((p, q) => q.qrInk - p.qrInk);
  let sawCode = false;
  for (const { t } of fits) {
    const margin = 10;
    const text = decodeQrIn(img, pixelBounds(t, { x: QR.x - margin, y: QR.y - margin, w: QR.w + 2 * margin, h: QR.h + 2 * margin }, img.width, img.height));
    if (text === null) continue;
    sawCode = true;
    const sheet = decodePage(text);
    if (!sheet) continue;
    const { sx, sy } = scales(t);
    const rotation = (rotationDegrees(t) + 360) % 360;
    return { sheet, transform: t, rotation, scale: (sx + sy) / 2, paper, ink };
  }
  return { problem: sawCode ? 'not_ours' : 'no_code' };
}

/** A box call and its confidence from the dark share. */
export function classifyBox(fill: number): { state: BoxState; confidence: number } {
  const { empty, tick, fillUnclear, filled } = THRESHOLDS;
  const sure = (distance: number, margin: number): number => Math.round((0.5 + 0.5 * Math.min(1, distance / margin)) * 1000) / 1000;
  if (fill < empty) return { state: 'empty', confidence: sure(empty - fill, empty / 2) };
  if (fill < tick) return { state: 'unclear', confidence: 0.5 };
  if (fill < fillUnclear) return { state: 'ticked', confidence: sure(Math.min(fill - tick, fillUnclear - fill), tick / 2) };
  if (fill < filled) return { state: 'unclear', confidence: 0.5 };
  return { state: 'filled', confidence: sure(fill - filled, 0.1) };
}

/** A question's answer from its boxes. `multi`: any number may be ticked. `declined` is the "I don't want to say" code. */
export function decideQuestion(questionId: string, boxes: readonly BoxReading[], multi: boolean, declined: string): QuestionReading {
  const ticked = boxes.filter((b) => b.state === 'ticked');
  const reasons: ReviewReason[] = [];
  if (boxes.some((b) => b.state === 'unclear')) reasons.push('unclear_mark');
  if (!multi && ticked.length > 1) reasons.push('two_ticks');
  if (multi && ticked.length > 1 && ticked.some((b) => b.answer === declined)) reasons.push('declined_and_answer');
  if (ticked.length === 0 && boxes.some((b) => b.state === 'filled')) reasons.push('coloured_in_only');
  const confidence = Math.min(1, ...boxes.map((b) => b.confidence));
  if (reasons.length > 0) return { questionId, state: 'review', answers: ticked.map((b) => b.answer), confidence, reasons, boxes };
  return { questionId, state: ticked.length === 0 ? 'blank' : 'answered', answers: ticked.map((b) => b.answer), confidence, reasons, boxes };
}

/** Samples a layout rectangle upright at `pxPerPoint`, for a person to read. */
function crop(img: Grey, t: Affine, r: Rect, pxPerPoint: number): Grey {
  const width = Math.max(1, Math.round(r.w * pxPerPoint));
  const height = Math.max(1, Math.round(r.h * pxPerPoint));
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = apply(t, { x: r.x + (x + 0.5) / pxPerPoint, y: r.y + (y + 0.5) / pxPerPoint });
      const px = Math.floor(p.x), py = Math.floor(p.y);
      if (px >= 0 && py >= 0 && px < img.width && py < img.height) pixels[y * width + x] = img.pixels[py * img.width + px]!;
    }
  }
  return { width, height, pixels };
}

/**
 * The rectangle holding a question's boxes, with a margin (points) so the marks around them show, and room
 * on the right for the printed words of the last column (each box's label is printed to its right); kept on the page.
 */
function boxesAround(boxes: readonly Rect[], margin = 10, labels = 130): Rect {
  const x0 = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y0 = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const x1 = Math.min(PAGE.width, Math.max(...boxes.map((b) => b.x + b.w)) + labels);
  const y1 = Math.min(PAGE.height, Math.max(...boxes.map((b) => b.y + b.h)) + margin);
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export interface ReadOptions {
  /** Whether a question takes any number of ticks. */
  readonly multi: (questionId: string) => boolean;
  /** The "I don't want to say" answer code. */
  readonly declined: string;
  /** Resolution of free-text crops, pixels per point (2 is 144 dpi). */
  readonly cropScale?: number;
}

/** Reads the answers of a located page against its layout. */
export function readPage(img: Grey, at: Located, layout: FormLayout, options: ReadOptions): PageReading {
  const threshold = at.paper - 0.3 * (at.paper - at.ink);
  const page = at.sheet.page;
  const byQuestion = new Map<string, BoxReading[]>();
  for (const b of layout.boxes) {
    if (b.page !== page) continue;
    const inset = Math.max(2.4, b.w * 0.17);
    const fill = darkShare(img, at.transform, b, inset, threshold);
    const reading: BoxReading = { answer: b.answer, fill: Math.round(fill * 1000) / 1000, ...classifyBox(fill) };
    const list = byQuestion.get(b.questionId) ?? [];
    list.push(reading);
    byQuestion.set(b.questionId, list);
  }
  const questions = [...byQuestion].map(([id, boxes]) => decideQuestion(id, boxes, options.multi(id), options.declined));
  const flags = questions.flatMap((q) => q.reasons.map((reason) => ({ questionId: q.questionId, reason })));
  const cropScale = Math.min(options.cropScale ?? 2, at.scale);
  const crops = layout.textAreas.filter((a) => a.page === page).map((a) => ({ questionId: a.questionId, ...crop(img, at.transform, a, cropScale) }));
  const reviewCrops = questions
    .filter((q) => q.state === 'review')
    .map((q) => ({ questionId: q.questionId, ...crop(img, at.transform, boxesAround(layout.boxes.filter((b) => b.page === page && b.questionId === q.questionId)), cropScale) }));
  const { sheet } = at;
  return { waveId: sheet.waveId, layoutId: sheet.layoutId, page, pages: sheet.pages, serial: sheet.serial, rotation: Math.round(at.rotation * 10) / 10, questions, flags, crops, reviewCrops };
}
