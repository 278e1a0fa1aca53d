/** `brightspots report`: a closed wave's LA report as one self-contained HTML file or as JSON of every figure. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { AppError } from '../lib/errors.ts';
import { reportHtmlFile, reportJsonFile, type ReportFormat } from '../reports/index.ts';
import { examples, withServices } from './context.ts';
import { findWaveByRef } from './wave.ts';

interface ReportOptions {
  wave: string;
  format: ReportFormat;
  out: string;
}

/** Registers `report` on the program. */
export function registerReport(program: Command, env: NodeJS.ProcessEnv): void {
  program
    .command('report')
    .description("write a closed wave's report: a self-contained HTML file or every figure as JSON")
    .requiredOption('--wave <wave>', 'the wave id or the code in its survey link')
    .addOption(new Option('--format <format>', 'html (one file, opens offline) or json').choices(['html', 'json']).default('html'))
    .requiredOption('--out <path>', 'the file to write')
    .addHelpText(
      'after',
      examples(['brightspots report --wave 7KQ9WXDA --format html --out northmere-2025.html', 'brightspots report --wave 0b9c6c1e-2f3e-4d55-9f0a-3c1f8e2d4b6a --format json --out report.json']),
    )
    .action(async (o: ReportOptions) => {
      await withServices(env, async (s) => {
        const wave = await findWaveByRef(s, o.wave);
        const report = await s.reports.operatorReport(wave.id, o.format);
        const body = o.format === 'json' ? reportJsonFile(report) : reportHtmlFile(report, (key) => s.i18n.t('en', key));
        const out = resolve(o.out);
        try {
          writeFileSync(out, body);
        } catch (e) {
          // A missing folder or a read-only place is the user's to fix: exit 2 with the reason.
          throw new AppError('bad_request', `Cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? String(e)} (check --out).`);
        }
        const responses = report.findings.instruments.reduce((a, i) => a + i.profile.respondents, 0);
        console.log(`Wrote ${out}: ${report.wave.title}, ${responses} responses, ${report.findings.keyFindings.length} key findings.`);
      });
    });
}
