/**
 * Redaction review use cases. Programme researchers and safeguarding reviewers list a wave's comments,
 * redacted only; safeguarding reviewers alone open a comment to see the original beside its
 * redaction, hide more, restore a false positive and decide (approve, approve for quoting with an
 * explicit confirmation, or withhold). Every view and every change is audited.
 */
import type { Db } from '../db/index.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { mayActIn, type Actor, type AuditLog, type ProgrammeService, type Wave } from '../programme/index.ts';
import { screen } from '../safeguarding/index.ts';
import {
  applySpans,
  countReviews,
  decide as decideStatus,
  effective,
  fingerprint,
  hidePhrase,
  hideWords,
  isHidden,
  isHideType,
  restoreSpan,
  segments,
  automatic,
  wordTokens,
  type EditResult,
  type Effective,
  type ReviewCounts,
  type ReviewStatus,
  type Segment,
  type Span,
  type Token,
} from './comments.ts';
import { commentsRepository, type CommentRow } from './comments.repository.ts';

/** Who wrote it, as far as anyone reviewing may know: the questionnaire's age group. */
const GROUP: Record<string, string> = {
  'ylyc-4-7': 'Ages 4 to 7',
  'ylyc-8-11': 'Ages 8 to 11',
  'ylyc-11-17': 'Ages 11 to 17',
  'ylbc-16-25': 'Care leavers aged 16 to 25',
};

export const PAGE_SIZE = 25;

export type StatusFilter = ReviewStatus | 'all';

/** A comment in the list: redacted text only. */
export interface ListItem {
  readonly id: string;
  readonly number: number;
  readonly group: string;
  readonly status: ReviewStatus;
  readonly quote: boolean;
  readonly text: string;
  readonly source: Effective['source'];
  readonly decidedBy: string | null;
  readonly decidedOn: string | null;
}

export interface CommentList {
  readonly wave: Wave;
  readonly items: readonly ListItem[];
  readonly counts: ReviewCounts;
  readonly status: StatusFilter;
  readonly page: number;
  readonly pages: number;
  /** Whether the reader may open comments (originals) and decide: safeguarding reviewers. */
  readonly mayRedact: boolean;
}

/** One comment for a safeguarding reviewer: original beside redaction, the words that may still be hidden, and the state. */
export interface CommentDetail {
  readonly wave: Wave;
  readonly id: string;
  readonly group: string;
  /** Null once retention removed the original. */
  readonly original: string | null;
  readonly segments: readonly Segment[];
  readonly redacted: string;
  readonly source: Effective['source'];
  readonly spans: readonly Span[];
  /** Words of the original not yet hidden, with their index for the form. */
  readonly words: readonly (Token & { readonly hidden: boolean })[];
  readonly status: ReviewStatus;
  readonly quote: boolean;
  readonly confirmed: boolean;
  readonly edited: boolean;
  readonly decidedBy: string | null;
  readonly decidedOn: string | null;
  readonly seen: string;
  /** Safeguarding screening's categories when it flags the original (a reason to think twice before quoting). */
  readonly flagged: readonly string[];
}

export type Outcome = { readonly ok: true } | { readonly ok: false; readonly problem: string; readonly field: string };

export interface CommentsDeps {
  db: Db;
  clock: Clock;
  programme: ProgrammeService;
  audit: AuditLog;
}

const dayOf = (iso: string | null): string | null => (iso === null ? null : iso.slice(0, 10));

function statusOf(c: CommentRow): ReviewStatus {
  return c.review?.status ?? 'pending';
}

export function commentsService(deps: CommentsDeps) {
  const repo = commentsRepository(deps.db);

  async function waveFor(actor: Actor, waveId: string, cap: 'comments.review' | 'comments.redact'): Promise<Wave> {
    const wave = await deps.programme.findWave(waveId);
    // Another LA's wave, or a capability not held, is answered as if nothing were there.
    if (!wave || !mayActIn(actor, cap, wave.laId)) throw new AppError('not_found');
    return wave;
  }

  async function commentFor(actor: Actor, waveId: string, commentId: string): Promise<{ wave: Wave; comment: CommentRow }> {
    const wave = await waveFor(actor, waveId, 'comments.redact');
    const comment = await repo.comment(wave.id, commentId);
    if (comment === undefined || (comment.original === null && comment.review === null)) throw new AppError('not_found');
    return { wave, comment };
  }

  const stateOf = (c: CommentRow) => ({ original: c.original, effective: effective(c.original, c.review) });

  /** Applies an edit of the spans and stores it: the comment goes back to waiting for a decision. */
  async function edit(actor: Actor, waveId: string, commentId: string, change: (original: string, spans: readonly Span[]) => EditResult, field: string, detail: Record<string, unknown>): Promise<Outcome> {
    const { wave, comment } = await commentFor(actor, waveId, commentId);
    const { original, effective: now } = stateOf(comment);
    if (original === null || now === null) return { ok: false, problem: 'The original comment has been deleted, so its redaction can no longer be changed', field };
    const result = change(original, now.spans);
    if (!result.ok) return { ok: false, problem: result.problem, field };
    const at = deps.clock.now().toISOString();
    await repo.save({
      commentId: comment.id,
      waveId: wave.id,
      spans: result.spans,
      redactedText: applySpans(original, result.spans),
      edited: true,
      status: 'pending',
      quote: false,
      confirmed: false,
      editedBy: actor.email,
      editedAt: at,
      decidedBy: null,
      decidedAt: null,
    });
    await deps.audit.record(actor, 'comments.redaction_changed', wave.laId, comment.id, { wave: wave.id, ...detail, previously: statusOf(comment) });
    return { ok: true };
  }

  return {
    /** The wave page's line: counts for those who may review, else null. */
    async wavePanel(actor: Actor, wave: Wave): Promise<{ counts: ReviewCounts; mayRedact: boolean } | null> {
      if (!mayActIn(actor, 'comments.review', wave.laId)) return null;
      return { counts: countReviews(await repo.statuses(wave.id)), mayRedact: mayActIn(actor, 'comments.redact', wave.laId) };
    },

    /** A page of the wave's comments, redacted only, filtered by status; audited as comments.viewed. */
    async list(actor: Actor, waveId: string, status: StatusFilter = 'pending', pageWanted = 1): Promise<CommentList> {
      const wave = await waveFor(actor, waveId, 'comments.review');
      const rows = await repo.waveComments(wave.id);
      const counts = countReviews(rows.map((c) => ({ status: statusOf(c), quote: c.review?.quote ?? false })));
      const numbered = rows.map((c, i) => ({ c, number: i + 1 })).filter(({ c }) => status === 'all' || statusOf(c) === status);
      const pages = Math.max(1, Math.ceil(numbered.length / PAGE_SIZE));
      const page = Math.min(Math.max(1, Math.trunc(pageWanted) || 1), pages);
      const items = numbered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).flatMap(({ c, number }): ListItem[] => {
        const e = effective(c.original, c.review);
        if (e === null) return [];
        return [{ id: c.id, number, group: GROUP[c.instrumentId] ?? c.instrumentId, status: statusOf(c), quote: c.review?.quote ?? false, text: e.text, source: e.source, decidedBy: c.review?.decidedBy ?? null, decidedOn: dayOf(c.review?.decidedAt ?? null) }];
      });
      await deps.audit.record(actor, 'comments.viewed', wave.laId, wave.id, { status, page, shown: items.length, originals: false });
      return { wave, items, counts, status, page, pages, mayRedact: mayActIn(actor, 'comments.redact', wave.laId) };
    },

    /** One comment with its original, for a safeguarding reviewer only; audited as comments.original_viewed. */
    async detail(actor: Actor, waveId: string, commentId: string): Promise<CommentDetail> {
      const { wave, comment } = await commentFor(actor, waveId, commentId);
      const { original, effective: e } = stateOf(comment);
      if (e === null) throw new AppError('not_found');
      const spans = original === null ? [] : e.spans;
      await deps.audit.record(actor, 'comments.original_viewed', wave.laId, comment.id, { wave: wave.id, original: original !== null });
      const flagged = original === null ? [] : screen(original).categories.map((c) => c.replaceAll('_', ' '));
      return {
        wave,
        id: comment.id,
        group: GROUP[comment.instrumentId] ?? comment.instrumentId,
        original,
        segments: original === null ? [] : segments(original, spans),
        redacted: e.text,
        source: e.source,
        spans,
        words: original === null ? [] : wordTokens(original).map((t) => ({ ...t, hidden: isHidden(t, spans) })),
        status: statusOf(comment),
        quote: comment.review?.quote ?? false,
        confirmed: comment.review?.confirmed ?? false,
        edited: comment.review?.edited ?? false,
        decidedBy: comment.review?.decidedBy ?? null,
        decidedOn: dayOf(comment.review?.decidedAt ?? null),
        seen: fingerprint(e.text),
        flagged,
      };
    },

    /** Hides the ticked words (indices of `wordTokens`) as one type; audited as comments.redaction_changed. */
    async hideWords(actor: Actor, waveId: string, commentId: string, indices: readonly number[], type: string): Promise<Outcome> {
      if (!isHideType(type)) return { ok: false, problem: 'Choose what the words are', field: 'type-words' };
      return edit(actor, waveId, commentId, (original, spans) => hideWords(original, spans, indices, type), 'words', { change: 'hide', type, words: indices.length });
    },

    /** Hides every place the typed words appear in the original; audited as comments.redaction_changed. */
    async hidePhrase(actor: Actor, waveId: string, commentId: string, phrase: string, type: string): Promise<Outcome> {
      if (!isHideType(type)) return { ok: false, problem: 'Choose what the words are', field: 'type-phrase' };
      return edit(actor, waveId, commentId, (original, spans) => hidePhrase(original, spans, phrase.slice(0, 500), type), 'phrase', { change: 'hide', type, typed: true });
    },

    /** Shows again the words of the span starting at `start` (a false positive); audited as comments.redaction_changed. */
    async restore(actor: Actor, waveId: string, commentId: string, start: number): Promise<Outcome> {
      return edit(actor, waveId, commentId, (_original, spans) => restoreSpan(spans, start), 'hidden', { change: 'restore' });
    },

    /**
     * Approves the redacted text, approves it for quoting (only with the reviewer's confirmation), or
     * withholds it. `seen` is the fingerprint of the text the reviewer read: a decision never applies
     * to a text changed since. Audited as comments.approved, comments.quote_approved or comments.withheld.
     */
    async decide(actor: Actor, waveId: string, commentId: string, decision: string, confirmed: boolean, seen: string): Promise<Outcome> {
      const { wave, comment } = await commentFor(actor, waveId, commentId);
      const { effective: e } = stateOf(comment);
      if (e === null) throw new AppError('not_found');
      const outcome = decideStatus(decision, confirmed);
      if (!outcome.ok) {
        return outcome.problem === 'confirm'
          ? { ok: false, problem: 'To approve it for quoting, confirm that no rare event or detail in it could identify the young person', field: 'confirm' }
          : { ok: false, problem: 'Choose what to do with this comment', field: 'decision' };
      }
      if (seen !== fingerprint(e.text)) return { ok: false, problem: 'The redacted text changed after you opened this page: read it again before deciding', field: 'decision' };
      const at = deps.clock.now().toISOString();
      await repo.save({
        commentId: comment.id,
        waveId: wave.id,
        spans: e.spans,
        redactedText: e.text,
        edited: comment.review?.edited ?? false,
        status: outcome.status,
        quote: outcome.quote,
        confirmed: outcome.quote,
        editedBy: comment.review?.editedBy ?? null,
        editedAt: comment.review?.editedAt ?? null,
        decidedBy: actor.email,
        decidedAt: at,
      });
      const action = outcome.status === 'withheld' ? 'comments.withheld' : outcome.quote ? 'comments.quote_approved' : 'comments.approved';
      await deps.audit.record(actor, action, wave.laId, comment.id, { wave: wave.id, ...(outcome.quote ? { confirmation: true } : {}), previously: statusOf(comment) });
      return { ok: true };
    },

    /**
     * Stores today's automatic redaction of every comment of a wave that has none stored yet (as
     * pending, unedited): for retention to call before it deletes originals, so a comment's redacted
     * form survives its original. Returns how many were stored. No actor: audited as a system action.
     */
    async preserveRedactions(waveId: string): Promise<number> {
      const wave = await deps.programme.findWave(waveId);
      if (!wave) throw new AppError('not_found');
      let stored = 0;
      for (const c of await repo.waveComments(wave.id)) {
        if (c.review !== null || c.original === null) continue;
        const auto = automatic(c.original);
        await repo.save({ commentId: c.id, waveId: wave.id, spans: auto.spans, redactedText: auto.text, edited: false, status: 'pending', quote: false, confirmed: false, editedBy: null, editedAt: null, decidedBy: null, decidedAt: null });
        stored++;
      }
      if (stored > 0) await deps.audit.record(null, 'comments.redactions_preserved', wave.laId, wave.id, { comments: stored });
      return stored;
    },
  };
}

export type CommentsService = ReturnType<typeof commentsService>;
