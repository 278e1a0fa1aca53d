/**
 * The tracker's use cases for an LA's staff: list and filter, add, edit and delete an entry, the gaps;
 * and counts only, for the programme side and the response-rate updates. Every change and every read
 * of the list is audited.
 */
import type { Clock } from '../lib/clock.ts';
import { isoDay } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { mayActIn, type Actor, type AuditLog, type ProgrammeService, type Wave } from '../programme/index.ts';
import { accessCodesRepository, type CodeState } from './access-codes.repository.ts';
import type { RawEntry } from './columns.ts';
import { checkEntry, type EntryContext, type FieldProblem } from './entry-input.ts';
import { gapsOf, type Gaps } from './gaps.ts';
import { trackerWave } from './policy.ts';
import { trackerRepository } from './tracker.repository.ts';
import { emptyCounts, ENTRY_STATUSES, type EntryStatus, type StatusCounts, type TrackerEntry } from './tracker.ts';
import type { Db } from '../db/index.ts';

export interface TrackerDeps {
  db: Db;
  clock: Clock;
  programme: Pick<ProgrammeService, 'findWave'>;
  audit: AuditLog;
}

/** Narrows the list; every part optional. */
export interface TrackerFilter {
  status?: EntryStatus;
  team?: string;
  ageBand?: string;
  /** Part of a reference. */
  q?: string;
}

export const PAGE_SIZE = 200;

export type SaveResult = { ok: true; entry: TrackerEntry } | { ok: false; problems: FieldProblem[]; wave: Wave };

/** The checks' view of a wave on a day. */
export const entryContext = (wave: Wave, today: string): EntryContext => ({ survey: wave.survey, instruments: wave.instruments, opensOn: wave.opensOn, closesOn: wave.closesOn, today });

/** Builds the tracker's use cases. */
export function trackerService(d: TrackerDeps) {
  const repo = trackerRepository(d.db);
  const codes = accessCodesRepository(d.db);
  const today = () => isoDay(d.clock.now());

  /** Entries per status, and in all: what the programme side may see of a tracker (never the rows). */
  async function trackerCounts(waveId: string): Promise<{ byStatus: StatusCounts; total: number }> {
    const byStatus = await repo.countByStatus(waveId);
    return { byStatus, total: ENTRY_STATUSES.reduce((a, s) => a + byStatus[s], 0) };
  }

  return {
    /** A page of the wave's entries, filtered, with the counts, the teams for the filter and each entry's code state. */
    async list(actor: Actor, waveId: string, filter: TrackerFilter = {}, page = 1) {
      const wave = await trackerWave(d.programme, actor, waveId, 'tracker.view');
      const all = await repo.list(wave.id);
      const q = filter.q?.trim().toLowerCase();
      const shown = all.filter(
        (e) => (!filter.status || e.status === filter.status) && (!filter.team || e.team === filter.team) && (!filter.ageBand || e.ageBand === filter.ageBand) && (!q || e.reference.toLowerCase().includes(q)),
      );
      const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
      const p = Math.min(Math.max(1, Math.floor(page)), pages);
      const counts = emptyCounts();
      for (const e of all) counts[e.status]++;
      const codeStates = new Map<string, CodeState>((await codes.listForWave(wave.id)).map((c) => [c.entryId, c]));
      await d.audit.record(actor, 'tracker.viewed', wave.laId, wave.id, { shown: shown.length });
      return {
        wave,
        entries: shown.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE),
        matching: shown.length,
        total: all.length,
        page: p,
        pages,
        counts,
        teams: [...new Set(all.map((e) => e.team).filter((t): t is string => t !== null))].sort(),
        codeStates,
      };
    },

    /** The wave, for the "add a young person" form. */
    waveForEditing: (actor: Actor, waveId: string) => trackerWave(d.programme, actor, waveId, 'tracker.edit'),

    /** One entry, for the edit form. */
    async entry(actor: Actor, waveId: string, entryId: string): Promise<{ wave: Wave; entry: TrackerEntry }> {
      const wave = await trackerWave(d.programme, actor, waveId, 'tracker.edit');
      const entry = await repo.find(wave.id, entryId);
      if (!entry) throw new AppError('not_found');
      await d.audit.record(actor, 'tracker.entry_viewed', wave.laId, entry.id);
      return { wave, entry };
    },

    /** Adds an entry (no id) or changes one; problems come back for the form, nothing is saved then. */
    async save(actor: Actor, waveId: string, raw: Partial<RawEntry>, entryId?: string): Promise<SaveResult> {
      const wave = await trackerWave(d.programme, actor, waveId, 'tracker.edit');
      const before = entryId === undefined ? undefined : await repo.find(wave.id, entryId);
      if (entryId !== undefined && !before) throw new AppError('not_found');
      const checked = checkEntry(raw, entryContext(wave, today()));
      if (!checked.ok) return { ok: false, problems: checked.problems, wave };
      const clash = await repo.findByReference(wave.id, checked.fields.reference);
      if (clash && clash.id !== entryId) return { ok: false, problems: [{ field: 'reference', message: 'is already on this tracker' }], wave };
      const day = today();
      if (before) {
        await repo.update(wave.id, before.id, checked.fields, day);
        const changed = (Object.keys(checked.fields) as Array<keyof typeof checked.fields>).filter((k) => JSON.stringify(checked.fields[k]) !== JSON.stringify(before[k]));
        await d.audit.record(actor, 'tracker.entry_updated', wave.laId, before.id, { changed });
        return { ok: true, entry: { ...before, ...checked.fields, updatedOn: day } };
      }
      const entry: TrackerEntry = { id: newId(), waveId: wave.id, ...checked.fields, createdOn: day, updatedOn: day };
      await repo.insert(entry);
      await d.audit.record(actor, 'tracker.entry_added', wave.laId, entry.id);
      return { ok: true, entry };
    },

    /** Deletes an entry (added by mistake) and its access code. */
    async remove(actor: Actor, waveId: string, entryId: string): Promise<void> {
      const wave = await trackerWave(d.programme, actor, waveId, 'tracker.edit');
      const entry = await repo.find(wave.id, entryId);
      if (!entry) throw new AppError('not_found');
      await repo.delete(wave.id, entry.id);
      await d.audit.record(actor, 'tracker.entry_deleted', wave.laId, entry.id);
    },

    /** The gaps view for the LA. */
    async gaps(actor: Actor, waveId: string): Promise<{ wave: Wave; gaps: Gaps; today: string }> {
      const wave = await trackerWave(d.programme, actor, waveId, 'tracker.view');
      const gaps = gapsOf(await repo.list(wave.id), { today: today(), targetRate: wave.targetRate, survey: wave.survey });
      await d.audit.record(actor, 'tracker.gaps_viewed', wave.laId, wave.id);
      return { wave, gaps, today: today() };
    },

    /** What the wave page shows of the tracker: links for the LA's own staff, counts for everyone who may see the wave. */
    async wavePanel(actor: Actor, wave: Pick<Wave, 'id' | 'laId'>): Promise<{ canView: boolean; canEdit: boolean; counts: { byStatus: StatusCounts; total: number } }> {
      return { canView: mayActIn(actor, 'tracker.view', wave.laId), canEdit: mayActIn(actor, 'tracker.edit', wave.laId), counts: await trackerCounts(wave.id) };
    },

    trackerCounts,

    /** The gaps as counts, for the twice-weekly update email; null when the wave has no tracker. */
    async digestGaps(waveId: string): Promise<Array<{ label: string; count: number }> | null> {
      const wave = await d.programme.findWave(waveId);
      const entries = wave ? await repo.list(wave.id) : [];
      if (!wave || entries.length === 0) return null;
      const g = gapsOf(entries, { today: today(), targetRate: wave.targetRate, survey: wave.survey });
      const noAdult = entries.filter((e) => !['completed', 'declined', 'unable', 'not_eligible'].includes(e.status) && e.trustedAdultName === null && (wave.survey === 'ylyc' || e.needsSupport === true)).length;
      return [
        { label: 'no plan yet', count: g.noPlan.length },
        { label: 'planned date passed without completion', count: g.overdue.length },
        { label: 'no trusted adult named yet', count: noAdult },
      ];
    },
  };
}

export type TrackerService = ReturnType<typeof trackerService>;
