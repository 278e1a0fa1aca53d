/**
 * Report use cases: authorise, load the wave's responses, the national comparator and the previous
 * wave, compute the findings, and audit every view and download (a report reads young people's data).
 */
import type { Db } from '../db/index.ts';
import { computeFindings } from '../findings/index.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { mayActIn, type Actor, type AuditLog, type ProgrammeService, type Wave } from '../programme/index.ts';
import { reportRepository } from './report.repository.ts';
import type { Report } from './report.ts';

export type ReportFormat = 'html' | 'json';

export interface ReportDeps {
  db: Db;
  clock: Clock;
  programme: ProgrammeService;
  audit: AuditLog;
  /** How far back other LAs' waves may have closed to join the comparator (default 24 months). */
  comparatorMonths?: number;
}

/** Reports exist only once fieldwork is over: an open wave's figures would change under the reader. */
const isFinished = (w: Wave): boolean => w.status === 'closed' || w.status === 'reported';

export function reportService(deps: ReportDeps) {
  const repo = reportRepository(deps.db);
  const months = deps.comparatorMonths ?? 24;

  async function build(wave: Wave): Promise<Report> {
    if (!isFinished(wave)) throw new AppError('conflict', 'The report is ready once the wave has closed: close the wave first.');
    const la = await deps.programme.findLa(wave.laId);
    if (!la || la.id !== wave.laId) throw new AppError('not_found');
    const generatedAt = deps.clock.now().toISOString();
    const [responses, excluded, comparator, previous] = await Promise.all([
      repo.waveResponses(wave.id),
      repo.excluded(wave.id),
      repo.comparator({ laId: wave.laId, survey: wave.survey, asOf: generatedAt, months }),
      repo.previousWave(wave),
    ]);
    const findings = computeFindings({ survey: wave.survey, la: responses, comparator, ...(previous === undefined ? {} : { previous: previous.responses }) });
    return {
      wave,
      la,
      findings,
      generatedAt,
      comparatorMonths: months,
      ...(previous === undefined ? {} : { previousWave: { id: previous.waveId, title: previous.title } }),
      excludedResponses: excluded.size,
    };
  }

  /** The wave, if the actor may see it: another LA's wave is answered as if it did not exist. */
  async function visibleWave(actor: Actor, waveId: string): Promise<Wave> {
    const wave = await deps.programme.findWave(waveId);
    if (!wave || !mayActIn(actor, 'wave.view', wave.laId)) throw new AppError('not_found');
    return wave;
  }

  return {
    /** The report of a closed (or reported) wave for the staff page; audited as report.viewed. */
    async buildReport(actor: Actor, waveId: string): Promise<Report> {
      const report = await build(await visibleWave(actor, waveId));
      await deps.audit.record(actor, 'report.viewed', report.wave.laId, report.wave.id);
      return report;
    },

    /** The report for a download (HTML file or JSON); audited as report.downloaded with the format. */
    async downloadReport(actor: Actor, waveId: string, format: ReportFormat): Promise<Report> {
      const report = await build(await visibleWave(actor, waveId));
      await deps.audit.record(actor, 'report.downloaded', report.wave.laId, report.wave.id, { format });
      return report;
    },

    /**
     * The report for the command line, run by an operator with access to the database itself (no
     * staff account); audited as report.downloaded without an actor.
     */
    async operatorReport(waveId: string, format: ReportFormat): Promise<Report> {
      const wave = await deps.programme.findWave(waveId);
      if (!wave) throw new AppError('wave_not_found', `No wave with the id "${waveId}" (see: brightspots wave list).`);
      const report = await build(wave);
      await deps.audit.record(null, 'report.downloaded', wave.laId, wave.id, { format, via: 'cli' });
      return report;
    },
  };
}

export type ReportService = ReturnType<typeof reportService>;
