/**
 * Manual entry of paper forms, as use cases for programme data-entry staff (`paper.enter`): key a form once
 * (stored at once) or twice by two different people (the first entry waits, the second is compared, the
 * differences resolved), then store it as a response with channel "paper" through the survey's own
 * recorder and screen its comments. The response keeps the day only: no serial, person or time of entry.
 */
import type { Db } from '../../db/index.ts';
import { getInstrument, type Instrument } from '../../instruments/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { isoDay } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { newCode, newId, normaliseCode } from '../../lib/ids.ts';
import { hasCapability, type Actor, type AuditLog, type ProgrammeService, type Wave } from '../../programme/index.ts';
import type { RecordInput } from '../../survey/index.ts';
import { compareEntries, readForm, resolveEntries, type Difference, type EntryValues, type ReadForm } from './entry.ts';
import { entryRepository, type PendingEntry } from './entry.repository.ts';
import { storePaperResponse } from './store.ts';

export interface PaperEntryDeps {
  db: Db;
  clock: Clock;
  programme: Pick<ProgrammeService, 'findWave' | 'listWaves'>;
  audit: AuditLog;
  /** The survey's recorder: one path for every channel's responses. */
  record: (input: RecordInput) => Promise<{ id: string }>;
  /** Safeguarding screening of a stored response's comments; safe to call twice. */
  screen: (responseId: string) => Promise<unknown>;
}

/** Entry modes: one person keys the form, or two keys it independently and the differences are resolved. */
export type Mode = 'single' | 'double';

/** A wave and one of its questionnaires, as the start page offers them. */
export interface FormChoice {
  readonly value: string;
  readonly wave: Wave;
  readonly instrument: Instrument;
}

/** What a submitted entry led to. */
export type EntryOutcome =
  | { kind: 'invalid'; read: ReadForm }
  | { kind: 'stored'; dropped: number }
  | { kind: 'pending'; entryId: string; reference: string }
  | { kind: 'differences'; entryId: string };

// Late returns are welcome: a closed (or already reported) wave still takes paper forms.
const takesPaper = (w: Wave): boolean => w.status !== 'planned';
const REFERENCE_LENGTH = 6;

/** The paper entry use cases over a database. */
export function paperEntryService(deps: PaperEntryDeps) {
  const repo = entryRepository(deps.db);

  function authorise(actor: Actor): void {
    // Those without the capability are answered as if the page did not exist, like another LA's data.
    if (!hasCapability(actor, 'paper.enter')) throw new AppError('not_found');
  }

  async function formOf(waveId: string, instrumentId: string): Promise<{ wave: Wave; instrument: Instrument }> {
    const wave = await deps.programme.findWave(waveId);
    const instrument = getInstrument(instrumentId);
    if (!wave || !instrument || !wave.instruments.includes(instrument.id)) throw new AppError('not_found');
    if (!takesPaper(wave)) throw new AppError('conflict', 'This wave has not opened yet');
    return { wave, instrument };
  }

  async function newReference(): Promise<string> {
    for (;;) {
      const reference = newCode(REFERENCE_LENGTH);
      if (!(await repo.referenceTaken(reference))) return reference;
    }
  }

  /** Stores a complete form as a paper response dated to the day, and screens its comments. */
  async function store(actor: Actor, wave: Wave, instrument: Instrument, values: EntryValues, how: Mode): Promise<void> {
    await storePaperResponse(deps, wave, instrument, values);
    // Neither the response nor the entry is named: the log says who stored a form in which wave, not which response it became.
    await deps.audit.record(actor, 'paper.form_stored', wave.laId, null, { waveId: wave.id, instrument: instrument.id, mode: how });
  }

  async function pendingFor(actor: Actor, entryId: string): Promise<{ entry: PendingEntry; wave: Wave; instrument: Instrument }> {
    authorise(actor);
    const entry = await repo.find(entryId);
    if (!entry) throw new AppError('not_found');
    const { wave, instrument } = await formOf(entry.waveId, entry.instrumentId);
    return { entry, wave, instrument };
  }

  /** Takes a pending form and stores it; puts it back if storing fails, so no keying is lost. */
  async function complete(actor: Actor, entry: PendingEntry, wave: Wave, instrument: Instrument, values: EntryValues): Promise<void> {
    if (!(await repo.take(entry.id))) throw new AppError('conflict', 'This form has just been stored by someone else');
    try {
      await store(actor, wave, instrument, values, 'double');
    } catch (e) {
      await repo.putBack(entry);
      throw e;
    }
  }

  /** A form waiting for its second entry, for a person other than the first. */
  async function secondForm(actor: Actor, entryId: string): Promise<{ entry: PendingEntry; wave: Wave; instrument: Instrument }> {
    const found = await pendingFor(actor, entryId);
    if (found.entry.status !== 'awaiting_second') throw new AppError('conflict', 'This form already has its second entry');
    if (found.entry.firstBy === actor.accountId) throw new AppError('forbidden', 'You keyed the first entry of this form: a different person must key the second');
    return found;
  }

  return {
    /** Refuses (as "not found") anyone without `paper.enter`. */
    authorise,

    /** The waves and questionnaires that take paper forms now, and the forms waiting for a second entry or resolution. */
    async start(actor: Actor) {
      authorise(actor);
      const waves = (await deps.programme.listWaves()).filter(takesPaper);
      const choices: FormChoice[] = waves.flatMap((wave) =>
        wave.instruments.flatMap((id) => {
          const instrument = getInstrument(id);
          return instrument ? [{ value: `${wave.id}/${id}`, wave, instrument }] : [];
        }),
      );
      const pending = (await repo.list()).map((p) => ({ ...p, mine: p.firstBy === actor.accountId || p.secondBy === actor.accountId }));
      return { choices, pending };
    },

    /** The wave and questionnaire of a chosen form ("<waveId>/<instrumentId>"). */
    async form(actor: Actor, choice: string): Promise<{ wave: Wave; instrument: Instrument }> {
      authorise(actor);
      const [waveId = '', instrumentId = ''] = choice.split('/');
      return formOf(waveId, instrumentId);
    },

    /** A first (or only) entry: stored at once, or kept waiting for a second person under a new reference. */
    async enter(actor: Actor, choice: string, mode: Mode, serial: string, fields: Readonly<Record<string, string>>): Promise<EntryOutcome> {
      authorise(actor);
      const [waveId = '', instrumentId = ''] = choice.split('/');
      const { wave, instrument } = await formOf(waveId, instrumentId);
      const read = readForm(instrument, fields);
      if (read.problems.length > 0 || read.empty) return { kind: 'invalid', read };
      if (mode === 'single') {
        await store(actor, wave, instrument, read.values, 'single');
        return { kind: 'stored', dropped: read.dropped.length };
      }
      const reference = await newReference();
      const entry: PendingEntry = {
        id: newId(),
        reference,
        waveId: wave.id,
        instrumentId: instrument.id,
        sheetSerial: serial.trim() === '' ? null : normaliseCode(serial).slice(0, 40),
        status: 'awaiting_second',
        firstBy: actor.accountId,
        first: read.values,
        secondBy: null,
        second: null,
        createdOn: isoDay(deps.clock.now()),
      };
      await repo.insert(entry);
      // Who keyed which form, never what it says.
      await deps.audit.record(actor, 'paper.first_entry', wave.laId, entry.id, { waveId: wave.id, instrument: instrument.id });
      return { kind: 'pending', entryId: entry.id, reference };
    },

    /** The form waiting for a second entry under a typed reference or sheet serial; never the first person's own. */
    async findSecond(actor: Actor, typed: string): Promise<{ kind: 'found'; entryId: string } | { kind: 'none' } | { kind: 'same_person' }> {
      authorise(actor);
      const code = normaliseCode(typed);
      if (code === '') return { kind: 'none' };
      const found = await repo.awaitingByReferenceOrSerial(code, code);
      const entry = found.find((e) => e.reference === code) ?? found[0];
      if (!entry) return { kind: 'none' };
      if (entry.firstBy === actor.accountId) return { kind: 'same_person' };
      return { kind: 'found', entryId: entry.id };
    },

    secondForm,

    /** The second entry: stored when it matches the first, else kept for the differences to be resolved. */
    async enterSecond(actor: Actor, entryId: string, fields: Readonly<Record<string, string>>): Promise<EntryOutcome> {
      const { entry, wave, instrument } = await secondForm(actor, entryId);
      const read = readForm(instrument, fields);
      if (read.problems.length > 0 || read.empty) return { kind: 'invalid', read };
      const differences = compareEntries(instrument, entry.first, read.values);
      if (differences.length === 0) {
        await complete(actor, entry, wave, instrument, entry.first);
        return { kind: 'stored', dropped: read.dropped.length };
      }
      if (!(await repo.recordSecond(entry.id, actor.accountId, read.values))) throw new AppError('conflict', 'This form already has its second entry');
      await deps.audit.record(actor, 'paper.second_entry', wave.laId, entry.id, { waveId: wave.id, differences: differences.length });
      return { kind: 'differences', entryId: entry.id };
    },

    /** The two entries' differences side by side, for either person or a third; the view is audited. */
    async differences(actor: Actor, entryId: string): Promise<{ entry: PendingEntry; wave: Wave; instrument: Instrument; differences: Difference[] }> {
      const found = await pendingFor(actor, entryId);
      if (found.entry.status !== 'to_resolve' || found.entry.second === null) throw new AppError('conflict', 'This form is still waiting for its second entry');
      await deps.audit.record(actor, 'paper.differences_viewed', found.wave.laId, entryId);
      return { ...found, differences: compareEntries(found.instrument, found.entry.first, found.entry.second) };
    },

    /** Stores the form as resolved, or lists the differences still without a choice. */
    async resolve(actor: Actor, entryId: string, choices: Readonly<Record<string, string>>): Promise<{ kind: 'missing'; missing: string[] } | { kind: 'stored'; dropped: number }> {
      const { entry, wave, instrument } = await pendingFor(actor, entryId);
      if (entry.status !== 'to_resolve' || entry.second === null) throw new AppError('conflict', 'This form is still waiting for its second entry');
      const resolved = resolveEntries(instrument, entry.first, entry.second, choices);
      if (!resolved.ok) return { kind: 'missing', missing: resolved.missing };
      await complete(actor, entry, wave, instrument, resolved.values);
      await deps.audit.record(actor, 'paper.resolved', wave.laId, entry.id, { waveId: wave.id });
      return { kind: 'stored', dropped: resolved.dropped.length };
    },
  };
}

export type PaperEntryService = ReturnType<typeof paperEntryService>;
