/**
 * SQL for scanned forms waiting for verification: a form per sheet serial, its pages as read, and the
 * crops a person needs. Everything of a form is deleted in one transaction when it is stored or
 * discarded. Sheets are marked entered by the day only, and never name their response.
 */
import type { Db } from '../../db/index.ts';
import type { QuestionReading } from '../scan/index.ts';

/** A page as kept for verification: its turn in the scan and every question as read (no pixels). */
export interface StoredReading {
  readonly rotation: number;
  readonly questions: readonly QuestionReading[];
}

export interface ScanForm {
  readonly id: string;
  readonly serial: string;
  readonly waveId: string;
  readonly instrumentId: string;
  readonly layoutId: string;
  readonly pages: number;
  readonly uploadedOn: string;
}

export interface ScanPage {
  readonly page: number;
  readonly reading: StoredReading;
}

export interface CropMeta {
  readonly id: string;
  readonly page: number;
  readonly kind: 'text' | 'review';
  readonly questionId: string;
}

export interface NewCrop {
  readonly id: string;
  readonly kind: 'text' | 'review';
  readonly questionId: string;
  readonly png: Buffer;
}

type FormRow = { id: string; serial: string; wave_id: string; instrument_id: string; layout_id: string; pages: number; uploaded_on: string };
const toForm = (r: FormRow): ScanForm => ({ id: r.id, serial: r.serial, waveId: r.wave_id, instrumentId: r.instrument_id, layoutId: r.layout_id, pages: Number(r.pages), uploadedOn: r.uploaded_on });

export function scansRepository(db: Db) {
  return {
    /** The issued sheet of a serial, with the day it was entered (if it was). */
    async sheet(serial: string): Promise<{ waveId: string; layoutId: string; instrumentId: string; enteredOn: string | null } | undefined> {
      const r = await db.selectFrom('paper_sheets').select(['wave_id', 'layout_id', 'instrument_id', 'entered_on']).where('serial', '=', serial).executeTakeFirst();
      return r && { waveId: r.wave_id, layoutId: r.layout_id, instrumentId: r.instrument_id, enteredOn: r.entered_on };
    },

    /** The form of a serial, created on its first page (two instances uploading at once get the same row). */
    async formFor(form: ScanForm): Promise<ScanForm> {
      await db
        .insertInto('paper_scan_forms')
        .values({ id: form.id, serial: form.serial, wave_id: form.waveId, instrument_id: form.instrumentId, layout_id: form.layoutId, pages: form.pages, uploaded_on: form.uploadedOn })
        .onConflict((oc) => oc.column('serial').doNothing())
        .execute();
      return toForm(await db.selectFrom('paper_scan_forms').selectAll().where('serial', '=', form.serial).executeTakeFirstOrThrow());
    },

    /** Adds a page and its crops in one transaction; false (nothing written) when the form already has that page. */
    async addPage(formId: string, page: number, reading: StoredReading, crops: readonly NewCrop[]): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const added = await tx
          .insertInto('paper_scan_pages')
          .values({ form_id: formId, page, reading: JSON.stringify(reading) })
          .onConflict((oc) => oc.columns(['form_id', 'page']).doNothing())
          .returning('page')
          .execute();
        if (added.length === 0) return false;
        if (crops.length > 0) {
          await tx
            .insertInto('paper_scan_crops')
            .values(crops.map((c) => ({ id: c.id, form_id: formId, page, kind: c.kind, question_id: c.questionId, png: c.png.toString('base64') })))
            .execute();
        }
        return true;
      });
    },

    /** Every form waiting, with the pages it has and their readings. */
    async list(): Promise<{ form: ScanForm; pages: ScanPage[] }[]> {
      const forms = (await db.selectFrom('paper_scan_forms').selectAll().orderBy('uploaded_on').orderBy('serial').execute()).map(toForm);
      if (forms.length === 0) return [];
      const pages = await db.selectFrom('paper_scan_pages').selectAll().orderBy('page').execute();
      return forms.map((form) => ({ form, pages: pages.filter((p) => p.form_id === form.id).map((p) => ({ page: Number(p.page), reading: JSON.parse(p.reading) as StoredReading })) }));
    },

    /** One form with its pages and the list of its crops (without their pixels). */
    async find(formId: string): Promise<{ form: ScanForm; pages: ScanPage[]; crops: CropMeta[] } | undefined> {
      const row = await db.selectFrom('paper_scan_forms').selectAll().where('id', '=', formId).executeTakeFirst();
      if (!row) return undefined;
      const pages = await db.selectFrom('paper_scan_pages').selectAll().where('form_id', '=', formId).orderBy('page').execute();
      const crops = await db.selectFrom('paper_scan_crops').select(['id', 'page', 'kind', 'question_id']).where('form_id', '=', formId).orderBy('page').execute();
      return {
        form: toForm(row),
        pages: pages.map((p) => ({ page: Number(p.page), reading: JSON.parse(p.reading) as StoredReading })),
        crops: crops.map((c) => ({ id: c.id, page: Number(c.page), kind: c.kind === 'review' ? 'review' : 'text', questionId: c.question_id })),
      };
    },

    /** A crop's PNG, only within its form. */
    async crop(formId: string, cropId: string): Promise<Buffer | undefined> {
      const r = await db.selectFrom('paper_scan_crops').select('png').where('form_id', '=', formId).where('id', '=', cropId).executeTakeFirst();
      return r && Buffer.from(r.png, 'base64');
    },

    /** Marks a sheet entered on a day; false if it already was (someone else stored it first). */
    async markEntered(serial: string, day: string): Promise<boolean> {
      const r = await db.updateTable('paper_sheets').set({ entered_on: day }).where('serial', '=', serial).where('entered_on', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Undoes `markEntered` when storing the response failed. */
    async unmarkEntered(serial: string): Promise<void> {
      await db.updateTable('paper_sheets').set({ entered_on: null }).where('serial', '=', serial).execute();
    },

    /** Deletes a form with its pages and images; false if it was already gone. */
    async remove(formId: string): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        await tx.deleteFrom('paper_scan_crops').where('form_id', '=', formId).execute();
        await tx.deleteFrom('paper_scan_pages').where('form_id', '=', formId).execute();
        const r = await tx.deleteFrom('paper_scan_forms').where('id', '=', formId).executeTakeFirst();
        return Number(r.numDeletedRows) === 1;
      });
    },
  };
}

export type ScansRepository = ReturnType<typeof scansRepository>;
