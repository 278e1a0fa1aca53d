/** SQL for wave planning: checklist records, wave edits, LA settings and safeguarding contacts. */
import type { Db } from '../../db/index.ts';
import { PLAN_ITEM_KEYS, type PlanItemKey, type PlanItemRecord } from './checklist.ts';
import type { LaSettings, SafeguardingContact } from './la-settings.ts';
import type { WaveSettings } from './wave-form.ts';

const isKey = (k: string): k is PlanItemKey => (PLAN_ITEM_KEYS as readonly string[]).includes(k);

export function planningRepository(db: Db) {
  return {
    /** The checklist records of several waves, by wave id. */
    async planItems(waveIds: readonly string[]): Promise<Map<string, PlanItemRecord[]>> {
      const out = new Map<string, PlanItemRecord[]>();
      if (waveIds.length === 0) return out;
      const rows = await db.selectFrom('wave_plan_items').selectAll().where('wave_id', 'in', waveIds).orderBy('wave_id').orderBy('item').execute();
      for (const r of rows) {
        if (!isKey(r.item)) continue;
        const list = out.get(r.wave_id) ?? [];
        list.push({ key: r.item, done: Number(r.done) === 1, who: r.who, doneOn: r.done_on });
        out.set(r.wave_id, list);
      }
      return out;
    },

    async savePlanItems(waveId: string, records: readonly PlanItemRecord[]): Promise<void> {
      await db.transaction().execute(async (tx) => {
        for (const r of records) {
          const row = { done: r.done ? 1 : 0, who: r.who, done_on: r.doneOn };
          await tx
            .insertInto('wave_plan_items')
            .values({ wave_id: waveId, item: r.key, ...row })
            .onConflict((oc) => oc.columns(['wave_id', 'item']).doUpdateSet(row))
            .execute();
        }
      });
    },

    /** Writes a wave's editable settings (the LA, survey, link code and creation time never change). */
    async updateWave(id: string, s: WaveSettings, closedAt: string | null): Promise<void> {
      await db
        .updateTable('waves')
        .set({
          title: s.title,
          instruments: JSON.stringify(s.instruments),
          eligible: JSON.stringify(s.eligible),
          languages: JSON.stringify(s.languages),
          draft_languages: JSON.stringify(s.draftLanguages),
          target_rate: s.targetRate,
          status: s.status,
          opens_on: s.opensOn,
          closes_on: s.closesOn,
          closed_at: closedAt,
          prize_draw: s.prizeDraw ? 1 : 0,
        })
        .where('id', '=', id)
        .execute();
    },

    async findSettings(laId: string): Promise<LaSettings | undefined> {
      const r = await db.selectFrom('la_settings').selectAll().where('la_id', '=', laId).executeTakeFirst();
      if (!r) return undefined;
      return {
        laId: r.la_id,
        dsaSignedOn: r.dsa_signed_on,
        namedInComparisons: Number(r.named_in_comparisons) === 1,
        emergencyDutyTeam: r.edt_name && r.edt_phone ? { name: r.edt_name, phone: r.edt_phone, email: r.edt_email } : null,
        updatedAt: r.updated_at,
      };
    },

    async saveSettings(s: LaSettings & { updatedAt: string }): Promise<void> {
      const row = {
        dsa_signed_on: s.dsaSignedOn,
        named_in_comparisons: s.namedInComparisons ? 1 : 0,
        edt_name: s.emergencyDutyTeam?.name ?? null,
        edt_phone: s.emergencyDutyTeam?.phone ?? null,
        edt_email: s.emergencyDutyTeam?.email ?? null,
        updated_at: s.updatedAt,
      };
      await db
        .insertInto('la_settings')
        .values({ la_id: s.laId, ...row })
        .onConflict((oc) => oc.column('la_id').doUpdateSet(row))
        .execute();
    },

    async listContacts(laId: string): Promise<SafeguardingContact[]> {
      const rows = await db.selectFrom('la_safeguarding_contacts').selectAll().where('la_id', '=', laId).orderBy('name').orderBy('id').execute();
      return rows.map((r) => ({ id: r.id, laId: r.la_id, name: r.name, role: r.role, email: r.email, phone: r.phone }));
    },

    async insertContact(c: SafeguardingContact): Promise<void> {
      await db.insertInto('la_safeguarding_contacts').values({ id: c.id, la_id: c.laId, name: c.name, role: c.role, email: c.email, phone: c.phone }).execute();
    },

    /** Deletes one of an LA's contacts; the LA id in the condition keeps one LA from touching another's. */
    async deleteContact(laId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('la_safeguarding_contacts').where('la_id', '=', laId).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

export type PlanningRepository = ReturnType<typeof planningRepository>;

