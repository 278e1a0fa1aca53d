/**
 * Reports: the time to compute one LA wave's findings and draw its HTML, PDF and JSON, and a national
 * run (150 LAs x 4 instruments, 100,000 synthetic responses): every LA's HTML report and the national
 * report of each survey. Goals (issue 4): one LA's HTML under 1 s and PDF under 3 s; the national
 * run's HTML for all LAs under 60 s on 2 cores; memory under 1 GB.
 * BENCH_NATIONAL_LAS and BENCH_NATIONAL_RESPONSES shrink the run for a quick look.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/services.ts';
import { renderReportFile, type ReportFormat } from '../src/reports/index.ts';
import { NATIONAL_LAS, NATIONAL_RESPONSES, nationalData } from './report-data.ts';
import { printFigure, root, round, type Figures } from './lib.ts';

const ownPeakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await work();
  return [out, performance.now() - t0];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function run(): Promise<Figures> {
  const las = Number(process.env['BENCH_NATIONAL_LAS'] ?? NATIONAL_LAS);
  const total = Number(process.env['BENCH_NATIONAL_RESPONSES'] ?? NATIONAL_RESPONSES);
  const [data, seedMs] = await timed(() => nationalData(las, total));
  console.log(`\nReports: ${las} LAs, ${data.waves.length} closed waves, ${data.responses.toLocaleString('en-GB')} synthetic responses (seeded in ${(seedMs / 1000).toFixed(1)} s)`);
  const s = createServices(data.conn.db, data.conn.dialect, loadConfig({ NODE_ENV: 'production', DATA_DIR: data.dataDir, PUBLIC_URL: 'https://bench.example' }));
  const label = (key: string): string => s.i18n.t('en', key);
  const figures: Figures = {};
  try {
    // One LA: the largest children-in-care wave, drawn five times (the first also loads the libraries).
    const wave = data.waves.find((w) => w.survey === 'ylyc');
    if (wave === undefined) throw new Error('no wave');
    const runs: Record<'findings' | ReportFormat, number[]> = { findings: [], html: [], pdf: [], json: [], pptx: [], 'youth-html': [], 'youth-pdf': [] };
    for (let i = 0; i < 5; i++) {
      const [report, ms] = await timed(() => s.reports.operatorReport(wave.id, 'html', 'draft'));
      runs.findings.push(ms);
      for (const format of ['html', 'pdf', 'json'] as const) runs[format].push((await timed(() => renderReportFile(report, format, label)))[1]);
    }
    console.log('  one LA wave (median of 4 warm runs; first run in brackets)');
    for (const [name, key] of [['findings (load + compute)', 'findings'], ['HTML with charts', 'html'], ['PDF', 'pdf'], ['JSON', 'json']] as const) {
      const warm = runs[key].slice(1);
      printFigure(`  ${name}`, `${round(median(warm))} (${round(runs[key][0] ?? 0)})`, 'ms');
      figures[`one_la_${key}_ms`] = round(median(warm));
    }
    figures['one_la_html_total_ms'] = round(median(runs.findings.slice(1)) + median(runs.html.slice(1)));
    figures['one_la_pdf_total_ms'] = round(median(runs.findings.slice(1)) + median(runs.pdf.slice(1)));
    printFigure('  draft: findings + HTML (goal < 1000 ms)', figures['one_la_html_total_ms'], 'ms');
    printFigure('  draft: findings + PDF (goal < 3000 ms)', figures['one_la_pdf_total_ms'], 'ms');
    // What an LA reads: a published version, a stored snapshot drawn on request.
    const published = await s.reports.operatorPublish(wave.id, 'Benchmark');
    if (!published.ok) throw new Error(published.message);
    const readHtml: number[] = [];
    const readPdf: number[] = [];
    for (let i = 0; i < 4; i++) {
      readHtml.push((await timed(async () => renderReportFile(await s.reports.operatorReport(wave.id, 'html'), 'html', label)))[1]);
      readPdf.push((await timed(async () => renderReportFile(await s.reports.operatorReport(wave.id, 'pdf'), 'pdf', label)))[1]);
    }
    figures['one_la_published_html_ms'] = round(median(readHtml));
    figures['one_la_published_pdf_ms'] = round(median(readPdf));
    printFigure('  published version: load + HTML', figures['one_la_published_html_ms'], 'ms');
    printFigure('  published version: load + PDF', figures['one_la_published_pdf_ms'], 'ms');

    // The national run as programme staff run it: `brightspots report all` (every LA's draft as HTML),
    // then `brightspots report national` for each survey, each a process of its own with its own memory.
    const out = mkdtempSync(join(tmpdir(), 'bs-bench-round-'));
    const cli = (...args: string[]) => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'src', 'cli', 'index.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, DATA_DIR: data.dataDir, PUBLIC_URL: 'https://bench.example', NODE_ENV: 'production' } });
      if (r.status !== 0) throw new Error(`brightspots ${args.join(' ')} failed: ${r.stderr}`);
      return { stdout: r.stdout, ms: performance.now() - t0 };
    };
    const all = cli('report', 'all', '--format', 'html', '--out', join(out, 'all'));
    const summary = /(\d+) draft reports? in ([\d.]+) s \(peak memory (\d+) MB\)/.exec(all.stdout);
    if (summary === null) throw new Error(`no summary from report all: ${all.stdout.slice(-500)}`);
    const reports = Number(summary[1]);
    const allMs = Number(summary[2]) * 1000;
    const peakRssMb = Number(summary[3]);
    const bytes = readdirSync(join(out, 'all')).reduce((a, f) => a + statSync(join(out, 'all', f)).size, 0);
    let nationalMs = 0;
    for (const survey of ['ylyc', 'ylbc']) nationalMs += cli('report', 'national', '--survey', survey, '--format', 'html', '--out', join(out, `national-${survey}.html`)).ms;
    rmSync(out, { recursive: true, force: true });
    console.log('  national run');
    printFigure('  LA reports drawn as HTML', reports);
    printFigure('  all LAs HTML (goal < 60 s)', round(allMs / 1000), 's');
    printFigure('  per LA wave', round(allMs / Math.max(1, reports)), 'ms');
    printFigure('  HTML written', round(bytes / 1e6), 'MB');
    printFigure('  national reports (both surveys, HTML, incl. start-up)', round(nationalMs / 1000), 's');
    printFigure('  peak memory of report all (RSS, goal < 1024 MB)', round(peakRssMb), 'MB');
    printFigure('  peak memory of this process (one LA, seeding)', round(ownPeakRssMb()), 'MB');
    Object.assign(figures, {
      national_las: las,
      national_responses: data.responses,
      national_all_html_s: round(allMs / 1000),
      national_per_wave_ms: round(allMs / Math.max(1, reports)),
      national_report_html_s: round(nationalMs / 1000),
      national_peak_rss_mb: round(peakRssMb),
    });
    return figures;
  } finally {
    await data.cleanup();
  }
}
