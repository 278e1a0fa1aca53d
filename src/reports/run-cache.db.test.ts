/**
 * The run cache of `report all` (report.repository.ts), on both engines: a wave read again while it is
 * among the last few is not read from the database again, and the cache never holds more than
 * RUN_CACHE_WAVES waves' responses, so a national round's memory does not grow with its size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../db/index.ts';
import { engines, openTestDb } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { programmeRepository, programmeService, type Wave } from '../programme/index.ts';
import { newRunCache, reportRepository, RUN_CACHE_WAVES } from './report.repository.ts';
import { seedWave } from './testing.ts';

describe.each(engines)('the run cache of a round of reports on %s', (dialect) => {
  let conn: Connection;
  const waves: Wave[] = [];

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    const programme = programmeService(programmeRepository(conn.db), fixedClock('2026-03-02T10:00:00.000Z'));
    for (let i = 0; i < RUN_CACHE_WAVES + 4; i++) {
      const la = await programme.addLa({ name: `Cache Borough ${i}`, nation: 'england', onsCode: `E0${String(8000000 + i).padStart(7, '0')}` });
      waves.push((await seedWave(conn.db, programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 3 + i }, seed: i })).wave);
    }
  });
  afterAll(() => conn.close());

  it('keeps the responses of the last waves read, at most RUN_CACHE_WAVES of them', async () => {
    const cache = newRunCache();
    const repo = reportRepository(conn.db, cache);
    for (const [i, w] of waves.entries()) {
      expect((await repo.waveResponses(w.id)).length).toBe(3 + i);
      expect(cache.responses.size).toBe(Math.min(i + 1, RUN_CACHE_WAVES));
    }
    // The most recent are kept, the oldest let go.
    expect([...cache.responses.keys()]).toEqual(waves.slice(-RUN_CACHE_WAVES).map((w) => w.id));
    // A wave still in the cache is the same array (not read again); one let go is read again, correctly.
    const recent = waves[waves.length - 1]!;
    const kept = cache.responses.get(recent.id);
    expect(await repo.waveResponses(recent.id)).toBe(kept);
    const first = waves[0]!;
    expect(cache.responses.has(first.id)).toBe(false);
    expect((await repo.waveResponses(first.id)).length).toBe(3);
    expect(cache.responses.size).toBe(RUN_CACHE_WAVES);
    // Reading the first again made it the newest and let the then-oldest go.
    expect([...cache.responses.keys()].at(-1)).toBe(first.id);
    expect(cache.responses.has(waves[waves.length - RUN_CACHE_WAVES]!.id)).toBe(false);
  });
});
