/**
 * The report's charts: one pure function gives every chart's Vega-Lite spec and text from the
 * ReportView (`reportChartSpecs`), and `reportCharts` draws them once as SVG, so the HTML page and
 * the PDF show the same charts. Each chart sits beside the table that holds its figures.
 */
import { accessibleSvg, chartSvg } from '../../lib/charts.ts';
import type { ReportView } from '../report-view.ts';
import { reportChartSpecs, type ReportChartSpec } from './specs.ts';

export { reportChartSpecs, type ReportChartSpec, type ChartSection } from './specs.ts';

/** A chart drawn: the raw SVG as vega draws it (for a PDF) and the accessible SVG for a page. */
export interface ReportChart extends Omit<ReportChartSpec, 'spec'> {
  /** Raw vega SVG, sized, for svg-to-pdfkit. */
  readonly svg: string;
  /** The same chart as inline, accessible SVG (role, title, description; no style attributes). */
  readonly html: string;
}

/** Draws every chart of the report, in the report's order. */
export async function reportCharts(view: ReportView): Promise<ReportChart[]> {
  const specs = reportChartSpecs(view);
  return Promise.all(
    specs.map(async ({ spec, ...text }) => {
      const svg = await chartSvg(spec);
      return { ...text, svg, html: accessibleSvg(svg, text.id, text.title, text.description) };
    }),
  );
}
