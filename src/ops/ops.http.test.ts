import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../db/index.ts';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { newId } from '../lib/ids.ts';
import { insertResponse } from '../safeguarding/testing.ts';
import { opsRoutes } from './index.ts';

const TOKEN = 'k2Jx8Qz5Lm0Pv7Ty4Wc1Rb9Hs3Nd6Fg';

/** The value of one sample line of the Prometheus text, e.g. `brightspots_submissions_stored 3`. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe.each(engines)('readiness and metrics (%s)', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect, { METRICS_TOKEN: TOKEN });
  });
  afterEach(async () => {
    await t.close();
  });

  it('is ready when the database answers and every migration is applied; /healthz stays a plain liveness check', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });

  it('answers 503 with the reason when a migration is missing or the database is newer than the code', async () => {
    await sql`delete from kysely_migration where name = '0015_paper_entry'`.execute(t.conn.db);
    const missing = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(missing.statusCode).toBe(503);
    expect(missing.json()).toEqual({ status: 'not ready', reason: 'database migrations not applied: 0015_paper_entry' });

    await sql`insert into kysely_migration (name, timestamp) values ('0015_paper_entry', '2026-01-01T00:00:00.000Z'), ('9999_future', '2026-01-01T00:00:00.000Z')`.execute(t.conn.db);
    const newer = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(newer.statusCode).toBe(503);
    expect(newer.json<{ reason: string }>().reason).toMatch(/newer than this version.*9999_future/);
  });

  it('counts requests by route pattern, never by the URL a client sent', async () => {
    await t.app.inject({ method: 'GET', url: '/s/SECRETCODE1' });
    await t.app.inject({ method: 'GET', url: '/no/such/page/with-a-name-in-it' });
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const r = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = r.body;
    expect(sample(text, 'brightspots_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(1);
    expect(text).toMatch(/brightspots_http_requests_total\{method="GET",route="\/s\/:[a-zA-Z]+",status="\d+"\} 1/);
    expect(sample(text, 'brightspots_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(text).toMatch(/brightspots_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/healthz",status="200"\}/);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).not.toContain('SECRETCODE1');
    expect(text).not.toContain('with-a-name-in-it');
  });

  it('reports submissions, the safeguarding queue, unacknowledged disclosures and job runs from the database', async () => {
    const db = t.conn.db;
    const la = await t.services.programme.addLa({ name: 'Metricshire Council', nation: 'england', onsCode: 'E10000097' });
    const wave = await t.services.programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-11-17': 20 }, opensOn: '2026-03-01', closesOn: '2026-04-30' });
    const { responseId, commentIds } = await insertResponse(db, { waveId: wave.id, completedAt: '2026-03-02T09:00:00.000Z', comments: ['first', 'second'] });
    for (const key of ['a', 'b', 'c']) await db.insertInto('submissions').values({ key_hash: `hash-${key}`, wave_id: wave.id, created_on: '2026-03-02' }).execute();
    const screening = (commentId: string, decision: string | null) => ({
      comment_id: commentId, response_id: responseId, wave_id: wave.id, flag: 1, categories: '["harm"]', matches: '[]', max_severity: 1,
      rules_version: 'test', submitted_at: '2026-03-02T09:00:00.000Z', screened_at: '2026-03-02T09:00:01.000Z', decision,
      note: null, decided_by: null, decided_by_email: null, decided_at: decision ? '2026-03-02T09:30:00.000Z' : null,
    });
    await db.insertInto('safeguarding_screenings').values([screening(commentIds[0] ?? '', null), screening(commentIds[1] ?? '', 'concern')]).execute();
    await db.insertInto('safeguarding_disclosures').values({ id: newId(), comment_id: commentIds[1] ?? '', la_id: la.id, wave_id: wave.id, urgent: 0, created_at: '2026-03-02T09:30:00.000Z', acknowledged_at: null, acknowledged_by: null, acknowledged_by_email: null }).execute();
    const run = (key: string, status: string) => ({ run_key: key, job_name: 'digest', status, lease_owner: null, lease_expires: '2026-03-02T10:00:00.000Z', attempts: 1, last_error: null, started_at: '2026-03-02T09:00:00.000Z', finished_at: null });
    await db.insertInto('job_runs').values([run('digest:1', 'done'), run('digest:2', 'done'), run('digest:3', 'failed')]).execute();

    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(sample(text, 'brightspots_submissions_stored')).toBe(3);
    expect(sample(text, 'brightspots_safeguarding_queue_depth')).toBe(1);
    expect(sample(text, 'brightspots_safeguarding_unacknowledged_disclosures')).toBe(1);
    expect(sample(text, 'brightspots_job_runs{job="digest",status="done"}')).toBe(2);
    expect(sample(text, 'brightspots_job_runs{job="digest",status="failed"}')).toBe(1);
    expect(sample(text, 'brightspots_database_up')).toBe(1);
    // Nothing about the LA or the comments in any label.
    expect(text).not.toContain('Metricshire');
    expect(text).not.toContain(wave.id);
  });

  it('serves /metrics only on this machine or with the token; a request through a proxy needs the token', async () => {
    const get = (headers: Record<string, string>, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });
    expect((await get({})).statusCode).toBe(200);
    expect((await get({}, '::1')).statusCode).toBe(200);
    const outside = await get({}, '203.0.113.7');
    expect(outside.statusCode).toBe(403);
    expect(outside.body).toContain('METRICS_TOKEN');
    expect(outside.body).not.toContain('brightspots_');
    expect((await get({ 'x-forwarded-for': '203.0.113.7' })).statusCode).toBe(403);
    expect((await get({ forwarded: 'for=203.0.113.7' })).statusCode).toBe(403);
    expect((await get({ authorization: `Bearer ${TOKEN}` }, '203.0.113.7')).statusCode).toBe(200);
    expect((await get({ authorization: `Bearer ${TOKEN}x` }, '203.0.113.7')).statusCode).toBe(403);
    expect((await get({ authorization: 'Bearer wrong' })).statusCode).toBe(403);
  });
});

describe('readiness without a database', () => {
  it('answers 503 "database unreachable" when the database cannot be reached, and /metrics reports it as down', async () => {
    // Nothing listens on port 1: every connection is refused at once.
    const conn = openPostgres('postgres://postgres@127.0.0.1:1/none', 1);
    const app = Fastify();
    await app.register(opsRoutes, { db: conn.db, config: { metricsToken: undefined } });
    try {
      const r = await app.inject({ method: 'GET', url: '/readyz' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toEqual({ status: 'not ready', reason: 'database unreachable' });
      const m = await app.inject({ method: 'GET', url: '/metrics' });
      expect(m.statusCode).toBe(200);
      expect(sample(m.body, 'brightspots_database_up')).toBe(0);
    } finally {
      await app.close();
      await conn.close();
    }
  });
});

describe('metrics without a token', () => {
  it('refuses any bearer token and anyone outside this machine', async () => {
    const t = await createTestApp('sqlite');
    try {
      expect((await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer anything-at-all-long-enough-1234' }, remoteAddress: '203.0.113.7' })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.0.0.8' })).statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });
});
