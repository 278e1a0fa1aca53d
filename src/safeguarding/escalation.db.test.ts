/**
 * Disclosure emails end to end, through a real SMTP server started by the test and the scheduler's
 * safeguarding job on the test clock: the first email to each contact (a link, nothing else), the
 * escalation exactly when due and at most once per level, the emergency duty team outside office hours,
 * a failed email retried, and comments left unscreened after a crash screened by the job.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { createScheduler, type JobLog } from '../jobs/index.ts';
import type { Actor, LaRole } from '../programme/index.ts';
import { makeStaff } from '../programme/staff/testing.ts';
import { safeguardingJobs } from './jobs.ts';
import { insertResponse, screened } from './testing.ts';

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** An in-process SMTP server on a free port that keeps what it receives; it refuses `flaky` recipients while told to. */
async function startSmtp(): Promise<{ port: number; received: Received[]; refuse: Set<string>; close(): Promise<void> }> {
  const received: Received[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuse.has(address.address) ? new Error('mailbox unavailable') : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
        const text = rest.join('\n\n').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\r\n/g, '\n');
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: /^Subject: (.*)$/m.exec(head)?.[1]?.trim() ?? '', text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, refuse, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const quiet: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const WORRY = 'he hits me when hes drunk and i am scared';

describe.each(engines)('disclosure emails and escalation on %s', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let laA: string;
  let laB: string;
  let waveA: string;
  let waveB: string;
  let reviewer: Actor;

  const to = () => smtp.received.flatMap((m) => m.to).sort();
  const tick = async (iso: string) => {
    t.clock.set(iso);
    const s = createScheduler({ db: t.conn.db, clock: t.clock, log: quiet, owner: `test-${iso}` });
    for (const job of safeguardingJobs(t.services.safeguarding, quiet)) s.registerJob(job);
    return s.tick();
  };
  const actorOf = (a: { id: string; email: string }, role: LaRole | 'programme_safeguarding', laId: string | null): Actor => ({
    accountId: a.id,
    email: a.email,
    name: a.email,
    grants: [role === 'programme_safeguarding' ? { role, laId: null } : { role, laId: laId! }],
  });
  /** A flagged comment of a wave, stored and screened as on submission. */
  async function flagged(waveId: string, completedAt: string): Promise<string> {
    const { id } = await t.services.survey.recordResponse({ waveId, instrumentId: 'ylyc-11-17', answers: { age: '13' }, freeText: { anything_else: WORRY }, completedAt, channel: 'online' });
    await screened(t.conn.db, id);
    return (await t.conn.db.selectFrom('response_comments').select('id').where('response_id', '=', id).executeTakeFirstOrThrow()).id;
  }
  const disclosureOf = async (commentId: string) => (await t.conn.db.selectFrom('safeguarding_disclosures').select('id').where('comment_id', '=', commentId).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(dialect, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://brightspots.example' });
    const { programme, planning } = t.services;
    const a = await programme.addLa({ name: 'Aldermoor Council', nation: 'england', onsCode: 'E06000901' });
    const b = await programme.addLa({ name: 'Brackenfield Council', nation: 'england', onsCode: 'E06000902' });
    laA = a.id;
    laB = b.id;
    waveA = (await programme.openWave({ laId: a.id, survey: 'ylyc', eligible: { 'ylyc-11-17': 50 }, opensOn: '2026-03-01', closesOn: '2026-04-30', title: 'Aldermoor YLYC 2026' })).id;
    waveB = (await programme.openWave({ laId: b.id, survey: 'ylyc', eligible: { 'ylyc-11-17': 50 }, opensOn: '2026-03-01', closesOn: '2026-04-30', title: 'Brackenfield YLYC 2026' })).id;
    const db = t.conn.db;
    const leadA = actorOf(await makeStaff(db, t.clock, 'lead@aldermoor.example', [{ role: 'la_lead', laId: a.id }]), 'la_lead', a.id);
    const leadB = actorOf(await makeStaff(db, t.clock, 'lead@brackenfield.example', [{ role: 'la_lead', laId: b.id }]), 'la_lead', b.id);
    for (const [name, email] of [['Ama', 'ama@aldermoor.example'], ['Bea', 'bea@aldermoor.example']] as const) {
      const added = await planning.addContact(leadA, a.id, { contactName: name, contactRole: 'Designated officer', contactEmail: email, contactPhone: '01632 960 001' });
      if (!added.ok) throw new Error('contact not added');
    }
    const saved = await planning.saveSettings(leadA, a.id, { naming: 'anonymised', edtName: 'Aldermoor Emergency Duty Team', edtPhone: '01632 960 999', edtEmail: 'edt@aldermoor.example' });
    if (!saved.ok) throw new Error('settings not saved');
    const addedB = await planning.addContact(leadB, b.id, { contactName: 'Cal', contactRole: 'Safeguarding lead', contactEmail: 'cal@brackenfield.example', contactPhone: '01632 960 002' });
    if (!addedB.ok) throw new Error('contact not added');
    reviewer = actorOf(await makeStaff(db, t.clock, 'rev.one@programme.example', [{ role: 'programme_safeguarding', laId: null }]), 'programme_safeguarding', null);
    await makeStaff(db, t.clock, 'rev.two@programme.example', [{ role: 'programme_safeguarding', laId: null }]);
    const gone = await makeStaff(db, t.clock, 'rev.gone@programme.example', [{ role: 'programme_safeguarding', laId: null }]);
    await db.updateTable('staff_accounts').set({ status: 'disabled' }).where('id', '=', gone.id).execute();
    await makeStaff(db, t.clock, 'admin@programme.example', [{ role: 'programme_admin', laId: null }]);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  it('emails each contact a link and nothing else when a concern is decided, once', async () => {
    t.clock.set('2026-03-02T09:30:00.000Z'); // Monday, in office hours
    const commentId = await flagged(waveA, '2026-03-02T09:00:00.000Z');
    t.clock.set('2026-03-02T10:00:00.000Z');
    const outcome = await t.services.safeguarding.decide(reviewer, commentId, { decision: 'concern', note: 'hit at home' });
    expect(outcome).toMatchObject({ ok: true, delivery: { level: 0, contacts: 2, reviewers: 0, edt: false } });
    const id = await disclosureOf(commentId);
    expect(to()).toEqual(['ama@aldermoor.example', 'bea@aldermoor.example']);
    for (const m of smtp.received) {
      expect(m.subject).toBe('A safeguarding disclosure to read');
      expect(m.text).toContain(`https://brightspots.example/staff/safeguarding/disclosures/${id}`);
      // The link's id is random hex, so look for the comment's details outside it.
      const body = m.text.replace(`/disclosures/${id}`, '/disclosures/ID');
      expect(body).not.toMatch(/drunk|scared|hits|physical|fear|Aldermoor|YLYC|\b13\b/i);
    }
    expect(smtp.received.find((m) => m.to.includes('ama@aldermoor.example'))?.text).toMatch(/^Hello Ama,/);
    expect(await tick('2026-03-02T10:05:00.000Z')).toEqual(['safeguarding:2026-03-02T10:05']);
    expect(smtp.received).toHaveLength(2);
    const sent = await t.services.audit.list({ action: 'safeguarding.disclosure_sent' });
    expect(sent).toEqual([expect.objectContaining({ laId: laA, target: id, detail: { level: 0, contacts: 2, reviewers: 0 } })]);
  });

  it('escalates exactly when due: again to the contacts and to the active safeguarding reviewers, once per level', async () => {
    const commentId = (await t.conn.db.selectFrom('safeguarding_disclosures').select('comment_id').executeTakeFirstOrThrow()).comment_id;
    const id = await disclosureOf(commentId);
    await tick('2026-03-03T09:59:00.000Z');
    expect(smtp.received).toEqual([]);
    await tick('2026-03-03T10:00:00.000Z');
    expect(to()).toEqual(['ama@aldermoor.example', 'bea@aldermoor.example', 'rev.one@programme.example', 'rev.two@programme.example']);
    const reminder = smtp.received.find((m) => m.to.includes('bea@aldermoor.example'))!;
    expect(reminder.subject).toBe('Reminder: a safeguarding disclosure to read');
    expect(reminder.text).toContain('1 day ago');
    const toReviewer = smtp.received.find((m) => m.to.includes('rev.one@programme.example'))!;
    expect(toReviewer.subject).toBe('Not acknowledged after 1 day: a safeguarding disclosure');
    expect(toReviewer.text).toContain(`https://brightspots.example/staff/safeguarding/items/${commentId}`);
    expect(toReviewer.text).not.toMatch(/drunk|scared/);
    smtp.received.length = 0;
    await tick('2026-03-03T10:05:00.000Z');
    await tick('2026-03-03T23:55:00.000Z');
    expect(smtp.received).toEqual([]);
    await tick('2026-03-04T10:00:00.000Z');
    expect(smtp.received).toHaveLength(4);
    const escalations = await t.services.audit.list({ action: 'safeguarding.escalated' });
    expect(escalations.map((e) => e.detail)).toEqual([
      { level: 2, contacts: 2, reviewers: 2 },
      { level: 1, contacts: 2, reviewers: 2 },
    ]);
    expect(Number((await t.conn.db.selectFrom('safeguarding_disclosures').select('escalation_level').where('id', '=', id).executeTakeFirstOrThrow()).escalation_level)).toBe(2);

    // Acknowledged: nothing more.
    const contact = await makeStaff(t.conn.db, t.clock, 'officer@aldermoor.example', [{ role: 'la_safeguarding', laId: laA }]);
    await t.services.safeguarding.acknowledge(actorOf(contact, 'la_safeguarding', laA), id);
    smtp.received.length = 0;
    await tick('2026-03-05T10:00:00.000Z');
    await tick('2026-03-09T10:00:00.000Z');
    expect(smtp.received).toEqual([]);
  });

  it('tells the emergency duty team about an urgent concern still unread when office hours end, once', async () => {
    t.clock.set('2026-03-10T15:00:00.000Z'); // Tuesday
    const commentId = await flagged(waveA, '2026-03-10T14:30:00.000Z');
    t.clock.set('2026-03-10T16:00:00.000Z');
    const outcome = await t.services.safeguarding.decide(reviewer, commentId, { decision: 'urgent', note: 'act today' });
    expect(outcome).toMatchObject({ ok: true, delivery: { contacts: 2, edt: false } });
    smtp.received.length = 0;
    await tick('2026-03-10T16:55:00.000Z');
    expect(smtp.received).toEqual([]);
    await tick('2026-03-10T17:00:00.000Z');
    expect(to()).toEqual(['edt@aldermoor.example']);
    expect(smtp.received[0]).toMatchObject({ subject: 'Urgent: a safeguarding disclosure outside office hours' });
    expect(smtp.received[0]!.text).toContain(`https://brightspots.example/staff/safeguarding/disclosures/${await disclosureOf(commentId)}`);
    expect(smtp.received[0]!.text).not.toMatch(/drunk|scared/);
    await tick('2026-03-10T17:05:00.000Z');
    await tick('2026-03-10T22:00:00.000Z');
    expect(smtp.received).toHaveLength(1);
    expect(await t.services.audit.list({ action: 'safeguarding.edt_sent' })).toHaveLength(1);
  });

  it('emails the emergency duty team at once for an urgent concern decided outside office hours, and not for a concern', async () => {
    t.clock.set('2026-03-14T11:00:00.000Z'); // Saturday
    const urgent = await flagged(waveA, '2026-03-14T10:00:00.000Z');
    const concern = await flagged(waveA, '2026-03-14T10:05:00.000Z');
    expect(await t.services.safeguarding.decide(reviewer, concern, { decision: 'concern', note: 'can wait for Monday' })).toMatchObject({ delivery: { contacts: 2, edt: false } });
    smtp.received.length = 0;
    expect(await t.services.safeguarding.decide(reviewer, urgent, { decision: 'urgent', note: 'not safe tonight' })).toMatchObject({ delivery: { contacts: 2, edt: true } });
    expect(to()).toEqual(['ama@aldermoor.example', 'bea@aldermoor.example', 'edt@aldermoor.example']);
    // An LA without an emergency duty team email: its contacts only.
    smtp.received.length = 0;
    const other = await flagged(waveB, '2026-03-14T10:10:00.000Z');
    expect(await t.services.safeguarding.decide(reviewer, other, { decision: 'urgent', note: 'not safe tonight' })).toMatchObject({ delivery: { contacts: 1, edt: false } });
    expect(to()).toEqual(['cal@brackenfield.example']);
    const disclosure = await disclosureOf(other);
    expect((await t.conn.db.selectFrom('safeguarding_disclosures').select('la_id').where('id', '=', disclosure).executeTakeFirstOrThrow()).la_id).toBe(laB);
  });

  it('tries a failed email again on the next run, and screens comments a crash left unscreened', async () => {
    // The earlier tests' disclosures are read by now: only this test's emails are due.
    await t.conn.db.updateTable('safeguarding_disclosures').set({ acknowledged_at: '2026-03-15T09:00:00.000Z', acknowledged_by_email: 'officer@example' }).where('acknowledged_at', 'is', null).execute();
    t.clock.set('2026-03-16T09:30:00.000Z'); // Monday
    smtp.refuse.add('cal@brackenfield.example');
    const commentId = await flagged(waveB, '2026-03-16T09:00:00.000Z');
    const outcome = await t.services.safeguarding.decide(reviewer, commentId, { decision: 'concern', note: 'needs telling' });
    expect(outcome).toMatchObject({ delivery: { contacts: 0 } });
    expect(smtp.received).toEqual([]);
    smtp.refuse.clear();
    await tick('2026-03-16T09:35:00.000Z');
    expect(to()).toEqual(['cal@brackenfield.example']);
    await tick('2026-03-16T09:40:00.000Z');
    expect(smtp.received).toHaveLength(1);

    // The process stopped after the response committed and before it was screened.
    const crashed = await insertResponse(t.conn.db, { waveId: waveB, completedAt: '2026-03-16T09:41:00.000Z', comments: ['i cut myself'] });
    expect(await t.conn.db.selectFrom('safeguarding_screenings').select('comment_id').where('response_id', '=', crashed.responseId).execute()).toEqual([]);
    await tick('2026-03-16T09:45:00.000Z');
    const row = await t.conn.db.selectFrom('safeguarding_screenings').selectAll().where('comment_id', '=', crashed.commentIds[0]!).executeTakeFirstOrThrow();
    expect(Number(row.flag)).toBe(1);
    expect(row.submitted_at).toBe('2026-03-16T09:41:00.000Z');
  });
});
