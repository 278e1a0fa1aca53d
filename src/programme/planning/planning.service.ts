/**
 * Use cases for planning a wave: creating and editing waves, the planning checklist, and an LA's
 * settings and safeguarding contacts. Callers authorise (the routes use the tenancy guards); every
 * change is audited here, with what changed but never personal details beyond staff contacts' names.
 */
import type { Db } from '../../db/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { isoDay } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { LANGUAGES } from '../../lib/i18n.ts';
import { newId } from '../../lib/ids.ts';
import type { SurveyId } from '../../instruments/types.ts';
import type { AuditLog } from '../audit.ts';
import type { ProgrammeService, WaveSummary } from '../programme.service.ts';
import { hasCapability, mayActIn, type Actor } from '../roles.ts';
import type { Wave } from '../wave.ts';
import { applyChanges, checklist, overdueItems, parseChecklistForm, type PlanItem } from './checklist.ts';
import { defaultSettings, MAX_CONTACTS, parseContactForm, parseSettingsForm, type LaSettings, type SafeguardingContact } from './la-settings.ts';
import { planningRepository } from './planning.repository.ts';
import { closedAtFor, parseWaveForm, type FormError, type FormValues } from './wave-form.ts';

export interface PlanningDeps {
  db: Db;
  clock: Clock;
  programme: ProgrammeService;
  audit: AuditLog;
  /** Whether a language's strings are all reviewed (i18n.reviewed); without it only English is. */
  languageReviewed?: (lang: string) => boolean;
}

/** Either done, or the problems to show on the form again (422). */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; errors: FormError[] };

/** The languages a wave may be offered in: those the platform has words for, each saying whether its translation is still draft. */
export const waveLanguages = (reviewed: (lang: string) => boolean = (l) => l === 'en'): Array<{ code: string; name: string; draft: boolean }> =>
  LANGUAGES.map((l) => ({ code: l.code, name: l.nativeName, draft: !reviewed(l.code) }));

/** Overdue checklist items of one wave, for the home page and the wave page. */
export interface OverdueWave {
  wave: Pick<WaveSummary, 'id' | 'title' | 'laName' | 'opensOn'>;
  items: PlanItem[];
}

export function planningService({ db, clock, programme, audit, languageReviewed }: PlanningDeps) {
  const repo = planningRepository(db);
  const today = () => isoDay(clock.now());
  const languageChoices = () => waveLanguages(languageReviewed);
  const languageCodes = () => languageChoices().map((l) => l.code);
  const draftCodes = () => languageChoices().filter((l) => l.draft).map((l) => l.code);

  async function checklistOf(wave: Wave): Promise<PlanItem[]> {
    const records = (await repo.planItems([wave.id])).get(wave.id) ?? [];
    return checklist(wave, records, today());
  }

  return {
    today,

    /** A wave's checklist today. */
    checklistOf,

    /** Saves the checklist form; audited with the items that changed. */
    async saveChecklist(actor: Actor, wave: Wave, values: Readonly<Record<string, unknown>>): Promise<Outcome<{ changed: string[] }>> {
      const parsed = parseChecklistForm(values);
      if (!parsed.ok) return parsed;
      const before = (await repo.planItems([wave.id])).get(wave.id) ?? [];
      const { records, changed } = applyChanges(before, parsed.items, today());
      if (changed.length > 0) {
        await repo.savePlanItems(wave.id, records);
        await audit.record(actor, 'wave.plan_updated', wave.laId, wave.id, { items: changed, done: records.filter((r) => r.done).map((r) => r.key) });
      }
      return { ok: true, changed };
    },

    /** What the wave page shows of planning: overdue items and the links this actor may follow. */
    async wavePanel(actor: Actor, wave: Wave) {
      const items = await checklistOf(wave);
      return {
        overdue: items.filter((i) => i.state === 'overdue'),
        done: items.filter((i) => i.state === 'done').length,
        total: items.length,
        canEdit: hasCapability(actor, 'programme.manage'),
        canPrize: wave.prizeDraw && mayActIn(actor, 'prize.draw', wave.laId),
      };
    },

    /** The waves (of those given) with overdue checklist items, soonest fieldwork first. */
    async overdue(waves: readonly WaveSummary[]): Promise<OverdueWave[]> {
      const records = await repo.planItems(waves.map((w) => w.id));
      const day = today();
      return waves
        .map((w) => ({ wave: { id: w.id, title: w.title, laName: w.laName, opensOn: w.opensOn }, items: overdueItems(w, records.get(w.id) ?? [], day) }))
        .filter((o) => o.items.length > 0)
        .sort((a, b) => a.wave.opensOn.localeCompare(b.wave.opensOn) || a.wave.id.localeCompare(b.wave.id));
    },

    /** Creates a wave from the wave form. */
    async createWave(actor: Actor, laId: string, survey: SurveyId, values: FormValues): Promise<Outcome<{ wave: Wave }>> {
      const parsed = parseWaveForm(values, { survey, languages: languageCodes(), draft: draftCodes() });
      if (!parsed.ok) return parsed;
      const s = parsed.settings;
      const wave = await programme.openWave({
        laId,
        survey,
        ...(s.title ? { title: s.title } : {}),
        instruments: s.instruments,
        eligible: s.eligible,
        languages: s.languages,
        draftLanguages: s.draftLanguages,
        targetRate: s.targetRate,
        opensOn: s.opensOn,
        closesOn: s.closesOn,
        status: s.status === 'open' ? 'open' : 'planned',
        prizeDraw: s.prizeDraw,
      });
      await audit.record(actor, 'wave.created', laId, wave.id, { survey, status: wave.status, prizeDraw: wave.prizeDraw, languages: s.languages, draftLanguages: s.draftLanguages });
      return { ok: true, wave };
    },

    /** Saves the edit form; an age group that already has responses cannot be taken away. */
    async updateWave(actor: Actor, wave: WaveSummary, values: FormValues): Promise<Outcome<{ wave: Wave }>> {
      const parsed = parseWaveForm(values, { survey: wave.survey, current: wave.status, languages: languageCodes(), draft: draftCodes() });
      if (!parsed.ok) return parsed;
      const s = parsed.settings;
      const dropped = wave.instruments.filter((id) => !s.instruments.includes(id) && (wave.responsesByInstrument[id] ?? 0) > 0);
      if (dropped.length > 0) {
        return { ok: false, errors: [{ field: 'instruments', text: 'An age group that already has responses must stay offered', href: `#instruments-${dropped[0] ?? ''}` }] };
      }
      const closedAt = closedAtFor(wave, s.status, clock.now().toISOString());
      await repo.updateWave(wave.id, s, closedAt);
      const before = { ...wave, draftLanguages: wave.draftLanguages ?? [] };
      const changed = (['title', 'instruments', 'eligible', 'languages', 'draftLanguages', 'targetRate', 'opensOn', 'closesOn', 'status', 'prizeDraw'] as const).filter(
        (k) => JSON.stringify(s[k]) !== JSON.stringify(before[k]),
      );
      // Switching a draft language on or off is recorded with the languages, so the log says which.
      const languages = changed.includes('languages') || changed.includes('draftLanguages') ? { languages: s.languages, draftLanguages: s.draftLanguages } : {};
      await audit.record(actor, 'wave.updated', wave.laId, wave.id, { changed, status: s.status, ...languages });
      const updated = await programme.findWave(wave.id);
      if (!updated) throw new AppError('not_found');
      return { ok: true, wave: updated };
    },

    /** The languages the wave form offers, each saying whether its translation is still draft. */
    languageChoices,

    /** An LA's settings (the defaults when never saved) and its safeguarding contacts. */
    async settingsOf(laId: string): Promise<{ settings: LaSettings; contacts: SafeguardingContact[] }> {
      const [settings, contacts] = await Promise.all([repo.findSettings(laId), repo.listContacts(laId)]);
      return { settings: settings ?? defaultSettings(laId), contacts };
    },

    /** Saves the settings form. */
    async saveSettings(actor: Actor, laId: string, values: FormValues): Promise<Outcome<{ settings: LaSettings }>> {
      const parsed = parseSettingsForm(values, today());
      if (!parsed.ok) return parsed;
      const settings: LaSettings = { laId, ...parsed.settings, updatedAt: clock.now().toISOString() };
      await repo.saveSettings({ ...settings, updatedAt: settings.updatedAt ?? '' });
      await audit.record(actor, 'la.settings_updated', laId, laId, {
        dsaSignedOn: settings.dsaSignedOn,
        namedInComparisons: settings.namedInComparisons,
        emergencyDutyTeam: settings.emergencyDutyTeam !== null,
      });
      return { ok: true, settings };
    },

    /** Adds an in-hours safeguarding contact. */
    async addContact(actor: Actor, laId: string, values: FormValues): Promise<Outcome<{ contact: SafeguardingContact }>> {
      const parsed = parseContactForm(values);
      if (!parsed.ok) return parsed;
      if ((await repo.listContacts(laId)).length >= MAX_CONTACTS) {
        return { ok: false, errors: [{ field: 'contactName', text: `A local authority can have up to ${MAX_CONTACTS} safeguarding contacts: remove one first`, href: '#contactName' }] };
      }
      const contact: SafeguardingContact = { id: newId(), laId, ...parsed.contact };
      await repo.insertContact(contact);
      await audit.record(actor, 'la.contact_added', laId, contact.id, { name: contact.name, role: contact.role });
      return { ok: true, contact };
    },

    /** Removes one of the LA's contacts; another LA's contact id is answered as not found. */
    async removeContact(actor: Actor, laId: string, contactId: string): Promise<void> {
      if (!(await repo.deleteContact(laId, contactId))) throw new AppError('not_found');
      await audit.record(actor, 'la.contact_removed', laId, contactId);
    },
  };
}

export type PlanningService = ReturnType<typeof planningService>;
