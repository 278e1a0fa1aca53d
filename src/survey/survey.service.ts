/**
 * The young person's survey, as use cases: open a wave's link, start a draft, save pages, save for later
 * and resume, submit once. Drafts are the young person's own: no staff use case reads them.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import { isOffered, type Instrument, type InstrumentId } from '../instruments/index.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { hashSecret, newId, newToken } from '../lib/ids.ts';
import { isAcceptingResponses, type ProgrammeService, type Wave } from '../programme/index.ts';
import type { AccessCodeRedeemer, CodeCheck } from '../participation/index.ts';
import { draftsRepository, type Draft } from './drafts.repository.ts';
import {
  atPage,
  mergePage,
  nextPosition,
  previousPosition,
  questionsShown,
  revealedOnPage,
  type DraftState,
  type Position,
} from './journey.ts';
import { readPageForm, type FieldError, type PageAction } from './page-form.ts';
import { newResumeCode, parseResumeCode } from './resume-code.ts';
import { instrumentOf } from './response.ts';
import { recorder, type SubmittedEvent } from './recorder.ts';
import { responsesRepository } from './responses.repository.ts';

export type { SubmittedEvent, RecordInput } from './recorder.ts';

/** What the survey needs from the rest of the platform. */
export interface SurveyDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'draftTtlDays' | 'draftsPerWavePerHour'>;
  programme: Pick<ProgrammeService, 'waveByLinkCode' | 'findWave'>;
  /** Called after a response has committed (safeguarding screening subscribes here); never blocks. */
  onSubmitted?: (e: SubmittedEvent) => Promise<void> | void;
  /** Where a failing subscriber is reported; gets no response content. */
  logError?: (message: string) => void;
  /** Optional access codes (participation): checked on the start page, marked used after submission. */
  accessCodes?: AccessCodeRedeemer;
}

/** A draft found (or not) from a browser's cookie. */
export type DraftLookup = { kind: 'none' } | { kind: 'expired' } | { kind: 'found'; draft: Draft };

/** What a submission did: stored now, already stored (a replay), or nothing to submit. */
export type SubmitOutcome = 'stored' | 'duplicate' | 'no_draft' | 'stale_key';

/** What a typed resume code leads to. */
export type ResumeResult =
  | { kind: 'bad_format' }
  | { kind: 'unknown' }
  | { kind: 'expired'; linkCode: string }
  | { kind: 'resumed'; draft: Draft; token: string; wave: Wave };

/** The result of saving a page: where to go next, or the page again with what could not be saved. */
export type PageResult =
  | { kind: 'saved'; draft: Draft; action: PageAction; goTo: Position }
  | { kind: 'invalid'; draft: Draft; errors: readonly FieldError[] };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Link codes are 8 characters; anything much longer is not worth a database round trip.
const plausibleLinkCode = (code: string) => code.length > 0 && code.length <= 32;

/** The survey use cases over a database. */
export function surveyService(deps: SurveyDeps) {
  const { clock, config, programme } = deps;
  const drafts = draftsRepository(deps.db);
  const responses = responsesRepository(deps.db);
  const record = recorder(deps, responses);
  const now = () => clock.now().toISOString();
  const expiry = (from: Date) => new Date(from.getTime() + config.draftTtlDays * DAY).toISOString();

  async function save(draft: Draft, state: DraftState): Promise<Draft> {
    const at = clock.now();
    await drafts.saveState(draft.id, state, at.toISOString(), expiry(at));
    return { ...draft, ...state, updatedAt: at.toISOString(), expiresAt: expiry(at) };
  }

  /** Gives the draft a new cookie token (and submission key); the old cookie stops working. */
  async function rotate(draft: Draft): Promise<{ draft: Draft; token: string }> {
    const token = newToken();
    const submissionKey = newToken();
    await drafts.setToken(draft.id, hashSecret(token), submissionKey);
    return { draft: { ...draft, submissionKey }, token };
  }

  /** The draft a browser's cookie token points to in this wave; an expired one is deleted on sight. */
  async function findDraft(wave: Wave, token: string | undefined): Promise<DraftLookup> {
    if (!token || token.length > 100) return { kind: 'none' };
    const draft = await drafts.findByToken(hashSecret(token));
    if (!draft || draft.waveId !== wave.id) return { kind: 'none' };
    if (draft.expiresAt <= now()) {
      await drafts.delete(draft.id);
      return { kind: 'expired' };
    }
    return { kind: 'found', draft };
  }

  return {
    /** The wave behind a survey link, if it is taking answers; otherwise the refusal a young person sees. */
    async openWave(linkCode: string): Promise<Wave> {
      const wave = plausibleLinkCode(linkCode) ? await programme.waveByLinkCode(linkCode) : undefined;
      if (!wave) throw new AppError('wave_not_found');
      if (wave.status === 'planned') throw new AppError('wave_not_open');
      if (!isAcceptingResponses(wave)) throw new AppError('wave_closed');
      return wave;
    },

    /** The wave behind a survey link whatever its status (thank-you, privacy and quick-exit pages). */
    async findWaveByLink(linkCode: string): Promise<Wave> {
      const wave = plausibleLinkCode(linkCode) ? await programme.waveByLinkCode(linkCode) : undefined;
      if (!wave) throw new AppError('wave_not_found');
      return wave;
    },

    /** The instruments a wave offers, in the bank's order of age. */
    instrumentsOf(wave: Wave): Instrument[] {
      return wave.instruments.map((id) => instrumentOf(id)).sort((a, b) => a.band.min - b.band.min);
    },

    findDraft,

    /**
     * Checks an access code typed on a wave's start page. Only its hash goes on, into the draft; without
     * access codes wired in, every code is unknown.
     */
    async checkAccessCode(wave: Wave, typed: string): Promise<CodeCheck> {
      return deps.accessCodes ? deps.accessCodes.checkAccessCode(wave.id, typed) : { kind: 'unknown' };
    },

    /**
     * Starts a draft of an instrument, with the hash of a checked access code if one was typed; refuses
     * when too many were started in this wave in the last hour.
     */
    async startDraft(
      wave: Wave,
      instrumentId: InstrumentId,
      language: string,
      accessCodeHash: string | null = null,
    ): Promise<{ draft: Draft; token: string }> {
      // An easy-read variant is offered wherever its original age group is (docs/easy-read.md).
      if (!isOffered(wave.instruments, instrumentId)) throw new AppError('bad_request');
      const at = clock.now();
      const recent = await drafts.countCreatedSince(wave.id, new Date(at.getTime() - HOUR).toISOString());
      if (recent >= config.draftsPerWavePerHour) throw new AppError('too_many_drafts');
      const token = newToken();
      const draft: Draft = {
        id: newId(),
        waveId: wave.id,
        instrumentId,
        language,
        answers: {},
        freeText: {},
        textVisible: [],
        // 4-7s always answer with an adult; older young people say so on the introduction.
        adultHelped: instrumentId === 'ylyc-4-7',
        position: 'intro',
        submissionKey: newToken(),
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
        expiresAt: expiry(at),
        accessCodeHash,
      };
      // The resume code is made only on request; until then the column holds the hash of a secret nobody has.
      await drafts.insert(draft, hashSecret(token), hashSecret(newToken()));
      return { draft, token };
    },

    /** Records the introduction's answer (is an adult helping?) and moves to the first page. */
    async finishIntro(draft: Draft, adultHelped: boolean | undefined): Promise<Position> {
      const instrument = instrumentOf(draft.instrumentId);
      const goTo = nextPosition(instrument, draft.answers, 'intro');
      const helped = draft.instrumentId === 'ylyc-4-7' ? true : (adultHelped ?? false);
      await save(draft, { ...draft, adultHelped: helped, position: goTo });
      return goTo;
    },

    /**
     * Saves what was sent from a page. Valid answers are kept even when another is refused; Continue
     * stays on the page when its own answers reveal a question, and otherwise goes to the next shown page.
     */
    async savePage(draft: Draft, pageId: string, body: unknown): Promise<PageResult> {
      const instrument = instrumentOf(draft.instrumentId);
      const page = instrument.pages.find((p) => p.id === pageId);
      if (!page) throw new AppError('not_found');
      const shown = questionsShown(instrument, page, draft.answers);
      const form = readPageForm(shown, body);
      const merged = mergePage(instrument, draft, page, form.input);
      const here = atPage(pageId);
      if (form.errors.length > 0) {
        return { kind: 'invalid', draft: await save(draft, { ...merged, position: here }), errors: form.errors };
      }
      let goTo: Position = here;
      if (form.action === 'continue') {
        const revealed = revealedOnPage(instrument, page, draft.answers, merged.answers).length > 0;
        goTo = revealed ? here : nextPosition(instrument, merged.answers, here);
      } else if (form.action === 'back') {
        goTo = previousPosition(instrument, merged.answers, here);
      }
      // An autosave may land after the Continue it raced: it must not pull the position back.
      const position = form.action === 'autosave' ? draft.position : goTo;
      const saved = await save(draft, { ...merged, position });
      return { kind: 'saved', draft: saved, action: form.action, goTo };
    },

    /** Notes that the young person reached the "ready to send?" step (so a resume returns there). */
    async reachReview(draft: Draft): Promise<void> {
      if (draft.position !== 'review') await save(draft, { ...draft, position: 'review' });
    },

    /** Switches the draft's language; answers are untouched. */
    async setLanguage(draft: Draft, language: string): Promise<void> {
      await save(draft, { ...draft, language });
    },

    /** Makes a new resume code for the draft (replacing any earlier one) and returns it, once. */
    async makeResumeCode(draft: Draft): Promise<string> {
      for (let attempt = 0; ; attempt++) {
        const code = newResumeCode();
        try {
          const at = clock.now();
          await drafts.setResume(draft.id, hashSecret(code), at.toISOString(), expiry(at));
          return code;
        } catch (e) {
          // A clash with another draft's code is astronomically rare; try a fresh one.
          if (attempt >= 2) throw e;
        }
      }
    },

    /**
     * Continues a draft from its resume code on any device: a new cookie token, and free text typed
     * before is kept but no longer shown (whoever holds the code must not read it).
     */
    async resume(typed: string): Promise<ResumeResult> {
      const code = parseResumeCode(typed);
      if (!code) return { kind: 'bad_format' };
      const draft = await drafts.findByResume(hashSecret(code));
      const wave = draft && (await programme.findWave(draft.waveId));
      if (!draft || !wave) return { kind: 'unknown' };
      if (draft.expiresAt <= now()) {
        await drafts.delete(draft.id);
        return { kind: 'expired', linkCode: wave.linkCode };
      }
      if (wave.status === 'planned') throw new AppError('wave_not_open');
      if (!isAcceptingResponses(wave)) throw new AppError('wave_closed');
      const moved = await rotate(draft);
      const saved = await save(moved.draft, { ...moved.draft, textVisible: [] });
      return { kind: 'resumed', draft: saved, token: moved.token, wave };
    },

    /** Forgets the draft on this device (quick exit, "start again", "stop for now"); its code still works. */
    async forgetDevice(draft: Draft): Promise<void> {
      await rotate(draft);
    },

    /**
     * Submits the draft once. A key already used means a replay: nothing is stored again and the
     * caller shows the same thank-you page. Returns what happened.
     */
    async submit(wave: Wave, token: string | undefined, key: string | undefined): Promise<SubmitOutcome> {
      if (!key || key.length > 100) return 'stale_key';
      const keyHash = hashSecret(key);
      if (await responses.submissionExists(keyHash)) return 'duplicate';
      const found = await findDraft(wave, token);
      // A double click's twin may have stored the response and removed the draft between our two
      // reads: that is the same submission, so it gets the same thank-you page.
      if (found.kind !== 'found') return (await responses.submissionExists(keyHash)) ? 'duplicate' : 'no_draft';
      const { draft } = found;
      const a = Buffer.from(draft.submissionKey);
      const b = Buffer.from(key);
      if (a.length !== b.length || !timingSafeEqual(a, b)) return 'stale_key';
      return record.online(wave, draft, keyHash);
    },

    /** Stores a complete response from any channel after checking it against the instrument (demo, paper). */
    recordResponse: record.recordResponse,

    /** Deletes drafts not updated for the configured number of days; returns how many. Run hourly. */
    async purgeExpiredDrafts(): Promise<number> {
      return drafts.deleteExpired(now());
    },
  };
}

export type SurveyService = ReturnType<typeof surveyService>;
