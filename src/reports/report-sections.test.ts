/** The report's later sections from real findings: breakdowns, age groups, change since the last survey. */
import { describe, expect, it } from 'vitest';
import type { BreakdownFindings, Findings } from '../findings/index.ts';
import { fixtureReport, label } from './charts/fixture.ts';
import { reportView } from './report-view.ts';
import { ageGroupsView, breakdownSections, careLeaversView, changeSections } from './report-sections.ts';

const report = fixtureReport();
const view = reportView(report, label);
const present = report.findings.instruments.filter((i) => report.wave.instruments.includes(i.instrumentId));

describe('breakdowns in the report view', () => {
  it('gives every age group its breakdowns by age, gender and where they live, in the engine\'s terms', () => {
    expect(view.breakdowns.map((b) => b.group)).toEqual(['Ages 4 to 7', 'Ages 8 to 11', 'Ages 11 to 17']);
    const older = view.breakdowns.find((b) => b.instrumentId === 'ylyc-11-17');
    expect(older?.tables.map((t) => t.title)).toEqual(['By age', 'By gender', 'By where they live']);
    const byAge = older?.tables.find((t) => t.id === 'age');
    expect(byAge?.shown).toBe(true);
    expect([...(byAge?.categories.map((c) => c.name) ?? []), ...(byAge?.hiddenGroups ?? [])].sort()).toEqual(['Aged 11 to 13', 'Aged 14 to 15', 'Aged 16 to 17']);
    // A group hidden among those who took part gets no column, and is named once instead.
    for (const [i, b] of present.entries()) {
      for (const [j, t] of (view.breakdowns[i]?.tables ?? []).entries()) {
        const engine = b.breakdowns[j];
        if (!t.shown || engine === undefined) continue;
        expect(t.categories).toHaveLength(engine.categories.filter((c) => c.respondents.shown).length);
        expect(t.hiddenGroups).toHaveLength(engine.categories.filter((c) => !c.respondents.shown).length);
        for (const row of t.rows) expect(row.cells).toHaveLength(t.categories.length);
      }
    }
    // No row is printed without a figure, and none shows a figure from fewer than 10 young people.
    for (const t of view.breakdowns.flatMap((b) => b.tables)) {
      for (const row of t.rows) {
        expect(row.cells.some((c) => c.figure.shown)).toBe(true);
        for (const c of row.cells) if (c.figure.shown) expect(c.figure.base).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it('says a breakdown is not shown because a group is too small, with no figures', () => {
    const dropped: BreakdownFindings = { ...(present[2]?.breakdowns[1] as BreakdownFindings), status: { shown: false, reason: 'category_too_small' }, rows: [] };
    const findings = { ...report.findings, instruments: report.findings.instruments.map((i) => (i.instrumentId === 'ylyc-11-17' ? { ...i, breakdowns: [dropped] } : i)) } as Findings;
    const table = breakdownSections(findings, findings.instruments.filter((i) => i.instrumentId === 'ylyc-11-17'), label)[0]?.tables[0];
    expect(table?.shown).toBe(false);
    expect(table?.note).toMatch(/not shown because a group is too small/);
    expect(table?.rows).toEqual([]);
  });

  it('names only significant differences, each with its size and interval', () => {
    for (const b of present) {
      const sentences = breakdownSections(report.findings, [b], label)[0]?.tables.flatMap((t) => t.differences) ?? [];
      const significant = b.breakdowns.flatMap((x) => x.rows.flatMap((r) => r.cells.filter((c) => c.vsRest.tested && c.vsRest.verdict !== 'no_difference')));
      expect(sentences).toHaveLength(significant.length);
      for (const s of sentences) expect(s).toMatch(/percentage points (higher|lower) \(95% interval -?\d+ to -?\d+\) than the rest of the local authority's/);
    }
  });
});

describe('age groups, care leavers and change', () => {
  it('puts the shared questions of the age groups side by side', () => {
    const ages = ageGroupsView(report.findings, present.map((i) => i.instrumentId), label);
    expect(ages?.groups).toEqual(['Ages 4 to 7', 'Ages 8 to 11', 'Ages 11 to 17']);
    expect(ages?.rows.length).toBe(report.findings.ageGroups?.length);
    // The 4-7s are hidden (6 answered), so no difference involving them can be named.
    for (const r of ages?.rows ?? []) {
      expect(r.figures[0]?.shown).toBe(false);
      for (const d of r.differences) expect(d).not.toMatch(/4 to 7/);
    }
    expect(careLeaversView(report.findings, label)).toBeNull();
  });

  it('shows change since the last survey with the significant changes named, and none without a last survey', () => {
    const change = changeSections(report.findings, present, label);
    expect(change.map((c) => c.instrumentId)).toEqual(['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17']);
    const older = change[2];
    // The previous wave was much less positive: some indicators changed significantly, and only those are named.
    const moved = older?.rows.filter((r) => r.verdict.colour !== '' && r.verdict.colour !== 'grey') ?? [];
    expect(moved.length).toBeGreaterThan(0);
    expect(older?.differences).toHaveLength(moved.length);
    expect(older?.differences[0]).toMatch(/% now, \d+ percentage points (higher|lower) \(95% interval/);
    expect(view.hasChange).toBe(true);
    const first = reportView(fixtureReport({ previous: false }), label);
    expect(first.change).toEqual([]);
    expect(first.hasChange).toBe(false);
  });
});
