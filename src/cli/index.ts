/**
 * The `brightspots` command. Run it as `node src/cli/index.ts <command>`, `npm run cli -- <command>`
 * or `npx brightspots <command>`. Each command group lives in its own file and is registered here.
 */
import { Command, CommanderError } from 'commander';
import { registerDemo } from './demo.ts';
import { describeError, type ExitCode } from './errors.ts';
import { examples } from './context.ts';
import { registerLa } from './la.ts';
import { registerImport } from './import.ts';
import { registerText } from './text.ts';
import { registerReport } from './report.ts';
import { registerNational } from './national.ts';
import { registerPaper } from './paper.ts';
import { registerReportAll } from './report-all.ts';
import { registerServe } from './serve.ts';
import { registerWave } from './wave.ts';
import { registerBackup } from './backup.ts';
import { registerI18n } from './i18n.ts';

/** Builds the command tree; `env` is the environment the commands read their configuration from. */
export function buildProgram(env: NodeJS.ProcessEnv): Command {
  const program = new Command('brightspots')
    .description('Bright Spots: well-being surveys of children in care and care leavers')
    // Settings made before the sub-commands are created are inherited by all of them.
    .exitOverride()
    .showHelpAfterError('(add --help for usage and examples)')
    .addHelpText(
      'after',
      examples([
        'brightspots demo',
        'brightspots la add --name "Northmere Borough Council" --nation england --ons-code E06000991',
        'brightspots wave open --la "Northmere Borough Council" --survey ylyc --opens 2026-03-02 --closes 2026-04-30 \\\n      --eligible ylyc-4-7=40,ylyc-8-11=60,ylyc-11-17=120',
        'brightspots wave list',
        'brightspots report --wave 7KQ9WXDA --format html --out report.html',
        'brightspots <command> --help',
      ]),
    );
  registerServe(program, env);
  registerDemo(program, env);
  registerLa(program, env);
  registerWave(program, env);
  registerReport(program, env);
  registerNational(program, env);
  registerReportAll(program, env);
  registerImport(program, env);
  registerPaper(program, env);
  registerText(program);
  registerBackup(program, env);
  registerI18n(program);
  return program;
}

/** Runs the command line and returns the exit code: 0 done, 2 input to fix, 1 unexpected failure. */
export async function run(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Promise<ExitCode> {
  try {
    await buildProgram(env).parseAsync([...argv]);
    return 0;
  } catch (e) {
    // Commander has already printed its own message (or the help) to the terminal.
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    const { code, lines } = describeError(e);
    for (const line of lines) console.error(`error: ${line}`);
    return code;
  }
}

if (import.meta.main) process.exitCode = await run();
