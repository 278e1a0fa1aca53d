/**
 * Scanned files to grey pixels. The type is told from the first bytes (PNG, JPEG, TIFF, or a scanner's
 * PDF, whose page images are taken out by `pdf.ts`, fax and JBIG2 pages included), never from the file name; files over the size limit, and images over the pixel
 * limit, are refused before decoding. Only the pixels are kept: EXIF, XMP, ICC and any other metadata
 * are dropped with the file. A multi-page TIFF gives one raster per page.
 */
import type SharpType from 'sharp';
import { pdfPages } from './pdf.ts';
import type { Grey } from './reader.ts';

/** sharp (libvips) is loaded on first use, so the server and other commands do not carry it. */
async function loadSharp(): Promise<typeof SharpType> {
  return (await import('sharp')).default;
}

export type ScanType = 'png' | 'jpeg' | 'tiff' | 'pdf';

/** Limits for one uploaded file: 600 dpi A4 is about 35 million pixels. */
export const LIMITS = { bytes: 50 * 1024 * 1024, pixels: 40_000_000, pages: 50 } as const;

/** Why a file gave no pages. */
export type ImageProblem = 'too_large' | 'unknown_type' | 'pdf_no_pages' | 'too_many_pixels' | 'unreadable';

export const imageProblemText: Record<ImageProblem, string> = {
  too_large: `The file is larger than ${LIMITS.bytes / 1024 / 1024} MB.`,
  unknown_type: 'The file is not a PDF, PNG, JPEG or TIFF.',
  pdf_no_pages: "No scanned pages were found in this PDF: a scanner's PDF holds one image per page. Scan again, or scan to PNG, JPEG or TIFF.",
  too_many_pixels: `The image has more than ${LIMITS.pixels / 1_000_000} million pixels: scan at 600 dpi or less.`,
  unreadable: 'The image is damaged or cannot be read.',
};

/** The file's type from its first bytes, or null. */
export function sniff(data: Uint8Array): ScanType | null {
  const starts = (...bytes: number[]): boolean => bytes.every((b, i) => data[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  return null;
}

export type Decoded = { ok: true; type: ScanType; pages: Grey[] } | { ok: false; problem: ImageProblem };

/** Decodes a scanned file into grey rasters, one per page. */
export async function decodeScan(data: Uint8Array, limits: { bytes: number; pixels: number; pages: number } = LIMITS): Promise<Decoded> {
  if (data.length > limits.bytes) return { ok: false, problem: 'too_large' };
  const type = sniff(data);
  if (type === null) return { ok: false, problem: 'unknown_type' };
  const sharp = await loadSharp();
  if (type === 'pdf') {
    const pages: Grey[] = [];
    try {
      for (const image of await pdfPages(data, limits)) {
        if (image.kind === 'raw' && image.channels === 1) {
          pages.push({ width: image.width, height: image.height, pixels: image.data });
          continue;
        }
        const input = image.kind === 'jpeg' ? sharp(image.data, { limitInputPixels: limits.pixels, failOn: 'error' }) : sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } });
        const { data: pixels, info } = await input.greyscale().extractChannel(0).raw().toBuffer({ resolveWithObject: true });
        pages.push({ width: info.width, height: info.height, pixels: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length) });
      }
    } catch {
      return { ok: false, problem: 'unreadable' };
    }
    return pages.length > 0 ? { ok: true, type, pages } : { ok: false, problem: 'pdf_no_pages' };
  }
  try {
    const meta = await sharp(data, { limitInputPixels: limits.pixels }).metadata();
    if (meta.format !== (type === 'jpeg' ? 'jpeg' : type)) return { ok: false, problem: 'unknown_type' };
    if ((meta.width ?? 0) * (meta.height ?? 0) > limits.pixels) return { ok: false, problem: 'too_many_pixels' };
    const count = Math.min(meta.pages ?? 1, limits.pages);
    const pages: Grey[] = [];
    for (let page = 0; page < count; page++) {
      // autoOrient applies any EXIF turn to the pixels; the raw output carries no metadata at all.
      const { data: pixels, info } = await sharp(data, { limitInputPixels: limits.pixels, page, failOn: 'error' })
        .autoOrient()
        .greyscale()
        .extractChannel(0)
        .raw()
        .toBuffer({ resolveWithObject: true });
      pages.push({ width: info.width, height: info.height, pixels: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length) });
    }
    return { ok: true, type, pages };
  } catch (e) {
    if (e instanceof Error && /pixel limit/i.test(e.message)) return { ok: false, problem: 'too_many_pixels' };
    return { ok: false, problem: 'unreadable' };
  }
}

/** A grey raster as a PNG (for free-text crops), with no metadata. */
export async function toPng(img: Grey): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(img.pixels, { raw: { width: img.width, height: img.height, channels: 1 } }).png({ compressionLevel: 6 }).toBuffer();
}
