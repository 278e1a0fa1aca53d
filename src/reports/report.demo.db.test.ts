/** Every closed wave of the demo programme produces a complete report, on both engines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Connection } from '../db/index.ts';
import { engines, openTestDb } from '../db/testing.ts';
import { seedDemo, type DemoSeedResult } from '../demo/seed.ts';
import { demoActor } from '../demo/staff.ts';
import { fixedClock } from '../lib/clock.ts';
import { createServices, type Services } from '../services.ts';
import { reportHtmlFile } from './report-file.ts';

describe.each(engines)('reports of the demo programme on %s', (dialect) => {
  let conn: Connection;
  let s: Services;
  let seeded: DemoSeedResult;

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    s = createServices(conn.db, conn.dialect, loadConfig({ NODE_ENV: 'test' }), fixedClock('2026-03-02T10:00:00.000Z'));
    seeded = await seedDemo(s, { today: '2026-03-02' });
  }, 60_000);
  afterAll(() => conn.close());

  it('renders each closed wave for its LA lead, with every age group and section', async () => {
    const closed = seeded.las.flatMap((l) => l.waves).filter((w) => w.wave.status === 'closed');
    expect(closed.length).toBe(3);
    for (const { wave, responses } of closed) {
      const lead = seeded.staff.find((a) => a.grant.role === 'la_lead' && a.grant.laId === wave.laId);
      if (!lead) throw new Error('no demo lead');
      const report = await s.reports.buildReport(demoActor(lead), wave.id);
      expect(report.findings.instruments.filter((i) => wave.instruments.includes(i.instrumentId)).reduce((a, i) => a + i.profile.respondents, 0)).toBe(responses);
      const html = reportHtmlFile(report, (key) => s.i18n.t('en', key));
      for (const id of ['key-findings', 'who-took-part', 'wellbeing', 'relationships', 'rights', 'resilience', 'recovery', 'methodology']) expect(html).toContain(`id="${id}"`);
      expect(html).not.toMatch(/NaN|undefined|\bindicator\.[a-z_]+/);
    }
  });
});
