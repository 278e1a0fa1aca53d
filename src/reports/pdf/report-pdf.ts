/**
 * The LA report as an A4 PDF for a corporate parenting board: a cover, a contents page, then every
 * section of the web report in its order and words (read from the same template, so the two never
 * differ), each chapter on a new page, charts as vectors, tagged, with bookmarks and a running footer.
 */
import { createViewEnv } from '../../http/render.ts';
import { reportCharts, type ReportChart } from '../charts/index.ts';
import type { Report } from '../report.ts';
import { reportView, type ReportView } from '../report-view.ts';
import { createPdf, svgSize, type PdfWriter, type TableColumn } from './document.ts';
import { htmlBlocks, type Block } from './html-blocks.ts';
import { printable } from './printable.ts';
import { drawContents, drawCover, reserveContents, type ContentsEntry } from './report-cover.ts';

type Label = (key: string) => string;

let env: ReturnType<typeof createViewEnv> | undefined;

/** The report's body as the web page prints it (no links to the staff site). */
export function reportBodyHtml(view: ReportView, charts: readonly ReportChart[]): string {
  env ??= createViewEnv();
  return env.render('report-body.njk', { r: view, charts });
}

/** The running footer: whose report and which version (the page number sits opposite). */
export function footerText(view: ReportView): string {
  return `Bright Spots report – ${view.title} – ${view.version}`;
}

const chartOf = (b: Extract<Block, { kind: 'figure' }>, charts: ReadonlyMap<string, ReportChart>): ReportChart | undefined => {
  const id = b.ids[0]?.replace(/-title$/, '');
  return id === undefined ? undefined : charts.get(id);
};

/** Roughly how much of the next blocks must follow a heading on its page, so it never ends a page. */
function needed(w: PdfWriter, blocks: readonly Block[], i: number, charts: ReadonlyMap<string, ReportChart>): number {
  const next = blocks[i + 1];
  const page = w.bottom - w.doc.page.margins.top;
  if (next === undefined) return 0;
  switch (next.kind) {
    case 'figure':
      return Math.min(page - 60, svgSize(chartOf(next, charts)?.svg ?? next.svg, w.width, page).h + 24);
    case 'heading':
      return 30 + needed(w, blocks, i + 1, charts);
    case 'table':
      return 110;
    case 'paragraph':
    case 'quote':
    case 'list': {
      // A short introduction belongs with the table or chart it introduces.
      const after = blocks[i + 2];
      return 44 + (after?.kind === 'table' || after?.kind === 'figure' ? needed(w, blocks, i + 1, charts) : 0);
    }
  }
}

function drawBlock(w: PdfWriter, blocks: readonly Block[], i: number, charts: ReadonlyMap<string, ReportChart>): void {
  const b = blocks[i];
  if (b === undefined) return;
  switch (b.kind) {
    case 'heading':
      w.heading(b.level === 1 ? 2 : b.level, b.text, { keepWithNext: needed(w, blocks, i, charts) });
      return;
    case 'paragraph':
      w.paragraph(b.runs);
      return;
    case 'quote': {
      // Set in from the margin with a rule beside it, like the web page's inset text; kept whole on one page.
      const indent = 16;
      const runs = b.runs.map((r) => ({ ...r, text: printable(r.text) }));
      const height = w.measure(runs, w.width - indent).reduce((a, l) => a + l.height, 0);
      w.keepTogether(height + 8);
      const [top, page] = [w.doc.y, w.pageNumber()];
      w.paragraph(runs, { type: 'BlockQuote', indent, gap: 0 });
      const bottom = w.doc.y;
      // A quote longer than a page runs on without the rule.
      if (w.pageNumber() === page) w.artifact(() => w.doc.moveTo(w.left + 3, top).lineTo(w.left + 3, bottom).lineWidth(3).strokeColor('#b1b4b6').stroke());
      w.space(w.theme.text.size * 0.9);
      return;
    }
    case 'list':
      w.list(b.items);
      return;
    case 'table': {
      const columns: TableColumn[] = b.head.map((h, i) => (b.numeric[i] === true ? { header: h, align: 'right' } : { header: h }));
      w.table({ caption: b.caption, columns, rows: b.rows, rowHeaders: b.rowHeaders });
      return;
    }
    case 'figure': {
      // The chart as vega drew it (sized for print), with its full description as the alternative.
      const chart = chartOf(b, charts);
      w.figure({ svg: chart?.svg ?? b.svg, alt: chart?.description ?? b.alt, ...(b.caption.length > 0 ? { caption: b.caption } : {}) });
      return;
    }
  }
}

/** Renders a closed wave's LA report to PDF bytes; `charts` from reportCharts(view) (none draws none). */
export async function reportPdf(report: Report, label: Label, charts: readonly ReportChart[] = []): Promise<Buffer> {
  return pdfOfView(reportView(report, label), charts);
}

async function pdfOfView(view: ReportView, charts: readonly ReportChart[]): Promise<Buffer> {
  const blocks = htmlBlocks(reportBodyHtml(view, charts));
  const firstSection = blocks.findIndex((b) => b.kind === 'heading' && b.level === 2);
  const prelude = firstSection < 0 ? blocks : blocks.slice(0, firstSection);
  const body = firstSection < 0 ? [] : blocks.slice(firstSection);
  const byId = new Map(charts.map((c) => [c.id, c]));

  const w = await createPdf({
    title: `${view.title}: report`,
    subject: `${view.laName}: ${view.surveyName}. Fieldwork ${view.fieldwork}.`,
    keywords: 'Bright Spots, children in care, care leavers, well-being, local authority report',
    ...(view.draft ? { watermark: 'DRAFT' } : {}),
    footer: (page, pages) => (page === 1 ? null : { left: footerText(view), right: `Page ${page} of ${pages}` }),
  });
  drawCover(w, view, prelude);
  w.newPage();
  // The contents are written once every section's page is known.
  const contents = reserveContents(w);
  const entries: ContentsEntry[] = [];
  let open = false;
  body.forEach((b, i) => {
    if (b.kind === 'heading' && b.level === 2) {
      if (open) w.endSection();
      w.newPage();
      w.section('Sect');
      open = true;
      const dest = `section-${entries.length + 1}`;
      w.doc.addNamedDestination(dest);
      entries.push({ title: b.text, page: w.pageNumber(), dest });
      w.heading(2, b.text, { keepWithNext: 0 });
      return;
    }
    drawBlock(w, body, i, byId);
  });
  if (open) w.endSection();
  drawContents(w, contents, entries);
  return w.finish();
}

/** The PDF with the report's charts drawn: what the download route and the command line write. */
export async function reportPdfFile(report: Report, label: Label): Promise<Buffer> {
  const view = reportView(report, label);
  return pdfOfView(view, await reportCharts(view));
}
