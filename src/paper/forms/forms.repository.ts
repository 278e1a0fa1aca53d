/** SQL for printable forms: the stored layouts and the issued sheets' serials. */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/index.ts';
import type { FormLayout } from './design.ts';

/** Thrown when a layout id is already stored with different positions: the drawing changed without a new layout version. */
export class LayoutChangedError extends Error {
  constructor(layoutId: string) {
    super(`The layout ${layoutId} is already stored with different box positions: raise LAYOUT_VERSION when the drawing changes.`);
  }
}

/** A stable fingerprint of a layout (its JSON, keys in the order the layout builds them). */
export const fingerprintOf = (layout: FormLayout): string => createHash('sha256').update(JSON.stringify(layout)).digest('hex');

export interface IssuedCount {
  instrumentId: string;
  layoutId: string;
  sheets: number;
  lastIssuedAt: string;
}

const BATCH = 250;

export function formsRepository(db: Db) {
  return {
    /** Stores a layout once; the same id with other positions is a programming error, refused. */
    async saveLayout(layout: FormLayout, now: string): Promise<void> {
      const fingerprint = fingerprintOf(layout);
      await db
        .insertInto('paper_layouts')
        .values({
          layout_id: layout.layoutId,
          instrument_id: layout.instrumentId,
          instrument_version: layout.instrumentVersion,
          lang: layout.lang,
          layout_version: layout.layoutVersion,
          pages: layout.pages,
          layout: JSON.stringify(layout),
          fingerprint,
          created_at: now,
        })
        .onConflict((oc) => oc.column('layout_id').doNothing())
        .execute();
      const stored = await db.selectFrom('paper_layouts').select('fingerprint').where('layout_id', '=', layout.layoutId).executeTakeFirstOrThrow();
      if (stored.fingerprint !== fingerprint) throw new LayoutChangedError(layout.layoutId);
    },

    /** A stored layout by id (what a scan's QR code names), or undefined. */
    async findLayout(layoutId: string): Promise<FormLayout | undefined> {
      const r = await db.selectFrom('paper_layouts').select('layout').where('layout_id', '=', layoutId).executeTakeFirst();
      return r && (JSON.parse(r.layout) as FormLayout);
    },

    /**
     * Records `count` new sheets with fresh serials, unique across every download: each batch is
     * inserted with ON CONFLICT DO NOTHING and any serial already taken is drawn again.
     */
    async issue(sheet: { waveId: string; instrumentId: string; layoutId: string; batchId: string; issuedAt: string }, count: number, newSerial: () => string): Promise<string[]> {
      const issued: string[] = [];
      let fruitless = 0;
      while (issued.length < count) {
        // Random serials almost never collide; a generator that only repeats itself is a fault, not a wait.
        if (fruitless > 20) throw new Error('No new sheet serials could be drawn');
        const want = Math.min(BATCH, count - issued.length);
        const candidates = [...new Set(Array.from({ length: want }, newSerial))];
        const rows = await db
          .insertInto('paper_sheets')
          .values(candidates.map((serial) => ({ serial, wave_id: sheet.waveId, instrument_id: sheet.instrumentId, layout_id: sheet.layoutId, batch_id: sheet.batchId, issued_at: sheet.issuedAt })))
          .onConflict((oc) => oc.column('serial').doNothing())
          .returning('serial')
          .execute();
        const taken = new Set(rows.map((r) => r.serial));
        fruitless = taken.size === 0 ? fruitless + 1 : 0;
        // Keep the drawing order (returning's order is not promised).
        issued.push(...candidates.filter((s) => taken.has(s)));
      }
      return issued;
    },

    /** A sheet by serial, for matching scanned pages. */
    async findSheet(serial: string): Promise<{ serial: string; waveId: string; instrumentId: string; layoutId: string; issuedAt: string } | undefined> {
      const r = await db.selectFrom('paper_sheets').selectAll().where('serial', '=', serial).executeTakeFirst();
      return r && { serial: r.serial, waveId: r.wave_id, instrumentId: r.instrument_id, layoutId: r.layout_id, issuedAt: r.issued_at };
    },

    /** Sheets issued for a wave, per instrument and layout. */
    async issuedCounts(waveId: string): Promise<IssuedCount[]> {
      const rows = await db
        .selectFrom('paper_sheets')
        .select((eb) => ['instrument_id', 'layout_id', eb.fn.countAll().as('n'), eb.fn.max('issued_at').as('last')])
        .where('wave_id', '=', waveId)
        .groupBy(['instrument_id', 'layout_id'])
        .orderBy('instrument_id')
        .orderBy('layout_id')
        .execute();
      return rows.map((r) => ({ instrumentId: r.instrument_id, layoutId: r.layout_id, sheets: Number(r.n), lastIssuedAt: String(r.last) }));
    },
  };
}

export type FormsRepository = ReturnType<typeof formsRepository>;
