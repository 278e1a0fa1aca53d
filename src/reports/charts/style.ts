/**
 * The look shared by the report's charts. Series differ by shape, fill, dash and position as well as
 * colour, and colours step in lightness, so every chart reads in greyscale and with any colour vision.
 */
import type * as vl from 'vega-lite';

/** This local authority: dark blue, filled circle, solid interval. */
export const LA_COLOUR = '#0b3d7a';
/** Other local authorities: dark grey, open diamond, dashed interval. */
export const NATIONAL_COLOUR = '#505a5f';
/** The general population: black vertical line. */
export const GP_COLOUR = '#0b0c0c';

export const SERIES = {
  la: 'This local authority',
  national: 'Other local authorities',
  gp: 'General population',
  previous: 'Last survey',
  now: 'This survey',
} as const;

/** A vertical line as a point shape (SVG path in a unit square): the general-population marker. */
export const VERTICAL_LINE = 'M0,-1L0,1';

/** Light to dark, so ordered bands keep their order in greyscale. */
export const SEQUENTIAL: Record<number, readonly string[]> = {
  4: ['#dbe6f2', '#8fb3d9', '#2f6cb0', '#0b2f5c'],
  5: ['#eef3f9', '#bcd2ea', '#7ea7d4', '#2f6cb0', '#0b2f5c'],
};

export const FONT = 'Arial, Helvetica, sans-serif';

/** Config shared by every chart: no ARIA from vega (the page's SVG carries one text alternative). */
export const BASE = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  config: {
    aria: false,
    font: FONT,
    view: { stroke: null },
    axis: { labelFontSize: 13, titleFontSize: 13, labelColor: GP_COLOUR, titleColor: GP_COLOUR, domainColor: '#b1b4b6', tickColor: '#b1b4b6', gridColor: '#e5e6e7' },
    legend: { labelFontSize: 13, titleFontSize: 13, orient: 'top', direction: 'horizontal', gridAlign: 'none', columnPadding: 16, labelLimit: 0, labelColor: GP_COLOUR, symbolStrokeWidth: 2 },
  },
} satisfies Partial<vl.TopLevelSpec>;

/** Plot width in pixels (the labels add to it); the SVG then scales to the page. */
export const PLOT_WIDTH = 440;

/** "Life satisfaction" is short; a long indicator name wraps onto at most two lines of the axis. */
export function wrap(name: string, width = 34): string[] {
  const words = name.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && line.length + w.length + 1 > width) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= 2) return lines;
  return [lines[0] ?? '', `${lines.slice(1).join(' ').slice(0, width - 1)}…`];
}
