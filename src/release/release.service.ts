/**
 * Data release use cases: an LA lead asks for an anonymised export of one of their LA's closed waves,
 * a programme administrator reads what disclosure control would do and approves (freezing exactly
 * that file) or refuses, with a reason; the lead downloads it for a limited time. All audited.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { getInstrument, type Instrument } from '../instruments/index.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { hasCapability, laScope, mayActIn, type Actor, type AuditLog, type ProgrammeService, type Wave } from '../programme/index.ts';
import { excludedResponseIds } from '../reports/cleaning/index.ts';
import { anonymise, describeReport, MIN_K, type ApprovedText } from './anonymise.ts';
import { codebook, type Lookup } from './codebook.ts';
import { releaseFile, type ReleaseFile, type ReleaseFormat, type ReleaseSnapshot } from './release-files.ts';
import { releaseRepository, type ReleaseRequest } from './release.repository.ts';

/** A wave's approved, redacted free text by response id: supplied by the comments review. */
export type ApprovedTextSource = (waveId: string) => Promise<Map<string, ApprovedText[]>>;

export interface ReleaseDeps {
  db: Db;
  clock: Clock;
  programme: ProgrammeService;
  audit: AuditLog;
  /** The default k (never below MIN_K) and how long an approved release may be downloaded. */
  defaultK: number;
  downloadDays: number;
  /** English wording of questions and answers, for the codebook. */
  t: Lookup;
  approvedText: ApprovedTextSource;
}

export interface ReleaseListItem extends ReleaseRequest {
  waveTitle: string;
  laName: string;
  downloadable: boolean;
}

export interface Preview {
  k: number;
  reportLines: string[];
  released: number;
  responses: number;
  /** Changes whenever the file would change: the approval must carry the one the approver read. */
  fingerprint: string;
}

export interface ReleaseView {
  request: ReleaseListItem;
  canDecide: boolean;
  canDownload: boolean;
  /** For an approver of a request still waiting: what disclosure control would release at k. */
  preview: Preview | null;
  /** The report frozen at approval, for everyone who may see the request. */
  approvedReport: string[] | null;
}

export type FieldError = { field: string; text: string };
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const fail = <T>(field: string, text: string): Outcome<T> => ({ ok: false, errors: [{ field, text }] });

/** A k from a form: a whole number from MIN_K to 50. */
export function parseK(input: unknown, fallback: number): number | null {
  if (input === undefined || input === '') return fallback;
  if (typeof input !== 'string' || !/^\d{1,3}$/.test(input.trim())) return null;
  const k = Number(input.trim());
  return k >= MIN_K && k <= 50 ? k : null;
}

const K_ERROR = `Enter k as a whole number from ${MIN_K} to 50: below ${MIN_K}, groups are small enough to identify young people`;

export function releaseService(deps: ReleaseDeps) {
  const repo = releaseRepository(deps.db);
  if (deps.defaultK < MIN_K) throw new Error(`The release k must be at least ${MIN_K}`);

  const mayDecide = (actor: Actor, laId: string) => mayActIn(actor, 'release.approve', laId);
  const mayRequest = (actor: Actor, laId: string) => mayActIn(actor, 'release.request', laId);
  const now = () => deps.clock.now();

  async function releasableWave(actor: Actor, waveId: string): Promise<Wave> {
    const wave = await deps.programme.findWave(waveId);
    if (!wave || !mayRequest(actor, wave.laId)) throw new AppError('not_found');
    if (wave.status !== 'closed' && wave.status !== 'reported') throw new AppError('conflict', 'Anonymised data can be requested once the wave has closed.');
    return wave;
  }

  async function visible(actor: Actor, id: string): Promise<ReleaseListItem> {
    const request = await repo.find(id);
    if (!request || !(mayDecide(actor, request.laId) || mayRequest(actor, request.laId))) throw new AppError('not_found');
    return (await described([request]))[0]!;
  }

  async function described(requests: ReleaseRequest[]): Promise<ReleaseListItem[]> {
    const waves = new Map((await deps.programme.listWaves()).map((w) => [w.id, w]));
    const at = now().toISOString();
    return requests.map((r) => ({
      ...r,
      waveTitle: waves.get(r.waveId)?.title ?? '',
      laName: waves.get(r.waveId)?.laName ?? '',
      downloadable: r.status === 'approved' && r.hasFiles && r.expiresAt !== null && r.expiresAt > at,
    }));
  }

  /** Disclosure control over the wave's analysed responses at k, with everything a download holds. */
  async function build(wave: Wave, k: number): Promise<{ snapshot: ReleaseSnapshot; fingerprint: string }> {
    const instruments = wave.instruments.map((id) => getInstrument(id)).filter((i): i is Instrument => i !== undefined);
    const offered = new Set(instruments.map((i) => i.id));
    const responses = (await repo.responses(wave.id, await excludedResponseIds(deps.db, wave.id))).filter((r) => offered.has(r.instrumentId));
    const table = anonymise(instruments, responses, await deps.approvedText(wave.id), k);
    const snapshot: ReleaseSnapshot = {
      columns: table.columns,
      rows: table.rows.map((r) => r.cells),
      codebook: codebook(instruments, table.columns, table.report, deps.t),
      report: table.report,
      reportLines: describeReport(table.report),
    };
    const fingerprint = createHash('sha256').update(JSON.stringify([snapshot.columns, snapshot.rows, k])).digest('base64url').slice(0, 32);
    return { snapshot, fingerprint };
  }

  async function waveOf(request: ReleaseRequest): Promise<Wave> {
    const wave = await deps.programme.findWave(request.waveId);
    if (!wave) throw new AppError('not_found');
    return wave;
  }

  async function decidable(actor: Actor, id: string): Promise<ReleaseListItem> {
    const request = await visible(actor, id);
    if (!mayDecide(actor, request.laId)) throw new AppError('not_found');
    if (request.status !== 'requested') throw new AppError('conflict', 'This request has already been decided.');
    return request;
  }

  return {
    /** The request form's wave: one of the actor's LA's closed waves. */
    async requestForm(actor: Actor, waveId: string): Promise<{ wave: Wave }> {
      return { wave: await releasableWave(actor, waveId) };
    },

    /** Records a request with its purpose; audited. */
    async request(actor: Actor, waveId: string, purposeInput: string): Promise<Outcome<string>> {
      const wave = await releasableWave(actor, waveId);
      const purpose = purposeInput.trim();
      if (purpose.length < 10) return fail('purpose', 'Say what the data will be used for, in at least a sentence');
      if (purpose.length > 1000) return fail('purpose', 'Keep the purpose to 1,000 characters or fewer');
      const id = newId();
      await repo.insert({ id, laId: wave.laId, waveId: wave.id, purpose, requestedBy: actor.accountId, requestedByEmail: actor.email, requestedAt: now().toISOString() });
      await deps.audit.record(actor, 'release.requested', wave.laId, id, { wave: wave.id });
      return { ok: true, value: id };
    },

    /** The requests the actor may see: every LA for approvers, their own LA's for leads. */
    async list(actor: Actor): Promise<{ requests: ReleaseListItem[]; mayApprove: boolean }> {
      const approve = laScope(actor, 'release.approve');
      const request = laScope(actor, 'release.request');
      if (approve !== 'all' && approve.length === 0 && request !== 'all' && request.length === 0) throw new AppError('forbidden');
      const scope = approve === 'all' || request === 'all' ? 'all' : [...new Set([...approve, ...request])];
      const requests = await described(await repo.list(scope));
      // Requests waiting for a decision first, then the newest.
      requests.sort((a, b) => Number(b.status === 'requested') - Number(a.status === 'requested'));
      return { requests, mayApprove: hasCapability(actor, 'release.approve') };
    },

    /** One request; an approver of a waiting request also gets the disclosure report at k. */
    async view(actor: Actor, id: string, kInput?: unknown): Promise<Outcome<ReleaseView>> {
      const request = await visible(actor, id);
      const canDecide = request.status === 'requested' && mayDecide(actor, request.laId);
      const canDownload = request.downloadable && mayRequest(actor, request.laId);
      let preview: Preview | null = null;
      if (canDecide) {
        const k = parseK(kInput, deps.defaultK);
        if (k === null) return fail('k', K_ERROR);
        const { snapshot, fingerprint } = await build(await waveOf(request), k);
        preview = { k, reportLines: [...snapshot.reportLines], released: snapshot.report.released, responses: snapshot.report.responses, fingerprint };
      }
      const frozen = request.status === 'approved' && request.hasFiles ? await repo.snapshot(request.id) : null;
      return { ok: true, value: { request, canDecide, canDownload, preview, approvedReport: frozen ? [...frozen.reportLines] : null } };
    },

    /**
     * Approves a waiting request at k, freezing exactly the file whose report the approver read: if the
     * data changed since (the fingerprint differs), nothing is approved and the new report is shown.
     */
    async approve(actor: Actor, id: string, form: { k?: unknown; note?: unknown; fingerprint?: unknown }): Promise<Outcome<null> & { changed?: boolean }> {
      const request = await decidable(actor, id);
      const k = parseK(form.k, deps.defaultK);
      const note = typeof form.note === 'string' ? form.note.trim() : '';
      const errors: FieldError[] = [];
      if (k === null) errors.push({ field: 'k', text: K_ERROR });
      if (note.length < 3) errors.push({ field: 'note', text: 'Give a reason for your decision' });
      if (k === null || errors.length > 0) return { ok: false, errors };
      const { snapshot, fingerprint } = await build(await waveOf(request), k);
      if (form.fingerprint !== fingerprint) return { ok: false, changed: true, errors: [{ field: 'k', text: 'The data changed since you read the report (or k differs): read the report below again before approving' }] };
      const at = now();
      const expiresAt = new Date(at.getTime() + deps.downloadDays * 86_400_000).toISOString();
      const decided = await repo.decide(id, { status: 'approved', decidedBy: actor.accountId, decidedByEmail: actor.email, decidedAt: at.toISOString(), note: note.slice(0, 1000), k, expiresAt, snapshot });
      if (!decided) throw new AppError('conflict', 'This request has already been decided.');
      await deps.audit.record(actor, 'release.approved', request.laId, id, { wave: request.waveId, k, released: snapshot.report.released, left_out: snapshot.report.suppressed.total });
      return { ok: true, value: null };
    },

    /** Refuses a waiting request with a reason the LA reads; audited. */
    async refuse(actor: Actor, id: string, noteInput: unknown): Promise<Outcome<null>> {
      const request = await decidable(actor, id);
      const note = typeof noteInput === 'string' ? noteInput.trim() : '';
      if (note.length < 3) return fail('note', 'Give a reason for your decision');
      const decided = await repo.decide(id, { status: 'refused', decidedBy: actor.accountId, decidedByEmail: actor.email, decidedAt: now().toISOString(), note: note.slice(0, 1000), k: null, expiresAt: null, snapshot: null });
      if (!decided) throw new AppError('conflict', 'This request has already been decided.');
      await deps.audit.record(actor, 'release.refused', request.laId, id, { wave: request.waveId });
      return { ok: true, value: null };
    },

    /** The approved file, for the LA's lead, until the download window ends; every download audited. */
    async download(actor: Actor, id: string, format: ReleaseFormat): Promise<ReleaseFile> {
      const request = await visible(actor, id);
      if (!mayRequest(actor, request.laId)) throw new AppError('not_found');
      const snapshot = request.downloadable ? await repo.snapshot(id) : null;
      if (!snapshot) throw new AppError('conflict', request.status === 'approved' ? 'The time to download this release has ended: ask for a new one.' : 'This release has not been approved.');
      const file = await releaseFile(snapshot, format, `anonymised-data-${request.id.slice(0, 8)}`, now());
      await deps.audit.record(actor, 'release.downloaded', request.laId, id, { wave: request.waveId, format });
      return file;
    },

    /** Deletes the frozen files of releases whose download window has ended (the retention job); returns how many. */
    async deleteExpiredFiles(): Promise<number> {
      return repo.deleteExpiredFiles(now().toISOString());
    },
  };
}

export type ReleaseService = ReturnType<typeof releaseService>;
