/**
 * The twice-weekly updates end to end: the scheduler's digest job on a Thursday morning, sent through a
 * real SMTP server started by the test, to the right survey leads only, once.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { createTestApp, type TestApp } from '../../http/testing.ts';
import { createScheduler, platformJobs, type JobLog } from '../../jobs/index.ts';
import { makeStaff } from '../../programme/staff/testing.ts';
import { insertResponses } from './testing.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** An in-process SMTP server on a free port that keeps what it receives. */
async function startSmtp(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The decoded text of a plain-text message (quoted-printable soft breaks undone). */
const bodyOf = (raw: string): string =>
  (raw.split(/\r?\n\r?\n/).slice(1).join('\n\n'))
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\r\n/g, '\n');
const quiet: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(engines)('response-rate updates by email on %s', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let t: TestApp;
  let waveId: string;
  let laId: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(dialect, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://brightspots.example' });
    const { programme } = t.services;
    const a = await programme.addLa({ name: 'Aldermoor Metropolitan Borough', nation: 'england', onsCode: 'E08000901' });
    const b = await programme.addLa({ name: 'Brackenfield Council', nation: 'england', onsCode: 'E06000902' });
    const wave = await programme.openWave({ laId: a.id, survey: 'ylyc', eligible: { 'ylyc-4-7': 40, 'ylyc-8-11': 120, 'ylyc-11-17': 140 }, opensOn: '2026-03-01', closesOn: '2026-03-31', title: 'Aldermoor YLYC 2026' });
    waveId = wave.id;
    laId = a.id;
    // Planned for later, and closed: neither is in fieldwork, so neither gets an update.
    await programme.openWave({ laId: b.id, survey: 'ylbc', eligible: { 'ylbc-16-25': 80 }, opensOn: '2026-04-01', closesOn: '2026-05-31', status: 'planned', title: 'Brackenfield YLBC 2026' });
    await insertResponses(t.conn.db, wave.id, 'ylyc-4-7', '2026-03-02', 3);
    await insertResponses(t.conn.db, wave.id, 'ylyc-8-11', '2026-03-03', 25);
    await insertResponses(t.conn.db, wave.id, 'ylyc-11-17', '2026-03-04', 12);
    const db = t.conn.db;
    await makeStaff(db, t.clock, 'lead.one@aldermoor.example', [{ role: 'la_lead', laId: a.id }]);
    await makeStaff(db, t.clock, 'lead.two@aldermoor.example', [{ role: 'la_lead', laId: a.id }]);
    await makeStaff(db, t.clock, 'viewer@aldermoor.example', [{ role: 'la_viewer', laId: a.id }]);
    await makeStaff(db, t.clock, 'lead@brackenfield.example', [{ role: 'la_lead', laId: b.id }]);
    await makeStaff(db, t.clock, 'admin@programme.example', [{ role: 'programme_admin', laId: null }]);
    const gone = await makeStaff(db, t.clock, 'former.lead@aldermoor.example', [{ role: 'la_lead', laId: a.id }]);
    await db.updateTable('staff_accounts').set({ status: 'disabled' }).where('id', '=', gone.id).execute();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const scheduler = (owner: string) => {
    const s = createScheduler({ db: t.conn.db, clock: t.clock, log: quiet, owner });
    for (const job of platformJobs(t.services, quiet)) s.registerJob(job);
    return s;
  };

  it('sends nothing before 7am UK time on a Thursday, nor on a Wednesday', async () => {
    t.clock.set('2026-03-04T12:00:00.000Z'); // Wednesday
    await scheduler('early').tick();
    t.clock.set('2026-03-05T06:59:00.000Z'); // Thursday, 06:59 GMT
    await scheduler('early').tick();
    expect(smtp.received).toEqual([]);
  });

  it('on Thursday from 7am, each active survey lead of the LA gets the update once, over SMTP', async () => {
    t.clock.set('2026-03-05T07:00:00.000Z');
    const first = scheduler('instance-a');
    const second = scheduler('instance-b');
    const ran = await Promise.all([first.tick(), second.tick()]);
    expect(ran.flat()).toContain('digest:2026-03-05');
    expect(smtp.received.map((m) => m.to).flat().sort()).toEqual(['lead.one@aldermoor.example', 'lead.two@aldermoor.example']);

    const message = smtp.received.find((m) => m.to.includes('lead.one@aldermoor.example'))!;
    expect(message.raw).toMatch(/^Subject: Response rate update: Aldermoor YLYC 2026: 40 responses \(13%\)/m);
    const text = bodyOf(message.raw);
    expect(text).toContain('Hello lead.one,');
    expect(text).toContain('Responses so far: 40 of 300 eligible young people (13%).');
    expect(text).toContain('Target: 30%, which is 90 responses.');
    expect(text).toContain('Days left: 27');
    // 40 in the 4 full days 1-4 March: 10 a day for 27 days left would be 310, but only 300 are eligible.
    expect(text).toContain('Recent pace: 10 responses a day over the last 4 full days.');
    expect(text).toContain('Projection: about 300 responses (100%) by the close date');
    // Emails hide band counts under 10, and the next smallest so it cannot be subtracted from 40.
    expect(text).toContain('- Ages 4 to 7: fewer than 10 of 40 eligible');
    expect(text).toContain('- Ages 11 to 17: fewer than 10 of 140 eligible');
    expect(text).toContain('- Ages 8 to 11: 25 of 120 eligible (21%)');
    expect(text).toContain(`https://brightspots.example/staff/waves/${waveId}/rates`);
    expect(text).not.toMatch(/\b12:00\b|T12/); // completion times never appear

    // Later that day, a restarted instance finds the run done and sends nothing more.
    t.clock.set('2026-03-05T15:00:00.000Z');
    expect(await scheduler('after-restart').tick()).not.toContain('digest:2026-03-05');
    expect(smtp.received).toHaveLength(2);
    const audit = await t.services.audit.list({ action: 'rates.digest_sent' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ laId, target: waveId, detail: { runKey: 'digest:2026-03-05', recipients: 2 } });
  });

  it('a retried run skips the leads who already had the update', async () => {
    t.clock.set('2026-03-09T08:00:00.000Z'); // Monday
    expect(await t.services.rates.sendDigests('digest:2026-03-09')).toEqual({ sent: 2, waves: 1 });
    expect(await t.services.rates.sendDigests('digest:2026-03-09')).toEqual({ sent: 0, waves: 1 });
    expect(smtp.received).toHaveLength(2);
  });
});
