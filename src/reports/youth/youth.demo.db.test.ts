/** Every closed wave of the demo programme gets a young people's version that reads at age 11 and is built to be accessible. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { Connection } from '../../db/index.ts';
import { engines, openTestDb } from '../../db/testing.ts';
import { seedDemo, type DemoSeedResult } from '../../demo/seed.ts';
import { fixedClock } from '../../lib/clock.ts';
import { createServices, type Services } from '../../services.ts';
import { JARGON, readingGrade } from './testing.ts';
import { youthHtmlFile } from './youth-file.ts';
import { youthProse, youthReport } from './youth.ts';

describe.each(engines)("young people's versions of the demo programme on %s", (dialect) => {
  let conn: Connection;
  let s: Services;
  let seeded: DemoSeedResult;

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    s = createServices(conn.db, conn.dialect, loadConfig({ NODE_ENV: 'test' }), fixedClock('2026-03-02T10:00:00.000Z'));
    seeded = await seedDemo(s, { today: '2026-03-02' });
  }, 180_000);
  afterAll(() => conn.close());

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
