// Completing each of the four instruments over HTTP, as a browser would, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { DECLINED, getInstrument, isValidAnswer, type InstrumentId } from '../instruments/index.ts';
import type { Wave } from '../programme/index.ts';
import { answerPages, begin, browser, formFor, openWave } from './testing.ts';

const firstOption = (name: string, values: string[], type: string): string | string[] | undefined => {
  if (type === 'text') return `Words for ${name}`;
  const real = values.filter((v) => v !== DECLINED);
  return type === 'checkbox' ? real.slice(0, 2) : real[0];
};

describe.each(engines)('completing each instrument on %s', (dialect) => {
  let t: TestApp;
  let ylyc: Wave;
  let ylbc: Wave;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    ylyc = await openWave(t.services, 'ylyc');
    ylbc = await openWave(t.services, 'ylbc');
  });
  afterAll(() => t.close());

  const cases: [InstrumentId, number | undefined, 'primary' | 'secondary' | undefined][] = [
    ['ylyc-4-7', 5, undefined],
    ['ylyc-8-11', 11, 'primary'],
    ['ylyc-11-17', 11, 'secondary'],
    ['ylbc-16-25', undefined, undefined],
  ];

  it.each(cases)('completes %s and stores exactly what was answered', async (id, age, school) => {
    const wave = id === 'ylbc-16-25' ? ylbc : ylyc;
    const instrument = getInstrument(id)!;
    const b = browser(t.app);
    const first = await begin(b, wave, age, school);
    const { review, sent } = await answerPages(b, first, firstOption);
    const key = formFor(review.body, '/submit').hidden['key'];
    expect(key).toBeTruthy();
    const done = await b.post(`/s/${wave.linkCode}/submit`, { key: key! });
    expect(done.status).toBe(303);
    expect(done.headers['location']).toBe(`/s/${wave.linkCode}/thanks`);
    const thanks = await b.follow(done);
    expect(thanks.status).toBe(200);
    expect(thanks.body).toContain('0800 1111');

    const rows = await t.conn.db.selectFrom('responses').selectAll().where('instrument_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(Object.keys(row).sort()).toEqual(
      ['adult_helped', 'answers', 'channel', 'completed_at', 'id', 'instrument_id', 'instrument_version', 'language', 'wave_id'].sort(),
    );
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row.wave_id).toBe(wave.id);
    expect(row.instrument_version).toBe(instrument.version);
    expect(row.channel).toBe('online');
    expect(row.language).toBe('en');
    expect(row.completed_at).toBe('2026-03-02T10:00:00.000Z');
    expect(Number(row.adult_helped)).toBe(1);

    const answers = JSON.parse(row.answers) as Record<string, unknown>;
    const comments = await t.conn.db.selectFrom('response_comments').selectAll().where('response_id', '=', row.id).execute();
    for (const q of instrument.questions) {
      const given = sent[q.id];
      if (q.scale.kind === 'text') {
        expect(comments.find((c) => c.question_id === q.id)?.text).toBe(given);
        expect(answers[q.id]).toBeUndefined();
        continue;
      }
      if (given === undefined) {
        expect(answers[q.id]).toBeUndefined();
        continue;
      }
      const expected = q.scale.kind === 'score' ? Number(given) : given;
      expect(answers[q.id], q.id).toEqual(expected);
      expect(isValidAnswer(q.scale, answers[q.id])).toBe(true);
    }
    // Every page of the instrument was shown: the first options never hide anything here.
    expect(Object.keys(answers).length + comments.length).toBe(Object.keys(sent).length);
    // Nothing of the survey is left for this browser, and the draft is gone.
    expect(b.jar.size).toBe(0);
    expect(await t.conn.db.selectFrom('drafts').selectAll().where('wave_id', '=', wave.id).execute()).toHaveLength(0);
    const after = await b.get(`/s/${wave.linkCode}/review`);
    expect(after.status).toBe(303);
    expect(after.headers['location']).toBe(`/s/${wave.linkCode}`);
  });

  it('stores adult_helped as 0 when an older young person says no adult is helping', async () => {
    const b = browser(t.app);
    const first = await begin(b, ylyc, 14, undefined, 'no');
    const { review } = await answerPages(b, first, () => undefined);
    const key = formFor(review.body, '/submit').hidden['key']!;
    expect((await b.post(`/s/${ylyc.linkCode}/submit`, { key })).status).toBe(303);
    const row = await t.conn.db.selectFrom('responses').selectAll().where('answers', '=', '{}').executeTakeFirstOrThrow();
    expect(row.instrument_id).toBe('ylyc-11-17');
    expect(Number(row.adult_helped)).toBe(0);
  });
});
