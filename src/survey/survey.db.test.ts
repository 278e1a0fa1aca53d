// The survey service over a real database on both engines: recordResponse for other channels, the
// submitted event, one-transaction durability and purging expired drafts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { DECLINED } from '../instruments/index.ts';
import type { Wave } from '../programme/index.ts';
import { surveyService, type SubmittedEvent } from './survey.service.ts';
import { openWave } from './testing.ts';

describe.each(engines)('the survey service on %s', (dialect) => {
  let t: TestApp;
  let ylyc: Wave;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    ylyc = await openWave(t.services, 'ylyc');
  });
  afterAll(() => t.close());

  const service = (onSubmitted?: (e: SubmittedEvent) => Promise<void> | void, logged: string[] = []) =>
    surveyService({
      db: t.conn.db,
      clock: t.clock,
      config: t.config,
      programme: t.services.programme,
      ...(onSubmitted ? { onSubmitted } : {}),
      logError: (m) => logged.push(m),
    });

  describe('recordResponse', () => {
    it('stores a paper response with its comments apart, and publishes it', async () => {
      const events: SubmittedEvent[] = [];
      const s = service((e) => {
        events.push(e);
      });
      const { id } = await s.recordResponse({
        waveId: ylyc.id,
        instrumentId: 'ylyc-8-11',
        answers: { knows_social_worker: 'yes', trusts_social_worker: 'always_or_never_mind', life_satisfaction: 8 },
        freeText: {},
        completedAt: '2026-03-01T09:30:00.000Z',
        channel: 'paper',
      }).catch((e: unknown) => ({ id: String(e) }));
      // "always_or_never_mind" is no option: the whole response is refused, nothing is stored.
      expect(id).toMatch(/bad_request|not valid/);
      expect(await t.conn.db.selectFrom('responses').selectAll().where('channel', '=', 'paper').execute()).toHaveLength(0);

      const ok = await s.recordResponse({
        waveId: ylyc.id,
        instrumentId: 'ylyc-8-11',
        answers: { knows_social_worker: 'yes', trusts_social_worker: 'most_of_the_time', life_satisfaction: 'face_4', has_pet: DECLINED },
        freeText: { anything_else: 'Written on paper' },
        completedAt: '2026-03-01T09:30:00.000Z',
        adultHelped: true,
        channel: 'paper',
      });
      const row = await t.conn.db.selectFrom('responses').selectAll().where('id', '=', ok.id).executeTakeFirstOrThrow();
      expect(row.channel).toBe('paper');
      expect(Number(row.adult_helped)).toBe(1);
      expect(JSON.parse(row.answers)).toEqual({ knows_social_worker: 'yes', trusts_social_worker: 'most_of_the_time', has_pet: DECLINED, life_satisfaction: 'face_4' });
      const comments = await t.conn.db.selectFrom('response_comments').selectAll().where('response_id', '=', ok.id).execute();
      expect(comments.map((c) => [c.question_id, c.text])).toEqual([['anything_else', 'Written on paper']]);
      await expect.poll(() => events.length).toBe(1);
      expect(events[0]).toEqual({
        responseId: ok.id,
        waveId: ylyc.id,
        instrumentId: 'ylyc-8-11',
        channel: 'paper',
        comments: [{ questionId: 'anything_else', text: 'Written on paper' }],
      });
    });

    it('refuses answers to hidden questions, unknown waves and instruments the wave does not offer', async () => {
      const s = service();
      const base = { waveId: ylyc.id, instrumentId: 'ylyc-8-11' as const, freeText: {}, completedAt: '2026-03-01T09:30:00.000Z', channel: 'import' as const };
      await expect(s.recordResponse({ ...base, answers: { knows_social_worker: 'no', trusts_social_worker: 'never' } })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(s.recordResponse({ ...base, answers: {}, waveId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(s.recordResponse({ ...base, answers: {}, instrumentId: 'ylbc-16-25' })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(s.recordResponse({ ...base, answers: { life_satisfaction: 11 } })).rejects.toMatchObject({ code: 'bad_request' });
    });

    it('always records an adult as helping a 4-7-year-old', async () => {
      const { id } = await service().recordResponse({
        waveId: ylyc.id,
        instrumentId: 'ylyc-4-7',
        answers: { knows_social_worker: 'no' },
        completedAt: '2026-03-01T10:00:00.000Z',
        adultHelped: false,
        channel: 'paper',
      });
      const row = await t.conn.db.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(Number(row.adult_helped)).toBe(1);
    });
  });

  describe('online submission', () => {
    it('logs and swallows a failing subscriber without content, after the response is stored', async () => {
      const logged: string[] = [];
      const s = service(() => Promise.reject(new TypeError('screening is down: secret words')), logged);
      const wave = ylyc;
      const { draft, token } = await s.startDraft(wave, 'ylyc-11-17', 'en');
      await s.savePage(draft, 'anything_else', { action: 'continue', anything_else: 'secret words' });
      const found = await s.findDraft(wave, token);
      expect(found.kind).toBe('found');
      if (found.kind !== 'found') return;
      expect(await s.submit(wave, token, found.draft.submissionKey)).toBe('stored');
      await expect.poll(() => logged.length).toBe(1);
      expect(logged[0]).toContain('TypeError');
      expect(logged.join()).not.toContain('secret');
      expect(await s.submit(wave, token, found.draft.submissionKey)).toBe('duplicate');
      expect(await s.submit(wave, token, 'another key')).toBe('no_draft');
    });

    it('refuses a stale key while the draft exists, so a second tab cannot store twice', async () => {
      const s = service();
      const { draft, token } = await s.startDraft(ylyc, 'ylyc-8-11', 'en');
      expect(await s.submit(ylyc, token, 'not the key')).toBe('stale_key');
      expect(await s.submit(ylyc, token, undefined)).toBe('stale_key');
      expect(await s.submit(ylyc, token, draft.submissionKey)).toBe('stored');
    });
  });

  it('purges drafts not updated for the configured days, and only those', async () => {
    const s = service();
    const before = await t.conn.db.selectFrom('drafts').selectAll().execute();
    await s.startDraft(ylyc, 'ylyc-8-11', 'en');
    t.clock.advance(29 * 24 * 3_600_000);
    const young = await s.startDraft(ylyc, 'ylyc-8-11', 'en');
    t.clock.advance(2 * 24 * 3_600_000);
    try {
      expect(await s.purgeExpiredDrafts()).toBe(before.length + 1);
      const left = await t.conn.db.selectFrom('drafts').select('id').execute();
      expect(left.map((d) => d.id)).toEqual([young.draft.id]);
    } finally {
      t.clock.set('2026-03-02T10:00:00.000Z');
    }
  });
});
