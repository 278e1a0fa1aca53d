import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfPageImages } from './pdf.ts';

/** A minimal PDF with one image object, its length given directly or in an object of its own. */
function pdfWith(dict: string, data: Buffer, indirectLength = false): Buffer {
  const head = `%PDF-1.4\n${indirectLength ? `7 0 obj\n${data.length}\nendobj\n` : ''}5 0 obj\n<< /Type /XObject /Subtype /Image ${dict} /Length ${indirectLength ? '7 0 R' : data.length} >>\nstream\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1')]);
}

describe("a scanner's PDF", () => {
  const width = 420, height = 410;
  it('gives 1-bit black-and-white pages as grey pixels (1 white, 0 black, or the other way with /Decode [1 0])', () => {
    const rowBytes = Math.ceil(width / 8);
    const bits = Buffer.alloc(rowBytes * height, 0xff);
    bits[0] = 0x7f; // the first pixel black
    for (const [decode, first, second] of [['', 0, 255], ['/Decode [1 0]', 255, 0]] as const) {
      const [img] = pdfPageImages(pdfWith(`/Width ${width} /Height ${height} /BitsPerComponent 1 /ColorSpace /DeviceGray ${decode} /Filter /FlateDecode`, deflateSync(bits), true), { pixels: 1e7, pages: 5 });
      expect(img).toMatchObject({ kind: 'raw', width, height, channels: 1 });
      if (img?.kind !== 'raw') return;
      expect([img.data[0], img.data[1]]).toEqual([first, second]);
    }
  });

  it('undoes PNG predictors on 8-bit grey pages', () => {
    // Every row "up" filtered (type 2) from a first row of 0, 1, 2 ...: each row repeats the first.
    const rows: number[] = [];
    for (let y = 0; y < height; y++) {
      rows.push(y === 0 ? 0 : 2);
      for (let x = 0; x < width; x++) rows.push(y === 0 ? x & 0xff : 0);
    }
    const [img] = pdfPageImages(pdfWith(`/Width ${width} /Height ${height} /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 1 /Columns ${width} >>`, deflateSync(Buffer.from(rows))), { pixels: 1e7, pages: 5 });
    if (img?.kind !== 'raw') return expect.fail('no page image');
    expect(img.data[(height - 1) * width + 7]).toBe(7);
  });

  it('takes JPEG pages as they are and leaves out small images, masks, unknown encodings and images over the pixel limit', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const found = pdfPageImages(pdfWith(`/Width ${width} /Height ${height} /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /DCTDecode`, jpeg), { pixels: 1e7, pages: 5 });
    expect(found.map((f) => [f.kind, Buffer.from(f.data).equals(jpeg)])).toEqual([['jpeg', true]]);
    for (const dict of [`/Width 40 /Height 40 /Filter /DCTDecode`, `/Width ${width} /Height ${height} /ImageMask true /Filter /DCTDecode`, `/Width ${width} /Height ${height} /Filter /JBIG2Decode`]) {
      expect(pdfPageImages(pdfWith(dict, jpeg), { pixels: 1e7, pages: 5 })).toEqual([]);
    }
    expect(pdfPageImages(pdfWith(`/Width ${width} /Height ${height} /Filter /DCTDecode`, jpeg), { pixels: 1000, pages: 5 })).toEqual([]);
  });
});
