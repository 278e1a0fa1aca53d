/** The national report's words and chart: variation and hidden counts phrased, the plot drawn in rank order. */
import { describe, expect, it } from 'vitest';
import { dotPlotSpec, renderDotPlot } from './national-chart.ts';
import { hiddenText, pText, variationText } from './national-view.ts';

describe('national report words', () => {
  it('phrases p-values, the range, the quartiles and the test', () => {
    expect([pText(0.0004), pText(0.0123), pText(0.5)]).toEqual(['p < 0.001', 'p = 0.012', 'p = 0.500']);
    const lines = variationText({
      authorities: 5,
      range: { min: 0.41, max: 0.83, width: 0.42 },
      iqr: { q1: 0.55, q3: 0.7, width: 0.15 },
      homogeneity: { statistic: 48.21, df: 4, pValue: 1e-9, smallExpectedShare: 0.3 },
    });
    expect(lines).toEqual([
      "Authorities' figures range from 41% to 83% (42 percentage points).",
      'The middle half of authorities lie between 55% and 70% (interquartile range 15 percentage points).',
      'Chi-square test of homogeneity: 48.2 on 4 degrees of freedom, p < 0.001: authorities differ by more than chance alone would explain.',
      'Some authorities are small for this test (expected counts below 5), so read the p-value as approximate.',
    ]);
    expect(variationText({ authorities: 1 })).toEqual(['Fewer than two authorities have a figure shown, so there is no variation to describe.']);
    expect(variationText({ authorities: 2, range: { min: 0.5, max: 0.6, width: 0.1 }, homogeneity: { statistic: 0.4, df: 1, pValue: 0.52, smallExpectedShare: 0 } })[1]).toMatch(/p = 0\.520: no clear evidence/);
  });

  it('counts hidden authorities under the chart, primary and secondary apart', () => {
    expect(hiddenText({ smallBase: 0, secondary: 0 }, 10)).toEqual([]);
    expect(hiddenText({ smallBase: 3, secondary: 1 }, 10)).toEqual([
      '3 authorities with fewer than 10 answers not shown.',
      '1 more authority not shown, so that the hidden figures cannot be worked out from the national figure.',
    ]);
  });
});

describe('ranked dot plot', () => {
  const rows = [
    { label: 'Authority B', p: 0.8, lower: 0.7, upper: 0.88 },
    { label: 'Eastfold Council', p: 0.6, lower: 0.5, upper: 0.7 },
    { label: 'Authority A', p: 0.4, lower: 0.3, upper: 0.5 },
  ];

  it('keeps the rank order given and draws the national rule only when the national figure is shown', () => {
    const spec = JSON.stringify(dotPlotSpec({ id: 'x', title: 't', description: 'd', rows, national: 0.62 }));
    expect(spec).toContain('"sort":["Authority B","Eastfold Council","Authority A"]');
    expect(spec).toContain('National 62%');
    expect(JSON.stringify(dotPlotSpec({ id: 'x', title: 't', description: 'd', rows }))).not.toContain('National');
  });

  it('renders accessible SVG with every label, in black and grey only', async () => {
    const svg = await renderDotPlot({ id: 'plot', title: 'Has a really good friend', description: 'Three authorities ranked.', rows, national: 0.62 });
    expect(svg).toMatch(/^<svg[^>]+role="img"[^>]+aria-labelledby="plot-title plot-desc"/);
    for (const r of rows) expect(svg).toContain(r.label);
    const colours = new Set([...svg.matchAll(/(?:fill|stroke)="(#[0-9a-fA-F]{3,6})"/g)].map((m) => (m[1] ?? '').toLowerCase()));
    expect(colours.size).toBeGreaterThan(1);
    for (const c of colours) {
      const hex = c.length === 4 ? c.slice(1).split('').map((d) => d + d).join('') : c.slice(1);
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
      // Greys: the channels stay within a few steps of each other.
      expect(Math.max(r ?? 0, g ?? 0, b ?? 0) - Math.min(r ?? 0, g ?? 0, b ?? 0), c).toBeLessThan(16);
    }
  });
});
