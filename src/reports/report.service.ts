/**
 * Report use cases: authorise, load the wave's responses, the national comparator and the previous
 * wave, compute the findings, and audit every view and download (a report reads young people's data).
 * What LAs read are published versions: immutable snapshots, numbered per wave; the live computation
 * is the draft, seen only by those who may publish it.
 */
import type { Db } from '../db/index.ts';
import { computeFindings, DEFAULT_OPTIONS, type InstrumentId, type SurveyId } from '../findings/index.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { mayActIn, type Actor, type AuditLog, type ProgrammeService, type Wave } from '../programme/index.ts';
import { newRunCache, reportRepository, type AnalysedResponse, type ReportRepository } from './report.repository.ts';
import { AGE_GROUP } from './report-words.ts';
import type { Report } from './report.ts';
import { approvedQuotes } from '../comments/index.ts';
import { reportQuotes, type ReportQuotes } from './quotes.ts';
import { versionsRepository } from './versions.repository.ts';
import { analysedIds, checkPublish, type AnalysedIds, type PublishCheck, type ReportChoice, type VersionSummary } from './versions.ts';

export type ReportFormat = 'html' | 'json' | 'pdf' | 'youth-html' | 'youth-pdf' | 'pptx';

export interface ReportDeps {
  db: Db;
  clock: Clock;
  programme: ProgrammeService;
  audit: AuditLog;
  /** How far back other LAs' waves may have closed to join the comparator (default 24 months). */
  comparatorMonths?: number;
  /** Responses that must separate two published versions (default the findings' minVersionDifference, 10). */
  minVersionDifference?: number;
}

/** The staff page's content: the report chosen (or null before publication), the versions, and for publishers the check on the draft. */
export interface ReportPage {
  readonly wave: Wave;
  readonly report: Report | null;
  readonly versions: readonly VersionSummary[];
  /** Whether the reader may see the draft and publish it. */
  readonly mayPublish: boolean;
  /** When the draft is shown to a publisher: whether it may become the next version, and if not why. */
  readonly check: PublishCheck | null;
  /** Responses that must separate two published versions. */
  readonly minDifference: number;
}

export type PublishOutcome = { readonly ok: true; readonly version: VersionSummary } | { readonly ok: false; readonly problem: 'note_required' | 'too_close'; readonly message: string };

/** Reports exist only once fieldwork is over: an open wave's figures would change under the reader. */
const isFinished = (w: Wave): boolean => w.status === 'closed' || w.status === 'reported';
const groupName = (id: string): string => AGE_GROUP[id as InstrumentId] ?? id;
const NOTE_MAX = 500;

export function reportService(deps: ReportDeps) {
  const repo = reportRepository(deps.db);
  const versions = versionsRepository(deps.db);
  const months = deps.comparatorMonths ?? 24;
  const minDifference = deps.minVersionDifference ?? DEFAULT_OPTIONS.minVersionDifference;

  /** The approved, redacted comments of the analysed responses; not even looked up below the threshold. */
  async function quotesOf(waveId: string, analysed: readonly AnalysedResponse[], minResponses: number): Promise<ReportQuotes> {
    const approved = analysed.length < minResponses ? [] : await approvedQuotes(deps.db, waveId, new Set(analysed.map((r) => r.id)));
    return reportQuotes(analysed.length, minResponses, approved);
  }

  /** The live report (the draft) and the ids of the responses it analysed. */
  async function build(wave: Wave, r: ReportRepository = repo): Promise<{ report: Report; ids: AnalysedIds }> {
    if (!isFinished(wave)) throw new AppError('conflict', 'The report is ready once the wave has closed: close the wave first.');
    const la = await deps.programme.findLa(wave.laId);
    if (!la || la.id !== wave.laId) throw new AppError('not_found');
    const generatedAt = deps.clock.now().toISOString();
    const [responses, excluded, comparator, previous, other] = await Promise.all([
      r.waveResponses(wave.id),
      r.excluded(wave.id),
      r.comparator({ laId: wave.laId, survey: wave.survey, asOf: generatedAt, months }),
      r.previousWave(wave),
      r.otherSurveyWave(wave, months),
    ]);
    const findings = computeFindings({
      survey: wave.survey,
      la: responses,
      comparator,
      ...(previous === undefined ? {} : { previous: previous.responses }),
      ...(other === undefined ? {} : { otherSurvey: other.responses }),
    });
    const report: Report = {
      wave,
      la,
      findings,
      generatedAt,
      comparatorMonths: months,
      ...(previous === undefined ? {} : { previousWave: { id: previous.waveId, title: previous.title } }),
      ...(other === undefined ? {} : { otherSurveyWave: { id: other.waveId, title: other.title } }),
      excludedResponses: excluded.size,
      version: null,
      quotes: await quotesOf(wave.id, responses, findings.options.minQuoteResponses),
    };
    return { report, ids: analysedIds(responses) };
  }

  /** The wave, if the actor may see it: another LA's wave is answered as if it did not exist. */
  async function visibleWave(actor: Actor, waveId: string): Promise<Wave> {
    const wave = await deps.programme.findWave(waveId);
    if (!wave || !mayActIn(actor, 'wave.view', wave.laId)) throw new AppError('not_found');
    return wave;
  }

  /** Programme staff who publish see the draft; the operator at the command line too (actor null). */
  const mayPublish = (actor: Actor | null, wave: Wave): boolean => actor === null || mayActIn(actor, 'report.publish', wave.laId);

  /**
   * The report a reader asked for (with the analysed ids when it is the draft), or a null report when
   * nothing is published and the draft is not theirs to see.
   */
  async function choose(actor: Actor | null, wave: Wave, choice: ReportChoice): Promise<{ report: Report | null; ids: AnalysedIds | null }> {
    if (!isFinished(wave)) throw new AppError('conflict', 'The report is ready once the wave has closed: close the wave first.');
    if (typeof choice === 'number') {
      const v = await versions.find(wave.id, choice);
      if (v === undefined) throw new AppError('not_found', `There is no version ${choice} of this report.`);
      return { report: { ...v.report, version: { number: v.number, publishedAt: v.publishedAt } }, ids: null };
    }
    if (choice === 'latest') {
      const [latest] = await versions.list(wave.id);
      if (latest !== undefined) return choose(actor, wave, latest.number);
    }
    if (!mayPublish(actor, wave)) {
      if (choice === 'draft') throw new AppError('not_found');
      return { report: null, ids: null };
    }
    return build(wave);
  }

  /** The chosen report, refusing when nothing is published for this reader. */
  async function required(actor: Actor | null, wave: Wave, choice: ReportChoice): Promise<Report> {
    const { report } = await choose(actor, wave, choice);
    if (report === null) throw new AppError('not_found', 'The report has not been published yet.');
    return report;
  }

  const versionDetail = (r: Report): number | 'draft' => r.version?.number ?? 'draft';

  async function publishAs(actor: Actor | null, wave: Wave, noteInput: string): Promise<PublishOutcome> {
    const note = noteInput.trim().slice(0, NOTE_MAX);
    if (note === '') return { ok: false, problem: 'note_required', message: 'Give the reason for publishing this version, for example "first publication" or "late paper returns".' };
    const { report, ids } = await build(wave);
    const check = checkPublish(await versions.analysed(wave.id), ids, minDifference, groupName);
    if (!check.ok) return { ok: false, problem: 'too_close', message: check.message };
    const publishedAt = deps.clock.now().toISOString();
    const version = { number: check.nextNumber, publishedAt };
    const snapshot: Report = { ...report, wave: { ...report.wave, status: 'reported' }, version };
    try {
      await versions.insert({ waveId: wave.id, number: version.number, publishedAt, publishedBy: actor?.accountId ?? null, ids, report: snapshot, note });
    } catch (e) {
      // Two publishers at once: the unique (wave, number) constraint let only one of them through.
      if ((await versions.list(wave.id)).some((v) => v.number === version.number)) throw new AppError('conflict', `Version ${version.number} was published by someone else a moment ago: look at it before publishing again.`);
      throw e;
    }
    const responses = Object.values(ids).reduce((a, l) => a + l.length, 0);
    await deps.audit.record(actor, 'report.published', wave.laId, wave.id, { version: version.number, responses, note, ...(actor === null ? { via: 'cli' } : {}) });
    return { ok: true, version: { ...version, responses, note } };
  }

  return {
    /** The staff page: the chosen report (the latest published by default), the list of versions, and the draft's check for publishers; audited as report.viewed. */
    async reportPage(actor: Actor, waveId: string, choice: ReportChoice = 'latest'): Promise<ReportPage> {
      const wave = await visibleWave(actor, waveId);
      const { report, ids } = await choose(actor, wave, choice);
      const list = await versions.list(wave.id);
      const publisher = mayPublish(actor, wave);
      const check = publisher && ids !== null ? checkPublish(await versions.analysed(wave.id), ids, minDifference, groupName) : null;
      if (report !== null) await deps.audit.record(actor, 'report.viewed', wave.laId, wave.id, { version: versionDetail(report) });
      return { wave, report, versions: list, mayPublish: publisher, check, minDifference };
    },

    /** The chosen report as data (the latest published by default; the draft for publishers before the first); audited as report.viewed. */
    async buildReport(actor: Actor, waveId: string, choice: ReportChoice = 'latest'): Promise<Report> {
      const wave = await visibleWave(actor, waveId);
      const report = await required(actor, wave, choice);
      await deps.audit.record(actor, 'report.viewed', wave.laId, wave.id, { version: versionDetail(report) });
      return report;
    },

    /** The report for a download (any format): the chosen version; audited as report.downloaded with the format and version. */
    async downloadReport(actor: Actor, waveId: string, format: ReportFormat, choice: ReportChoice = 'latest'): Promise<Report> {
      const wave = await visibleWave(actor, waveId);
      const report = await required(actor, wave, choice);
      await deps.audit.record(actor, 'report.downloaded', wave.laId, wave.id, { format, version: versionDetail(report) });
      return report;
    },

    /**
     * The report for the command line, run by an operator with access to the database itself (no
     * staff account): the latest published version by default, else the draft; audited as
     * report.downloaded without an actor.
     */
    async operatorReport(waveId: string, format: ReportFormat, choice: ReportChoice = 'latest'): Promise<Report> {
      const wave = await deps.programme.findWave(waveId);
      if (!wave) throw new AppError('wave_not_found', `No wave with the id "${waveId}" (see: brightspots wave list).`);
      const report = await required(null, wave, choice);
      await deps.audit.record(null, 'report.downloaded', wave.laId, wave.id, { format, version: versionDetail(report), via: 'cli' });
      return report;
    },

    /** Publishes the draft as the next version, if it differs enough from every earlier one; the first makes the wave reported. Audited as report.published. */
    async publish(actor: Actor, waveId: string, note: string): Promise<PublishOutcome> {
      const wave = await visibleWave(actor, waveId);
      if (!mayPublish(actor, wave)) throw new AppError('forbidden', 'Only programme administrators and researchers publish reports.');
      return publishAs(actor, wave, note);
    },

    /** Publishes from the command line (an operator, no staff account); audited without an actor. */
    async operatorPublish(waveId: string, note: string): Promise<PublishOutcome> {
      const wave = await deps.programme.findWave(waveId);
      if (!wave) throw new AppError('wave_not_found', `No wave with the id "${waveId}" (see: brightspots wave list).`);
      return publishAs(null, wave, note);
    },

    /**
     * The drafts of every finished wave (optionally of one survey), for an operator producing a whole
     * round of reports to review before publishing. Each wave's responses are read once for the run,
     * however many reports compare with them. Audited per wave as report.downloaded without an actor.
     */
    async *operatorDrafts(filter: { survey?: SurveyId; format: ReportFormat }): AsyncGenerator<Report> {
      const run = reportRepository(deps.db, newRunCache());
      const listed = (await deps.programme.listWaves()).filter((w) => isFinished(w) && (filter.survey === undefined || w.survey === filter.survey));
      for (const { id } of listed) {
        const wave = await deps.programme.findWave(id);
        if (wave === undefined) continue;
        const { report } = await build(wave, run);
        await deps.audit.record(null, 'report.downloaded', wave.laId, wave.id, { format: filter.format, version: 'draft', via: 'cli' });
        yield report;
      }
    },

    /** The published versions of a wave the actor may see, newest first. */
    async listVersions(actor: Actor, waveId: string): Promise<VersionSummary[]> {
      return versions.list((await visibleWave(actor, waveId)).id);
    },
  };
}

export type ReportService = ReturnType<typeof reportService>;
