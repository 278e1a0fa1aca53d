/**
 * The national run on its own, in a child process of the reports section so that its peak memory is
 * its own: every LA's draft report drawn as HTML (what `brightspots report all` does), then the
 * national report of each survey. Prints its figures as one JSON line. Argument: the data folder.
 */
import { loadConfig } from '../src/config.ts';
import { connect } from '../src/db/index.ts';
import { createServices } from '../src/services.ts';
import { drawEach } from '../src/reports/index.ts';
import { defaultPeriod, nationalHtmlFile } from '../src/reports/national/index.ts';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: report-national-run.ts <data folder>');
const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, PUBLIC_URL: 'https://bench.example' });
const conn = connect(config);
const s = createServices(conn.db, conn.dialect, config);
const label = (key: string): string => s.i18n.t('en', key);
let reports = 0;
let bytes = 0;
const t0 = performance.now();
// As `brightspots report all` does: findings here, drawn on worker threads a few reports ahead.
reports = await drawEach(s.reports.operatorDrafts({ format: 'html' }), 'html', (_r, body) => {
  bytes += body.length;
});
const allMs = performance.now() - t0;
const t1 = performance.now();
const period = defaultPeriod(s.programme.today());
for (const survey of ['ylyc', 'ylbc'] as const) await nationalHtmlFile(await s.national.operatorReport({ survey, period }, 'html'), label);
const nationalMs = performance.now() - t1;
await conn.close();
console.log(JSON.stringify({ reports, bytes, allMs, nationalMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
