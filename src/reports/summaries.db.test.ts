/**
 * The comparator's stored summaries on both engines: a draft reads other LAs' waves as summaries kept
 * in the database, with exactly the figures of counting their responses, and counts a wave again when
 * its responses or cleaning's decisions change, so a stored summary is never read stale.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Connection } from '../db/index.ts';
import { engines, openTestDb } from '../db/testing.ts';
import { computeFindings, type SurveyResponse } from '../findings/index.ts';
import type { Answer } from '../instruments/index.ts';
import { fixedClock } from '../lib/clock.ts';
import type { Actor, Wave } from '../programme/index.ts';
import { createServices, type Services } from '../services.ts';
import { addResponses, seedWave } from './testing.ts';

const researcher: Actor = { accountId: 'acc-researcher', email: 'r@example.org', name: 'R', grants: [{ role: 'programme_researcher', laId: null }] };

describe.each(engines)('stored comparator summaries on %s', (dialect) => {
  let conn: Connection;
  let s: Services;
  let own: Wave;
  const others: Wave[] = [];

  const summaryRows = () => conn.db.selectFrom('wave_summaries').select(['wave_id', 'fingerprint', 'counted_at']).orderBy('wave_id').execute();
  const respondents = async () => (await s.reports.buildReport(researcher, own.id)).findings.comparator.respondents;

  /** The comparator counted from the responses themselves, as the engine would without summaries. */
  async function flatFindings() {
    const excluded = await conn.db.selectFrom('response_reviews').select('response_id').where('decision', '=', 'exclude').execute();
    const skip = new Set(excluded.map((r) => r.response_id));
    const rows = await conn.db.selectFrom('responses').select(['id', 'wave_id', 'instrument_id', 'answers']).execute();
    const of = (waveIds: string[]): SurveyResponse[] =>
      rows.filter((r) => waveIds.includes(r.wave_id) && !skip.has(r.id)).map((r) => ({ instrumentId: r.instrument_id, answers: JSON.parse(r.answers) as Record<string, Answer> }));
    return computeFindings({ survey: 'ylbc', la: of([own.id]), comparator: { authorities: others.length, responses: of(others.map((w) => w.id)) } });
  }

  beforeAll(async () => {
    conn = await openTestDb(dialect);
    s = createServices(conn.db, conn.dialect, loadConfig({ NODE_ENV: 'test' }), fixedClock('2026-03-02T10:00:00.000Z'));
    const la = await s.programme.addLa({ name: 'Summaryham', nation: 'england', onsCode: 'E06000811' });
    own = (await seedWave(conn.db, s.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 50 }, seed: 1, outlook: 0.4 })).wave;
    for (let i = 0; i < 3; i++) {
      const other = await s.programme.addLa({ name: `Other ${i}`, nation: 'england', onsCode: `E0600082${i}` });
      others.push((await seedWave(conn.db, s.programme, other, { survey: 'ylbc', responses: { 'ylbc-16-25': 40 + 10 * i }, seed: 10 + i, outlook: -0.3 })).wave);
    }
  });
  afterAll(() => conn.close());

  it('counts each comparator wave once, stores it, and gives exactly the figures of counting the responses', async () => {
    expect(await summaryRows()).toEqual([]);
    const first = await s.reports.buildReport(researcher, own.id);
    const stored = await summaryRows();
    expect(stored.map((r) => r.wave_id)).toEqual(others.map((w) => w.id).sort());
    expect(first.findings).toEqual(await flatFindings());
    // The second draft reads the stored summaries: nothing is counted again.
    const second = await s.reports.buildReport(researcher, own.id);
    expect(second.findings).toEqual(first.findings);
    expect(await summaryRows()).toEqual(stored);
  });

  it('counts a wave again after a late response, and only that wave', async () => {
    const before = await summaryRows();
    const late = others[1] as Wave;
    await addResponses(conn.db, late, { 'ylbc-16-25': 3 }, 99);
    expect(await respondents()).toBe(40 + 50 + 60 + 3);
    const after = await summaryRows();
    for (const [i, row] of after.entries()) {
      if (row.wave_id === late.id) expect(row.fingerprint).not.toBe(before[i]?.fingerprint);
      else expect(row).toEqual(before[i]);
    }
    expect((await s.reports.buildReport(researcher, own.id)).findings).toEqual(await flatFindings());
  });

  it("follows cleaning's decisions both ways", async () => {
    const wave = others[0] as Wave;
    const [target] = await conn.db.selectFrom('responses').select('id').where('wave_id', '=', wave.id).limit(1).execute();
    const responseId = target?.id as string;
    const total = await respondents();
    const decide = (decision: string, at: string) =>
      conn.db
        .insertInto('response_reviews')
        .values({ response_id: responseId, wave_id: wave.id, reason: 'test', decision, note: 'Marked as a test', decided_by: 'acc-researcher', decided_at: at })
        .onConflict((oc) => oc.column('response_id').doUpdateSet({ decision, decided_at: at }))
        .execute();
    await decide('exclude', '2026-03-02T10:01:00.000Z');
    expect(await respondents()).toBe(total - 1);
    expect((await s.reports.buildReport(researcher, own.id)).findings).toEqual(await flatFindings());
    await decide('keep', '2026-03-02T10:02:00.000Z');
    expect(await respondents()).toBe(total);
  });

  it('never trusts a stored summary whose fingerprint does not match', async () => {
    const wave = others[2] as Wave;
    const tampered = JSON.stringify({ format: 1, instruments: { 'ylbc-16-25': { n: 1, answers: {} } } });
    await conn.db.updateTable('wave_summaries').set({ summary: tampered, fingerprint: 'stale' }).where('wave_id', '=', wave.id).execute();
    expect((await s.reports.buildReport(researcher, own.id)).findings).toEqual(await flatFindings());
    const row = await conn.db.selectFrom('wave_summaries').select(['summary', 'fingerprint']).where('wave_id', '=', wave.id).executeTakeFirstOrThrow();
    expect(row.fingerprint).not.toBe('stale');
    expect(row.summary).not.toBe(tampered);
  });
});
