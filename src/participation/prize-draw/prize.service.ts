/**
 * Use cases of the prize draw: a young person enters (with nothing that links the entry to their
 * answers), the LA's lead sees the entries once the wave has closed, draws winners, and the entries
 * are deleted. Routes authorise; reads and draws are audited here, without names.
 */
import type { Db } from '../../db/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { isoDay } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor, AuditLog, ProgrammeService, Wave } from '../../programme/index.ts';
import { acceptsEntries, addDays, entriesExpireOn, entriesVisible, MAX_WINNERS, parseEntryForm, pickWinners, WINNERS_KEEP_DAYS, type EntryError, type PrizeEntry } from './draw.ts';
import { prizeRepository, type DrawRecord } from './prize.repository.ts';

export interface PrizeDrawDeps {
  db: Db;
  clock: Clock;
  programme: ProgrammeService;
  audit: AuditLog;
}

/** What the lead's page shows: nothing before close; after it, the entries (or winners) and the draw. */
export type LeadView =
  | { visible: false }
  | { visible: true; entries: PrizeEntry[]; winners: PrizeEntry[]; draw: DrawRecord | undefined; expiresOn: string | null; maxWinners: number };

export function prizeDrawService({ db, clock, programme, audit }: PrizeDrawDeps) {
  const repo = prizeRepository(db);
  const today = () => isoDay(clock.now());

  /** Deletes what is due: winners kept past their time, and entries never drawn past the retention period. */
  async function purgeExpired(): Promise<number> {
    let deleted = 0;
    for (const waveId of await repo.drawsToForget(today())) deleted += await repo.deleteEntries(waveId, 'winners');
    for (const waveId of await repo.wavesWithEntries()) {
      const wave = await programme.findWave(waveId);
      const expires = wave ? entriesExpireOn(wave) : today();
      if (expires !== null && expires <= today()) deleted += await repo.deleteEntries(waveId);
    }
    return deleted;
  }

  return {
    purgeExpired,

    /** Stores an entry from the form, if the wave takes entries now; otherwise the problems to show. */
    async enter(wave: Wave, body: Readonly<Record<string, unknown>>): Promise<{ ok: true } | { ok: false; errors: EntryError[] }> {
      if (!acceptsEntries(wave)) throw new AppError(wave.prizeDraw ? 'wave_closed' : 'not_found');
      const parsed = parseEntryForm(body);
      if (!parsed.ok) return parsed;
      await repo.insertEntry({ id: newId(), waveId: wave.id, ...parsed.entry });
      return { ok: true };
    },

    /** The lead's view of a wave's draw; reading entries (names) is audited. */
    async forLead(actor: Actor, wave: Wave): Promise<LeadView> {
      if (!entriesVisible(wave)) return { visible: false };
      await purgeExpired();
      const all = await repo.listEntries(wave.id);
      const entries = all.filter((e) => !e.won);
      const winners = all.filter((e) => e.won);
      if (all.length > 0) await audit.record(actor, 'prize.entries_viewed', wave.laId, wave.id, { entries: entries.length, winners: winners.length });
      return { visible: true, entries, winners, draw: await repo.findDraw(wave.id), expiresOn: entriesExpireOn(wave), maxWinners: Math.min(entries.length, MAX_WINNERS) };
    },

    /** Draws `count` winners at random; every other entry is deleted at once. */
    async draw(actor: Actor, wave: Wave, countText: string): Promise<{ ok: true; winners: number } | { ok: false; error: string }> {
      if (!entriesVisible(wave)) throw new AppError('conflict', 'The draw can only be made after the wave has closed');
      const undrawn = (await repo.listEntries(wave.id)).filter((e) => !e.won).length;
      if (undrawn === 0) return { ok: false, error: 'There are no entries to draw from' };
      const max = Math.min(undrawn, MAX_WINNERS);
      const count = /^\d{1,3}$/.test(countText.trim()) ? Number(countText.trim()) : NaN;
      if (!(count >= 1 && count <= max)) return { ok: false, error: `Enter a number of winners from 1 to ${max}` };
      const day = today();
      const result = await repo.draw(wave.id, (ids) => pickWinners(ids, count), { waveId: wave.id, drawnOn: day, forgetOn: addDays(day, WINNERS_KEEP_DAYS) });
      await audit.record(actor, 'prize.drawn', wave.laId, wave.id, { entries: result.entries, winners: result.winners.length, method: 'crypto.randomInt' });
      return { ok: true, winners: result.winners.length };
    },

    /** Deletes the winners' details once they have their prizes. */
    async forgetWinners(actor: Actor, wave: Wave): Promise<void> {
      const n = await repo.deleteEntries(wave.id, 'winners');
      await audit.record(actor, 'prize.winners_deleted', wave.laId, wave.id, { winners: n });
    },
  };
}

export type PrizeDrawService = ReturnType<typeof prizeDrawService>;
