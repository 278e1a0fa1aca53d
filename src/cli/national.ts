/**
 * `brightspots report national`: the national report of a survey and period (every indicator across
 * all LAs, with the variation between them) as one self-contained HTML file or JSON of every figure.
 */
import { Option, type Command } from 'commander';
import { AppError } from '../lib/errors.ts';
import { nationalHtmlFile, nationalJsonFile, parseChoice } from '../reports/national/index.ts';
import { examples, withServices, writeOutput } from './context.ts';

interface NationalOptions {
  survey: string;
  from?: string;
  to?: string;
  /** --format and --out belong to `report` itself (commander gives them to the parent), read through optsWithGlobals. */
  format?: string;
  out?: string;
}

/** Registers `national` under the `report` command (added by registerReport, which must run first). */
export function registerNational(program: Command, env: NodeJS.ProcessEnv): void {
  const report = program.commands.find((c) => c.name() === 'report');
  if (report === undefined) throw new Error('registerReport must run before registerNational');
  report
    .command('national')
    .description('write the national report of a survey: every indicator across all LAs whose survey closed in the period, as one HTML file or JSON')
    .addOption(new Option('--survey <survey>', 'ylyc (children in care) or ylbc (care leavers)').choices(['ylyc', 'ylbc']).makeOptionMandatory())
    .option('--from <day>', 'first day of the period, YYYY-MM-DD (default: 24 months before --to)')
    .option('--to <day>', 'last day of the period, YYYY-MM-DD (default: today)')
    // Declared for the help only: commander hands --format and --out to `report`, read back through optsWithGlobals.
    .option('--format <format>', 'html (one file, opens offline) or json (default: html)')
    .option('--out <path>', 'the file to write')
    .addHelpText('after', examples(['brightspots report national --survey ylyc --from 2025-01-01 --to 2026-12-31 --format html --out national.html', 'brightspots report national --survey ylbc --format json --out national.json']))
    .action(async (_own: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<NationalOptions>();
      const format = o.format ?? 'html';
      if (format !== 'html' && format !== 'json') throw new AppError('bad_request', `--format must be html or json for the national report, not "${format}".`);
      if (o.out === undefined) throw new AppError('bad_request', "required option '--out <path>' not specified (add --help for usage and examples)");
      const file = o.out;
      await withServices(env, async (s) => {
        const parsed = parseChoice({ survey: o.survey, from: o.from, to: o.to }, s.national.today());
        if (!parsed.ok) throw new AppError('bad_request', parsed.errors.map((e) => `${e.text} (${e.href.slice(1) === 'survey' ? '--survey' : `--${e.href.slice(1)}`}).`).join(' '));
        const r = await s.national.operatorReport(parsed.choice, format);
        const body = format === 'json' ? nationalJsonFile(r) : await nationalHtmlFile(r, (key) => s.i18n.t('en', key));
        const out = writeOutput(file, body);
        const f = r.findings;
        console.log(`Wrote ${out}: ${f.survey}, ${f.period.from} to ${f.period.to}, ${f.authorities.length} local authorities, ${f.respondents} responses.`);
      });
    });
}
