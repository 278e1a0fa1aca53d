/** How the CLI reports problems: input a user can fix exits 2 with one line per problem, anything else exits 1. */
import { ZodError } from 'zod';
import { ConfigError } from '../config.ts';
import { isAppError } from '../lib/errors.ts';

/** Exit codes: 2 for input the user can fix, 1 for anything unexpected. */
export type ExitCode = 0 | 1 | 2;

/** Domain field names as the options a user typed, so a Zod issue names the flag to fix. */
const FLAGS: Record<string, string> = {
  name: '--name',
  nation: '--nation',
  onsCode: '--ons-code',
  laId: '--la',
  survey: '--survey',
  title: '--title',
  eligible: '--eligible',
  languages: '--languages',
  targetRate: '--target',
  opensOn: '--opens',
  closesOn: '--closes',
  status: 'status',
};

/** Names the option behind a Zod issue's path, e.g. ['eligible', 'ylyc-4-7'] -> "--eligible ylyc-4-7". */
function flagFor(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  if (head === undefined) return 'input';
  return [FLAGS[head] ?? head, ...rest].join(' ');
}

/** Turns any thrown value into the lines to print on stderr and the exit code, never a stack trace. */
export function describeError(e: unknown): { code: ExitCode; lines: string[] } {
  if (e instanceof ZodError) {
    return { code: 2, lines: e.issues.map((i) => `${flagFor(i.path)}: ${i.message}`) };
  }
  if (isAppError(e)) return { code: 2, lines: [e.message] };
  if (e instanceof ConfigError) return { code: 2, lines: e.problems.map((p) => `configuration ${p}`) };
  if (e instanceof Error && (e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return { code: 2, lines: [`${e.message}: another program uses this port; set PORT to another port, or 0 for any free one.`] };
  }
  const message = e instanceof Error ? e.message : String(e);
  const cause = e instanceof Error && e.cause instanceof Error ? ` (${e.cause.message})` : '';
  return { code: 1, lines: [`unexpected failure: ${message}${cause}`] };
}
