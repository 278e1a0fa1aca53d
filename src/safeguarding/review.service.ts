/**
 * Safeguarding use cases: screening on submission, the review queue for programme safeguarding
 * reviewers (read, decide, time to decision), and disclosures to LAs. Reading a comment and deciding
 * need 'safeguarding.review'; every view of a comment and every decision is audited.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import { getInstrument } from '../instruments/index.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mailer } from '../lib/email.ts';
import { AppError } from '../lib/errors.ts';
import { newId } from '../lib/ids.ts';
import { hasCapability, type Actor, type AuditLog, type Grant } from '../programme/index.ts';
import type { EmergencyDutyTeam, SafeguardingContact } from '../programme/planning/index.ts';
import { categoryLabel } from './categories.ts';
import { disclosureContent, disclosureRows, type Lookup } from './disclosure.ts';
import { disclosureService, type Delivery } from './disclosure.service.ts';
import { inOfficeHours, ukDateTime, type OfficeHours } from './escalation.ts';
import { reviewRepository, type ReviewRow } from './review.repository.ts';
import { decisionTimes, elapsedMs, formatDuration, highlight, parseDecisionForm, parsePeriod, type DecisionTimes, type Period } from './review.ts';
import { screeningService } from './screening.service.ts';

export interface SafeguardingDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'safeguardingEscalateHours' | 'safeguardingOfficeDays' | 'safeguardingOfficeHours'>;
  programme: { listLas(): Promise<ReadonlyArray<{ id: string }>> };
  planning: { settingsOf(laId: string): Promise<{ settings: { emergencyDutyTeam: EmergencyDutyTeam | null }; contacts: SafeguardingContact[] }> };
  accounts: { listAccounts(): Promise<ReadonlyArray<{ email: string; name: string; status: string; grants: readonly Grant[] }>> };
  audit: AuditLog;
  mailer: Mailer;
  /** English option labels (the staff area is read in English). */
  t: Lookup;
  logError?: (message: string) => void;
}

export const PAGE_SIZE = 25;

/** A flagged comment as the reviewer sees it. */
export interface ReviewItem {
  commentId: string;
  laId: string;
  laName: string;
  waveId: string;
  waveTitle: string;
  segments: ReturnType<typeof highlight>;
  categories: Array<{ id: string; label: string }>;
  context: Array<{ label: string; value: string }>;
  submittedAt: string;
  /** Waiting so far, or time taken to decide. */
  elapsed: string;
  decision: ReviewRow['decision'];
  note: string | null;
  decidedByEmail: string | null;
  decidedAt: string | null;
  disclosure: (NonNullable<ReviewRow['disclosure']> & { sentAt: string; acknowledged: string | null }) | null;
}

export function safeguardingService(deps: SafeguardingDeps) {
  const logError = deps.logError ?? ((m: string) => console.error(m));
  const repo = reviewRepository(deps.db);
  const screening = screeningService({ db: deps.db, clock: deps.clock });
  const officeHours: OfficeHours = { days: deps.config.safeguardingOfficeDays, ...deps.config.safeguardingOfficeHours };
  const disclosures = disclosureService({
    db: deps.db,
    clock: deps.clock,
    publicUrl: deps.config.publicUrl,
    escalateHours: deps.config.safeguardingEscalateHours,
    officeHours,
    planning: deps.planning,
    accounts: deps.accounts,
    listLaIds: async () => (await deps.programme.listLas()).map((la) => la.id),
    audit: deps.audit,
    mailer: deps.mailer,
    t: deps.t,
    logError,
  });
  const now = () => deps.clock.now().toISOString();

  function requireReviewer(actor: Actor): void {
    if (!hasCapability(actor, 'safeguarding.review')) throw new AppError('not_found');
  }

  function toItem(r: ReviewRow): ReviewItem {
    const instrument = getInstrument(r.instrumentId);
    const context = instrument ? disclosureRows(disclosureContent({ instrument, answers: r.answers, completedAt: r.completedAt, waveTitle: r.waveTitle, text: '' }, deps.t)) : [];
    return {
      commentId: r.commentId,
      laId: r.laId,
      laName: r.laName,
      waveId: r.waveId,
      waveTitle: r.waveTitle,
      segments: highlight(r.text, r.matches),
      categories: r.categories.map((id) => ({ id, label: categoryLabel(id) })),
      context,
      submittedAt: ukDateTime(r.submittedAt),
      elapsed: formatDuration(Math.max(0, elapsedMs(r.submittedAt, r.decidedAt ?? now()))),
      decision: r.decision,
      note: r.note,
      decidedByEmail: r.decidedByEmail,
      decidedAt: r.decidedAt ? ukDateTime(r.decidedAt) : null,
      disclosure: r.disclosure ? { ...r.disclosure, sentAt: ukDateTime(r.disclosure.createdAt), acknowledged: r.disclosure.acknowledgedAt ? ukDateTime(r.disclosure.acknowledgedAt) : null } : null,
    };
  }

  async function audited(actor: Actor, rows: readonly ReviewRow[]): Promise<void> {
    for (const r of rows) await deps.audit.record(actor, 'safeguarding.comment_viewed', r.laId, r.commentId);
  }

  /** Time to decision over a period, in words ("-" when nothing was decided in it). */
  async function timings(period: Period): Promise<(DecisionTimes & { median: string; p90: string }) | null> {
    if (!period.ok) return null;
    const times = decisionTimes(await repo.decisionTimes(period.fromIso, period.toIso), period.fromIso, period.toIso);
    const words = (ms: number | null) => (ms === null ? 'None decided' : formatDuration(ms));
    return { ...times, median: words(times.medianMs), p90: words(times.p90Ms) };
  }

  return {
    /** Screens a response's comments (online submissions, paper transcriptions); safe to call more than once. */
    screenComments: (responseId: string) => screening.screenComments(responseId),

    /** The survey's submitted event (services.ts subscribes it): screens what was submitted, nothing else. */
    onSubmitted: async (e: { readonly responseId: string; readonly comments: readonly unknown[] }): Promise<void> => {
      if (e.comments.length > 0) await screening.screenComments(e.responseId);
    },

    /** Screens comments missed after a crash or a failure (the periodic job). */
    sweepUnscreened: (limit?: number) => screening.sweep(limit),

    /** Sends every disclosure email due now (the periodic job). */
    deliverDue: () => disclosures.deliverDue(),

    /** The queue: flagged comments waiting for a decision, most severe and newest first; each shown comment is audited. */
    async queue(actor: Actor, page: number, query: Readonly<Record<string, unknown>>) {
      requireReviewer(actor);
      const p = Math.max(1, Math.floor(page) || 1);
      const [rows, waiting, decided] = await Promise.all([repo.pending((p - 1) * PAGE_SIZE, PAGE_SIZE), repo.countPending(), repo.countDecided()]);
      await audited(actor, rows);
      const period = parsePeriod(query, now().slice(0, 10));
      return { items: rows.map(toItem), waiting, decided, page: p, pages: Math.max(1, Math.ceil(waiting / PAGE_SIZE)), period, times: await timings(period) };
    },

    /** Decided items, latest first (no comment text: each opens on its own audited page). */
    async decided(actor: Actor, page: number) {
      requireReviewer(actor);
      const p = Math.max(1, Math.floor(page) || 1);
      const [rows, total] = await Promise.all([repo.decided((p - 1) * PAGE_SIZE, PAGE_SIZE), repo.countDecided()]);
      return { items: rows.map((r) => ({ ...toItem(r), segments: [] })), total, page: p, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
    },

    /** One flagged comment with what the reviewer needs to decide (the LA's contacts, its emergency duty team); audited. */
    async item(actor: Actor, commentId: string) {
      requireReviewer(actor);
      const row = commentId.length <= 64 ? await repo.find(commentId) : undefined;
      if (!row) throw new AppError('not_found');
      await audited(actor, [row]);
      const { settings, contacts } = await deps.planning.settingsOf(row.laId);
      const notifications = row.disclosure ? await disclosures.notifications(row.disclosure.id) : [];
      return {
        item: toItem(row),
        contacts: contacts.length,
        edt: settings.emergencyDutyTeam,
        outOfHours: !inOfficeHours(deps.clock.now(), officeHours),
        notifications: notifications.map((n) => ({ ...n, sentAt: ukDateTime(n.sentAt) })),
      };
    },

    /**
     * Records a reviewer's decision with a note. A concern or an urgent concern becomes a disclosure to the
     * LA, emailed to its contacts at once (and to its emergency duty team when urgent outside office hours).
     */
    async decide(actor: Actor, commentId: string, values: Readonly<Record<string, unknown>>) {
      requireReviewer(actor);
      const row = commentId.length <= 64 ? await repo.find(commentId) : undefined;
      if (!row) throw new AppError('not_found');
      if (row.decision !== null) throw new AppError('conflict', 'This comment has been decided already');
      const form = parseDecisionForm(values);
      if (!form.ok) return { ok: false as const, errors: form.errors };
      const at = now();
      const disclosure = form.decision === 'no_concern' ? null : { id: newId(), laId: row.laId, waveId: row.waveId, urgent: form.decision === 'urgent', createdAt: at };
      if (!(await repo.decide(commentId, { decision: form.decision, note: form.note, byId: actor.accountId, byEmail: actor.email, at }, disclosure))) {
        throw new AppError('conflict', 'This comment has been decided already');
      }
      await deps.audit.record(actor, 'safeguarding.decided', row.laId, commentId, {
        decision: form.decision,
        minutesToDecision: Math.round(Math.max(0, elapsedMs(row.submittedAt, at)) / 60_000),
        ...(disclosure ? { disclosureId: disclosure.id } : {}),
      });
      let delivery: Delivery | null = null;
      if (disclosure) {
        try {
          delivery = await disclosures.deliverById(disclosure.id);
        } catch (err) {
          // The disclosure is recorded; the periodic job sends what could not be sent now.
          logError(`safeguarding disclosure not delivered at once: ${err instanceof Error ? err.name : 'error'}`);
        }
      }
      return { ok: true as const, decision: form.decision, delivery };
    },

    /** How many items wait for the actor: flagged comments to review, disclosures of their LAs to acknowledge. */
    async waiting(actor: Actor): Promise<{ review: number | null; receive: number | null }> {
      const [review, receive] = await Promise.all([
        hasCapability(actor, 'safeguarding.review') ? repo.countPending() : Promise.resolve(null),
        hasCapability(actor, 'safeguarding.receive') ? disclosures.countWaiting(actor) : Promise.resolve(null),
      ]);
      return { review, receive };
    },

    /** The disclosures of the actor's LAs (no content). */
    disclosures: (actor: Actor) => disclosures.list(actor),
    /** A disclosure's promised content for an LA reader (audited). */
    disclosure: (actor: Actor, id: string) => disclosures.view(actor, id),
    /** Records an LA reader's acknowledgement (audited). */
    acknowledge: (actor: Actor, id: string) => disclosures.acknowledge(actor, id),
  };
}

export type SafeguardingService = ReturnType<typeof safeguardingService>;
