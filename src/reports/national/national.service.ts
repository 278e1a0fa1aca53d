/**
 * National report use cases: only programme roles with `report.national` (others are answered as if
 * the page did not exist), each authority's latest wave in the period streamed into the tallies, and
 * every view or download audited as report.national_viewed.
 */
import type { Db } from '../../db/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { hasCapability, type Actor, type AuditLog } from '../../programme/index.ts';
import { createNationalCounts, addResponse, summariseNational, type NationalFindings } from './national.ts';
import type { NationalChoice } from './national-form.ts';
import { nationalRepository } from './national.repository.ts';

export interface NationalDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
}

export type NationalFormat = 'page' | 'html' | 'json';

/** The national report as pages and files print it. */
export interface NationalReport {
  readonly findings: NationalFindings;
  readonly generatedAt: string;
}

export function nationalService(deps: NationalDeps) {
  const repo = nationalRepository(deps.db);

  async function build(choice: NationalChoice): Promise<NationalReport> {
    const waves = await repo.waves(choice.survey, choice.period);
    const counts = createNationalCounts(choice.survey, waves.length);
    // One wave at a time: each wave's rows are counted and dropped before the next is read.
    for (const [i, w] of waves.entries()) await repo.eachResponse(w.waveId, (r) => addResponse(counts, i, r));
    return { findings: summariseNational(counts, waves, choice.period), generatedAt: deps.clock.now().toISOString() };
  }

  return {
    /** Throws not_found unless the actor may see the national report. */
    authorise(actor: Actor): void {
      if (!hasCapability(actor, 'report.national')) throw new AppError('not_found');
    },

    /** Today in UTC, for the default period. */
    today(): string {
      return deps.clock.now().toISOString().slice(0, 10);
    },

    /** The national report for a member of programme staff; audited with the choice and the format. */
    async nationalReport(actor: Actor, choice: NationalChoice, format: NationalFormat): Promise<NationalReport> {
      if (!hasCapability(actor, 'report.national')) throw new AppError('not_found');
      const report = await build(choice);
      await deps.audit.record(actor, 'report.national_viewed', null, choice.survey, { ...choice.period, format, authorities: report.findings.authorities.length });
      return report;
    },

    /** The national report for the command line (an operator with the database itself); audited without an actor. */
    async operatorReport(choice: NationalChoice, format: Exclude<NationalFormat, 'page'>): Promise<NationalReport> {
      const report = await build(choice);
      await deps.audit.record(null, 'report.national_viewed', null, choice.survey, { ...choice.period, format, via: 'cli', authorities: report.findings.authorities.length });
      return report;
    },
  };
}

export type NationalService = ReturnType<typeof nationalService>;
