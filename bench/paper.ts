/**
 * Reading scanned paper forms (issue 6): synthetic scans of every instrument's printed form at 200 dpi
 * (filled in, turned, skewed, scaled, blurred, speckled, JPEG or PNG) are decoded and read, and every
 * box compared with what was drawn. Goals: at least 99.9% of boxes read right or sent for review, none
 * wrong without review, no page misidentified, and at least 10 pages read per second on this machine
 * (decoding the image and reading it; making the synthetic scans is not timed). Processor time is
 * reported beside the wall clock, as it is steadier when the machine is busy.
 * The same pages are then read from scanners' black-and-white PDFs (each page G4 fax coded, decoded by
 * pdf.js), the path office scanners' PDFs take.
 * BENCH_PAPER_PAGES sets the number of pages (200).
 */
import { DECLINED } from '../src/instruments/index.ts';
import { decodeScan } from '../src/paper/scan/image.ts';
import { ccittDict, g4Page, scannerPdf } from '../src/paper/scan/pdf-testing.ts';
import { readGrey } from '../src/paper/scan/scan.ts';
import { fillIn, seeded } from '../src/paper/scan/synthetic.ts';
import { printedForms, runTrial, type Form } from '../src/paper/scan/trial.ts';
import { printFigure, round, type Figures } from './lib.ts';

/** Pages filled in, G4 coded into a PDF each, then decoded and read: pages read and the time taken. */
async function faxTrial(forms: readonly Form[], pages: number): Promise<{ read: number; ms: number; cpuMs: number }> {
  const random = seeded(7);
  let read = 0, ms = 0, cpuMs = 0;
  for (let n = 0; n < pages; n++) {
    const form = forms[n % forms.length]!;
    const { layout } = form.design;
    const pageNo = 1 + (n % layout.pages);
    const filled = fillIn(form.rasters[pageNo - 1]!, 200, layout, pageNo, () => false, DECLINED, random);
    const g4 = await g4Page(filled.image);
    const pdf = scannerPdf([{ width: g4.width, height: g4.height, dict: ccittDict(g4), data: g4.data }]);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const decoded = await decodeScan(pdf);
    const r = decoded.ok ? await readGrey(decoded.pages[0]!, (id) => Promise.resolve(forms.find((f) => f.design.layout.layoutId === id)?.design.layout ?? null)) : null;
    ms += performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    cpuMs += (cpu.user + cpu.system) / 1000;
    if (r?.ok) read++;
  }
  return { read, ms, cpuMs };
}

export async function run(): Promise<Figures> {
  const pages = Number(process.env['BENCH_PAPER_PAGES'] ?? 200);
  console.log(`\nReading scanned forms: ${pages} synthetic pages at 200 dpi`);
  const forms = await printedForms(200);
  const f = await runTrial(forms, pages, 6);
  const figures: Figures = {
    pages: f.pages,
    pages_read_per_s: round(f.pages / (f.readMs / 1000), 1),
    pages_read_per_cpu_s: round(f.pages / (f.readCpuMs / 1000), 1),
    boxes: f.boxes,
    boxes_right_or_review_pct: round((100 * (f.boxesCorrect + f.boxesFlagged)) / Math.max(f.boxes, 1), 3),
    boxes_right_pct: round((100 * f.boxesCorrect) / Math.max(f.boxes, 1), 3),
    boxes_wrong_unflagged: f.boxesWrongUnflagged,
    pages_misidentified: f.pagesMisidentified,
    pages_unread: f.pages - f.pagesRead - f.pagesMisidentified,
  };
  // pdf.js is loaded by the first fax page, which is not timed.
  await faxTrial(forms, 1);
  const faxPages = Math.max(10, Math.round(pages / 4));
  const fax = await faxTrial(forms, faxPages);
  figures['fax_pdf_pages_read_per_s'] = round(faxPages / (fax.ms / 1000), 1);
  figures['fax_pdf_pages_read_per_cpu_s'] = round(faxPages / (fax.cpuMs / 1000), 1);
  figures['fax_pdf_pages_unread'] = faxPages - fax.read;
  printFigure('pages read per second (goal >= 10)', figures['pages_read_per_s']!, 'pages/s');
  printFigure('pages read per second of processor time', figures['pages_read_per_cpu_s']!, 'pages/s');
  printFigure('boxes right or for review (goal >= 99.9)', figures['boxes_right_or_review_pct']!, '%');
  printFigure('boxes right without review', figures['boxes_right_pct']!, '%');
  printFigure('boxes wrong, not for review (goal 0)', f.boxesWrongUnflagged);
  printFigure('pages misidentified (goal 0)', f.pagesMisidentified);
  printFigure('pages not read (sent to a person whole)', figures['pages_unread']!);
  printFigure('G4 fax PDF pages read per second (goal >= 10)', figures['fax_pdf_pages_read_per_s'], 'pages/s');
  printFigure('the same per second of processor time', figures['fax_pdf_pages_read_per_cpu_s'], 'pages/s');
  printFigure('G4 fax PDF pages not read', figures['fax_pdf_pages_unread']);
  for (const line of f.failures.slice(0, 10)) console.log(`    ${line}`);
  return figures;
}

if (import.meta.main) await run();
