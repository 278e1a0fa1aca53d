/** The one-page summary of key findings: the most certain of each kind, and every finding listed later. */
import { describe, expect, it } from 'vitest';
import { fixtureReport, label } from './charts/fixture.ts';
import { reportHtmlFile } from './report-file.ts';
import { reportView, SUMMARY_PER_KIND } from './report-view.ts';

describe('the key findings summary', () => {
  it('keeps the most certain of each kind to one page and lists every finding under "Every key finding"', () => {
    const report = fixtureReport({ previous: true });
    const view = reportView(report, label);
    const all = [...view.brightSpots, ...view.improvements];
    // The fixture has more findings than the summary holds, or this test would prove nothing.
    expect(Math.max(view.brightSpots.length, view.improvements.length)).toBeGreaterThan(SUMMARY_PER_KIND);
    expect(view.summary.brightSpots).toEqual(view.brightSpots.slice(0, SUMMARY_PER_KIND));
    expect(view.summary.improvements).toEqual(view.improvements.slice(0, SUMMARY_PER_KIND));
    expect(view.summary).toMatchObject({ more: true, total: all.length });

    const html = reportHtmlFile(report, label);
    const summary = html.slice(html.indexOf('id="key-findings"'), html.indexOf('id="who-took-part"'));
    const full = html.slice(html.indexOf('id="all-key-findings"'), html.indexOf('id="methodology"'));
    expect(html.indexOf('id="all-key-findings"')).toBeGreaterThan(html.indexOf('id="comments"'));
    const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    for (const k of all) expect(full).toContain(esc(k.headline));
    const shown = all.filter((k) => summary.includes(esc(k.headline)));
    expect(shown.length).toBe(view.summary.brightSpots.length + view.summary.improvements.length);
    expect(summary).toContain('href="#all-key-findings"');
  });
});
