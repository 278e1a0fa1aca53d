// Privacy by construction: after a whole journey (with a save, a resume on another device and a
// submission), nothing in any table or in the logs can point back to the person, device or draft.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import type { Wave } from '../programme/index.ts';
import { answerPages, begin, browser, formFor, openWave, type Browser } from './testing.ts';

const IP = '203.0.113.77';
const AGENT = 'UniqueAgent/9.9 bs-probe';
const device = { remoteAddress: IP, headers: { 'user-agent': AGENT, 'x-forwarded-for': IP, 'accept-language': 'en-GB' } };

const tokensOf = (b: Browser): string[] => [...b.jar.values()].filter((c) => c.name === 'bs_draft').map((c) => c.value);

describe.each(engines)('privacy of a response on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    wave = await openWave(t.services, 'ylyc');
  });
  afterAll(() => t.close());

  it('leaves no address, user agent, code, token or key in any table or log line', async () => {
    const secrets: string[] = [];
    const phone = browser(t.app, device);
    const first = await begin(phone, wave, 14);
    secrets.push(...tokensOf(phone));
    const saved = await phone.post(first.url, { action: 'save', age: '14' });
    const code = (/data-resume-code>([\s\S]*?)<\/p>/.exec(saved.body)?.[1] ?? '').replace(/<[^>]+>|-/g, '');
    expect(code).toHaveLength(10);
    secrets.push(code);

    const laptop = browser(t.app, device);
    const resumed = await laptop.open('/resume');
    expect(resumed.status).toBe(200);
    const there = await laptop.follow(await laptop.post('/resume', { code }));
    secrets.push(...tokensOf(laptop));
    const { review } = await answerPages(laptop, there, (name, values, type) =>
      type === 'text' ? 'I am fine thanks' : type === 'checkbox' ? values.slice(0, 1) : values[1],
    );
    const key = formFor(review.body, '/submit').hidden['key']!;
    secrets.push(key);
    const done = await laptop.post(`/s/${wave.linkCode}/submit`, { key });
    expect(done.status).toBe(303);
    // Replays after the fact change nothing either.
    expect((await laptop.post(`/s/${wave.linkCode}/submit`, { key })).status).toBe(303);

    const responses = await t.conn.db.selectFrom('responses').selectAll().execute();
    expect(responses).toHaveLength(1);
    expect(Object.keys(responses[0]!).sort()).toEqual(
      ['adult_helped', 'answers', 'channel', 'completed_at', 'id', 'instrument_id', 'instrument_version', 'language', 'wave_id'].sort(),
    );
    expect(await t.conn.db.selectFrom('drafts').selectAll().execute()).toHaveLength(0);

    // Every row of every table, as text.
    const tables = await t.conn.db.introspection.getTables({ withInternalKyselyTables: true });
    expect(tables.length).toBeGreaterThanOrEqual(6);
    let everything = '';
    for (const table of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(t.conn.db);
      everything += JSON.stringify(rows.rows);
    }
    expect(everything).toContain('I am fine thanks');
    const logs = t.logs();
    expect(logs.length).toBeGreaterThan(0);
    for (const needle of [IP, 'UniqueAgent', 'bs-probe', 'en-GB', ...secrets]) {
      expect(everything, needle).not.toContain(needle);
      expect(logs, needle).not.toContain(needle);
    }
    // Logs name routes, not codes.
    expect(logs).not.toContain(wave.linkCode);
  });
});
