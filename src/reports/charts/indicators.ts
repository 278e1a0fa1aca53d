/**
 * The dot-and-interval chart of a table of indicators: per indicator, this local authority (filled
 * circle, solid 95% interval), other local authorities (open diamond, dashed interval) and the
 * general population (a vertical line) where a figure is published on the same measure. Hidden
 * figures are never drawn; the text alternative says which.
 */
import type * as vl from 'vega-lite';
import type { IndicatorRow } from '../report-view.ts';
import { BASE, GP_COLOUR, LA_COLOUR, NATIONAL_COLOUR, PLOT_WIDTH, SERIES, VERTICAL_LINE, wrap } from './style.ts';

/** One mark of the chart: a series' figure for an indicator. */
export interface IndicatorPoint {
  readonly indicator: string;
  readonly series: (typeof SERIES)['la' | 'national' | 'gp'];
  readonly p: number;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly label: string;
}

/** The points a table's rows give: shown figures only. */
export function indicatorPoints(rows: readonly IndicatorRow[]): IndicatorPoint[] {
  return rows.flatMap((row): IndicatorPoint[] => {
    const indicator = wrap(row.name).join('\n');
    const out: IndicatorPoint[] = [];
    for (const [series, f] of [[SERIES.la, row.la], [SERIES.national, row.national]] as const) {
      if (f.shown && f.estimate !== undefined) out.push({ indicator, series, p: f.estimate.p, lower: f.estimate.lower, upper: f.estimate.upper, label: f.text });
    }
    // Only a figure published on the indicator's own measure can share its axis.
    const gp = row.generalPopulation.find((g) => g.onPositiveScale !== null);
    if (out.length > 0 && gp?.onPositiveScale != null) out.push({ indicator, series: SERIES.gp, p: gp.onPositiveScale, lower: null, upper: null, label: gp.figure });
    return out;
  });
}

const list = (names: readonly string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`);

/** What the chart shows, in words: the series, the range, the differences found and what is not drawn. */
export function indicatorDescription(rows: readonly IndicatorRow[], what: string): string {
  const drawn = rows.filter((r) => r.la.shown);
  const parts = [
    `Dot-and-interval chart of the share giving the positive answer for ${what}: this local authority as filled circles with solid lines for the 95% interval, other local authorities as open diamonds with dashed lines, and the general population as a vertical line where a figure is published on the same measure.`,
  ];
  const sorted = [...drawn].sort((a, b) => (a.la.estimate?.p ?? 0) - (b.la.estimate?.p ?? 0));
  const low = sorted[0];
  const high = sorted.at(-1);
  if (low !== undefined && high !== undefined && low !== high) parts.push(`Here the figures run from ${low.la.text} (${low.name}) to ${high.la.text} (${high.name}).`);
  const better = drawn.filter((r) => r.verdict.text.startsWith('Better')).map((r) => r.name);
  const worse = drawn.filter((r) => r.verdict.text.startsWith('Worse')).map((r) => r.name);
  if (better.length > 0) parts.push(`Significantly better than other local authorities: ${list(better)}.`);
  if (worse.length > 0) parts.push(`Significantly worse than other local authorities: ${list(worse)}.`);
  const hidden = rows.filter((r) => !r.la.shown).map((r) => r.name);
  if (hidden.length > 0) parts.push(`Not drawn because fewer than the smallest number of young people answered, or to protect a small group: ${list(hidden)}.`);
  return parts.join(' ');
}

/** The Vega-Lite spec, or null when this local authority has no figure to draw. */
export function indicatorChartSpec(rows: readonly IndicatorRow[]): vl.TopLevelSpec | null {
  const values = indicatorPoints(rows);
  if (!values.some((v) => v.series === SERIES.la)) return null;
  const order = [...new Set(values.map((v) => v.indicator))];
  const domain = [SERIES.la, SERIES.gp, SERIES.national];
  const y = { field: 'indicator', type: 'nominal' as const, sort: order, title: null, scale: { paddingInner: 0.35, paddingOuter: 0.2 }, axis: { labelExpr: "split(datum.label, '\\n')", labelLimit: 0, labelPadding: 8, ticks: false, domain: false } };
  const yOffset = { field: 'series', type: 'nominal' as const, scale: { domain, paddingInner: 0.1 } };
  const x = { field: 'p', type: 'quantitative' as const, scale: { domain: [0, 1] }, title: 'Share giving the positive answer', axis: { format: '.0%', tickCount: 5, grid: true, orient: 'top' as const } };
  const series = { field: 'series', type: 'nominal' as const, title: null, scale: { domain } };
  return {
    ...BASE,
    width: PLOT_WIDTH,
    height: { step: 13, for: 'offset' },
    data: { values },
    layer: [
      {
        transform: [{ filter: 'datum.lower != null' }],
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          y,
          yOffset,
          x: { field: 'lower', type: 'quantitative' },
          x2: { field: 'upper' },
          color: { ...series, scale: { domain, range: [LA_COLOUR, GP_COLOUR, NATIONAL_COLOUR] } },
          strokeDash: { ...series, scale: { domain, range: [[1, 0], [1, 0], [4, 3]] } },
        },
      },
      {
        mark: { type: 'point', strokeWidth: 2, opacity: 1 },
        encoding: {
          y,
          yOffset,
          x,
          shape: { ...series, scale: { domain, range: ['circle', VERTICAL_LINE, 'diamond'] } },
          color: { ...series, scale: { domain, range: [LA_COLOUR, GP_COLOUR, NATIONAL_COLOUR] } },
          fill: { ...series, scale: { domain, range: [LA_COLOUR, GP_COLOUR, '#ffffff'] } },
          size: { field: 'series', type: 'ordinal', sort: domain, scale: { domain, range: [70, 420, 80] } },
        },
      },
      {
        // The LA's own figure, labelled directly beside its interval.
        transform: [{ filter: `datum.series == '${SERIES.la}'` }],
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 12, fontWeight: 'bold', color: LA_COLOUR },
        encoding: { y, yOffset, x: { field: 'upper', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
}
