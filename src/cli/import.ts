/**
 * `brightspots import`: an LA's past wave from a CSV file (one row per response, a column per question;
 * docs/import.md), and the template to build such a file. The file is streamed, so a file of any size
 * is checked and stored without being held in memory.
 */
import { closeSync, createReadStream, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { Option, type Command } from 'commander';
import type { SurveyId } from '../instruments/index.ts';
import { AppError } from '../lib/errors.ts';
import { csvRecords, templateRows, type ImportProblem, type ImportSummary } from '../survey/history/index.ts';
import { examples, withServices } from './context.ts';
import { parseDate, parseEligible } from './wave-format.ts';

interface ResponsesOptions {
  la: string;
  survey: SurveyId;
  opens: string;
  closes: string;
  eligible?: Record<string, number>;
  title?: string;
  csv: string;
  errors?: string;
  dryRun?: boolean;
  skipBadRows?: boolean;
}

/** Problems printed on stderr when no --errors file is given. */
const SHOWN = 20;
const REPORT_HEADER = ['row', 'column', 'value', 'reason', 'code'];

/** A CSV file's records, streamed; a missing file is the user's to fix. */
function fileRecords(path: string): AsyncGenerator<string[]> {
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch {
    throw new AppError('bad_request', `Cannot read ${path}: no such file (check --csv).`);
  }
  return csvRecords(createReadStream(path), path);
}

/** Where problems go: every one to the --errors file, or the first few to stderr. */
function problemSink(errorsPath: string | undefined) {
  let count = 0;
  let fd: number | null = null;
  if (errorsPath !== undefined) {
    try {
      fd = openSync(errorsPath, 'w');
      writeSync(fd, stringify([REPORT_HEADER]));
    } catch (e) {
      throw new AppError('bad_request', `Cannot write ${errorsPath}: ${(e as NodeJS.ErrnoException).code ?? String(e)} (check --errors).`);
    }
  }
  return {
    onProblem: (p: ImportProblem): void => {
      count++;
      if (fd !== null) writeSync(fd, stringify([[p.row, p.column, p.value, p.reason, p.code]]));
      else if (count <= SHOWN) console.error(`row ${p.row}${p.column === '' ? '' : `, ${p.column}`}: ${p.reason}`);
    },
    close: (): void => {
      if (fd !== null) closeSync(fd);
      else if (count > SHOWN) console.error(`... and ${(count - SHOWN).toLocaleString('en-GB')} more problems (write them all with --errors <file.csv>).`);
    },
  };
}

const n = (x: number): string => x.toLocaleString('en-GB');

/** The summary lines, and the refusal that makes the command exit 2. */
function report(o: ResponsesOptions, s: ImportSummary): void {
  if (s.headerRefused) {
    const where = o.errors === undefined ? '' : ` (listed in ${resolve(o.errors)})`;
    throw new AppError('bad_request', `Nothing imported: the header has ${n(s.problems)} problem${s.problems === 1 ? '' : 's'}${where}, so no row was read.`);
  }
  console.log(`Rows read: ${n(s.rowsRead)}; valid: ${n(s.validRows)}; refused: ${n(s.refusedRows)}; imported: ${n(s.imported)}.`);
  if (o.errors !== undefined && s.problems > 0) console.log(`Error report (${n(s.problems)} problems): ${resolve(o.errors)}`);
  if (s.outcome === 'imported' && s.wave) {
    console.log(`Imported into wave ${s.wave.id}: ${s.wave.title}, closed, fieldwork ${s.wave.opensOn} to ${s.wave.closesOn}.`);
    console.log(`Its report: brightspots report --wave ${s.wave.id} --format html --out report.html`);
    return;
  }
  if (s.outcome === 'valid') {
    console.log(`Dry run: nothing written. ${n(s.validRows)} rows would be imported${s.refusedRows > 0 ? ` (${n(s.refusedRows)} refused rows skipped)` : ''}.`);
    return;
  }
  const hint = s.validRows > 0 && s.refusedRows > 0 ? ` Fix the refused rows, or add --skip-bad-rows to import the ${n(s.validRows)} valid ones.` : '';
  throw new AppError('bad_request', `Nothing imported: ${s.validRows === 0 && s.problems === 0 ? 'no rows' : `${n(s.problems)} problems`}.${hint}`);
}

/** Registers `import responses` and `import template` on the program. */
export function registerImport(program: Command, env: NodeJS.ProcessEnv): void {
  const cmd = program
    .command('import')
    .description("import an LA's past wave from a CSV file of responses (see docs/import.md)")
    .addHelpText('after', examples(['brightspots import template --survey ylyc --out ylyc-template.csv', 'brightspots import responses --help']));

  cmd
    .command('responses')
    .description('check a CSV file of responses and import it as a new, closed wave (all rows, or nothing)')
    .requiredOption('--la <name or id>', 'the local authority')
    .addOption(new Option('--survey <survey>', 'ylyc (children in care) or ylbc (care leavers)').choices(['ylyc', 'ylbc']).makeOptionMandatory())
    .requiredOption('--opens <date>', 'first day of the past fieldwork, YYYY-MM-DD', parseDate)
    .requiredOption('--closes <date>', 'last day of the past fieldwork, YYYY-MM-DD (before today)', parseDate)
    .option('--eligible <counts>', 'eligible young people per instrument, e.g. ylyc-8-11=60,ylyc-11-17=120 (for response rates)', parseEligible)
    .option('--title <title>', 'title shown to staff (default "<LA> <survey name> <year>")')
    .requiredOption('--csv <file>', 'the CSV file: one row per response (see docs/import.md)')
    .option('--errors <file.csv>', 'write every problem to this CSV file (otherwise the first 20 go to stderr)')
    .option('--dry-run', 'check every row and write nothing')
    .option('--skip-bad-rows', 'import the valid rows even when some are refused')
    .addHelpText(
      'after',
      examples([
        'brightspots import responses --la "Northmere Borough Council" --survey ylyc --opens 2024-10-07 --closes 2024-12-13 \\\n      --eligible ylyc-4-7=80,ylyc-8-11=150,ylyc-11-17=330 --csv northmere-2024.csv --errors problems.csv --dry-run',
        'brightspots import responses --la "Afon Wen Council" --survey ylbc --opens 2024-09-02 --closes 2024-10-25 --csv afon-wen-ylbc-2024.csv',
      ]),
    )
    .action(async (o: ResponsesOptions) => {
      await withServices(env, async (s) => {
        const sink = problemSink(o.errors);
        let summary: ImportSummary;
        try {
          summary = await s.history.importResponses(
            { la: o.la, survey: o.survey, opensOn: o.opens, closesOn: o.closes, ...(o.eligible ? { eligible: o.eligible } : {}), ...(o.title === undefined ? {} : { title: o.title }) },
            fileRecords(resolve(o.csv)),
            { dryRun: o.dryRun === true, skipBadRows: o.skipBadRows === true, onProblem: sink.onProblem },
          );
        } finally {
          sink.close();
        }
        report(o, summary);
      });
    });

  cmd
    .command('template')
    .description('write the header row of a survey\'s import file, with one example row per instrument')
    .addOption(new Option('--survey <survey>', 'ylyc or ylbc').choices(['ylyc', 'ylbc']).makeOptionMandatory())
    .requiredOption('--out <file>', 'the CSV file to write')
    .addHelpText('after', examples(['brightspots import template --survey ylyc --out ylyc-template.csv']))
    .action((o: { survey: SurveyId; out: string }) => {
      const rows = templateRows(o.survey);
      const out = resolve(o.out);
      try {
        writeFileSync(out, stringify(rows));
      } catch (e) {
        throw new AppError('bad_request', `Cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? String(e)} (check --out).`);
      }
      console.log(`Wrote ${out}: the ${o.survey.toUpperCase()} header (${(rows[0]?.length ?? 0) - 2} question columns) and ${rows.length - 1} example rows, one per instrument.`);
      console.log('Replace the example rows with your responses; leave a cell blank for a question not answered.');
    });
}
