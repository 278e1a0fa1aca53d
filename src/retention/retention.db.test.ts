/**
 * The daily retention job on both engines, with the test clock: responses past 7 years go with all that
 * hangs on them, original comments past 24 months become their approved redaction or nothing, open
 * safeguarding concerns hold both back, and only counts are recorded. Nothing else is touched.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createScheduler, platformJobs, type JobLog } from '../jobs/index.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { newId } from '../lib/ids.ts';
import { makeStaff, signedIn } from '../programme/staff/testing.ts';

const quiet: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const SECRET = 'Jamie from Flat 3 told me';

/** Row counts of every table retention must leave alone, and of those it may change. */
async function counts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['local_authorities', 'waves', 'report_versions', 'staff_accounts', 'submissions', 'responses', 'response_comments', 'response_reviews', 'comment_reviews', 'safeguarding_screenings', 'safeguarding_disclosures', 'safeguarding_notifications', 'drafts', 'release_requests']) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(t.conn.db);
    out[table] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

describe.each(engines)('retention on %s', (dialect) => {
  let t: TestApp;
  let laId: string;
  const ids: Record<string, string> = {};
  let before: Record<string, number>;

  async function closedWave(title: string, closedAt: string): Promise<string> {
    const w = await t.services.programme.openWave({ laId, survey: 'ylyc', eligible: { 'ylyc-8-11': 20 }, opensOn: '2017-01-01', closesOn: closedAt.slice(0, 10), title });
    await t.services.programme.closeWave(w.id);
    await t.conn.db.updateTable('waves').set({ closed_at: closedAt }).where('id', '=', w.id).execute();
    return w.id;
  }

  /** A response and, when given, its comment; screened unless told otherwise. */
  async function response(waveId: string, name: string, comment?: { text: string; screened?: 'clear' | 'flagged' | 'none'; decision?: string | null }): Promise<void> {
    const id = newId();
    ids[name] = id;
    const db = t.conn.db;
    await db.insertInto('responses').values({ id, wave_id: waveId, instrument_id: 'ylyc-8-11', instrument_version: '1.0.0', channel: 'online', language: 'en', answers: '{"age":"9"}', completed_at: '2017-05-01T10:00:00.000Z', adult_helped: 0 }).execute();
    if (!comment) return;
    const commentId = newId();
    ids[`${name}:comment`] = commentId;
    await db.insertInto('response_comments').values({ id: commentId, response_id: id, question_id: 'anything_else', text: comment.text }).execute();
    if (comment.screened === 'none') return;
    const flagged = comment.screened === 'flagged';
    await db
      .insertInto('safeguarding_screenings')
      .values({ comment_id: commentId, response_id: id, wave_id: waveId, flag: flagged ? 1 : 0, categories: '[]', matches: '[]', max_severity: flagged ? 1 : null, rules_version: '1', submitted_at: '2017-05-01T10:00:00.000Z', screened_at: '2017-05-01T10:00:00.000Z', decision: flagged ? (comment.decision ?? null) : null, note: null, decided_by: null, decided_by_email: null, decided_at: null })
      .execute();
  }

  async function disclosure(name: string, waveId: string, acknowledged: boolean): Promise<void> {
    const id = newId();
    await t.conn.db.insertInto('safeguarding_disclosures').values({ id, comment_id: ids[`${name}:comment`]!, la_id: laId, wave_id: waveId, urgent: 0, created_at: '2017-05-02T10:00:00.000Z', acknowledged_at: acknowledged ? '2017-05-03T10:00:00.000Z' : null, acknowledged_by: null, acknowledged_by_email: null }).execute();
    await t.conn.db.insertInto('safeguarding_notifications').values({ disclosure_id: id, kind: 'contact', level: 0, recipient: 'contact@la.example', sent_at: '2017-05-02T10:00:00.000Z' }).execute();
  }

  async function review(name: string, waveId: string, status: string, redacted: string): Promise<void> {
    await t.conn.db.insertInto('comment_reviews').values({ comment_id: ids[`${name}:comment`]!, wave_id: waveId, spans: '[]', redacted_text: redacted, edited: 0, status, quote: 0, confirmed: 0, edited_by: null, edited_at: null, decided_by: null, decided_at: null }).execute();
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.conn.db;
    laId = (await t.services.programme.addLa({ name: 'Keepford Council', nation: 'england', onsCode: 'E06000444' })).id;
    // Closed in 2018: past the 7 years for responses on 2026-03-03 (84 months after 2018-06-01 is 2025-06-01).
    const old = await closedWave('Keepford 2018', '2018-06-01T12:00:00.000Z');
    ids['old'] = old;
    await response(old, 'o1', { text: `${SECRET} (o1)` });
    await review('o1', old, 'approved', '[name] from [address] told me (o1)');
    await response(old, 'o2');
    await response(old, 'o3', { text: `${SECRET} (o3, still open)`, screened: 'flagged', decision: null });
    await response(old, 'o4', { text: `${SECRET} (o4, disclosed)`, screened: 'flagged', decision: 'concern' });
    await disclosure('o4', old, true);
    await db.insertInto('response_reviews').values({ response_id: ids['o4']!, wave_id: old, reason: 'duplicate', decision: 'keep', note: 'checked', decided_by: 'r@x', decided_at: '2018-06-02T10:00:00.000Z' }).execute();
    await db.insertInto('report_versions').values({ id: newId(), wave_id: old, number: 1, published_at: '2018-07-01T10:00:00.000Z', published_by: null, responses: 4, response_ids: JSON.stringify({ 'ylyc-8-11': [ids['o1'], ids['o2'], ids['o3'], ids['o4']].sort() }), report: '{"figures":"kept"}', note: 'first publication' }).execute();
    // Closed in 2023: past the 24 months for original comments, not the 7 years.
    const mid = await closedWave('Keepford 2023', '2023-06-01T12:00:00.000Z');
    ids['mid'] = mid;
    await response(mid, 'm1', { text: `${SECRET} (m1)` });
    await review('m1', mid, 'approved', '[name] from [address] told me (m1)');
    await response(mid, 'm2', { text: `${SECRET} (m2)` });
    await response(mid, 'm3', { text: `${SECRET} (m3)` });
    await review('m3', mid, 'withheld', '[name] from [address] told me (m3)');
    await response(mid, 'm4', { text: `${SECRET} (m4, disclosed, not acknowledged)`, screened: 'flagged', decision: 'urgent' });
    await disclosure('m4', mid, false);
    await response(mid, 'm5', { text: `${SECRET} (m5, never screened)`, screened: 'none' });
    // Closed in 2025: nothing due.
    const recent = await closedWave('Keepford 2025', '2025-10-01T12:00:00.000Z');
    await response(recent, 'r1', { text: `${SECRET} (r1)` });
    // An unfinished survey past its time and one still current; an approved release whose download time ended.
    const draft = (id: string, expires: string) => ({ id, wave_id: recent, token_hash: `t-${id}`, resume_hash: `r-${id}`, instrument_id: null, language: 'en', answers: '{}', free_text: '{}', text_visible: '[]', adult_helped: 0, position: 'start', submission_key: `k-${id}`, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', expires_at: expires, access_code_hash: null });
    await db.insertInto('drafts').values([draft('d-old', '2026-02-01T00:00:00.000Z'), draft('d-new', '2026-04-01T00:00:00.000Z')]).execute();
    await db.insertInto('release_requests').values({ id: 'rel-1', la_id: laId, wave_id: recent, purpose: 'p', status: 'approved', requested_by: 'a', requested_by_email: 'lead@x', requested_at: '2026-01-01T00:00:00.000Z', k: 10, decided_by: 'b', decided_by_email: 'admin@x', decided_at: '2026-01-02T00:00:00.000Z', decision_note: 'ok', expires_at: '2026-01-16T00:00:00.000Z', snapshot: '{"rows":[]}', snapshot_deleted_at: null }).execute();
    before = await counts(t);
  });
  afterAll(() => t.close());

  it('runs once a day from the scheduler, deleting what expired and recording counts only', async () => {
    t.clock.set('2026-03-03T03:00:00.000Z');
    const s = createScheduler({ db: t.conn.db, clock: t.clock, log: quiet, owner: 'test' });
    s.registerJob(platformJobs(t.services, quiet).find((j) => j.name === 'retention')!);
    expect(await s.tick()).toEqual(['retention:2026-03-03']);
    expect(await s.tick()).toEqual([]);

    const log = await t.conn.db.selectFrom('retention_log').select(['run_key', 'item', 'wave_id', 'deleted', 'kept']).orderBy('item').execute();
    expect(log.map((l) => ({ ...l, deleted: Number(l.deleted), kept: Number(l.kept) }))).toEqual([
      { run_key: 'retention:2026-03-03', item: 'drafts', wave_id: null, deleted: 1, kept: 0 },
      { run_key: 'retention:2026-03-03', item: 'free_text', wave_id: ids['mid'], deleted: 3, kept: 2 },
      { run_key: 'retention:2026-03-03', item: 'release_files', wave_id: null, deleted: 1, kept: 0 },
      { run_key: 'retention:2026-03-03', item: 'responses', wave_id: ids['old'], deleted: 3, kept: 1 },
    ]);
    const audit = await t.services.audit.list({});
    expect(audit.filter((a) => a.action === 'comments.redactions_preserved').map((a) => a.target)).toEqual([ids['mid']]);
    const actions = audit.filter((a) => a.action.startsWith('retention.')).map((a) => a.action).sort();
    expect(actions).toEqual(['retention.drafts_deleted', 'retention.free_text_deleted', 'retention.ran', 'retention.release_files_deleted', 'retention.responses_deleted']);
    expect(audit.find((a) => a.action === 'retention.responses_deleted')).toMatchObject({ actorEmail: null, laId, target: ids['old'], detail: { deleted: 3, kept: 1 } });
    expect(audit.find((a) => a.action === 'retention.ran')?.detail).toMatchObject({ responses: 3, free_text: 3, drafts: 1, release_files: 1, kept: 3 });
    expect(JSON.stringify({ log, audit })).not.toContain('Jamie');
  });

  it('deleted the old wave\'s responses with everything hanging on them, except one with a concern still open', async () => {
    const db = t.conn.db;
    expect((await db.selectFrom('responses').select('id').where('wave_id', '=', ids['old']!).execute()).map((r) => r.id)).toEqual([ids['o3']]);
    expect((await db.selectFrom('response_comments').select('text').where('response_id', 'in', [ids['o1']!, ids['o3']!, ids['o4']!]).execute()).map((c) => c.text)).toEqual([`${SECRET} (o3, still open)`]);
    expect(await db.selectFrom('safeguarding_disclosures').select('id').where('wave_id', '=', ids['old']!).execute()).toEqual([]);
    expect((await db.selectFrom('safeguarding_screenings').select('comment_id').where('wave_id', '=', ids['old']!).execute()).map((s) => s.comment_id)).toEqual([ids['o3:comment']]);
    expect(await db.selectFrom('response_reviews').select('response_id').where('wave_id', '=', ids['old']!).execute()).toEqual([]);
    // The published version keeps its snapshot: it holds figures, not responses.
    const version = await db.selectFrom('report_versions').select(['report', 'responses']).where('wave_id', '=', ids['old']!).executeTakeFirstOrThrow();
    expect(version).toEqual({ report: '{"figures":"kept"}', responses: 4 });
  });

  it('left the 2023 wave\'s approved comment as its redaction, emptied the others, and kept the open and unscreened ones', async () => {
    const text = async (name: string) => (await t.conn.db.selectFrom('response_comments').select('text').where('id', '=', ids[`${name}:comment`]!).executeTakeFirstOrThrow()).text;
    expect(await text('m1')).toBe('[name] from [address] told me (m1)');
    expect(await text('m2')).toBe('');
    expect(await text('m3')).toBe('');
    expect(await text('m4')).toContain('not acknowledged');
    expect(await text('m5')).toContain('never screened');
    // Before the originals went, each unreviewed comment's automatic redaction was kept, waiting for review (never released).
    const preserved = await t.conn.db.selectFrom('comment_reviews').select(['status', 'redacted_text']).where('comment_id', '=', ids['m2:comment']!).executeTakeFirstOrThrow();
    expect(preserved.status).toBe('pending');
    expect(preserved.redacted_text).not.toContain('Jamie');
    expect(await t.conn.db.selectFrom('comment_reviews').select('comment_id').where('wave_id', '=', ids['mid']!).execute()).toHaveLength(5);
    expect(await t.conn.db.selectFrom('responses').select('id').where('wave_id', '=', ids['mid']!).execute()).toHaveLength(5);
  });

  it('touched nothing else', async () => {
    const after = await counts(t);
    expect(after).toEqual({
      ...before,
      responses: before['responses']! - 3,
      response_comments: before['response_comments']! - 2,
      response_reviews: before['response_reviews']! - 1,
      // One deleted with its response (o1); three kept redactions stored (m2, and m4 and m5 whose originals stay).
      comment_reviews: before['comment_reviews']! - 1 + 3,
      safeguarding_screenings: before['safeguarding_screenings']! - 2,
      safeguarding_disclosures: before['safeguarding_disclosures']! - 1,
      safeguarding_notifications: before['safeguarding_notifications']! - 1,
      drafts: before['drafts']! - 1,
    });
    expect(await t.conn.db.selectFrom('response_comments').select('text').where('id', '=', ids['r1:comment']!).executeTakeFirstOrThrow()).toEqual({ text: `${SECRET} (r1)` });
    expect(await t.conn.db.selectFrom('drafts').select('id').execute()).toEqual([{ id: 'd-new' }]);
    expect(await t.conn.db.selectFrom('release_requests').select(['status', 'snapshot']).where('id', '=', 'rel-1').executeTakeFirstOrThrow()).toEqual({ status: 'approved', snapshot: null });
  });

  it('deletes nothing more the next day, recording only what it still holds back', async () => {
    t.clock.set('2026-03-04T03:00:00.000Z');
    const totals = await t.services.retention.run('retention:2026-03-04');
    expect(totals).toEqual({ responses: 0, free_text: 0, drafts: 0, release_files: 0, kept: 3 });
    const log = await t.conn.db.selectFrom('retention_log').select(['item', 'deleted', 'kept']).where('run_key', '=', 'retention:2026-03-04').orderBy('item').execute();
    expect(log.map((l) => [l.item, Number(l.deleted), Number(l.kept)])).toEqual([
      ['free_text', 0, 2],
      ['responses', 0, 1],
    ]);
  });

  it('keeps the log append-only', async () => {
    await expect(t.conn.db.updateTable('retention_log').set({ deleted: 0 }).execute()).rejects.toThrow(/append-only/);
    await expect(t.conn.db.deleteFrom('retention_log').execute()).rejects.toThrow(/append-only/);
  });

  it('shows programme administrators the periods and the log; nobody else', async () => {
    const admin = await makeStaff(t.conn.db, t.clock, 'admin@programme.example', [{ role: 'programme_admin', laId: null }]);
    const lead = await makeStaff(t.conn.db, t.clock, 'lead@keepford.example', [{ role: 'la_lead', laId }]);
    const page = await (await signedIn(t.app, t.clock, admin)).get('/staff/admin/retention');
    expect(page.status).toBe(200);
    expect(page.body).toContain('84 months after the wave closes');
    expect(page.body).toContain('Keepford Council: Keepford 2018');
    expect(page.body).toContain('Original comments');
    expect(page.body).not.toContain('Jamie');
    expect((await (await signedIn(t.app, t.clock, lead)).get('/staff/admin/retention')).status).toBe(403);
  });
});
