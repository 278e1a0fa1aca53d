/** The chart renderer's shape cache: data comes out of the spec, and charts of one shape never share data. */
import { describe, expect, it } from 'vitest';
import type * as vl from 'vega-lite';
import { chartSvg, detachData } from './charts.ts';

const bars = (values: { group: string; share: number }[]): vl.TopLevelSpec => ({
  data: { values },
  mark: 'bar',
  encoding: { y: { field: 'group', type: 'nominal' }, x: { field: 'share', type: 'quantitative', scale: { domain: [0, 1] } } },
});

describe('chart shapes', () => {
  it('takes every inline dataset out of a spec, in order, and leaves the rest', () => {
    const spec = { layer: [{ data: { values: [{ a: 1 }] }, mark: 'point' }, { data: { values: [{ b: 2 }] }, mark: 'rule' }], data: { url: 'x.csv' } };
    const { shape, values } = detachData(spec);
    expect(values).toEqual([[{ a: 1 }], [{ b: 2 }]]);
    expect(shape).toEqual({ layer: [{ data: { name: 'bs_data_0' }, mark: 'point' }, { data: { name: 'bs_data_1' }, mark: 'rule' }], data: { url: 'x.csv' } });
  });

  it('draws two charts of one shape each with its own data', async () => {
    const a = await chartSvg(bars([{ group: 'alpha-group', share: 0.2 }]));
    const b = await chartSvg(bars([{ group: 'omega-group', share: 0.9 }]));
    expect(a).toContain('alpha-group');
    expect(a).not.toContain('omega-group');
    expect(b).toContain('omega-group');
    expect(b).not.toContain('alpha-group');
    expect(await chartSvg(bars([{ group: 'alpha-group', share: 0.2 }]))).toBe(a);
  });
});
