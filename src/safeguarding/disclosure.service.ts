/**
 * Disclosures to LAs: the page an LA's safeguarding contact reads after signing in (exactly the promised
 * content), their acknowledgement, and the emails: the first to each contact, an escalation after each
 * period it stays unacknowledged (again to the contacts, and to the programme's safeguarding reviewers),
 * and the emergency duty team for an urgent concern outside office hours. Each email goes at most once
 * per disclosure, kind, level and recipient; every view and action is audited.
 */
import type { Db } from '../db/index.ts';
import { getInstrument } from '../instruments/index.ts';
import type { Clock } from '../lib/clock.ts';
import type { Mailer } from '../lib/email.ts';
import { AppError } from '../lib/errors.ts';
import { laScope, mayActIn, type Actor, type AuditLog, type Grant } from '../programme/index.ts';
import type { EmergencyDutyTeam, SafeguardingContact } from '../programme/planning/index.ts';
import { disclosureRepository, type Disclosure } from './disclosure.repository.ts';
import { disclosureContent, disclosureRows, type DisclosureContent, type Lookup } from './disclosure.ts';
import { edtDue, escalationLevelDue, ukDateTime, type OfficeHours } from './escalation.ts';
import { contactMessage, edtMessage, reviewerMessage, type NotificationKind } from './notify.ts';
import type { EmailMessage } from '../lib/email.ts';

export interface DisclosureDeps {
  db: Db;
  clock: Clock;
  publicUrl: string;
  escalateHours: number;
  officeHours: OfficeHours;
  /** The LA's safeguarding contacts and emergency duty team, through the planning service's public surface. */
  planning: { settingsOf(laId: string): Promise<{ settings: { emergencyDutyTeam: EmergencyDutyTeam | null }; contacts: SafeguardingContact[] }> };
  /** Staff accounts, to find the programme's safeguarding reviewers. */
  accounts: { listAccounts(): Promise<ReadonlyArray<{ email: string; name: string; status: string; grants: readonly Grant[] }>> };
  listLaIds: () => Promise<string[]>;
  audit: AuditLog;
  mailer: Mailer;
  t: Lookup;
  logError: (message: string) => void;
}

/** What one delivery sent. */
export interface Delivery {
  level: number;
  contacts: number;
  reviewers: number;
  edt: boolean;
}

/** A disclosure as its LA reads it: the content, and whether (and by whom) it was acknowledged. */
export interface DisclosureView {
  id: string;
  urgent: boolean;
  content: DisclosureContent;
  rows: Array<{ label: string; value: string }>;
  sentAt: string;
  acknowledgedAt: string | null;
  acknowledgedByEmail: string | null;
}

export function disclosureService(d: DisclosureDeps) {
  const repo = disclosureRepository(d.db);
  const link = (id: string) => `${d.publicUrl}/staff/safeguarding/disclosures/${id}`;

  /** The disclosure if the actor may receive it (an LA safeguarding role in its LA); otherwise not found. */
  async function receivable(actor: Actor, id: string): Promise<Disclosure> {
    const found = id.length <= 64 ? await repo.find(id) : undefined;
    if (!found || !mayActIn(actor, 'safeguarding.receive', found.laId)) throw new AppError('not_found');
    return found;
  }

  async function scopeOf(actor: Actor): Promise<string[]> {
    const scope = laScope(actor, 'safeguarding.receive');
    return scope === 'all' ? d.listLaIds() : scope;
  }

  /** Sends one email unless it was sent before; a failure gives the claim back for the next run. */
  async function sendOnce(disclosure: Disclosure, kind: NotificationKind, level: number, message: EmailMessage): Promise<boolean> {
    if (!(await repo.claimNotification(disclosure.id, kind, level, message.to, d.clock.now().toISOString()))) return false;
    try {
      await d.mailer.send(message);
      return true;
    } catch (err) {
      await repo.releaseNotification(disclosure.id, kind, level, message.to);
      d.logError(`safeguarding email could not be sent (${kind}, level ${level}): ${err instanceof Error ? err.name : 'error'}`);
      return false;
    }
  }

  type Reviewer = { email: string; name: string };
  /** The active programme safeguarding reviewers, read once per run however many disclosures escalate. */
  function reviewersOnce(): () => Promise<Reviewer[]> {
    let list: Promise<Reviewer[]> | undefined;
    return () => (list ??= d.accounts.listAccounts().then((all) => all.filter((a) => a.status === 'active' && a.grants.some((g) => g.role === 'programme_safeguarding'))));
  }

  /** Sends whatever is due now for one unacknowledged disclosure, and records it. */
  async function deliver(disclosure: Disclosure, reviewers = reviewersOnce()): Promise<Delivery> {
    const none: Delivery = { level: 0, contacts: 0, reviewers: 0, edt: false };
    if (disclosure.acknowledgedAt !== null) return none;
    const now = d.clock.now();
    const timing = { createdAt: disclosure.createdAt, urgent: disclosure.urgent, acknowledged: false };
    const level = escalationLevelDue(timing, now, d.escalateHours);
    const sinceMs = now.getTime() - new Date(disclosure.createdAt).getTime();
    const { settings, contacts } = await d.planning.settingsOf(disclosure.laId);
    const out: Delivery = { ...none, level };
    for (const c of contacts) {
      const message = contactMessage({ to: c.email, name: c.name, link: link(disclosure.id), level, sinceMs, escalateHours: d.escalateHours });
      if (await sendOnce(disclosure, 'contact', level, message)) out.contacts++;
    }
    if (level >= 1) {
      for (const r of await reviewers()) {
        const message = reviewerMessage({ to: r.email, name: r.name, link: `${d.publicUrl}/staff/safeguarding/items/${disclosure.commentId}`, level, sinceMs, contacts: contacts.length });
        if (await sendOnce(disclosure, 'reviewer', level, message)) out.reviewers++;
      }
    }
    const edt = settings.emergencyDutyTeam;
    if (edt?.email && edtDue(timing, now, d.officeHours, edt.email)) {
      out.edt = await sendOnce(disclosure, 'edt', 0, edtMessage({ to: edt.email, name: edt.name, link: link(disclosure.id) }));
    }
    if (out.contacts + out.reviewers > 0) {
      if (level >= 1) await repo.raiseEscalationLevel(disclosure.id, level);
      await d.audit.record(null, level === 0 ? 'safeguarding.disclosure_sent' : 'safeguarding.escalated', disclosure.laId, disclosure.id, { level, contacts: out.contacts, reviewers: out.reviewers });
    }
    if (out.edt) await d.audit.record(null, 'safeguarding.edt_sent', disclosure.laId, disclosure.id, {});
    return out;
  }

  return {

    /** Delivers one disclosure by id (right after a decision). */
    async deliverById(id: string): Promise<Delivery | null> {
      const found = await repo.find(id);
      return found ? deliver(found) : null;
    },

    /** Every unacknowledged disclosure's due emails (the periodic job). */
    async deliverDue(): Promise<{ disclosures: number; emails: number }> {
      let emails = 0;
      const open = await repo.unacknowledged();
      const reviewers = reviewersOnce();
      for (const disclosure of open) {
        try {
          const sent = await deliver(disclosure, reviewers);
          emails += sent.contacts + sent.reviewers + (sent.edt ? 1 : 0);
        } catch (err) {
          d.logError(`safeguarding delivery failed: ${err instanceof Error ? err.name : 'error'}`);
        }
      }
      return { disclosures: open.length, emails };
    },

    /** The disclosures of the actor's LAs (no content), unacknowledged first. */
    async list(actor: Actor) {
      const list = await repo.listForLas(await scopeOf(actor));
      return list.map((x) => ({ id: x.id, waveTitle: x.waveTitle, urgent: x.urgent, sentAt: ukDateTime(x.createdAt), acknowledgedAt: x.acknowledgedAt ? ukDateTime(x.acknowledgedAt) : null }));
    },

    /** How many disclosures of the actor's LAs wait to be acknowledged. */
    async countWaiting(actor: Actor): Promise<number> {
      return repo.countUnacknowledged(await scopeOf(actor));
    },

    /** The disclosure's promised content for an LA reader; the view is audited. */
    async view(actor: Actor, id: string): Promise<DisclosureView> {
      const allowed = await receivable(actor, id);
      const found = await repo.withSources(allowed.id);
      const instrument = found ? getInstrument(found.instrumentId) : undefined;
      if (!found || !instrument) throw new AppError('not_found');
      const content = disclosureContent({ instrument, answers: found.answers, completedAt: found.completedAt, waveTitle: found.waveTitle, text: found.text }, d.t);
      await d.audit.record(actor, 'safeguarding.disclosure_viewed', found.laId, found.id);
      return {
        id: found.id,
        urgent: found.urgent,
        content,
        rows: disclosureRows(content),
        sentAt: ukDateTime(found.createdAt),
        acknowledgedAt: found.acknowledgedAt ? ukDateTime(found.acknowledgedAt) : null,
        acknowledgedByEmail: found.acknowledgedByEmail,
      };
    },

    /** Records that the actor has read the disclosure (the first acknowledgement stands). */
    async acknowledge(actor: Actor, id: string): Promise<void> {
      const found = await receivable(actor, id);
      const first = await repo.acknowledge(found.id, actor.accountId, actor.email, d.clock.now().toISOString());
      if (first) await d.audit.record(actor, 'safeguarding.acknowledged', found.laId, found.id);
    },

    /** The emails sent for a disclosure, for the reviewer's page. */
    notifications: (id: string) => repo.notifications(id),
  };
}

export type DisclosureService = ReturnType<typeof disclosureService>;
