/**
 * Scanner-like PDFs made at test time (no binary fixtures): a grey page thresholded to black and white
 * and encoded as CCITT G4 by libvips (sharp), its coded bytes taken out of the TIFF, and any page
 * images wrapped in a small, well-formed PDF (one image per page, drawn to fill it, with a cross-reference
 * table) as a scanner writes them. Also the same bits as a JBIG2 embedded stream whose one generic
 * region is MMR (G4) coded, which is how JBIG2 carries fax coding.
 */
import sharp from 'sharp';
import type { Grey } from './reader.ts';

export interface G4Page {
  /** The image's width and height in pixels (padded to a multiple of 16, white). */
  readonly width: number;
  readonly height: number;
  /** The CCITT T.6 (G4) coded bits, coded white meaning white. */
  readonly data: Buffer;
}

/** Reads the tags of a TIFF's first directory: tag -> first value (or the value's offset for arrays). */
function tiffTags(t: Buffer): Map<number, number> {
  const le = t[0] === 0x49;
  const u16 = (o: number): number => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number): number => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  const ifd = u32(4);
  const tags = new Map<number, number>();
  for (let i = 0; i < u16(ifd); i++) {
    const e = ifd + 2 + i * 12;
    const type = u16(e + 2), count = u32(e + 4);
    if (count !== 1) throw new Error(`TIFF tag ${u16(e)} has ${count} values: expected one strip or tile`);
    tags.set(u16(e), type === 3 ? u16(e + 8) : u32(e + 8));
  }
  return tags;
}

/**
 * A grey page thresholded at `threshold` and G4 coded. libvips writes strips of 256 rows, each coded
 * on its own; one tile the size of the (padded) page gives a single coded block instead.
 */
export async function g4Page(img: Grey, threshold = 160): Promise<G4Page> {
  const width = Math.ceil(img.width / 16) * 16, height = Math.ceil(img.height / 16) * 16;
  const tiff = await sharp(img.pixels, { raw: { width: img.width, height: img.height, channels: 1 } })
    .extend({ right: width - img.width, bottom: height - img.height, background: '#ffffff' })
    .threshold(threshold)
    .toColourspace('b-w')
    .tiff({ compression: 'ccittfax4', bitdepth: 1, miniswhite: true, tile: true, tileWidth: width, tileHeight: height })
    .toBuffer();
  const tags = tiffTags(tiff);
  if (tags.get(259) !== 4 || tags.get(262) !== 0 || tags.get(322) !== width || tags.get(323) !== height) throw new Error('libvips did not write one G4 tile, white as 0');
  const offset = tags.get(324)!, length = tags.get(325)!;
  return { width, height, data: tiff.subarray(offset, offset + length) };
}

/** The same page as a JBIG2 embedded stream (no file header): page information, one MMR generic region, end of page. */
export function jbig2Mmr(page: G4Page): Buffer {
  const u32 = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const segment = (number: number, type: number, data: Buffer): Buffer =>
    // Header: number, flags (type), referred-to segments (none), page association 1, data length.
    Buffer.concat([u32(number), Buffer.from([type, 0x00, 0x01]), u32(data.length), data]);
  // Page information (48): width, height, resolutions unknown, flags 0, no striping.
  const pageInfo = Buffer.concat([u32(page.width), u32(page.height), u32(0), u32(0), Buffer.from([0x00, 0x00, 0x00])]);
  // Immediate lossless generic region (38): region info (size, at 0,0, OR), then flags with MMR = 1.
  const region = Buffer.concat([u32(page.width), u32(page.height), u32(0), u32(0), Buffer.from([0x00, 0x01]), page.data]);
  return Buffer.concat([segment(0, 48, pageInfo), segment(1, 38, region), segment(2, 49, Buffer.alloc(0))]);
}

export interface PdfPageImage {
  readonly width: number;
  readonly height: number;
  /** The image dictionary's entries other than /Width, /Height and /Length, e.g. `/Filter /DCTDecode`. */
  readonly dict: string;
  readonly data: Uint8Array;
  /** The page's /Rotate, if any. */
  readonly rotate?: number;
}

/** A PDF of one page per image, each image drawn over the whole page at `dpi`. */
export function scannerPdf(pages: readonly PdfPageImage[], dpi = 200): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  const stream = (dict: string, data: Uint8Array): Buffer =>
    Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, filled in below
  const kids: number[] = [];
  for (const p of pages) {
    const w = (p.width * 72) / dpi, h = (p.height * 72) / dpi;
    const image = add(stream(`/Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} ${p.dict}`, p.data));
    const content = add(stream('', Buffer.from(`q ${w.toFixed(2)} 0 0 ${h.toFixed(2)} 0 0 cm /Im0 Do Q`, 'latin1')));
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}]${p.rotate ? ` /Rotate ${p.rotate}` : ''} /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  for (const [i, body] of objects.entries()) {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  }
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/**
 * The CCITT image entries for a G4 page. With `blackIs1` the decoded black is 1 bits, which grey reads
 * as white, so /Decode [1 0] turns it back: both draw the same page, as scanners write either.
 */
export const ccittDict = (page: G4Page, blackIs1 = false): string =>
  `/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns ${page.width} /Rows ${page.height}${blackIs1 ? ' /BlackIs1 true' : ''} >>${blackIs1 ? ' /Decode [1 0]' : ''}`;
