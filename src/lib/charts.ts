/**
 * Charts: a Vega-Lite spec compiled and rendered to SVG on the server, so a page needs no script and
 * the same SVG goes into a PDF (svg-to-pdfkit). Each chart is one image with one text alternative;
 * pages show the data table beside it.
 */
// Loaded on first use: Vega is large and most requests (every survey page) never draw a chart.
import type * as vl from 'vega-lite';

export interface ChartText {
  /** Unique on the page: the ids of the title and description derive from it. */
  id: string;
  /** Short text alternative. */
  title: string;
  /** What the chart shows, in a sentence or two. */
  description: string;
}

/**
 * Makes vega's SVG fit the page and the CSP: any style attribute becomes presentation attributes
 * (style-src forbids inline styles), fixed sizes give way to the viewBox, and the chart gets a role and
 * a text alternative.
 */
export function accessibleSvg(svg: string, id: string, title: string, description: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const withoutStyles = svg.replace(/\sstyle="([^"]*)"/g, (_m, css: string) =>
    css
      .split(';')
      .map((d) => d.split(':').map((s) => s.trim()))
      .filter((parts): parts is [string, string] => parts.length === 2 && /^[a-z-]+$/.test(parts[0] ?? '') && parts[1] !== '')
      .map(([k, v]) => ` ${k}="${esc(v)}"`)
      .join(''),
  );
  // The whole chart is one image with one text alternative: vega's own roles inside it would compete.
  const inner = withoutStyles.replace(/\s(role|aria-[a-z]+)="[^"]*"/g, '');
  return inner.replace(/^<svg([^>]*)>/, (_m, attrs: string) => {
    const kept = attrs.replace(/\s(width|height|class)="[^"]*"/g, '');
    return `<svg${kept} class="bs-chart" role="img" focusable="false" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(description)}</desc>`;
  });
}

/** The name a chart's n-th inline dataset takes when its spec is cached without its data. */
const datasetName = (n: number): string => `bs_data_${n}`;

/**
 * The spec with each inline `data: { values }` replaced by a named dataset, and those values in order:
 * charts of the same shape (most of a report's, and of a whole round's) then share one compiled spec.
 */
export function detachData(spec: unknown, values: unknown[][] = []): { shape: unknown; values: unknown[][] } {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => {
        const inline = k === 'data' && v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
        if (inline !== undefined && Array.isArray(inline['values']) && Object.keys(inline).length === 1) {
          values.push(inline['values'] as unknown[]);
          return [k, { name: datasetName(values.length - 1) }];
        }
        return [k, walk(v)];
      }),
    );
  };
  return { shape: walk(spec), values };
}

// Compiling Vega-Lite and parsing Vega cost more than drawing: keep the parsed specs of recent shapes.
const MAX_SHAPES = 500;
const parsed = new Map<string, unknown>();

/** Vega-Lite to raw SVG, as vega draws it (for a PDF, which needs no ARIA). */
export async function chartSvg(spec: vl.TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const { shape, values } = detachData(spec);
  const key = JSON.stringify(shape);
  let runtime = parsed.get(key) as ReturnType<typeof vega.parse> | undefined;
  if (runtime === undefined) {
    runtime = vega.parse(vegaLite.compile(shape as vl.TopLevelSpec).spec);
    if (parsed.size >= MAX_SHAPES) parsed.delete(parsed.keys().next().value ?? '');
    parsed.set(key, runtime);
  }
  const view = new vega.View(runtime, { renderer: 'none' });
  values.forEach((v, i) => view.data(datasetName(i), v));
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Vega-Lite to inline, accessible SVG for a page. */
export async function renderChart(spec: vl.TopLevelSpec, text: ChartText): Promise<string> {
  return accessibleSvg(await chartSvg(spec), text.id, text.title, text.description);
}
