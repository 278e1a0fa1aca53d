/**
 * Change since the last survey: per indicator, the last survey (open circle) joined to this survey
 * (filled circle), so the direction reads without colour. Only indicators shown both times are drawn.
 */
import type * as vl from 'vega-lite';
import type { ChangeRowView } from '../report-sections.ts';
import { BASE, LA_COLOUR, NATIONAL_COLOUR, PLOT_WIDTH, SERIES, wrap } from './style.ts';

export interface ChangePoint {
  readonly indicator: string;
  readonly series: (typeof SERIES)['previous' | 'now'];
  readonly p: number;
  readonly label: string;
}

/** The points of the indicators shown at both surveys. */
export function changePoints(rows: readonly ChangeRowView[]): ChangePoint[] {
  return rows.flatMap((r): ChangePoint[] => {
    const now = r.now.estimate;
    const before = r.previous.estimate;
    if (now === undefined || before === undefined) return [];
    const indicator = wrap(r.name).join('\n');
    return [
      { indicator, series: SERIES.previous, p: before.p, label: r.previous.text },
      { indicator, series: SERIES.now, p: now.p, label: r.now.text },
    ];
  });
}

/** What the chart shows, in words. */
export function changeDescription(rows: readonly ChangeRowView[], what: string): string {
  const drawn = rows.filter((r) => r.now.shown && r.previous.shown);
  const parts = [`Chart of change since the last survey for ${what}: each indicator's figure at the last survey as an open circle, joined by a line to this survey's figure as a filled circle.`];
  const moved = drawn.filter((r) => r.verdict.colour === 'green' || r.verdict.colour === 'red' || r.verdict.colour === 'blue');
  parts.push(moved.length === 0 ? 'No change is statistically significant.' : `Significant changes: ${moved.map((r) => `${r.name} from ${r.previous.text} to ${r.now.text}`).join('; ')}.`);
  const hidden = rows.length - drawn.length;
  if (hidden > 0) parts.push(`${hidden} indicator${hidden === 1 ? ' is' : 's are'} not drawn because a figure is hidden at one of the two surveys.`);
  return parts.join(' ');
}

/** The Vega-Lite spec, or null when no indicator is shown at both surveys. */
export function changeChartSpec(rows: readonly ChangeRowView[]): vl.TopLevelSpec | null {
  const values = changePoints(rows);
  if (values.length === 0) return null;
  const order = [...new Set(values.map((v) => v.indicator))];
  const domain = [SERIES.previous, SERIES.now];
  const y = { field: 'indicator', type: 'nominal' as const, sort: order, title: null, axis: { labelExpr: "split(datum.label, '\\n')", labelLimit: 0, labelPadding: 8, ticks: false, domain: false } };
  const x = { field: 'p', type: 'quantitative' as const, scale: { domain: [0, 1] }, title: 'Share giving the positive answer', axis: { format: '.0%', tickCount: 5, grid: true, orient: 'top' as const } };
  const series = { field: 'series', type: 'nominal' as const, title: null, scale: { domain } };
  return {
    ...BASE,
    width: PLOT_WIDTH,
    height: { step: 36 },
    data: { values },
    encoding: { y },
    layer: [
      { mark: { type: 'line', color: NATIONAL_COLOUR, strokeWidth: 2 }, encoding: { x, detail: { field: 'indicator' }, order: { field: 'series', sort: 'ascending' } } },
      {
        mark: { type: 'point', strokeWidth: 2, opacity: 1, size: 80 },
        encoding: {
          x,
          shape: { ...series, scale: { domain, range: ['circle', 'circle'] } },
          color: { ...series, scale: { domain, range: [NATIONAL_COLOUR, LA_COLOUR] } },
          fill: { ...series, scale: { domain, range: ['#ffffff', LA_COLOUR] } },
        },
      },
    ],
  };
}
