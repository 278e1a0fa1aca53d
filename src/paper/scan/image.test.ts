import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeScan, sniff } from './image.ts';

const grey = (width: number, height: number) => sharp(Buffer.alloc(width * height * 3, 200), { raw: { width, height, channels: 3 } });

describe('decoding scans', () => {
  it('knows PNG, JPEG, TIFF and PDF by their first bytes, whatever the name', async () => {
    expect(sniff(await grey(8, 8).png().toBuffer())).toBe('png');
    expect(sniff(await grey(8, 8).jpeg().toBuffer())).toBe('jpeg');
    expect(sniff(await grey(8, 8).tiff().toBuffer())).toBe('tiff');
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniff(Buffer.from('GIF89a'))).toBeNull();
    expect(await decodeScan(Buffer.from('<html>not an image</html>'))).toEqual({ ok: false, problem: 'unknown_type' });
    expect(await decodeScan(Buffer.from('%PDF-1.7\n'))).toEqual({ ok: false, problem: 'pdf_no_pages' });
  });

  it('gives one grey byte per pixel, turned upright by its EXIF orientation, and keeps no metadata', async () => {
    const jpeg = await grey(40, 20).withMetadata({ orientation: 6, exif: { IFD0: { Artist: 'A Name', ImageDescription: 'secret' } } }).jpeg().toBuffer();
    const r = await decodeScan(jpeg);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pages).toHaveLength(1);
    expect(r.pages[0]).toMatchObject({ width: 20, height: 40 });
    expect(r.pages[0]!.pixels.length).toBe(800);
    expect(Math.abs(r.pages[0]!.pixels[0]! - 200)).toBeLessThan(3);
    expect(Object.keys(r.pages[0]!).sort()).toEqual(['height', 'pixels', 'width']);
  });

  it('reads every page of a multi-page TIFF', async () => {
    const tiff = await sharp([await grey(10, 12).png().toBuffer(), await grey(10, 12).png().toBuffer()], { join: { animated: true } }).tiff().toBuffer().catch(() => null);
    if (tiff === null) return expect.fail('sharp could not write a multi-page TIFF');
    const r = await decodeScan(tiff);
    expect(r.ok && r.pages.length).toBe(2);
  });

  it('refuses a file over the size limit, an image over the pixel limit and a damaged image, in plain terms', async () => {
    const png = await grey(100, 100).png().toBuffer();
    expect(await decodeScan(png, { bytes: 10, pixels: 1e6, pages: 5 })).toEqual({ ok: false, problem: 'too_large' });
    expect(await decodeScan(png, { bytes: 1e6, pixels: 5000, pages: 5 })).toEqual({ ok: false, problem: 'too_many_pixels' });
    expect(await decodeScan(png.subarray(0, 60))).toEqual({ ok: false, problem: 'unreadable' });
  });
});
