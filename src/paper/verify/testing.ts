/** Test helpers: a printed form filled in with ticks and scanned as PNG pages, and a multipart upload body. */
import type { AnswerBox } from '../forms/design.ts';
import { toPng } from '../scan/image.ts';
import type { Grey } from '../scan/reader.ts';
import { rasteriseAll } from '../scan/trial.ts';

/** Darkens the middle of a box the way a tick does (about a third of its inside). */
function tick(img: Grey, box: AnswerBox, dpi: number): void {
  const s = dpi / 72;
  for (let y = Math.round((box.y + box.h * 0.3) * s); y < (box.y + box.h * 0.7) * s; y++) {
    for (let x = Math.round((box.x + box.w * 0.3) * s); x < (box.x + box.w * 0.7) * s; x++) img.pixels[y * img.width + x] = 20;
  }
}

/** Every page of a printed copy (its PDF) with these boxes ticked, scanned at `dpi` as PNG. */
export async function scannedPages(pdf: Uint8Array, ticked: readonly AnswerBox[], dpi = 150): Promise<Buffer[]> {
  return Promise.all(
    rasteriseAll(pdf, dpi).map(async (r, i) => {
      const img = { width: r.width, height: r.height, pixels: Uint8Array.from(r.pixels) };
      for (const b of ticked) if (b.page === i + 1) tick(img, b, dpi);
      return toPng(img);
    }),
  );
}

/** A multipart body for the upload form: the CSRF token first, then the files. */
export function uploadBody(token: string, files: readonly { name: string; bytes: Uint8Array }[]): { payload: Buffer; type: string } {
  const b = 'scanboundary7f3a';
  const parts: Buffer[] = [Buffer.from(`--${b}\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`)];
  for (const f of files) {
    parts.push(Buffer.from(`--${b}\r\ncontent-disposition: form-data; name="scans"; filename="${f.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`), Buffer.from(f.bytes), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${b}` };
}
