/**
 * `brightspots text screen`: screens free text in bulk. Reads JSON lines `{"id": ..., "text": ...}` on
 * standard input and writes one JSON line per input with the safeguarding flag, the categories and the
 * redacted text. Needs no database; streams line by line, so a large file never sits in memory.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../lib/errors.ts';
import { redact } from '../privacy/index.ts';
import { screen } from '../safeguarding/index.ts';
import { examples } from './context.ts';

const inputSchema = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/** One output line for one input line: the result, or an error naming the id (or the line number when no id can be read). */
export function screenLine(line: string, lineNumber: number): { out: Record<string, unknown>; ok: boolean } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { out: { line: lineNumber, error: 'not valid JSON' }, ok: false };
  }
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof raw === 'object' && raw !== null && 'id' in raw && (typeof raw.id === 'string' || typeof raw.id === 'number') ? raw.id : undefined;
    const problem = parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
    return { out: id === undefined ? { line: lineNumber, error: problem } : { id, line: lineNumber, error: problem }, ok: false };
  }
  const { id, text } = parsed.data;
  const result = screen(text);
  return { out: { id, flag: result.flag, categories: result.categories, redacted: redact(text).text }, ok: true };
}

/** Screens every line of `input` to `output`; returns how many lines were read and how many were malformed. */
export async function screenStream(input: Readable, output: Writable): Promise<{ lines: number; malformed: number }> {
  let lines = 0;
  let malformed = 0;
  const reader = createInterface({ input, crlfDelay: Infinity });
  for await (const line of reader) {
    lines++;
    if (line.trim() === '') continue;
    const { out, ok } = screenLine(line, lines);
    if (!ok) malformed++;
    // Respect back-pressure so a slow reader of our output does not make us buffer the whole file.
    if (!output.write(`${JSON.stringify(out)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
  return { lines, malformed };
}

/** Registers `text` on the program. */
export function registerText(program: Command): void {
  const text = program.command('text').description('free text: safeguarding screening and redaction of identifying details');
  text
    .command('screen')
    .description('screen JSON lines {"id", "text"} from standard input; writes {"id", "flag", "categories", "redacted"} per line')
    .addHelpText(
      'after',
      examples([
        'brightspots text screen < comments.jsonl > screened.jsonl',
        `echo '{"id": 1, "text": "i dont want to be here anymore"}' | brightspots text screen`,
      ]),
    )
    .action(async () => {
      const { malformed } = await screenStream(process.stdin, process.stdout);
      if (malformed > 0) throw new AppError('bad_request', `${malformed} line(s) could not be read; each has an error line in the output. The other lines were screened.`);
    });
}
