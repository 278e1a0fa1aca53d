/**
 * Synthetic scans for tests and the bench: a printed page (rasterised by pdftoppm) filled in with
 * pen marks (ticks, crosses, heavy and faint marks, boxes coloured in as corrections), then turned,
 * skewed, scaled, blurred, speckled and saved as JPEG or PNG the way a scanner would. Each page comes
 * with the truth of every box, to compare a reading against.
 */
import sharp from 'sharp';
import type { FormLayout } from '../forms/design.ts';
import type { Grey } from './reader.ts';

export type TruthState = 'ticked' | 'empty' | 'filled';

/** A small seeded random source (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pen {
  width: number;
  shade: number;
}

/** Draws a line of `pen` (width in pixels) between two pixel points, darkening only. */
function line(img: { width: number; height: number; pixels: Uint8Array }, x1: number, y1: number, x2: number, y2: number, pen: Pen): void {
  const r = pen.width / 2;
  const minX = Math.max(0, Math.floor(Math.min(x1, x2) - r)), maxX = Math.min(img.width - 1, Math.ceil(Math.max(x1, x2) + r));
  const minY = Math.max(0, Math.floor(Math.min(y1, y2) - r)), maxY = Math.min(img.height - 1, Math.ceil(Math.max(y1, y2) + r));
  const dx = x2 - x1, dy = y2 - y1;
  const len2 = dx * dx + dy * dy || 1;
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      const t = Math.max(0, Math.min(1, ((x + 0.5 - x1) * dx + (y + 0.5 - y1) * dy) / len2));
      const d = Math.hypot(x + 0.5 - (x1 + t * dx), y + 0.5 - (y1 + t * dy));
      if (d <= r) {
        const i = y * img.width + x;
        img.pixels[i] = Math.min(img.pixels[i]!, pen.shade);
      }
    }
  }
}

export interface FilledPage {
  readonly image: Grey;
  /** Every box of the page: `questionId answer` to what was drawn in it. */
  readonly truth: Map<string, TruthState>;
}

export const boxKey = (questionId: string, answer: string): string => `${questionId} ${answer}`;

/**
 * Fills in one page's boxes at random: most questions get one tick (some a cross, some heavy, some
 * faint), some are left blank, a few get a box coloured in and another ticked, and questions that take
 * several answers get one to three ticks. `dpi` is the raster's resolution.
 */
export function fillIn(page: Grey, dpi: number, layout: FormLayout, pageNo: number, multi: (q: string) => boolean, declined: string, random: () => number): FilledPage {
  const img = { width: page.width, height: page.height, pixels: Uint8Array.from(page.pixels) };
  const s = dpi / 72;
  const truth = new Map<string, TruthState>();
  const boxes = layout.boxes.filter((b) => b.page === pageNo);
  const questions = [...new Set(boxes.map((b) => b.questionId))];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  for (const b of boxes) truth.set(boxKey(b.questionId, b.answer), 'empty');
  for (const q of questions) {
    const own = boxes.filter((b) => b.questionId === q);
    if (random() < 0.12) continue; // skipped
    const chosen = new Set<(typeof own)[number]>();
    if (multi(q)) {
      const others = own.filter((b) => b.answer !== declined);
      const n = 1 + Math.floor(random() * 3);
      for (let i = 0; i < n; i++) chosen.add(pick(others.length > 0 ? others : own));
    } else chosen.add(pick(own));
    const rest = own.filter((b) => !chosen.has(b));
    if (random() < 0.08 && rest.length > 0) {
      // A correction: a wrong box coloured in completely.
      const wrong = pick(rest);
      const pen = { width: (1.6 + random() * 1.4) * s, shade: 20 + Math.floor(random() * 50) };
      const x0 = wrong.x * s, y0 = wrong.y * s, w = wrong.w * s, h = wrong.h * s;
      for (let y = y0 + pen.width * 0.3; y < y0 + h; y += pen.width * 0.7) line(img, x0 + random() * 2, y, x0 + w - random() * 2, y + random() * pen.width * 0.5, pen);
      truth.set(boxKey(wrong.questionId, wrong.answer), 'filled');
    }
    for (const b of chosen) {
      const kind = random();
      const faint = random() < 0.12;
      const heavy = !faint && random() < 0.2;
      const pen = { width: (faint ? 0.7 + random() * 0.3 : heavy ? 2.2 + random() : 1 + random() * 0.8) * s, shade: faint ? 110 + Math.floor(random() * 40) : Math.floor(random() * 60) };
      const x = (f: number): number => (b.x + b.w * f) * s;
      const y = (f: number): number => (b.y + b.h * f) * s;
      const j = (): number => (random() - 0.5) * 0.12;
      if (kind < 0.7) {
        // A tick, sometimes overshooting the box.
        const ax = 0.15 + j(), ay = 0.5 + j(), bx = 0.4 + j(), by = 0.82 + j(), cx = 0.85 + j() + random() * 0.2, cy = 0.12 + j() - random() * 0.25;
        line(img, x(ax), y(ay), x(bx), y(by), pen);
        line(img, x(bx), y(by), x(cx), y(cy), pen);
      } else {
        // A cross.
        line(img, x(0.15 + j()), y(0.15 + j()), x(0.85 + j()), y(0.85 + j()), pen);
        line(img, x(0.85 + j()), y(0.15 + j()), x(0.15 + j()), y(0.85 + j()), pen);
      }
      truth.set(boxKey(b.questionId, b.answer), 'ticked');
    }
  }
  return { image: img, truth };
}

export interface Distortion {
  /** Quarter turns clockwise, 0..3. */
  readonly turns: number;
  /** Extra skew in degrees (±3). */
  readonly skew: number;
  /** Scale factor (0.95..1.05). */
  readonly scale: number;
  readonly blur: number;
  /** Standard deviation of the added noise, grey levels. */
  readonly noise: number;
  readonly format: 'jpeg' | 'png';
  readonly quality: number;
}

/** A random distortion within the ranges scanners give. */
export function randomDistortion(random: () => number): Distortion {
  return {
    turns: Math.floor(random() * 4),
    skew: (random() * 2 - 1) * 3,
    scale: 0.95 + random() * 0.1,
    blur: random() < 0.5 ? 0 : 0.3 + random() * 0.7,
    noise: random() * 12,
    format: random() < 0.75 ? 'jpeg' : 'png',
    quality: 45 + Math.floor(random() * 45),
  };
}

/** Applies a distortion and encodes the result as a scanner would save it. */
export async function distort(img: Grey, d: Distortion, random: () => number): Promise<Buffer> {
  let pipeline = sharp(img.pixels, { raw: { width: img.width, height: img.height, channels: 1 } }).rotate(d.turns * 90 + d.skew, { background: '#ffffff' });
  const turned = await pipeline.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  pipeline = sharp(turned.data, { raw: { width: turned.info.width, height: turned.info.height, channels: 1 } }).resize(Math.round(turned.info.width * d.scale), Math.round(turned.info.height * d.scale));
  if (d.blur > 0) pipeline = pipeline.blur(d.blur);
  const { data, info } = await pipeline.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  if (d.noise > 0) {
    for (let i = 0; i < data.length; i++) {
      // Roughly normal noise from the sum of three uniforms.
      const n = (random() + random() + random() - 1.5) * 2 * d.noise;
      data[i] = Math.max(0, Math.min(255, Math.round(data[i]! + n)));
    }
  }
  const out = sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } });
  return d.format === 'jpeg' ? out.jpeg({ quality: d.quality }).toBuffer() : out.png().toBuffer();
}
