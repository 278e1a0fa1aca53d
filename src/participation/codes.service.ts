/**
 * Access codes: the LA lead generates them (shown once, to print), the survey checks a typed code and,
 * after a response has committed, marks it used (the day only, in its own transaction). The daily batch
 * then marks those young people completed, so the tracker changes once a day, never as responses arrive.
 */
import type { Clock } from '../lib/clock.ts';
import { isoDay } from '../lib/clock.ts';
import type { Actor, AuditLog, ProgrammeService, Wave } from '../programme/index.ts';
import { accessCodeHash, formatAccessCode, newAccessCode, parseAccessCode } from './access-codes.ts';
import { accessCodesRepository } from './access-codes.repository.ts';
import { trackerWave } from './policy.ts';
import { trackerRepository } from './tracker.repository.ts';
import type { InstrumentId } from '../instruments/types.ts';
import type { Db } from '../db/index.ts';

export interface CodesDeps {
  db: Db;
  clock: Clock;
  programme: Pick<ProgrammeService, 'findWave'>;
  audit: AuditLog;
  publicUrl: string;
}

/** What a typed code is: usable (with its hash, the only thing a draft keeps), or why not. */
export type CodeCheck = { kind: 'ok'; codeHash: string } | { kind: 'bad_format' } | { kind: 'unknown' } | { kind: 'used' };

/** Which entries get new codes: those without one, or every entry whose code is unused (replacing it). */
export type CodeScope = 'missing' | 'unused';

/** One line of the printable list. */
export interface PrintedCode {
  reference: string;
  ageBand: InstrumentId;
  team: string | null;
  code: string;
}

/** Builds the access-code use cases. */
export function codesService(d: CodesDeps) {
  const codes = accessCodesRepository(d.db);
  const tracker = trackerRepository(d.db);

  return {
    /** How many entries have a code and how many codes the daily batch has recorded as used; the survey link. */
    async codesOverview(actor: Actor, waveId: string): Promise<{ wave: Wave; entries: number; withCode: number; used: number; link: string }> {
      const wave = await trackerWave(d.programme, actor, waveId, 'tracker.edit');
      const [entries, states] = await Promise.all([tracker.list(wave.id), codes.listForWave(wave.id)]);
      return {
        wave,
        entries: entries.filter((e) => e.status !== 'not_eligible').length,
        withCode: states.length,
        used: states.filter((s) => s.usedOn !== null).length,
        link: `${d.publicUrl}/s/${wave.linkCode}`,
      };
    },

    /** Generates codes and returns them, once, for printing: only their hashes are kept. */
    async generateCodes(actor: Actor, waveId: string, scope: CodeScope): Promise<{ wave: Wave; codes: PrintedCode[]; link: string }> {
      const wave = await trackerWave(d.programme, actor, waveId, 'tracker.edit');
      const [entries, states] = await Promise.all([tracker.list(wave.id), codes.listForWave(wave.id)]);
      const state = new Map(states.map((s) => [s.entryId, s]));
      const chosen = entries.filter((e) => e.status !== 'not_eligible' && (state.get(e.id)?.usedOn ?? null) === null && (scope === 'unused' || !state.has(e.id)));
      const printed = chosen.map((e) => ({ entry: e, code: newAccessCode() }));
      await codes.replace(wave.id, printed.map((p) => ({ entryId: p.entry.id, codeHash: accessCodeHash(p.code) })), isoDay(d.clock.now()));
      await d.audit.record(actor, 'tracker.codes_generated', wave.laId, wave.id, { scope, count: printed.length });
      return {
        wave,
        link: `${d.publicUrl}/s/${wave.linkCode}`,
        codes: printed.map((p) => ({ reference: p.entry.reference, ageBand: p.entry.ageBand, team: p.entry.team, code: formatAccessCode(p.code) })),
      };
    },

    /**
     * Checks a code typed on a wave's start page. "Used" means used on an earlier day, as the tracker
     * already shows: a code used today still opens the survey, so typing codes in is no live signal of
     * who has just taken part (a second use changes nothing).
     */
    async checkAccessCode(waveId: string, typed: string): Promise<CodeCheck> {
      const code = parseAccessCode(typed);
      if (!code) return { kind: 'bad_format' };
      const codeHash = accessCodeHash(code);
      const found = await codes.find(codeHash);
      if (!found || found.waveId !== waveId || found.replaced) return { kind: 'unknown' };
      if (found.usedOn !== null) return { kind: 'used' };
      return { kind: 'ok', codeHash };
    },

    /**
     * Records a code as used on a day; called by the survey after the response committed, in its own
     * writes. Nothing an LA sees changes until the daily batch. Unknown or used codes change nothing.
     */
    async markCodeUsed(codeHash: string, day: string): Promise<void> {
      await codes.markUsed(codeHash, day);
    },

    /**
     * The daily batch: young people whose code was used before `today` become completed on the tracker.
     * Idempotent; run by the scheduler once a day. Returns how many entries it completed.
     */
    async applyCodeCompletions(today: string): Promise<number> {
      const n = await codes.applyCompletions(today);
      if (n > 0) await d.audit.record(null, 'tracker.codes_applied', null, null, { day: today, entries: n });
      return n;
    },
  };
}

export type CodesService = ReturnType<typeof codesService>;
