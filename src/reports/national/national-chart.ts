/**
 * The ranked dot plot of one indicator: one row per authority shown, highest first, a dot at its
 * figure and a bar across its 95% interval, and a dashed rule at the national figure. Black and grey
 * only (dot, bar and dashed rule differ in shape, not colour), so it reads in greyscale; the page
 * gives the same figures as a table.
 */
import type * as vl from 'vega-lite';
import { renderChart } from '../../lib/charts.ts';

export interface DotPlotRow {
  readonly label: string;
  readonly p: number;
  readonly lower: number;
  readonly upper: number;
}

export interface DotPlotInput {
  /** Unique on the page. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** In the order drawn, top to bottom. */
  readonly rows: readonly DotPlotRow[];
  /** The national figure (0-1), when shown. */
  readonly national?: number;
}

const INK = '#0b0c0c';
const GREY = '#505a5f';

/** Rows get less height as they multiply, never below what a 12px label needs. */
export const rowStep = (rows: number): number => (rows <= 30 ? 20 : 16);

/** The Vega-Lite spec of a ranked dot plot (exported for tests). */
export function dotPlotSpec(input: DotPlotInput): vl.TopLevelSpec {
  const values = input.rows.map((r) => ({ ...r }));
  const order = input.rows.map((r) => r.label);
  const x = { type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { format: '.0%', labelFontSize: 12, titleFontSize: 12, grid: true, gridColor: '#e0e0e0', tickCount: 10 } };
  const y = { field: 'label', type: 'nominal' as const, sort: order, title: null, axis: { labelFontSize: 13, labelLimit: 400, ticks: false, domain: false } };
  const national =
    input.national === undefined
      ? []
      : [
          {
            data: { values: [{ national: input.national, text: `National ${Math.round(input.national * 100)}%` }] },
            layer: [
              { mark: { type: 'rule' as const, color: INK, strokeWidth: 1.5, strokeDash: [6, 4] }, encoding: { x: { ...x, field: 'national', axis: null } } },
              { mark: { type: 'text' as const, color: INK, align: 'left' as const, baseline: 'bottom' as const, dx: 4, y: -26, fontSize: 12, fontWeight: 'bold' as const }, encoding: { x: { ...x, field: 'national', axis: null }, text: { field: 'text' } } },
            ],
          },
        ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 560,
    height: { step: rowStep(input.rows.length) },
    config: { aria: false, font: 'Arial, sans-serif', view: { stroke: null } },
    layer: [
      {
        data: { values },
        layer: [
          { mark: { type: 'rule', color: GREY, strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'lower', title: null, axis: { ...x.axis, orient: 'top' } }, x2: { field: 'upper' } } },
          { mark: { type: 'point', filled: true, color: INK, size: 40, opacity: 1 }, encoding: { y, x: { ...x, field: 'p', title: 'Positive answers (dot) with 95% interval (bar)' } } },
        ],
        resolve: { axis: { x: 'independent' } },
      },
      ...national,
    ],
    // One scale, drawn at the top and the bottom: a tall chart's rows are read against the nearer axis.
    resolve: { axis: { x: 'independent' } },
  };
}

/** Renders the plot to inline, accessible SVG. */
export function renderDotPlot(input: DotPlotInput): Promise<string> {
  return renderChart(dotPlotSpec(input), { id: input.id, title: input.title, description: input.description });
}
