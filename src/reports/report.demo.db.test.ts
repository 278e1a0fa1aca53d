/**
 * Every finished wave of the demo programme produces a complete report and a young people's version
 * that reads at age 11, on both engines (one seeded demo per engine serves both).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Connection } from '../db/index.ts';
import { engines, openTestDb } from '../db/testing.ts';
import { seedDemo, type DemoSeedResult } from '../demo/seed.ts';
import { demoActor } from '../demo/staff.ts';
import { fixedClock } from '../lib/clock.ts';
import { createServices, type Services } from '../services.ts';
import { reportHtmlFile, reportHtmlFileWithCharts } from './report-file.ts';
import { JARGON, readingGrade } from './youth/testing.ts';
import { youthHtmlFile } from './youth/youth-file.ts';
import { youthProse, youthReport } from './youth/youth.ts';

describe.each(engines)('reports of the demo programme on %s', (dialect) => {
  let conn: Connection;
  let s: Services;
  let seeded: DemoSeedResult;

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    s = createServices(conn.db, conn.dialect, loadConfig({ NODE_ENV: 'test' }), fixedClock('2026-03-02T10:00:00.000Z'));
    seeded = await seedDemo(s, { today: '2026-03-02' });
  }, 180_000);
  afterAll(() => conn.close());

  it('renders each closed wave for its LA lead once published, with every age group and section', async () => {
    const researcher = seeded.staff.find((a) => a.grant.role === 'programme_researcher');
    if (!researcher) throw new Error('no demo researcher');
    // The demo LAs' own closed waves: last year's, and the ones imported from the year before.
    const closed = seeded.las.flatMap((l) => l.waves).filter((w) => w.wave.status === 'reported');
    expect(closed.length).toBe(6);
    for (const { wave, responses } of closed) {
      const lead = seeded.staff.find((a) => a.grant.role === 'la_lead' && a.grant.laId === wave.laId);
      if (!lead) throw new Error('no demo lead');
      // Published by the demo itself; a second version with the same responses is refused.
      expect((await s.reports.listVersions(demoActor(researcher), wave.id)).map((v) => [v.number, v.responses])).toEqual([[1, responses]]);
      expect(await s.reports.publish(demoActor(researcher), wave.id, 'Again')).toMatchObject({ ok: false, problem: 'too_close' });
      const report = await s.reports.buildReport(demoActor(lead), wave.id);
      expect(report.version?.number).toBe(1);
      expect(report.findings.instruments.filter((i) => wave.instruments.includes(i.instrumentId)).reduce((a, i) => a + i.profile.respondents, 0)).toBe(responses);
      const html = reportHtmlFile(report, (key) => s.i18n.t('en', key));
      for (const id of ['key-findings', 'who-took-part', 'wellbeing', 'relationships', 'rights', 'resilience', 'recovery', 'methodology']) expect(html).toContain(`id="${id}"`);
      expect(html).not.toMatch(/NaN|undefined|\bindicator\.[a-z_]+/);
      // The comparator's imported LAs make the national comparison usable in every report.
      expect(report.findings.comparator.usable).toBe(true);
      expect(report.findings.comparator.authorities).toBeGreaterThanOrEqual(5);
      // Last year's waves (closed by the demo, not imported) follow an imported wave: their reports show change.
      const imported = wave.closedAt === `${wave.closesOn}T12:00:00.000Z`;
      expect(report.previousWave !== undefined && report.findings.instruments.some((i) => i.change !== undefined)).toBe(!imported);
      // With charts: the later sections in order, and a change chart exactly when there is a last survey.
      const full = await reportHtmlFileWithCharts(report, (key) => s.i18n.t('en', key));
      for (const id of ['breakdowns', 'change', 'comments']) expect(full).toContain(`id="${id}"`);
      expect(full).toMatch(/class="bs-chart" role="img"/);
      expect(full.includes('aria-labelledby="chart-change-')).toBe(!imported);
      expect(full).not.toMatch(/NaN|undefined/);
    }
  });

  it('reads at grade 6 or below, with no statistical words, for every closed wave', async () => {
    const closed = seeded.las.flatMap((l) => l.waves).filter((w) => w.wave.status === 'reported');
    expect(closed.length).toBeGreaterThan(0);
    const label = (key: string): string => s.i18n.t('en', key);
    for (const { wave } of closed) {
      const prose = youthProse(youthReport(await s.reports.operatorReport(wave.id, 'youth-html'), label));
      expect(prose.length).toBeGreaterThan(30);
      expect(prose.join('\n')).not.toMatch(JARGON);
      expect(readingGrade(prose)).toBeLessThanOrEqual(6);
    }
  });

  it('is one accessible HTML file: a language, one h1, headings in order, every picture labelled or hidden', async () => {
    const closed = seeded.las.flatMap((l) => l.waves).filter((w) => w.wave.status === 'reported');
    for (const { wave } of closed) {
      const html = youthHtmlFile(await s.reports.operatorReport(wave.id, 'youth-html'), (key) => s.i18n.t('en', key));
      expect(html).toMatch(/<html lang="en-GB"/);
      expect(html.match(/<h1\b/g)?.length).toBe(1);
      const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
      levels.forEach((l, i) => expect(l - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
      for (const svg of html.match(/<svg\b[^>]*>/g) ?? []) expect(svg).toMatch(/aria-hidden="true"|role="img" aria-label="[^"]+"/);
      for (const id of ['yp-thanks', 'yp-going-well', 'yp-get-better', 'yp-feelings', 'yp-promises', 'yp-help']) expect(html).toContain(`id="${id}"`);
      expect(html).not.toMatch(/NaN|undefined|\bindicator\.[a-z_]+|<script|<link|<img|src=|url\(/);
    }
  });
});
