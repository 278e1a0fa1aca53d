/** The services a command works with, over the configured database, opened and closed around one command. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { AppError } from '../lib/errors.ts';
import { connect, migrate } from '../db/index.ts';
import { createServices, type Services } from '../services.ts';

/** Opens the database named by the environment, brings it up to date, runs `use` and always closes it. */
export async function withServices<T>(env: NodeJS.ProcessEnv, use: (services: Services) => Promise<T>): Promise<T> {
  const config = loadConfig(env);
  const conn = connect(config);
  try {
    await migrate(conn.db);
    return await use(createServices(conn.db, conn.dialect, config));
  } finally {
    await conn.close();
  }
}

/** The public survey link of a wave: what a trusted adult shares with young people. */
export const surveyLink = (publicUrl: string, linkCode: string): string => `${publicUrl}/s/${linkCode}`;

/** Resolves once the process is asked to stop (Ctrl+C or a service manager's SIGTERM). */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    // Listeners stay registered so a second Ctrl+C during cleanup does not kill the process half-way.
    const onSignal = (signal: NodeJS.Signals) => resolve(signal);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** The "Examples:" block appended to a command's --help. */
export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Writes a command's output file; a missing folder or a read-only place is the user's to fix (exit 2 with the reason). */
export function writeOutput(path: string, body: string | Uint8Array): string {
  const out = resolve(path);
  try {
    writeFileSync(out, body);
  } catch (e) {
    throw new AppError('bad_request', `Cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? String(e)} (check --out).`);
  }
  return out;
}
