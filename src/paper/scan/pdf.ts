/**
 * The page images inside a scanner's PDF, without rendering it: a scanner writes each page as one image
 * object, JPEG (DCTDecode), compressed pixels (FlateDecode, with or without PNG predictors; grey or RGB,
 * 8 bits, or 1-bit black and white), or black and white coded as a fax (CCITTFaxDecode, G3 or G4) or
 * JBIG2 (JBIG2Decode). JPEG and compressed pixels are taken out here as they are, which is the fast
 * path (sharp decodes them); only when a page-sized image is in another encoding is the whole file
 * handed to pdf.js (`pdfjsPageImages`), which decodes fax and JBIG2 (and JPEG 2000) pages without
 * drawing anything: no canvas, no fonts, no scripts. Nothing else in the PDF is read or run. Pages may
 * come out in any order: each page's QR code says which page it is. Images too small to be a page
 * (logos) and masks are left out; a PDF with no usable page image is refused with a plain reason.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { inflateSync } from 'node:zlib';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfImage =
  | { readonly kind: 'jpeg'; readonly data: Uint8Array }
  | { readonly kind: 'raw'; readonly width: number; readonly height: number; readonly channels: 1 | 3; readonly data: Uint8Array };

/** The smallest image taken for a page (a 150 dpi A4 scan is 1240 × 1754). */
const MIN_SIDE = 400;

const num = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)(?!\\s+\\d+\\s+R)`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** The PNG predictor (Predictor >= 10) undone, row by row. */
function unpredict(data: Uint8Array, rowBytes: number, bpp: number): Uint8Array {
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowBytes + 1)]!;
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowBytes + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowBytes + i - bpp]! : 0;
      let v = raw;
      if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

/** Page images found in a PDF, at most `limits.pages`, each at most `limits.pixels`, in the encodings read here. */
export function pdfPageImages(pdf: Uint8Array, limits: { pixels: number; pages: number }): PdfImage[] {
  return scanPdf(pdf, limits).images;
}

/**
 * The page images read here, and how many page-sized images (within the pixel limit) are in another
 * encoding (fax, JBIG2, JPEG 2000...), which only pdf.js reads.
 */
function scanPdf(pdf: Uint8Array, limits: { pixels: number; pages: number }): { images: PdfImage[]; other: number } {
  let other = 0;
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length).toString('latin1');
  const images: PdfImage[] = [];
  const objects = /(\d+)\s+\d+\s+obj\b/g;
  /** The text of a small object (a number or a dictionary) by its number. */
  const objectText = (ref: string): string => new RegExp(`(?:^|[^0-9])${ref}\\s+0\\s+obj\\s*([^]{0,400}?)\\s*endobj`).exec(text)?.[1] ?? '';
  const lengthOf = (ref: string): number | null => {
    const m = /^(\d+)$/.exec(objectText(ref).trim());
    return m ? Number(m[1]) : null;
  };
  for (let m = objects.exec(text); m !== null && images.length < limits.pages; m = objects.exec(text)) {
    const start = m.index + m[0].length;
    const streamAt = text.indexOf('stream', start);
    const nextObj = text.indexOf(' obj', start);
    if (streamAt < 0 || (nextObj >= 0 && nextObj < streamAt)) continue;
    let dict = text.slice(start, streamAt);
    // Decoding parameters may sit in an object of their own.
    const parms = /\/DecodeParms\s+(\d+)\s+\d+\s+R/.exec(dict);
    if (parms) dict += objectText(parms[1]!);
    if (!/\/Subtype\s*\/Image/.test(dict) || /\/ImageMask\s+true/.test(dict)) continue;
    const width = num(dict, 'Width');
    const height = num(dict, 'Height');
    if (width === null || height === null || Math.min(width, height) < MIN_SIDE || width * height > limits.pixels) continue;
    const indirect = /\/Length\s+(\d+)\s+\d+\s+R/.exec(dict);
    const length = indirect ? lengthOf(indirect[1]!) : num(dict, 'Length');
    let dataStart = streamAt + 'stream'.length;
    if (text[dataStart] === '\r') dataStart++;
    if (text[dataStart] === '\n') dataStart++;
    if (length === null || dataStart + length > pdf.length) continue;
    const data = pdf.subarray(dataStart, dataStart + length);
    const filters = [...(/\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1] ?? '').matchAll(/\/(\w+)/g)].map((f) => f[1]);
    if (filters.length === 1 && filters[0] === 'DCTDecode') {
      images.push({ kind: 'jpeg', data });
      continue;
    }
    if (filters.length !== 1 || filters[0] !== 'FlateDecode') {
      other++;
      continue;
    }
    const bpc = num(dict, 'BitsPerComponent') ?? 8;
    const channels = /\/DeviceRGB|\/CalRGB/.test(dict) ? 3 : /\/DeviceGray|\/CalGray|\/ICCBased/.test(dict) ? 1 : null;
    if (channels === null || (bpc !== 8 && bpc !== 1) || (bpc === 1 && channels !== 1)) {
      other++; // e.g. an indexed, CMYK or 16-bit image: pdf.js reads those
      continue;
    }
    let pixels: Uint8Array;
    try {
      pixels = inflateSync(data, { maxOutputLength: width * height * channels + height + 1024 });
    } catch {
      continue;
    }
    const rowBytes = bpc === 1 ? Math.ceil(width / 8) : width * channels;
    if ((num(dict, 'Predictor') ?? 1) >= 10) pixels = unpredict(pixels, rowBytes, bpc === 1 ? 1 : channels);
    if (pixels.length < rowBytes * height) continue;
    if (bpc === 1) {
      const inverted = /\/Decode\s*\[\s*1\s+0\s*\]/.test(dict);
      const grey = new Uint8Array(width * height);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const bit = (pixels[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
          grey[y * width + x] = (bit === 1) !== inverted ? 255 : 0;
        }
      }
      images.push({ kind: 'raw', width, height, channels: 1, data: grey });
    } else images.push({ kind: 'raw', width, height, channels, data: pixels.subarray(0, rowBytes * height) });
  }
  return { images, other };
}

/** The PDF's page images: by the fast path when it finds every page-sized image, else by pdf.js. */
export async function pdfPages(pdf: Uint8Array, limits: { pixels: number; pages: number }): Promise<PdfImage[]> {
  const scan = scanPdf(pdf, limits);
  if (scan.other === 0) return scan.images;
  return pdfjsPageImages(pdf, limits);
}

type Pdfjs = typeof PdfjsModule;
let pdfjsLoaded: Promise<{ pdfjs: Pdfjs; wasmUrl: string }> | null = null;

/**
 * pdf.js is loaded on first use, so the server and other commands do not carry it. In Node its "worker"
 * runs in this thread (its fake worker); its WebAssembly fax and JBIG2 decoder is read from the package.
 */
function loadPdfjs(): Promise<{ pdfjs: Pdfjs; wasmUrl: string }> {
  pdfjsLoaded ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const wasmUrl = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/wasm/`;
    return { pdfjs, wasmUrl };
  })();
  return pdfjsLoaded;
}

/** A decoded image as pdf.js gives it to a canvas (ImageKind: 1 bit grey, RGB or RGBA, rows packed). */
interface PdfjsImage {
  readonly width: number;
  readonly height: number;
  readonly kind: number;
  readonly data?: Uint8Array | Uint8ClampedArray;
}

function isPdfjsImage(v: unknown): v is PdfjsImage {
  if (typeof v !== 'object' || v === null) return false;
  const img = v as Partial<PdfjsImage>;
  return typeof img.width === 'number' && typeof img.height === 'number' && typeof img.kind === 'number' && (img.data instanceof Uint8Array || img.data instanceof Uint8ClampedArray);
}

let bitsTable: Uint32Array | null = null;

/** For each byte of 1-bit pixels, its eight grey pixels (0 or 255) as two words in this machine's byte order. */
function bitsToGrey(): Uint32Array {
  if (bitsTable) return bitsTable;
  const bytes = new Uint8Array(256 * 8);
  for (let b = 0; b < 256; b++) for (let x = 0; x < 8; x++) bytes[b * 8 + x] = ((b >> (7 - x)) & 1) * 255;
  bitsTable = new Uint32Array(bytes.buffer);
  return bitsTable;
}

/** One grey byte per pixel from pdf.js's image data, or null for a kind it should not give without a canvas. */
export function pdfjsGrey(img: PdfjsImage, kinds: { GRAYSCALE_1BPP: number; RGB_24BPP: number; RGBA_32BPP: number }): PdfImage | null {
  const { width, height, data } = img;
  if (!data) return null;
  const grey = new Uint8Array(width * height);
  if (img.kind === kinds.GRAYSCALE_1BPP) {
    // 1 bits are white, rows padded to whole bytes (any /Decode or BlackIs1 already applied). Each
    // byte becomes its eight grey pixels by table, four at a time, into a row then copied out.
    const rowBytes = (width + 7) >> 3;
    if (data.length < rowBytes * height) return null;
    const row = new Uint8Array(rowBytes * 8);
    const row32 = new Uint32Array(row.buffer);
    const table = bitsToGrey();
    for (let y = 0; y < height; y++) {
      for (let i = 0, at = y * rowBytes; i < rowBytes; i++) {
        const b = data[at + i]!;
        row32[2 * i] = table[2 * b]!;
        row32[2 * i + 1] = table[2 * b + 1]!;
      }
      grey.set(row.subarray(0, width), y * width);
    }
  } else if (img.kind === kinds.RGB_24BPP || img.kind === kinds.RGBA_32BPP) {
    const step = img.kind === kinds.RGB_24BPP ? 3 : 4;
    if (data.length < width * height * step) return null;
    // Rec. 601 luma, as libvips turns colour to grey.
    for (let i = 0, j = 0; i < grey.length; i++, j += step) grey[i] = (data[j]! * 299 + data[j + 1]! * 587 + data[j + 2]! * 114 + 500) / 1000;
  } else return null;
  return { kind: 'raw', width, height, channels: 1, data: grey };
}

/** Images reach the page's objects after its operator list; waits for one, giving up after `ms`. */
function resolved(objs: { get: (name: string, callback: (data: unknown) => void) => unknown }, name: string, ms = 20_000): Promise<unknown> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    objs.get(name, (data) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

/**
 * Every page's largest painted image decoded by pdf.js, at most `limits.pages` pages. pdf.js itself
 * refuses to decode an image over `limits.pixels` (`maxImageSize`), so nothing big is decoded; no
 * fonts are loaded, nothing is drawn and no script is run (no scripting or XFA; this pdf.js has no `eval`
 * path at all, which is why it takes no `isEvalSupported` option).
 */
export async function pdfjsPageImages(pdf: Uint8Array, limits: { pixels: number; pages: number }): Promise<PdfImage[]> {
  const { pdfjs, wasmUrl } = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdf.js may detach the buffer it is given: it gets a copy.
    data: Uint8Array.from(pdf),
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    maxImageSize: limits.pixels,
    wasmUrl,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const images: PdfImage[] = [];
  try {
    const doc = await task.promise;
    for (let n = 1; n <= Math.min(doc.numPages, limits.pages); n++) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      let best: PdfjsImage | null = null;
      for (const [i, fn] of ops.fnArray.entries()) {
        if (fn !== pdfjs.OPS.paintImageXObject) continue;
        const name: unknown = (ops.argsArray[i] as unknown[] | undefined)?.[0];
        if (typeof name !== 'string') continue;
        const objs = name.startsWith('g_') ? page.commonObjs : page.objs;
        const img = await resolved(objs, name);
        if (!isPdfjsImage(img) || Math.min(img.width, img.height) < MIN_SIDE || img.width * img.height > limits.pixels) continue;
        if (!best || img.width * img.height > best.width * best.height) best = img;
      }
      const grey = best ? pdfjsGrey(best, pdfjs.ImageKind) : null;
      if (grey) images.push(grey);
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return images;
}
