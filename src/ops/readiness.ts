/** Whether this instance may take traffic: the database answers and its schema is this version's. */
import { migrations } from '../db/migrations/index.ts';
import type { OpsRepository } from './ops.repository.ts';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Compares the migrations a database has applied with the ones this version knows (pure). */
export function migrationState(applied: readonly string[], known: readonly string[] = Object.keys(migrations)): Readiness {
  const have = new Set(applied);
  const missing = known.filter((name) => !have.has(name));
  if (missing.length > 0) return { ready: false, reason: `database migrations not applied: ${missing.join(', ')}` };
  const knownSet = new Set(known);
  const unknown = applied.filter((name) => !knownSet.has(name));
  if (unknown.length > 0) return { ready: false, reason: `the database is newer than this version (migrations ${unknown.join(', ')}): upgrade the platform` };
  return { ready: true };
}

/** Asks the database, with one cheap query, then checks its migrations; never throws. */
export async function checkReadiness(repo: OpsRepository): Promise<Readiness> {
  try {
    await repo.ping();
  } catch {
    return { ready: false, reason: 'database unreachable' };
  }
  let applied: string[];
  try {
    applied = await repo.appliedMigrations();
  } catch {
    return { ready: false, reason: 'database migrations not applied: the migrations table is missing' };
  }
  return migrationState(applied);
}
