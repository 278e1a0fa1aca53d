/**
 * Stacked bars of a distribution: the ONS well-being bands (or the five faces) for this local
 * authority and other local authorities, item by item. Bands step from light to dark in their own
 * order and carry their share as text, so they read in greyscale; hidden distributions are not drawn.
 */
import type * as vl from 'vega-lite';
import type { BandsText, ScoreRow } from '../report-view.ts';
import { BASE, GP_COLOUR, PLOT_WIDTH, SEQUENTIAL, SERIES, wrap } from './style.ts';

/** One segment of a bar: an item's band, for this local authority or other local authorities. */
export interface BandSegment {
  readonly item: string;
  readonly who: string;
  readonly band: string;
  readonly order: number;
  readonly share: number;
  /** Where the segment starts and ends on the 0-1 axis (stacked in band order). */
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

/** The segments of the shown distributions, in band order. */
export function bandSegments(scores: readonly ScoreRow[]): BandSegment[] {
  return scores.flatMap((s) =>
    ([[SERIES.la, s.bands.la], [SERIES.national, s.bands.national]] as const).flatMap(([who, b]: readonly [string, BandsText]) => {
      if (!b.shown) return [];
      let from = 0;
      return b.parts.map((p, order) => {
        const seg = { item: wrap(s.name, 30).join('\n'), who, band: p.name, order, share: p.share, from, to: from + p.share, label: `${Math.round(p.share * 100)}%` };
        from += p.share;
        return seg;
      });
    }),
  );
}

/** What the bars show, in words, and which are not drawn. */
export function bandsDescription(scores: readonly ScoreRow[], what: string): string {
  const parts = [`Stacked bars of ${what}, this local authority above other local authorities for each item, bands from left to right in order and shaded from light to dark.`];
  for (const s of scores) {
    if (s.bands.la.shown) parts.push(`${s.name}, this local authority: ${s.bands.la.parts.map((p) => `${p.name} ${Math.round(p.share * 100)}%`).join(', ')}.`);
    else parts.push(`${s.name}, this local authority: not drawn (${s.bands.la.text.replace(/^Not shown: /, '')}).`);
    if (s.bands.national.shown) parts.push(`Other local authorities: ${s.bands.national.parts.map((p) => `${p.name} ${Math.round(p.share * 100)}%`).join(', ')}.`);
  }
  return parts.join(' ');
}

/** The Vega-Lite spec, or null when no distribution of this local authority may be drawn. */
export function bandsChartSpec(scores: readonly ScoreRow[]): vl.TopLevelSpec | null {
  const values = bandSegments(scores);
  if (!scores.some((s) => s.bands.la.shown)) return null;
  const first = scores.flatMap((s) => (s.bands.la.shown ? [s.bands.la] : []))[0];
  const bands = first?.parts.map((p) => p.name) ?? [];
  const palette = SEQUENTIAL[bands.length] ?? SEQUENTIAL[5] ?? [];
  const items = [...new Set(values.map((v) => v.item))];
  const y = { field: 'item', type: 'nominal' as const, sort: items, title: null, scale: { paddingInner: 0.3, paddingOuter: 0.1 }, axis: { labelExpr: "split(datum.label, '\\n')", labelLimit: 0, labelPadding: 8, ticks: false, domain: false } };
  const yOffset = { field: 'who', type: 'nominal' as const, scale: { domain: [SERIES.la, SERIES.national], paddingInner: 0.15 } };
  const x = { field: 'from', type: 'quantitative' as const, scale: { domain: [0, 1] }, title: null, axis: { format: '.0%', tickCount: 5, orient: 'top' as const } };
  return {
    ...BASE,
    width: PLOT_WIDTH,
    height: { step: 24, for: 'offset' },
    data: { values },
    encoding: { y, yOffset },
    layer: [
      {
        mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 1.5 },
        encoding: { x, x2: { field: 'to' }, color: { field: 'band', type: 'ordinal', title: null, scale: { domain: bands, range: [...palette] }, legend: { symbolType: 'square', symbolStrokeColor: GP_COLOUR, symbolStrokeWidth: 0.5 } } },
      },
      {
        // Each bar says whose it is at its end, so no colour or legend is needed to tell them apart.
        transform: [{ filter: 'datum.order == 0' }],
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 12, color: GP_COLOUR },
        encoding: { x: { datum: 1, type: 'quantitative' }, text: { field: 'who' } },
      },
      {
        // Shares too narrow for their label stay in the table beside the chart.
        transform: [{ filter: 'datum.share >= 0.07' }, { calculate: '(datum.from + datum.to) / 2', as: 'mid' }],
        mark: { type: 'text', fontSize: 12, align: 'center' },
        encoding: {
          x: { field: 'mid', type: 'quantitative' },
          text: { field: 'label' },
          // Dark text on the light bands, white on the dark ones (a condition, not a second colour scale).
          color: { condition: { test: `datum.order >= ${Math.ceil(palette.length / 2)}`, value: '#ffffff' }, value: GP_COLOUR },
        },
      },
    ],
  };
}
