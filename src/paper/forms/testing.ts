/** Test helpers: the form words over the real catalogues, PDF pages as grey pixels, and QR decoding. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { createTranslator, loadCatalogues } from '../../lib/i18n.ts';
import { catalogueDirs } from '../../services.ts';
import type { Words } from './design.ts';

const i18n = createTranslator(loadCatalogues(catalogueDirs));

/** The words of a language and the check for optional keys, as the service passes them. */
export function wordsFor(lang: string): { words: Words; has: (key: string) => boolean } {
  return { words: (key, vars) => i18n.t(lang, key, vars), has: (key) => i18n.has(lang, key) };
}

/** A page rasterised in grey: width, height, one byte per pixel (0 black .. 255 white), and the resolution. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
  readonly dpi: number;
}

/** Rasterises page `page` of a PDF with pdftoppm (grey PGM) and reads it. */
export function rasterise(pdf: Uint8Array, page: number, dpi: number): Raster {
  const dir = mkdtempSync(join(tmpdir(), 'paper-raster-'));
  try {
    const file = join(dir, 'form.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file, join(dir, 'p')]);
    const out = readdirSync(dir).find((f) => f.endsWith('.pgm'));
    if (out === undefined) throw new Error('pdftoppm wrote no page');
    return { ...readPgm(readFileSync(join(dir, out))), dpi };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads a binary PGM (P5, 8-bit). */
function readPgm(data: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (data[i] !== undefined && /\s/.test(String.fromCharCode(data[i] ?? 0))) i++;
    if (data[i] === 0x23) {
      while (data[i] !== 0x0a) i++;
      continue;
    }
    let field = '';
    while (data[i] !== undefined && !/\s/.test(String.fromCharCode(data[i] ?? 0))) field += String.fromCharCode(data[i++] ?? 0);
    fields.push(field);
  }
  if (fields[0] !== 'P5') throw new Error('not a binary PGM');
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, pixels: new Uint8Array(data.subarray(i + 1, i + 1 + width * height)) };
}

/** Decodes the QR code on a rasterised page, or null. */
export function readQr(r: Raster): string | null {
  const rgba = new Uint8ClampedArray(r.width * r.height * 4);
  for (let p = 0; p < r.pixels.length; p++) {
    const v = r.pixels[p] ?? 255;
    rgba[p * 4] = v;
    rgba[p * 4 + 1] = v;
    rgba[p * 4 + 2] = v;
    rgba[p * 4 + 3] = 255;
  }
  // jsqr is CommonJS: its function is `default` of the module object both at run time and to the compiler.
  return jsQRModule.default(rgba, r.width, r.height)?.data ?? null;
}

/** The text of a PDF, by pdftotext. */
export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'paper-text-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'f.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The number of pages of a PDF, by pdfinfo. */
export function pageCount(pdf: Uint8Array): number {
  const dir = mkdtempSync(join(tmpdir(), 'paper-info-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), pdf);
    const info = execFileSync('pdfinfo', [join(dir, 'f.pdf')], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Collects a stream into one buffer. */
export async function collect(stream: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}
