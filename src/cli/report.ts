/**
 * `brightspots report`: a closed wave's LA report as one self-contained HTML file or as JSON of every
 * figure (the latest published version, a version by number, or the draft); `report publish` publishes
 * the draft as the next version.
 */
import { Option, type Command } from 'commander';
import { AppError } from '../lib/errors.ts';
import { parseChoice, renderReportFile, versionLabel, type ReportChoice, type ReportFormat } from '../reports/index.ts';
import { examples, withServices, writeOutput } from './context.ts';
import { findWaveByRef } from './wave.ts';

interface ReportOptions {
  wave: string;
  format: ReportFormat;
  out?: string;
  version?: string;
  note?: string;
}

/** `--version`: a number or "draft"; absent means the latest published version. */
function choiceOf(version: string | undefined): ReportChoice {
  const choice = parseChoice(version);
  if (choice === null || (choice === 'latest' && version !== undefined)) throw new AppError('bad_request', `--version must be a version number (1, 2, ...) or "draft", not "${version ?? ''}".`);
  return choice;
}

/** Registers `report` on the program. */
export function registerReport(program: Command, env: NodeJS.ProcessEnv): void {
  program
    .command('report')
    .argument('[action]', '"publish": publish the draft as the next version (with --note) instead of writing a file')
    .description("write a closed wave's report (the latest published version, else the draft): a self-contained HTML file or every figure as JSON")
    .requiredOption('--wave <wave>', 'the wave id or the code in its survey link')
    .addOption(new Option('--format <format>', 'html (one file, opens offline), pdf (A4, to print), json, pptx (slides for the feedback session), or the young people\'s version: youth-html, youth-pdf').choices(['html', 'pdf', 'json', 'pptx', 'youth-html', 'youth-pdf']).default('html'))
    // Checked in the action: `report publish` writes no file.
    .option('--out <path>', 'the file to write (required unless publishing)')
    .option('--version <n>', 'a published version by number, or "draft" (default: the latest published version, else the draft)')
    .option('--note <reason>', 'with publish: the reason, shown beside the version (e.g. "late paper returns")')
    .addHelpText(
      'after',
      examples([
        'brightspots report --wave 7KQ9WXDA --format html --out northmere-2025.html',
        'brightspots report --wave 0b9c6c1e-2f3e-4d55-9f0a-3c1f8e2d4b6a --format json --out report.json',
        'brightspots report publish --wave 7KQ9WXDA --note "First publication"',
        'brightspots report --wave 7KQ9WXDA --version 1 --out northmere-2025-v1.html',
      ]),
    )
    // `report` requires --wave for its own action; its subcommands (national, all) have no wave, so
    // lift that requirement only when commander is about to hand over to one of them.
    .hook('preSubcommand', (parent) => {
      for (const option of parent.options) option.mandatory = false;
    })
    .action(async (action: string | undefined, o: ReportOptions) => {
      if (action !== undefined && action !== 'publish') throw new AppError('bad_request', `Unknown action "${action}": the only one is publish (see: brightspots report --help).`);
      if (action === 'publish') return publish(env, o.wave, o.note);
      const file = o.out;
      if (file === undefined) throw new AppError('bad_request', "required option '--out <path>' not specified (add --help for usage and examples)");
      await withServices(env, async (s) => {
        const wave = await findWaveByRef(s, o.wave);
        const report = await s.reports.operatorReport(wave.id, o.format, choiceOf(o.version));
        // The draft is for checking, not for sharing: say so where the operator will see it.
        if (report.version === null) console.error('Notice: no version of this report is published yet; this is the draft, not for sharing (publish it with: brightspots report publish).');
        const out = writeOutput(file, await renderReportFile(report, o.format, (key) => s.i18n.t('en', key)));
        const responses = report.findings.instruments.reduce((a, i) => a + i.profile.respondents, 0);
        console.log(`Wrote ${out}: ${report.wave.title}, ${versionLabel(report.version)}, ${responses} responses, ${report.findings.keyFindings.length} key findings.`);
      });
    });
}

/** `report publish`: the draft becomes the next version, or the refusal's reason is printed (exit 2). */
async function publish(env: NodeJS.ProcessEnv, ref: string, note: string | undefined): Promise<void> {
  if (note === undefined) throw new AppError('bad_request', "required option '--note <reason>' not specified: say why this version is published.");
  await withServices(env, async (s) => {
    const wave = await findWaveByRef(s, ref);
    const outcome = await s.reports.operatorPublish(wave.id, note);
    if (!outcome.ok) throw new AppError('conflict', outcome.message);
    console.log(`Published ${wave.title}: ${versionLabel(outcome.version)}, ${outcome.version.responses} responses.`);
  });
}
