/** The report's charts: the right series from the view, nothing hidden drawn, greyscale-safe encodings, and accessible SVG. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorRow, ReportView, ScoreRow } from '../report-view.ts';
import { bandsChartSpec, bandSegments } from './bands.ts';
import { changeChartSpec, changePoints } from './change.ts';
import { fixtureView } from './fixture.ts';
import { reportCharts, reportChartSpecs, type ReportChart } from './index.ts';
import { indicatorChartSpec, indicatorDescription, indicatorPoints } from './indicators.ts';
import { SEQUENTIAL, SERIES } from './style.ts';

type Json = Record<string, unknown>;
/** Every object in a spec, to find layers and encodings without knowing their nesting. */
function* objects(node: unknown): Generator<Json> {
  if (Array.isArray(node)) for (const x of node) yield* objects(x);
  else if (node !== null && typeof node === 'object') {
    yield node as Json;
    for (const v of Object.values(node)) yield* objects(v);
  }
}
const encodings = (spec: unknown, channel: string): Json[] => [...objects(spec)].flatMap((o) => (o['encoding'] !== undefined && (o['encoding'] as Json)[channel] !== undefined ? [(o['encoding'] as Json)[channel] as Json] : []));
const range = (e: Json): unknown[] => ((e['scale'] as Json | undefined)?.['range'] as unknown[] | undefined) ?? [];

/** Relative luminance of a #rrggbb colour (WCAG). */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
}

describe('chart specs from the report view', () => {
  let view: ReportView;
  beforeAll(() => {
    view = fixtureView();
  });

  it('gives each section its charts in the report order, with unique ids, titles and descriptions', () => {
    const specs = reportChartSpecs(view);
    const sections = specs.map((s) => s.section);
    const order = ['wellbeing', 'relationships', 'rights', 'resilience', 'recovery', 'change'];
    expect([...new Set(sections)]).toEqual(order);
    expect(new Set(specs.map((s) => s.id)).size).toBe(specs.length);
    for (const s of specs) {
      expect(s.title.length).toBeGreaterThan(10);
      expect(s.description.length).toBeGreaterThan(40);
    }
    // The 4-7s are too few to show: no chart of theirs is drawn, in any section.
    expect(specs.filter((s) => s.instrumentId === 'ylyc-4-7')).toEqual([]);
    expect(specs.filter((s) => s.section === 'relationships').map((s) => s.instrumentId)).toEqual(['ylyc-8-11', 'ylyc-11-17']);
  });

  it('draws this LA, other LAs and the general population for each shown indicator, with their intervals', () => {
    const rows = view.domains.find((d) => d.id === 'relationships')?.groups.find((g) => g.instrumentId === 'ylyc-8-11')?.rows ?? [];
    const points = indicatorPoints(rows);
    const la = points.filter((p) => p.series === SERIES.la);
    expect(la).toHaveLength(rows.filter((r) => r.la.shown).length);
    expect(points.filter((p) => p.series === SERIES.national)).toHaveLength(rows.filter((r) => r.national.shown).length);
    for (const p of la) expect(p.lower! <= p.p && p.p <= p.upper!).toBe(true);
    // "No really good friend" is published as 2.5%: drawn as 97.5% with a good friend, on the indicator's own scale.
    const gp = points.filter((p) => p.series === SERIES.gp);
    expect(gp.map((p) => p.p)).toContain(0.975);
    expect(gp.every((p) => p.lower === null)).toBe(true);
  });

  it('never draws a hidden figure, and says in the text which are not drawn', () => {
    const rows = view.domains.find((d) => d.id === 'rights')?.groups.find((g) => g.instrumentId === 'ylyc-11-17')?.rows ?? [];
    expect(rows.length).toBeGreaterThan(1);
    const first = rows[0] as IndicatorRow;
    const hidden: IndicatorRow = { ...first, name: 'A hidden indicator', la: { shown: false, text: 'Not shown: fewer than 10 young people answered', interval: '', base: 0 }, national: { shown: false, text: 'Not shown', interval: '', base: 0 } };
    const withHidden = [hidden, ...rows.slice(1)];
    const points = indicatorPoints(withHidden);
    expect(points.some((p) => p.indicator.startsWith('A hidden'))).toBe(false);
    expect(JSON.stringify(indicatorChartSpec(withHidden))).not.toContain('A hidden');
    expect(indicatorDescription(withHidden, 'rights')).toMatch(/Not drawn .*: A hidden indicator\./);
    // A table with nothing of this LA's to show has no chart at all.
    expect(indicatorChartSpec([hidden])).toBeNull();
  });

  it('tells the series apart by shape, fill and dash, not by colour alone', () => {
    const rows = view.domains[0]?.groups.find((g) => g.instrumentId === 'ylyc-11-17')?.rows ?? [];
    const spec = indicatorChartSpec(rows);
    const shapes = range(encodings(spec, 'shape')[0] ?? {});
    const fills = range(encodings(spec, 'fill')[0] ?? {});
    const dashes = range(encodings(spec, 'strokeDash')[0] ?? {});
    expect(new Set(shapes).size).toBe(3);
    expect(shapes).toContain('circle');
    expect(shapes).toContain('diamond');
    // This LA filled, other LAs open (white), and their intervals solid against dashed.
    expect(fills[0]).not.toBe('#ffffff');
    expect(fills[2]).toBe('#ffffff');
    expect(dashes[0]).not.toEqual(dashes[2]);
    // The LA's figure is also written beside it.
    expect(encodings(spec, 'text').length).toBeGreaterThan(0);
  });

  it('stacks the ONS bands and faces in order, shaded light to dark, each bar labelled with whose it is', () => {
    const scores: ScoreRow[] = view.wellbeing.flatMap((g) => g.scores.filter((s) => s.kind === 'ons'));
    expect(scores.length).toBeGreaterThan(0);
    const segments = bandSegments(scores);
    const bar = segments.filter((s) => s.item === segments[0]?.item && s.who === SERIES.la);
    expect(bar.map((s) => s.band)).toEqual(['Low (0-4)', 'Medium (5-6)', 'High (7-8)', 'Very high (9-10)']);
    expect(bar.at(-1)?.to).toBeCloseTo(1, 9);
    for (const palette of Object.values(SEQUENTIAL)) {
      const l = palette.map(luminance);
      for (let i = 1; i < l.length; i++) expect(l[i]).toBeLessThan((l[i - 1] ?? 0) * 0.8);
    }
    const spec = bandsChartSpec(scores);
    expect(JSON.stringify(spec)).toContain(`"${SERIES.national}"`);
    // A hidden distribution is not drawn.
    const hidden = scores.map((s) => ({ ...s, bands: { ...s.bands, national: { shown: false as const, text: 'Not shown' } } }));
    expect(bandSegments(hidden).some((s) => s.who === SERIES.national)).toBe(false);
  });

  it('draws change only for indicators shown at both surveys', () => {
    const change = view.change.find((c) => c.instrumentId === 'ylyc-11-17');
    expect(change).toBeDefined();
    const rows = change?.rows ?? [];
    const both = rows.filter((r) => r.now.shown && r.previous.shown);
    expect(changePoints(rows)).toHaveLength(both.length * 2);
    expect(changeChartSpec(rows.map((r) => ({ ...r, previous: { shown: false, text: 'Not shown', interval: '', base: 0 } })))).toBeNull();
    expect(reportChartSpecs(fixtureView({ previous: false })).some((s) => s.section === 'change')).toBe(false);
  });
});

describe('drawn charts', () => {
  let charts: ReportChart[];
  beforeAll(async () => {
    charts = await reportCharts(fixtureView());
  }, 30_000);

  it('renders each chart to SVG with a role, a title and a description, and no style attributes', () => {
    expect(charts.length).toBeGreaterThan(8);
    for (const c of charts) {
      expect(c.svg).toMatch(/^<svg[^>]* width="\d+"/);
      expect(c.html).toMatch(new RegExp(`^<svg [^>]*class="bs-chart" role="img" focusable="false" aria-labelledby="${c.id}-title ${c.id}-desc"><title id="${c.id}-title">[^<]+</title><desc id="${c.id}-desc">[^<]+</desc>`));
      expect(c.html).not.toMatch(/\sstyle=/);
      expect(c.html).not.toMatch(/<script|url\(|href=/);
    }
    const domain = charts.find((c) => c.section === 'relationships');
    expect(domain?.html).toContain(SERIES.la);
    expect(domain?.html).toContain(SERIES.national);
  });
});

describe('the shape cache of the chart renderer', () => {
  it('draws every chart of a report exactly as a fresh compile of its own spec does', async () => {
    const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
    const { chartSvg } = await import('../../lib/charts.ts');
    const specs = reportChartSpecs(fixtureView({ previous: true }));
    expect(specs.length).toBeGreaterThan(8);
    // Twice: the second pass draws every chart from a cached shape with its own data.
    for (let pass = 0; pass < 2; pass++) {
      for (const c of specs) {
        const view = new vega.View(vega.parse(vl.compile(c.spec).spec), { renderer: 'none' });
        const fresh = await view.toSVG();
        view.finalize();
        expect(await chartSvg(c.spec), c.id).toBe(fresh);
      }
    }
  });
});
