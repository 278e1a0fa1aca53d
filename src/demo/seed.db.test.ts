/** The demo programme seeds the same valid data on both engines, and the same data for the same seed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Connection } from '../db/index.ts';
import { engines, openTestDb } from '../db/testing.ts';
import { getInstrument, isValidAnswer } from '../instruments/index.ts';
import { fixedClock } from '../lib/clock.ts';
import { createServices, type Services } from '../services.ts';
import { demoProgramme, type DemoLa } from './programme.ts';
import { addDays, seedDemo, type DemoSeedResult } from './seed.ts';

const TODAY = '2026-03-02';

async function openServices(dialect: (typeof engines)[number]): Promise<{ conn: Connection; services: Services }> {
  const conn = await openTestDb(dialect);
  const services = createServices(conn.db, conn.dialect, loadConfig({ NODE_ENV: 'test' }), fixedClock(`${TODAY}T10:00:00.000Z`));
  return { conn, services };
}

/** Stored responses in an order that does not depend on their random ids. */
async function storedResponses(services: Services) {
  const rows = await services.db
    .selectFrom('responses')
    .innerJoin('waves', 'waves.id', 'responses.wave_id')
    .innerJoin('local_authorities', 'local_authorities.id', 'waves.la_id')
    .select(['local_authorities.name', 'waves.opens_on', 'responses.instrument_id', 'responses.answers', 'responses.completed_at', 'responses.channel', 'responses.adult_helped'])
    .execute();
  return rows.map((r) => JSON.stringify(r)).sort();
}

/** The demo programme with a tenth of the responses, to compare two seedings quickly. */
const small: DemoLa[] = demoProgramme.map((la) => ({
  ...la,
  waves: la.waves.map((w) => ({
    ...w,
    responses: Object.fromEntries(Object.entries(w.responses).map(([k, n]) => [k, Math.ceil((n ?? 0) / 10)])),
  })),
}));

describe.each(engines)('seedDemo on %s', (dialect) => {
  let conn: Connection;
  let services: Services;
  let seeded: DemoSeedResult;

  beforeAll(async () => {
    ({ conn, services } = await openServices(dialect));
    seeded = await seedDemo(services, { seed: 42, today: TODAY });
  });
  afterAll(async () => {
    await conn.close();
  });

  it('creates three LAs, each with two open waves and one closed from the previous year', async () => {
    expect((await services.programme.listLas()).map((l) => l.name).sort()).toEqual(demoProgramme.map((l) => l.name).sort());
    const waves = await services.programme.listWaves();
    expect(waves.filter((w) => w.status === 'open')).toHaveLength(6);
    const closed = waves.filter((w) => w.status === 'closed');
    expect(closed).toHaveLength(3);
    for (const w of closed) expect(w.closesOn < addDays(TODAY, -300)).toBe(true);
    for (const la of seeded.las) expect(la.waves.map((w) => w.wave.survey).filter((s) => s === 'ylyc').length).toBeGreaterThan(0);
  });

  it('stores a few hundred responses per wave, as reported, with a spread over the instruments', async () => {
    const waves = await services.programme.listWaves();
    const reported = new Map(seeded.las.flatMap((l) => l.waves).map((w) => [w.wave.id, w]));
    for (const w of waves) {
      expect(w.responses).toBeGreaterThanOrEqual(150);
      expect(w.responses).toBeLessThanOrEqual(400);
      expect(w.responses).toBe(reported.get(w.id)?.responses);
      for (const id of w.instruments) expect(w.responsesByInstrument[id]).toBeGreaterThan(0);
      expect(w.responses).toBeLessThanOrEqual(w.eligibleTotal);
    }
    expect(seeded.responses).toBe(waves.reduce((a, w) => a + w.responses, 0));
    // The LAs differ: not every wave has the same response rate.
    expect(new Set(waves.map((w) => Math.round((100 * w.responses) / w.eligibleTotal))).size).toBeGreaterThan(3);
  });

  it('stores only answers valid for their instrument, completed within the fieldwork window', async () => {
    const rows = await services.db
      .selectFrom('responses')
      .innerJoin('waves', 'waves.id', 'responses.wave_id')
      .select(['responses.instrument_id', 'responses.answers', 'responses.completed_at', 'waves.opens_on', 'waves.closes_on', 'waves.status'])
      .execute();
    for (const r of rows) {
      const instrument = getInstrument(r.instrument_id);
      if (!instrument) throw new Error(`unknown instrument ${r.instrument_id}`);
      const answers = JSON.parse(r.answers) as Record<string, unknown>;
      expect(Object.keys(answers).length).toBeGreaterThan(0);
      for (const [questionId, answer] of Object.entries(answers)) {
        const question = instrument.questions.find((q) => q.id === questionId);
        expect(question, `${r.instrument_id}.${questionId}`).toBeDefined();
        if (question) expect(isValidAnswer(question.scale, answer), `${r.instrument_id}.${questionId}=${JSON.stringify(answer)}`).toBe(true);
      }
      const day = r.completed_at.slice(0, 10);
      expect(day >= r.opens_on && day <= r.closes_on).toBe(true);
      if (r.status === 'open') expect(day < TODAY).toBe(true);
    }
  });

  it('seeds the same answers for the same seed, and others for another seed', async () => {
    const runs: string[][] = [];
    for (const seed of [7, 7, 8]) {
      const other = await openServices(dialect);
      try {
        await seedDemo(other.services, { seed, today: TODAY, programme: small });
        runs.push(await storedResponses(other.services));
      } finally {
        await other.conn.close();
      }
    }
    expect(runs[0]?.length).toBeGreaterThan(100);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).not.toEqual(runs[0]);
  });
});
