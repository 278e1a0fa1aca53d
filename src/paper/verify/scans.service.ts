/**
 * Scanned paper forms as use cases for programme data-entry staff (`paper.scan`): upload scans (read at
 * once; each page kept in the database under its form's serial, duplicates and forms already entered
 * refused), list the forms waiting, verify one (decide the questions for review, transcribe the writing),
 * then store it through the same path as manual entry, mark its sheet entered (the day only) and delete
 * its images; or discard it with a reason.
 */
import type { Db } from '../../db/index.ts';
import { getInstrument, type Instrument } from '../../instruments/index.ts';
import { isoDay } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { hasCapability, type Actor, type AuditLog, type ProgrammeService, type Wave } from '../../programme/index.ts';
import { storePaperResponse, type PaperStoreDeps } from '../entry/index.ts';
import type { FormLayout } from '../forms/design.ts';
import { readScanFile } from '../scan/index.ts';
import { scansRepository, type CropMeta, type ScanForm } from './scans.repository.ts';
import { composeScannedForm, formQuestions, type Fields, type FormQuestion, type VerifyProblem } from './verify.ts';

export interface ScanDeps extends PaperStoreDeps {
  db: Db;
  programme: Pick<ProgrammeService, 'findWave'>;
  audit: AuditLog;
  /** The stored layout a page's QR code names. */
  layoutOf: (layoutId: string) => Promise<FormLayout | undefined>;
}

/** Files of one upload at most (each within the reader's LIMITS). */
export const MAX_FILES = 20;

export interface UploadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What an upload found, for the results page. */
export interface UploadResult {
  /** Files that gave no page at all, with the plain reason. */
  readonly refused: { file: string; message: string }[];
  /** Pages that were not read or not kept, with the plain reason. */
  readonly unread: { file: string; page: number; message: string }[];
  /** Pages already uploaded for their form: kept once. */
  readonly duplicates: { file: string; page: number; serial: string; formPage: number }[];
  /** The forms the upload added pages to. */
  readonly forms: { id: string; serial: string; waveTitle: string; instrumentId: string; pages: number; present: number; added: number }[];
  readonly pagesAdded: number;
}

/** A form waiting for verification, for the list. */
export interface WaitingForm {
  readonly form: ScanForm;
  readonly waveTitle: string;
  readonly present: number[];
  readonly missing: number[];
  readonly toReview: number;
}

const NOT_ISSUED = 'This page is from a form whose serial was not printed for that wave here: it was not kept.';
const ALREADY_ENTERED = 'This form has already been entered: the page was not kept.';
const WAVE_NOT_OPEN = 'This page is from a wave that has not opened yet: it was not kept.';

// Late returns are welcome, as for manual entry: only a wave not yet open refuses paper forms.
const takesPaper = (w: Wave): boolean => w.status !== 'planned';

export function scansService(deps: ScanDeps) {
  const repo = scansRepository(deps.db);
  const layoutOf = async (id: string): Promise<FormLayout | null> => (await deps.layoutOf(id)) ?? null;

  function authorise(actor: Actor): void {
    // Those without the capability are answered as if the page did not exist.
    if (!hasCapability(actor, 'paper.scan')) throw new AppError('not_found');
  }

  async function waveOf(waveId: string): Promise<Wave> {
    const wave = await deps.programme.findWave(waveId);
    if (!wave) throw new AppError('not_found');
    return wave;
  }

  /** A form with its questions as read, for the verification screen and for storing. */
  async function loaded(actor: Actor, formId: string): Promise<{ form: ScanForm; wave: Wave; instrument: Instrument; questions: FormQuestion[]; crops: CropMeta[]; missing: number[] }> {
    authorise(actor);
    const found = await repo.find(formId);
    if (!found) throw new AppError('not_found');
    const instrument = getInstrument(found.form.instrumentId);
    if (!instrument) throw new AppError('not_found');
    const wave = await waveOf(found.form.waveId);
    const present = new Set(found.pages.map((p) => p.page));
    const missing = Array.from({ length: found.form.pages }, (_, i) => i + 1).filter((p) => !present.has(p));
    const questions = formQuestions(instrument, found.pages.flatMap((p) => p.reading.questions));
    return { form: found.form, wave, instrument, questions, crops: found.crops, missing };
  }

  return {
    authorise,

    /** Reads every page of every file and keeps each under its form; nothing of a refused file or page is kept. */
    async upload(actor: Actor, files: readonly UploadedFile[]): Promise<UploadResult> {
      authorise(actor);
      const result: UploadResult = { refused: [], unread: [], duplicates: [], forms: [], pagesAdded: 0 };
      const touched = new Map<string, { form: ScanForm; wave: Wave; added: number }>();
      const day = isoDay(deps.clock.now());
      let pagesAdded = 0;
      for (const file of files) {
        const read = await readScanFile(file.bytes, layoutOf);
        if (!read.ok) {
          result.refused.push({ file: file.name, message: read.message });
          continue;
        }
        for (const p of read.pages) {
          const page = p.index + 1;
          if (!p.ok) {
            result.unread.push({ file: file.name, page, message: p.message });
            continue;
          }
          const r = p.reading;
          const sheet = await repo.sheet(r.serial);
          if (!sheet || sheet.waveId !== r.waveId || sheet.layoutId !== r.layoutId) {
            result.unread.push({ file: file.name, page, message: NOT_ISSUED });
            continue;
          }
          if (sheet.enteredOn !== null) {
            result.unread.push({ file: file.name, page, message: ALREADY_ENTERED });
            continue;
          }
          const wave = await waveOf(sheet.waveId);
          if (!takesPaper(wave)) {
            result.unread.push({ file: file.name, page, message: WAVE_NOT_OPEN });
            continue;
          }
          const form = await repo.formFor({ id: newId(), serial: r.serial, waveId: sheet.waveId, instrumentId: sheet.instrumentId, layoutId: sheet.layoutId, pages: r.pages, uploadedOn: day });
          const crops = [
            ...r.crops.map((c) => ({ id: newId(), kind: 'text' as const, questionId: c.questionId, png: c.png })),
            ...r.reviewCrops.map((c) => ({ id: newId(), kind: 'review' as const, questionId: c.questionId, png: c.png })),
          ];
          const added = await repo.addPage(form.id, r.page, { rotation: r.rotation, questions: r.questions }, crops);
          const entry = touched.get(form.id) ?? { form, wave, added: 0 };
          touched.set(form.id, entry);
          if (!added) {
            result.duplicates.push({ file: file.name, page, serial: r.serial, formPage: r.page });
            continue;
          }
          entry.added++;
          pagesAdded++;
        }
      }
      const waiting = new Map((await repo.list()).map((w) => [w.form.id, w.pages.length]));
      for (const { form, wave, added } of touched.values()) {
        result.forms.push({ id: form.id, serial: form.serial, waveTitle: wave.title, instrumentId: form.instrumentId, pages: form.pages, present: waiting.get(form.id) ?? 0, added });
      }
      const perWave = new Map<string, { laId: string; pages: number; forms: number }>();
      for (const { wave, added } of touched.values()) {
        const w = perWave.get(wave.id) ?? { laId: wave.laId, pages: 0, forms: 0 };
        perWave.set(wave.id, { laId: w.laId, pages: w.pages + added, forms: w.forms + 1 });
      }
      // Counts only: never a serial, an answer or an image.
      for (const [waveId, w] of perWave) await deps.audit.record(actor, 'paper.scan_uploaded', w.laId, waveId, { pages: w.pages, forms: w.forms });
      return { ...result, pagesAdded };
    },

    /** The forms waiting for verification, with the pages present and missing and the questions to review. */
    async waiting(actor: Actor): Promise<WaitingForm[]> {
      authorise(actor);
      const titles = new Map<string, string>();
      const out: WaitingForm[] = [];
      for (const { form, pages } of await repo.list()) {
        if (!titles.has(form.waveId)) titles.set(form.waveId, (await deps.programme.findWave(form.waveId))?.title ?? '');
        const present = pages.map((p) => p.page);
        const missing = Array.from({ length: form.pages }, (_, i) => i + 1).filter((p) => !present.includes(p));
        const toReview = pages.reduce((n, p) => n + p.reading.questions.filter((q) => q.state === 'review').length, 0);
        out.push({ form, waveTitle: titles.get(form.waveId) ?? '', present, missing, toReview });
      }
      return out.sort((a, b) => a.waveTitle.localeCompare(b.waveTitle) || a.form.uploadedOn.localeCompare(b.form.uploadedOn));
    },

    /** A form for the verification screen; the view is audited (who looked at which form's pages, not what they say). */
    async form(actor: Actor, formId: string) {
      const view = await loaded(actor, formId);
      await deps.audit.record(actor, 'paper.scan_viewed', view.wave.laId, view.wave.id, { pages: view.form.pages - view.missing.length });
      return view;
    },

    /** A crop's PNG, for `paper.scan` only. */
    async crop(actor: Actor, formId: string, cropId: string): Promise<Buffer> {
      authorise(actor);
      const png = await repo.crop(formId, cropId);
      if (!png) throw new AppError('not_found');
      return png;
    },

    /**
     * Stores a complete form: composed from the reading and the decisions, recorded as a paper response
     * (comments screened), the sheet marked entered, then the form's pages and images deleted.
     */
    async store(actor: Actor, formId: string, fields: Fields): Promise<{ kind: 'invalid'; problems: { questionId: string; problem: VerifyProblem }[] } | { kind: 'stored'; dropped: number }> {
      const { form, wave, instrument, questions, missing } = await loaded(actor, formId);
      if (missing.length > 0) throw new AppError('conflict', 'Some pages of this form have not been uploaded yet');
      const composed = composeScannedForm(instrument, questions, fields);
      if (!composed.ok) return { kind: 'invalid', problems: composed.problems };
      // Marking the sheet first means two people storing the same form at once make one response.
      if (!(await repo.markEntered(form.serial, isoDay(deps.clock.now())))) throw new AppError('conflict', 'This form has already been entered');
      try {
        await storePaperResponse(deps, wave, instrument, composed.values);
      } catch (e) {
        await repo.unmarkEntered(form.serial);
        throw e;
      }
      // Handwriting identifies: the images go as soon as the response is stored.
      await repo.remove(form.id);
      await deps.audit.record(actor, 'paper.scan_verified', wave.laId, null, { waveId: wave.id, instrument: instrument.id });
      return { kind: 'stored', dropped: composed.dropped.length };
    },

    /** Discards a form waiting for verification (its pages and images deleted), with the reason. */
    async discard(actor: Actor, formId: string, reason: string): Promise<{ kind: 'no_reason' } | { kind: 'discarded' }> {
      authorise(actor);
      const found = await repo.find(formId);
      if (!found) throw new AppError('not_found');
      const why = reason.trim().slice(0, 500);
      if (why === '') return { kind: 'no_reason' };
      const wave = await waveOf(found.form.waveId);
      await repo.remove(formId);
      await deps.audit.record(actor, 'paper.scan_discarded', wave.laId, null, { waveId: wave.id, instrument: found.form.instrumentId, reason: why });
      return { kind: 'discarded' };
    },
  };
}

export type ScansService = ReturnType<typeof scansService>;
