/**
 * The page images inside a scanner's PDF, without rendering it: a scanner writes each page as one image
 * object, JPEG (DCTDecode) or compressed pixels (FlateDecode, with or without PNG predictors; grey or
 * RGB, 8 bits, or 1-bit black and white). Those are taken out as they are; nothing else in the PDF is
 * read or run. Pages may come out in any order: each page's QR code says which page it is. Images too
 * small to be a page (logos), masks, and encodings not handled here (CCITT fax, JBIG2, JPEG 2000) are
 * left out; a PDF with no usable page image is refused with a plain reason.
 */
import { inflateSync } from 'node:zlib';

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

/** Page images found in a PDF, at most `maxImages`, each at most `maxPixels`. */
export function pdfPageImages(pdf: Uint8Array, limits: { pixels: number; pages: number }): PdfImage[] {
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
    if (filters.length !== 1 || filters[0] !== 'FlateDecode') continue;
    const bpc = num(dict, 'BitsPerComponent') ?? 8;
    const channels = /\/DeviceRGB|\/CalRGB/.test(dict) ? 3 : /\/DeviceGray|\/CalGray|\/ICCBased/.test(dict) ? 1 : null;
    if (channels === null || (bpc !== 8 && bpc !== 1) || (bpc === 1 && channels !== 1)) continue;
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
  return images;
}
