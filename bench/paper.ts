/**
 * Reading scanned paper forms (issue 6): synthetic scans of every instrument's printed form at 200 dpi
 * (filled in, turned, skewed, scaled, blurred, speckled, JPEG or PNG) are decoded and read, and every
 * box compared with what was drawn. Goals: at least 99.9% of boxes read right or sent for review, none
 * wrong without review, no page misidentified, and at least 10 pages read per second on this machine
 * (decoding the image and reading it; making the synthetic scans is not timed). Processor time is
 * reported beside the wall clock, as it is steadier when the machine is busy.
 * BENCH_PAPER_PAGES sets the number of pages (200).
 */
import { printedForms, runTrial } from '../src/paper/scan/trial.ts';
import { printFigure, round, type Figures } from './lib.ts';

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
  printFigure('pages read per second (goal >= 10)', figures['pages_read_per_s']!, 'pages/s');
  printFigure('pages read per second of processor time', figures['pages_read_per_cpu_s']!, 'pages/s');
  printFigure('boxes right or for review (goal >= 99.9)', figures['boxes_right_or_review_pct']!, '%');
  printFigure('boxes right without review', figures['boxes_right_pct']!, '%');
  printFigure('boxes wrong, not for review (goal 0)', f.boxesWrongUnflagged);
  printFigure('pages misidentified (goal 0)', f.pagesMisidentified);
  printFigure('pages not read (sent to a person whole)', figures['pages_unread']!);
  for (const line of f.failures.slice(0, 10)) console.log(`    ${line}`);
  return figures;
}

if (import.meta.main) await run();
