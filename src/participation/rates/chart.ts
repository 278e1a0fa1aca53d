/**
 * The cumulative response-rate chart: a Vega-Lite spec compiled and rendered to SVG on the server, so
 * the page needs no script and the same SVG can go into a PDF. Lines differ by dash and label as well
 * as by colour, so the chart reads in greyscale and with any colour vision.
 */
import type * as vl from 'vega-lite';
import { renderChart } from '../../lib/charts.ts';
import type { CumulativePoint } from './projection.ts';

export interface RateChartInput {
  opensOn: string;
  closesOn: string;
  series: readonly CumulativePoint[];
  targetRate: number;
  /** The projected rate on the close date, drawn from the last day of the series. */
  projectedRate: number | null;
  /** Short text alternative; the page shows the data table too. */
  title: string;
  description: string;
}

const INK = '#0b0c0c';
const BLUE = '#1d70b8';
const GREY = '#505a5f';

/** The Vega-Lite spec of the chart (exported for tests). */
export function rateChartSpec(input: RateChartInput): vl.TopLevelSpec {
  const actual = input.series.filter((p) => p.rate !== null).map((p) => ({ day: p.day, rate: p.rate }));
  const last = actual.at(-1);
  const projection = last && input.projectedRate !== null && last.day < input.closesOn ? [last, { day: input.closesOn, rate: input.projectedRate }] : [];
  const top = Math.min(1, Math.max(input.targetRate * 1.5, ...actual.map((p) => (p.rate ?? 0) * 1.1), (input.projectedRate ?? 0) * 1.1));
  const x = { field: 'day', type: 'temporal' as const, scale: { type: 'utc' as const, domain: [input.opensOn, input.closesOn] }, title: 'Day of fieldwork', axis: { format: '%-d %b', labelFontSize: 13, titleFontSize: 13, tickCount: 6 } };
  const y = { field: 'rate', type: 'quantitative' as const, scale: { domain: [0, top] }, title: 'Response rate', axis: { format: '.0%', labelFontSize: 13, titleFontSize: 13 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 560,
    height: 280,
    config: { aria: false, font: 'Arial, sans-serif', view: { stroke: null } },
    layer: [
      {
        data: { values: [{ rate: input.targetRate, label: `Target ${Math.round(input.targetRate * 100)}%` }] },
        layer: [
          { mark: { type: 'rule', color: INK, strokeWidth: 2, strokeDash: [8, 4] }, encoding: { y } },
          { mark: { type: 'text', color: INK, align: 'left', dx: 4, dy: -8, fontSize: 13, fontWeight: 'bold' }, encoding: { y, x: { datum: input.opensOn, type: 'temporal', scale: x.scale }, text: { field: 'label' } } },
        ],
      },
      ...(projection.length
        ? [
            {
              data: { values: projection.map((p, i) => ({ ...p, label: i === 1 ? 'Projected' : '' })) },
              layer: [
                { mark: { type: 'line' as const, color: GREY, strokeWidth: 2, strokeDash: [2, 3] }, encoding: { x, y } },
                { mark: { type: 'text' as const, color: GREY, align: 'right' as const, dy: -10, fontSize: 13 }, encoding: { x, y, text: { field: 'label' } } },
              ],
            },
          ]
        : []),
      {
        data: { values: actual },
        mark: { type: 'line', color: BLUE, strokeWidth: 3, point: { filled: true, color: BLUE, size: actual.length > 40 ? 12 : 30 } },
        encoding: { x, y },
      },
    ],
  };
}

/** Renders the chart to inline, accessible SVG. */
export function renderRateChart(input: RateChartInput, id = 'rate-chart'): Promise<string> {
  return renderChart(rateChartSpec(input), { id, title: input.title, description: input.description });
}
