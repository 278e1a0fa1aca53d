/** What the report page prints about versions: which one this is, the list, and the publish form's state. Pure. */
import type { ReportPage } from './report.service.ts';
import { reportView, type ReportView } from './report-view.ts';
import { choiceQuery, versionLabel, type PublishCheck } from './versions.ts';

export interface VersionRow {
  readonly number: number;
  readonly label: string;
  readonly responses: number;
  readonly note: string;
  readonly href: string;
  /** The version on the page now. */
  readonly current: boolean;
}

export interface VersionsPageView {
  readonly waveId: string;
  readonly title: string;
  /** The report's content, or null when nothing is published for this reader. */
  readonly r: ReportView | null;
  /** Appended to download links so a file is the version on the page. */
  readonly versionQuery: string;
  readonly versions: readonly VersionRow[];
  readonly mayPublish: boolean;
  /** Shown with the draft to publishers: the next number, and whether it may be published (and why not). */
  readonly check: PublishCheck | null;
  /** Whether the page shows the draft (publishers get a link to it from a published version). */
  readonly isDraft: boolean;
  readonly minDifference: number;
}

/** The report page's context from the service's answer. */
export function versionsPage(page: ReportPage, label: (key: string) => string): VersionsPageView {
  const base = `/staff/waves/${page.wave.id}/report`;
  const current = page.report?.version?.number ?? null;
  return {
    waveId: page.wave.id,
    title: page.wave.title,
    r: page.report === null ? null : reportView(page.report, label),
    versionQuery: page.report === null ? '' : choiceQuery(page.report.version),
    versions: page.versions.map((v) => ({ number: v.number, label: versionLabel(v), responses: v.responses, note: v.note, href: `${base}?version=${v.number}`, current: v.number === current })),
    mayPublish: page.mayPublish,
    check: page.check,
    isDraft: page.report !== null && page.report.version === null,
    minDifference: page.minDifference,
  };
}
