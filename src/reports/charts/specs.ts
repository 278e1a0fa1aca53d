/**
 * Every chart of the report as a Vega-Lite spec with its title and text alternative, in the report's
 * order, from the ReportView alone. Pure, so the HTML page and the PDF draw exactly the same charts.
 */
import type * as vl from 'vega-lite';
import type { InstrumentId } from '../../findings/index.ts';
import type { ReportView } from '../report-view.ts';
import { bandsChartSpec, bandsDescription } from './bands.ts';
import { changeChartSpec, changeDescription } from './change.ts';
import { indicatorChartSpec, indicatorDescription } from './indicators.ts';

/** The heading a chart belongs under: a section id of the report (its anchor). */
export type ChartSection = 'wellbeing' | ReportView['domains'][number]['id'] | 'change';

/** A chart before drawing: where it goes, its text, and its spec. */
export interface ReportChartSpec {
  /** Unique in the report; also the id prefix of the SVG's title and description. */
  readonly id: string;
  readonly section: ChartSection;
  /** The age group (instrument) whose table the chart sits beside. */
  readonly instrumentId: InstrumentId;
  readonly title: string;
  readonly description: string;
  readonly spec: vl.TopLevelSpec;
}

type Draft = Omit<ReportChartSpec, 'spec'> & { readonly spec: vl.TopLevelSpec | null };
const drawn = (d: Draft): d is ReportChartSpec => d.spec !== null;

/** The charts of a report, in order: well-being, the four domains, then change since the last survey. */
export function reportChartSpecs(view: ReportView): ReportChartSpec[] {
  const drafts: Draft[] = [];
  for (const g of view.wellbeing) {
    const who = g.group.toLowerCase();
    const ons = g.scores.filter((s) => s.kind === 'ons' && !s.measure.startsWith('High anxiety'));
    const anxiety = g.scores.filter((s) => s.kind === 'ons' && s.measure.startsWith('High anxiety'));
    const faces = g.scores.filter((s) => s.kind === 'faces');
    const base = { section: 'wellbeing' as const, instrumentId: g.instrumentId };
    if (ons.length > 0) {
      drafts.push({ ...base, id: `chart-wellbeing-${g.instrumentId}-ons`, title: `Well-being scores in the ONS bands: ${who}`, description: bandsDescription(ons, `the share in each ONS well-being band (low 0 to 4, medium 5 to 6, high 7 to 8, very high 9 to 10) for ${who}`), spec: bandsChartSpec(ons) });
    }
    if (anxiety.length > 0) {
      drafts.push({ ...base, id: `chart-wellbeing-${g.instrumentId}-anxiety`, title: `Anxiety yesterday in the ONS bands: ${who}`, description: bandsDescription(anxiety, `the share in each ONS anxiety band (very low 0 to 1, low 2 to 3, medium 4 to 5, high 6 to 10, where high is the poor band) for ${who}`), spec: bandsChartSpec(anxiety) });
    }
    if (faces.length > 0) {
      drafts.push({ ...base, id: `chart-wellbeing-${g.instrumentId}-faces`, title: `Answers on the faces scale: ${who}`, description: bandsDescription(faces, `the share choosing each face, saddest to happiest, for ${who}`), spec: bandsChartSpec(faces) });
    }
    if (g.rows.length > 0) {
      drafts.push({ ...base, id: `chart-wellbeing-${g.instrumentId}-indicators`, title: `Well-being indicators compared: ${who}`, description: indicatorDescription(g.rows, `well-being indicators, ${who}`), spec: indicatorChartSpec(g.rows) });
    }
  }
  for (const d of view.domains) {
    for (const g of d.groups) {
      const what = `${d.title.toLowerCase()}, ${g.group.toLowerCase()}`;
      drafts.push({ id: `chart-${d.id}-${g.instrumentId}`, section: d.id, instrumentId: g.instrumentId, title: `${d.title} compared: ${g.group.toLowerCase()}`, description: indicatorDescription(g.rows, what), spec: indicatorChartSpec(g.rows) });
    }
  }
  for (const c of view.change) {
    const who = c.group.toLowerCase();
    drafts.push({ id: `chart-change-${c.instrumentId}`, section: 'change', instrumentId: c.instrumentId, title: `Change since the last survey: ${who}`, description: changeDescription(c.rows, who), spec: changeChartSpec(c.rows) });
  }
  return drafts.filter(drawn);
}
