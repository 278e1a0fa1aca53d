/**
 * Reading a scanned file: decode it (images by content, metadata dropped), find each page and read it
 * against the layout its QR code names, and encode the free-text and review crops as PNG. The layout comes from
 * `layoutOf` (the stored layout in production); whether a question takes several ticks comes from the
 * instrument the layout was drawn from.
 */
import { DECLINED, getInstrument, scaleSummary } from '../../instruments/index.ts';
import type { FormLayout } from '../forms/design.ts';
import { decodeScan, imageProblemText, toPng, type ImageProblem } from './image.ts';
import { locatePage, readPage, type Grey, type LocateProblem, type PageReading } from './reader.ts';

export type PageProblem = LocateProblem | 'unknown_layout';

export const pageProblemText: Record<PageProblem, string> = {
  no_marks: 'The four corner marks of a Bright Spots form could not be found on this page.',
  no_code: 'The QR code in the top corner of this page could not be read.',
  not_ours: 'The QR code on this page is not from a Bright Spots form.',
  unknown_layout: 'This page is from a form layout the platform does not know (it was not printed here).',
};

/** A page as read, with free-text crops as PNG images. */
export type ReadPage = Omit<PageReading, 'crops' | 'reviewCrops'> & {
  readonly crops: readonly { readonly questionId: string; readonly png: Buffer }[];
  /** The boxes of each question for review, upright, as PNG. */
  readonly reviewCrops: readonly { readonly questionId: string; readonly png: Buffer }[];
};

export type PageOutcome = { readonly ok: true; readonly index: number; readonly reading: ReadPage } | { readonly ok: false; readonly index: number; readonly problem: PageProblem; readonly message: string };
export type FileOutcome = { readonly ok: true; readonly pages: readonly PageOutcome[] } | { readonly ok: false; readonly problem: ImageProblem; readonly message: string };

/** Which questions of an instrument take several ticks. */
function multiOf(instrumentId: string): (questionId: string) => boolean {
  const instrument = getInstrument(instrumentId);
  const multi = new Set(instrument?.questions.filter((q) => scaleSummary(q.scale).kind === 'multi').map((q) => q.id) ?? []);
  return (id) => multi.has(id);
}

/** Reads one grey page: located, matched to its layout, and its boxes read (crops still raw). */
export async function readGrey(img: Grey, layoutOf: (layoutId: string) => Promise<FormLayout | null>): Promise<{ ok: true; reading: PageReading } | { ok: false; problem: PageProblem }> {
  const at = locatePage(img);
  if ('problem' in at) return { ok: false, problem: at.problem };
  const layout = await layoutOf(at.sheet.layoutId);
  if (!layout || layout.pages !== at.sheet.pages) return { ok: false, problem: 'unknown_layout' };
  return { ok: true, reading: readPage(img, at, layout, { multi: multiOf(layout.instrumentId), declined: DECLINED }) };
}

/** Reads every page of a scanned file. */
export async function readScanFile(data: Uint8Array, layoutOf: (layoutId: string) => Promise<FormLayout | null>): Promise<FileOutcome> {
  const decoded = await decodeScan(data);
  if (!decoded.ok) return { ok: false, problem: decoded.problem, message: imageProblemText[decoded.problem] };
  const pages: PageOutcome[] = [];
  for (const [index, img] of decoded.pages.entries()) {
    const r = await readGrey(img, layoutOf);
    if (!r.ok) {
      pages.push({ ok: false, index, problem: r.problem, message: pageProblemText[r.problem] });
      continue;
    }
    const crops = await Promise.all(r.reading.crops.map(async (c) => ({ questionId: c.questionId, png: await toPng(c) })));
    const reviewCrops = await Promise.all(r.reading.reviewCrops.map(async (c) => ({ questionId: c.questionId, png: await toPng(c) })));
    pages.push({ ok: true, index, reading: { ...r.reading, crops, reviewCrops } });
  }
  return { ok: true, pages };
}
