import { describe, expect, it } from 'vitest';
import { accessibleSvg } from '../../lib/charts.ts';
import { rateChartSpec, renderRateChart } from './chart.ts';
import { cumulativeSeries } from './projection.ts';

const window = { opensOn: '2026-03-01', closesOn: '2026-04-30' };
const series = cumulativeSeries(window, '2026-03-20', [{ day: '2026-03-02', responses: 10 }, { day: '2026-03-19', responses: 35 }], 300);

describe('the response-rate chart', () => {
  it('renders on the server to SVG with a role, a title and a description, and no style attributes', async () => {
    const svg = await renderRateChart({ ...window, series, targetRate: 0.3, projectedRate: 0.42, title: 'Rate <so far>', description: 'Rose to 15%.' }, 'c1');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"[^>]* class="bs-chart" role="img" focusable="false" aria-labelledby="c1-title c1-desc"><title id="c1-title">Rate &lt;so far&gt;<\/title><desc id="c1-desc">Rose to 15%\.<\/desc>/);
    expect(svg).not.toMatch(/\sstyle=/);
    expect(svg).not.toMatch(/<svg[^>]*\swidth=/);
    expect(svg.match(/\srole=/g)).toHaveLength(1); // vega's own roles are gone: the chart is one image
    expect(svg).toContain('Target 30%');
    expect(svg).toContain('Projected');
  });

  it('turns style attributes into presentation attributes, which the CSP allows', () => {
    const out = accessibleSvg('<svg width="10" height="5" class="marks"><text style="font-family: Arial; font-size: 13px" x="1">a</text></svg>', 'x', 't', 'd');
    expect(out).toContain('<text font-family="Arial" font-size="13px" x="1">a</text>');
    expect(out).not.toContain('width="10"');
  });

  it('draws the projection from the last day to the close date, and none when there is none', () => {
    const layers = (s: ReturnType<typeof rateChartSpec>) => JSON.stringify(s);
    expect(layers(rateChartSpec({ ...window, series, targetRate: 0.3, projectedRate: 0.42, title: '', description: '' }))).toContain('"day":"2026-04-30","rate":0.42');
    expect(layers(rateChartSpec({ ...window, series, targetRate: 0.3, projectedRate: null, title: '', description: '' }))).not.toContain('Projected');
  });
});
