/**
 * Importing an LA's past wave from rows of cells (a CSV file streamed by the command line, or rows made
 * in memory by the demo). Every row is checked; the wave is created closed and every valid row stored in
 * one transaction, or nothing is stored when any row is refused (unless bad rows may be skipped).
 */
import type { Db } from '../../db/index.ts';
import type { SurveyId } from '../../instruments/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { newWaveInput, programmeRepository, programmeService, type AuditLog, type ProgrammeService, type Wave } from '../../programme/index.ts';
import { checkHeader, readRow, type ImportProblem, type ImportRow } from './history.ts';
import { BATCH_SIZE, historyRepository } from './history.repository.ts';

/** The past wave the rows belong to. */
export interface ImportSpec {
  /** The local authority's name or id. */
  readonly la: string;
  readonly survey: SurveyId;
  readonly opensOn: string;
  readonly closesOn: string;
  /** Eligible young people per instrument, when known (the report then shows response rates). */
  readonly eligible?: Readonly<Record<string, number>>;
  readonly title?: string;
}

export interface ImportOptions {
  /** Check every row and store nothing. */
  readonly dryRun?: boolean;
  /** Store the valid rows even when some are refused. */
  readonly skipBadRows?: boolean;
  /** Receives each problem as it is found, so a huge file's error report need not sit in memory. */
  readonly onProblem?: (p: ImportProblem) => void;
}

/** What happened: `imported`, `valid` (a dry run that would import) or `refused` (nothing stored). */
export interface ImportSummary {
  readonly outcome: 'imported' | 'valid' | 'refused';
  /** Data rows read (the header aside). */
  readonly rowsRead: number;
  readonly validRows: number;
  readonly refusedRows: number;
  readonly imported: number;
  readonly problems: number;
  /** The header was refused (an identifying, free-text or unknown column): no row was read. */
  readonly headerRefused: boolean;
  /** The closed wave created; null unless imported. */
  readonly wave: Wave | null;
}

/** The rows of a file, header first: a CSV parser's records or an array made in memory. */
export type ImportRecords = Iterable<readonly string[]> | AsyncIterable<readonly string[]>;

type Counts = Omit<ImportSummary, 'outcome' | 'wave' | 'headerRefused'> & { readonly headerOk: boolean };

/** Thrown inside the transaction to roll it back when the file is refused; never leaves this module. */
class Refused extends Error {
  readonly counts: Counts;
  constructor(counts: Counts) {
    super('import refused');
    this.counts = counts;
  }
}

function iterate(source: ImportRecords): AsyncIterator<readonly string[]> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  const sync = source[Symbol.iterator]();
  return { next: async () => sync.next() };
}

/** Reads the header then every row, handing valid rows to `store` in batches while none is refused. */
async function readAll(records: ImportRecords, survey: SurveyId, opts: ImportOptions, store: ((rows: ImportRow[]) => Promise<void>) | null): Promise<Counts> {
  const it = iterate(records);
  let problems = 0;
  const report = (list: readonly ImportProblem[]): void => {
    problems += list.length;
    for (const p of list) opts.onProblem?.(p);
  };
  try {
    const first = await it.next();
    const header = checkHeader(first.done === true ? [] : first.value, survey);
    if (!header.ok) {
      report(header.problems);
      return { headerOk: false, rowsRead: 0, validRows: 0, refusedRows: 0, imported: 0, problems };
    }
    let rowsRead = 0;
    let validRows = 0;
    let refusedRows = 0;
    let imported = 0;
    let pending: ImportRow[] = [];
    const flush = async (): Promise<void> => {
      // Once a row is refused without --skip-bad-rows nothing will be kept: stop writing, keep checking.
      if (store !== null && (refusedRows === 0 || opts.skipBadRows === true)) {
        await store(pending);
        imported += pending.length;
      }
      pending = [];
    };
    for (let next = await it.next(); next.done !== true; next = await it.next()) {
      rowsRead++;
      const r = readRow(header.value, next.value, rowsRead + 1);
      if (!r.ok) {
        refusedRows++;
        report(r.problems);
        continue;
      }
      validRows++;
      pending.push(r.value);
      if (pending.length >= BATCH_SIZE) await flush();
    }
    await flush();
    if (rowsRead === 0) report([{ row: 2, column: '', value: '', code: 'no_rows', reason: 'The file has a header but no responses.' }]);
    return { headerOk: true, rowsRead, validRows, refusedRows, imported, problems };
  } finally {
    // Stops a file stream left part-read (a refused header) from holding the file open.
    await it.return?.();
  }
}

const summaryOf = ({ headerOk, ...counts }: Counts): Omit<ImportSummary, 'outcome' | 'wave'> => ({ ...counts, headerRefused: !headerOk });

function outcomeOf(c: Counts, opts: ImportOptions): ImportSummary['outcome'] {
  if (!c.headerOk || c.validRows === 0 || (c.refusedRows > 0 && opts.skipBadRows !== true)) return 'refused';
  return opts.dryRun === true ? 'valid' : 'imported';
}

export interface HistoryDeps {
  db: Db;
  clock: Clock;
  programme: ProgrammeService;
  audit: AuditLog;
}

/** Builds the import use case over a database. */
export function historyService(deps: HistoryDeps) {
  return {
    /**
     * Checks every row against the question bank and, unless a dry run, creates the closed wave and
     * stores the valid rows in one transaction. Refusals of the rows are counted and handed to
     * `onProblem`; a wrong LA, survey or date is an AppError (or a ZodError naming the option).
     */
    async importResponses(spec: ImportSpec, records: ImportRecords, opts: ImportOptions = {}): Promise<ImportSummary> {
      const la = await deps.programme.findLa(spec.la.trim());
      if (!la) throw new AppError('not_found', `No local authority with the name or id "${spec.la}" (see: brightspots la list).`);
      const waveInput = newWaveInput.parse({
        laId: la.id,
        survey: spec.survey,
        opensOn: spec.opensOn,
        closesOn: spec.closesOn,
        eligible: spec.eligible ?? {},
        status: 'open',
        ...(spec.title === undefined ? {} : { title: spec.title }),
      });
      if (waveInput.closesOn >= deps.programme.today()) {
        throw new AppError('bad_request', `--closes: an imported wave must have closed before today (${deps.programme.today()}); open a wave for fieldwork still to come.`);
      }
      // Imports carry no timing: every response is dated to the close, at noon, and so is the wave's closing.
      const closedAt = `${waveInput.closesOn}T12:00:00.000Z`;
      if (opts.dryRun === true) {
        const counts = await readAll(records, waveInput.survey, opts, null);
        return { ...summaryOf(counts), outcome: outcomeOf(counts, opts), wave: null };
      }
      let summary: ImportSummary;
      try {
        summary = await deps.db.transaction().execute(async (trx) => {
          const repo = programmeRepository(trx);
          const opened = await programmeService(repo, deps.clock).openWave(waveInput);
          await repo.setWaveStatus(opened.id, 'closed', closedAt);
          const store = (rows: ImportRow[]) => historyRepository(trx).insertResponses(opened.id, closedAt, rows);
          const counts = await readAll(records, waveInput.survey, opts, store);
          const outcome = outcomeOf(counts, opts);
          if (outcome === 'refused') throw new Refused(counts);
          return { ...summaryOf(counts), outcome, wave: { ...opened, status: 'closed' as const, closedAt } };
        });
      } catch (e) {
        if (!(e instanceof Refused)) throw e;
        return { ...summaryOf(e.counts), imported: 0, outcome: 'refused', wave: null };
      }
      const { wave } = summary;
      if (wave !== null) await deps.audit.record(null, 'responses.imported', la.id, wave.id, { survey: wave.survey, responses: summary.imported, refusedRows: summary.refusedRows });
      return summary;
    },
  };
}

export type HistoryService = ReturnType<typeof historyService>;
