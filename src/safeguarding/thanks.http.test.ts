/**
 * Someone looking over a young person's shoulder must not be able to tell that they wrote something
 * worrying: the thank-you page, with its help, is the same byte for byte whether the comment was flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { DECLINED } from '../instruments/index.ts';
import type { Wave } from '../programme/index.ts';
import { answerPages, begin, browser, formFor, openWave, type Page } from '../survey/testing.ts';

describe.each(engines)('the thank-you page on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    wave = await openWave(t.services, 'ylyc');
  });
  afterAll(() => t.close());

  /** Completes the 11-17 questionnaire with the same answers and the given comment; returns the submission and the thank-you page. */
  async function complete(comment: string): Promise<{ done: Page; thanks: Page }> {
    const b = browser(t.app);
    const first = await begin(b, wave, 14, 'secondary');
    const { review } = await answerPages(b, first, (_name, values, type) => (type === 'text' ? comment : type === 'checkbox' ? values.slice(0, 1) : values.find((v) => v !== DECLINED)));
    const done = await b.post(`/s/${wave.linkCode}/submit`, { key: formFor(review.body, '/submit').hidden['key']! });
    return { done, thanks: await b.follow(done) };
  }

  async function screening(text: string): Promise<number> {
    for (let i = 0; i < 250; i++) {
      const row = await t.conn.db
        .selectFrom('safeguarding_screenings as s')
        .innerJoin('response_comments as c', 'c.id', 's.comment_id')
        .select('s.flag')
        .where('c.text', '=', text)
        .executeTakeFirst();
      if (row) return Number(row.flag);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('not screened');
  }

  it('is identical, with the same help, whether or not the comment is flagged', async () => {
    const worrying = await complete('he hits me when hes drunk and i dont want to be here anymore');
    const fine = await complete('i like football and my dog');
    expect(await screening('he hits me when hes drunk and i dont want to be here anymore')).toBe(1);
    expect(await screening('i like football and my dog')).toBe(0);

    expect(worrying.done.status).toBe(303);
    expect(worrying.done.headers['location']).toBe(fine.done.headers['location']);
    expect(worrying.thanks.status).toBe(200);
    for (const help of ['0800 1111', '999', 'advocate', 'trusted adult']) expect(worrying.thanks.body).toContain(help);
    // Nothing on the page carries a token (no form): the bytes must match exactly, but for the
    // Content Security Policy's nonce, which is random on every response whatever it holds.
    const unnonced = (text: string) => text.replace(/nonce-[A-Za-z0-9+/=]+/g, 'nonce-N').replace(/ nonce="[^"]+"/g, ' nonce="N"');
    expect(worrying.thanks.body).toContain(' nonce="');
    expect(unnonced(worrying.thanks.body)).toBe(unnonced(fine.thanks.body));
    // Headers too (cookies cleared the same way), apart from the time and the client's rate-limit counters.
    const headers = (p: Page) =>
      Object.fromEntries(Object.entries(p.headers).filter(([k]) => k !== 'date' && !k.startsWith('x-ratelimit-')).map(([k, v]) => [k, typeof v === 'string' ? unnonced(v) : v]));
    expect(headers(worrying.thanks)).toEqual(headers(fine.thanks));
  });
});
