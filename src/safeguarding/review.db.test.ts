/** The safeguarding repositories and screening on both engines: what is stored, in what order, and at most once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../db/index.ts';
import { engines, openTestDb } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';
import { programmeRepository, programmeService } from '../programme/index.ts';
import { maxSeverity } from './categories.ts';
import { disclosureRepository } from './disclosure.repository.ts';
import { reviewRepository } from './review.repository.ts';
import { compareQueue } from './review.ts';
import { screen } from './screen.ts';
import { screeningRepository } from './screening.repository.ts';
import { screeningService } from './screening.service.ts';
import { insertResponse } from './testing.ts';

describe.each(engines)('safeguarding storage on %s', (dialect) => {
  let conn: Connection;
  const clock = fixedClock('2026-03-02T10:00:00.000Z');
  let waveA: string;
  let waveB: string;
  let laA: string;
  let laB: string;

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    const programme = programmeService(programmeRepository(conn.db), clock);
    const a = await programme.addLa({ name: 'Aldermoor Council', nation: 'england', onsCode: 'E06000801' });
    const b = await programme.addLa({ name: 'Brackenfield Council', nation: 'england', onsCode: 'E06000802' });
    laA = a.id;
    laB = b.id;
    waveA = (await programme.openWave({ laId: a.id, survey: 'ylyc', eligible: { 'ylyc-11-17': 50 }, opensOn: '2026-03-01', closesOn: '2026-04-30' })).id;
    waveB = (await programme.openWave({ laId: b.id, survey: 'ylyc', eligible: { 'ylyc-11-17': 50 }, opensOn: '2026-03-01', closesOn: '2026-04-30' })).id;
  });
  afterAll(() => conn.close());

  it('screens every comment of a submitted response once, storing flag, categories, severity, rules version and times', async () => {
    const texts = ['he hits me when hes drunk', 'i like football and my dog', ''];
    const { responseId, commentIds } = await insertResponse(conn.db, { waveId: waveA, completedAt: '2026-03-02T09:58:00.000Z', comments: texts });
    const service = screeningService({ db: conn.db, clock });
    expect(await service.screenComments(responseId)).toEqual({ screened: 3, flagged: texts.filter((x) => screen(x).flag).length });
    expect(await service.screenComments(responseId)).toEqual({ screened: 0, flagged: 0 });
    const repo = screeningRepository(conn.db);
    for (const [i, id] of commentIds.entries()) {
      const expected = screen(texts[i]!);
      expect(await repo.find(id)).toEqual({
        commentId: id,
        responseId,
        waveId: waveA,
        flag: expected.flag,
        categories: expected.categories,
        matches: expected.matches.map((m) => ({ ruleId: m.ruleId, category: m.category, start: m.start, end: m.end })),
        maxSeverity: expected.flag ? maxSeverity(expected.categories) : null,
        rulesVersion: expected.rulesVersion,
        submittedAt: '2026-03-02T09:58:00.000Z',
        screenedAt: '2026-03-02T10:00:00.000Z',
      });
    }
    expect((await repo.find(commentIds[0]!))?.flag).toBe(true);
  });

  it('sweeps up comments left unscreened after a crash, and never reads drafts', async () => {
    const missed = await insertResponse(conn.db, { waveId: waveB, channel: 'paper', completedAt: '2026-02-20T00:00:00.000Z', comments: ['i cut myself'] });
    await conn.db
      .insertInto('drafts')
      .values({ id: newId(), wave_id: waveB, token_hash: newId(), resume_hash: newId(), instrument_id: 'ylyc-11-17', language: 'en', answers: '{}', free_text: JSON.stringify({ anything_else: 'i cut myself every night' }), text_visible: '[]', adult_helped: 0, position: '{}', submission_key: newId(), created_at: clock.now().toISOString(), updated_at: clock.now().toISOString(), expires_at: '2026-04-01T00:00:00.000Z', access_code_hash: null })
      .execute();
    clock.set('2026-03-02T11:00:00.000Z');
    const counts = await screeningService({ db: conn.db, clock }).sweep();
    expect(counts.screened).toBe(1);
    const row = await screeningRepository(conn.db).find(missed.commentIds[0]!);
    // Paper reaches the programme when it is typed in, not on the date written on the form.
    expect(row).toMatchObject({ flag: true, submittedAt: '2026-03-02T11:00:00.000Z', waveId: waveB });
    const all = await conn.db.selectFrom('safeguarding_screenings').select('comment_id').execute();
    const commentIds = new Set((await conn.db.selectFrom('response_comments').select('id').execute()).map((c) => c.id));
    expect(all.every((s) => commentIds.has(s.comment_id))).toBe(true);
    expect(await screeningService({ db: conn.db, clock }).sweep()).toEqual({ screened: 0, flagged: 0 });
  });

  it('lists waiting items most severe and newest first, exactly as compareQueue orders them', async () => {
    const severities = [3, 1, 2, 1, 2, 1, 3];
    for (const [i, severity] of severities.entries()) {
      const { responseId, commentIds } = await insertResponse(conn.db, { waveId: i % 2 ? waveA : waveB, completedAt: `2026-03-0${1 + (i % 3)}T0${i}:00:00.000Z`, comments: ['made up for ordering'] });
      await conn.db
        .insertInto('safeguarding_screenings')
        .values({ comment_id: commentIds[0]!, response_id: responseId, wave_id: i % 2 ? waveA : waveB, flag: 1, categories: '["other_risk"]', matches: '[]', max_severity: severity, rules_version: 'test', submitted_at: `2026-03-0${1 + (i % 3)}T0${i}:00:00.000Z`, screened_at: clock.now().toISOString(), decision: null, note: null, decided_by: null, decided_by_email: null, decided_at: null })
        .execute();
    }
    const repo = reviewRepository(conn.db);
    const waiting = await repo.pending(0, 100);
    expect(waiting.length).toBe(await repo.countPending());
    expect(waiting.length).toBeGreaterThanOrEqual(severities.length + 2);
    const keys = waiting.map((w) => ({ commentId: w.commentId, maxSeverity: w.maxSeverity, submittedAt: w.submittedAt }));
    expect(keys).toEqual([...keys].sort(compareQueue));
    expect(waiting[0]).toMatchObject({ maxSeverity: 1, laName: expect.any(String) as unknown, decision: null, disclosure: null });
    const paged = [...(await repo.pending(0, 3)), ...(await repo.pending(3, 100))];
    expect(paged.map((w) => w.commentId)).toEqual(waiting.map((w) => w.commentId));
  });

  it('records a decision once, with its disclosure in the same transaction, and reports decision times by period', async () => {
    const repo = reviewRepository(conn.db);
    const [first, second] = await repo.pending(0, 2);
    const by = { byId: 'reviewer-1', byEmail: 'reviewer@programme.example', at: '2026-03-02T12:00:00.000Z' };
    const disclosure = { id: newId(), laId: first!.laId, waveId: first!.waveId, urgent: true, createdAt: by.at };
    expect(await repo.decide(first!.commentId, { decision: 'urgent', note: 'hit at home', ...by }, disclosure)).toBe(true);
    expect(await repo.decide(first!.commentId, { decision: 'no_concern', note: 'second click', ...by }, null)).toBe(false);
    expect(await repo.decide(second!.commentId, { decision: 'no_concern', note: 'a film plot', ...by, at: '2026-03-03T12:00:00.000Z' }, null)).toBe(true);
    const decided = await repo.find(first!.commentId);
    expect(decided).toMatchObject({ decision: 'urgent', note: 'hit at home', decidedByEmail: 'reviewer@programme.example', disclosure: { id: disclosure.id, urgent: true, acknowledgedAt: null, escalationLevel: 0 } });
    expect((await repo.decided(0, 10)).map((d) => d.commentId)).toEqual([second!.commentId, first!.commentId]);
    expect(await repo.countDecided()).toBe(2);
    const times = await repo.decisionTimes('2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z');
    expect(times).toEqual([{ submittedAt: first!.submittedAt, decidedAt: '2026-03-02T12:00:00.000Z' }]);
    // A disclosure cannot be written for a comment twice.
    await expect(conn.db.insertInto('safeguarding_disclosures').values({ id: newId(), comment_id: first!.commentId, la_id: first!.laId, wave_id: first!.waveId, urgent: 0, created_at: by.at, acknowledged_at: null, acknowledged_by: null, acknowledged_by_email: null }).execute()).rejects.toThrow();
  });

  it('keeps disclosures to their LA, acknowledges once, and claims each email at most once', async () => {
    const repo = disclosureRepository(conn.db);
    const [d] = await repo.unacknowledged();
    expect(d).toBeDefined();
    const own = d!.laId === laA ? laA : laB;
    const other = own === laA ? laB : laA;
    expect((await repo.listForLas([own])).map((x) => x.id)).toEqual([d!.id]);
    expect(await repo.listForLas([other])).toEqual([]);
    expect(await repo.countUnacknowledged([own])).toBe(1);
    expect(await repo.countUnacknowledged([other])).toBe(0);

    expect(await repo.claimNotification(d!.id, 'contact', 0, 'Ama@LA.example', '2026-03-02T12:00:01.000Z')).toBe(true);
    expect(await repo.claimNotification(d!.id, 'contact', 0, 'ama@la.example', '2026-03-02T12:00:02.000Z')).toBe(false);
    expect(await repo.claimNotification(d!.id, 'contact', 1, 'ama@la.example', '2026-03-03T12:00:00.000Z')).toBe(true);
    expect(await repo.claimNotification(d!.id, 'edt', 0, 'edt@la.example', '2026-03-02T12:00:01.000Z')).toBe(true);
    await repo.releaseNotification(d!.id, 'edt', 0, 'edt@la.example');
    expect((await repo.notifications(d!.id)).map((n) => `${n.kind}:${n.level}:${n.recipient}`)).toEqual(['contact:0:ama@la.example', 'contact:1:ama@la.example']);

    await repo.raiseEscalationLevel(d!.id, 2);
    await repo.raiseEscalationLevel(d!.id, 1);
    expect((await repo.find(d!.id))?.escalationLevel).toBe(2);

    expect(await repo.acknowledge(d!.id, 'lead-1', 'contact@la.example', '2026-03-02T13:00:00.000Z')).toBe(true);
    expect(await repo.acknowledge(d!.id, 'lead-2', 'other@la.example', '2026-03-02T14:00:00.000Z')).toBe(false);
    expect(await repo.find(d!.id)).toMatchObject({ acknowledgedAt: '2026-03-02T13:00:00.000Z', acknowledgedByEmail: 'contact@la.example' });
    expect(await repo.unacknowledged()).toEqual([]);
    expect(await repo.countUnacknowledged([own])).toBe(0);
    const withSources = await repo.withSources(d!.id);
    expect(withSources).toMatchObject({ id: d!.id, instrumentId: 'ylyc-11-17', text: (await reviewRepository(conn.db).find(d!.commentId))!.text });
  });
});
