/** The data release journey over HTTP: request, approval at k with the report, downloads, refusal, expiry, tenancy. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { client, createTestApp, type TestApp } from '../http/testing.ts';
import { getInstrument, mulberry32, syntheticAnswers, type Answer, type InstrumentId } from '../instruments/index.ts';
import { newId } from '../lib/ids.ts';
import { makeStaff, signedIn } from '../programme/staff/testing.ts';

type Client = Awaited<ReturnType<typeof signedIn>>;
const ORIGINAL = 'my social worker Priya Shah is great';

/** Stores a response directly (no submission event), with an original comment on some. */
async function store(t: TestApp, waveId: string, instrumentId: InstrumentId, answers: Record<string, Answer>, completedAt: string, comment?: string): Promise<string> {
  const id = newId();
  await t.conn.db.insertInto('responses').values({ id, wave_id: waveId, instrument_id: instrumentId, instrument_version: '1.0.0', channel: 'online', language: 'en', answers: JSON.stringify(answers), completed_at: completedAt, adult_helped: 0 }).execute();
  if (comment) await t.conn.db.insertInto('response_comments').values({ id: newId(), response_id: id, question_id: 'anything_else', text: comment }).execute();
  return id;
}

const download = (t: TestApp, c: Client, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
const fingerprint = (html: string): string => /name="fingerprint" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe.each(engines)('anonymised data release over HTTP on %s', (dialect) => {
  let t: TestApp;
  let waveId: string;
  let openWaveId: string;
  let excluded: string;
  let lead: Client;
  let admin: Client;
  let accounts: Record<'lead' | 'otherLead' | 'viewer' | 'admin' | 'researcher', { email: string; secret: string }>;
  let requestId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme } = t.services;
    const la = await programme.addLa({ name: 'Releaseshire Council', nation: 'england', onsCode: 'E06000555' });
    const other = await programme.addLa({ name: 'Otherford Council', nation: 'england', onsCode: 'E06000556' });
    const wave = await programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-8-11': 60, 'ylyc-11-17': 60 }, opensOn: '2026-01-05', closesOn: '2026-02-20', title: 'Releaseshire 2026' });
    waveId = wave.id;
    const rng = mulberry32(11);
    const older = getInstrument('ylyc-11-17')!;
    const usual = { age: '14', gender: 'female', ethnicity: 'white_british', placement_type: 'foster_care', time_in_care: 'three_years_or_more' };
    for (let i = 0; i < 30; i++) {
      const answers = { ...syntheticAnswers(older, rng).answers, ...usual, safe_at_home: i % 3 === 0 ? 'sometimes' : 'all_of_the_time' };
      await store(t, waveId, 'ylyc-11-17', answers, `2026-02-${String(1 + (i % 18)).padStart(2, '0')}T1${i % 10}:3${i % 6}:00.000Z`, i % 4 === 0 ? `${ORIGINAL} ${i}` : undefined);
    }
    // One young person unlike any other, and one excluded when cleaning.
    await store(t, waveId, 'ylyc-11-17', { ...syntheticAnswers(older, rng).answers, age: '17', gender: 'another_way', ethnicity: 'asian_chinese', placement_type: 'residential' }, '2026-02-03T09:00:00.000Z');
    excluded = await store(t, waveId, 'ylyc-11-17', { ...syntheticAnswers(older, rng).answers, ...usual }, '2026-02-04T09:00:00.000Z');
    await t.conn.db.insertInto('response_reviews').values({ response_id: excluded, wave_id: waveId, reason: 'test', decision: 'exclude', note: 'a test entry', decided_by: 'researcher@programme.example', decided_at: '2026-03-01T10:00:00.000Z' }).execute();
    await programme.closeWave(waveId);
    openWaveId = (await programme.openWave({ laId: la.id, survey: 'ylbc', eligible: { 'ylbc-16-25': 10 }, opensOn: '2026-02-01', closesOn: '2026-04-01' })).id;
    const make = (email: string, grants: Parameters<typeof makeStaff>[3]) => makeStaff(t.conn.db, t.clock, email, grants);
    accounts = {
      lead: await make('lead@releaseshire.example', [{ role: 'la_lead', laId: la.id }]),
      otherLead: await make('lead@otherford.example', [{ role: 'la_lead', laId: other.id }]),
      viewer: await make('viewer@releaseshire.example', [{ role: 'la_viewer', laId: la.id }]),
      admin: await make('admin@programme.example', [{ role: 'programme_admin', laId: null }]),
      researcher: await make('researcher@programme.example', [{ role: 'programme_researcher', laId: null }]),
    };
    lead = await signedIn(t.app, t.clock, accounts.lead);
    admin = await signedIn(t.app, t.clock, accounts.admin);
  });
  afterAll(() => t.close());

  it('lets the LA lead ask for a closed wave with a purpose, refusing a blank purpose and an open wave', async () => {
    const wavePage = await lead.get(`/staff/waves/${waveId}`);
    expect(wavePage.body).toContain(`/staff/waves/${waveId}/release`);
    const form = await lead.get(`/staff/waves/${waveId}/release`);
    expect(form.status).toBe(200);
    expect(form.body).toContain('never the date or time');
    const blank = await lead.submit(`/staff/waves/${waveId}/release`, { purpose: 'data' });
    expect(blank.status).toBe(422);
    expect(blank.body).toContain('govuk-error-summary');
    await lead.get(`/staff/waves/${waveId}/release`);
    const sent = await lead.submit(`/staff/waves/${waveId}/release`, { purpose: 'Well-being by placement type for our corporate parenting board' });
    expect(sent.status).toBe(303);
    requestId = sent.location!.split('/').pop()!;
    expect((await lead.get(`/staff/waves/${openWaveId}/release`)).status).toBe(409);
    const audit = await t.services.audit.list({ action: 'release.requested' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: accounts.lead.email, target: requestId });
  });

  it('shows the lead the request waiting, with nothing to download and no report of the data', async () => {
    const page = await lead.get(`/staff/releases/${requestId}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Waiting for a decision');
    expect(page.body).not.toContain('name="fingerprint"');
    expect((await download(t, lead, `/staff/releases/${requestId}/anonymised-data.xlsx`)).statusCode).toBe(409);
    expect((await lead.get('/staff/releases')).body).toContain('Releaseshire 2026');
  });

  it('answers 404 to other LAs and to roles without the capability, and 403 to a viewer on the list', async () => {
    t.clock.advance(31_000);
    const other = await signedIn(t.app, t.clock, accounts.otherLead);
    for (const url of [`/staff/waves/${waveId}/release`, `/staff/releases/${requestId}`, `/staff/releases/${requestId}/anonymised-data.zip`]) expect((await other.get(url)).status, url).toBe(404);
    expect((await other.get('/staff/releases')).body).not.toContain('Releaseshire');
    const viewer = await signedIn(t.app, t.clock, accounts.viewer);
    expect((await viewer.get(`/staff/waves/${waveId}/release`)).status).toBe(404);
    expect((await viewer.get(`/staff/releases/${requestId}`)).status).toBe(404);
    expect((await viewer.get('/staff/releases')).status).toBe(403);
    const researcher = await signedIn(t.app, t.clock, accounts.researcher);
    expect((await researcher.get(`/staff/releases/${requestId}`)).status).toBe(404);
    expect((await client(t.app).get(`/staff/releases/${requestId}`)).location).toMatch(/^\/staff\/sign-in/);
  });

  it('shows the approver the disclosure report at k, refuses k below 5, a missing reason and a stale report', async () => {
    const list = await admin.get('/staff/releases');
    expect(list.body).toContain('Releaseshire Council');
    const page = await admin.get(`/staff/releases/${requestId}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('What would be released at k = 10');
    expect(page.body).toContain('30 of 31 responses are released.');
    expect(page.body).toContain('1 responses left out: 1 in groups smaller than 10');
    expect(page.body).not.toContain(ORIGINAL);
    const low = await admin.get(`/staff/releases/${requestId}?k=4`);
    expect(low.status).toBe(422);
    expect(low.body).toContain('govuk-error-summary');
    const atFive = await admin.get(`/staff/releases/${requestId}?k=5`);
    expect(atFive.body).toContain('What would be released at k = 5');
    const noReason = await admin.submit(`/staff/releases/${requestId}/approve`, { k: '5', fingerprint: fingerprint(atFive.body), note: '' });
    expect(noReason.status).toBe(422);
    await admin.get(`/staff/releases/${requestId}?k=5`);
    const forced = await admin.submit(`/staff/releases/${requestId}/approve`, { k: '4', fingerprint: fingerprint(atFive.body), note: 'fine' });
    expect(forced.status).toBe(422);
    await admin.get(`/staff/releases/${requestId}?k=5`);
    const stale = await admin.submit(`/staff/releases/${requestId}/approve`, { k: '5', fingerprint: 'not-what-was-read', note: 'looks fine' });
    expect(stale.status).toBe(409);
    expect(await t.services.audit.list({ action: 'release.approved' })).toHaveLength(0);
  });

  it('approves at the k read, once, and audits it', async () => {
    const page = await admin.get(`/staff/releases/${requestId}`);
    const ok = await admin.submit(`/staff/releases/${requestId}/approve`, { k: '10', fingerprint: fingerprint(page.body), note: 'Purpose fits the data-sharing agreement' });
    expect(ok.status).toBe(303);
    const audit = await t.services.audit.list({ action: 'release.approved' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: accounts.admin.email, target: requestId, detail: { k: 10, released: 30, left_out: 1 } });
    await admin.get(`/staff/releases/${requestId}`);
    expect((await admin.submit(`/staff/releases/${requestId}/refuse`, { note: 'changed my mind' })).status).toBe(409);
  });

  it('lets the lead download an XLSX with the data, the codebook second and the report, columns by question id', async () => {
    const page = await lead.get(`/staff/releases/${requestId}`);
    expect(page.body).toContain('Purpose fits the data-sharing agreement');
    expect(page.body).toContain('30 of 31 responses are released.');
    const res = await download(t, lead, `/staff/releases/${requestId}/anonymised-data.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['cache-control']).toBe('no-store');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Codebook', 'Disclosure control']);
    const rows: string[][] = [];
    // Cells are text or whole numbers.
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as Array<string | number | null | undefined>).slice(1).map((v) => (typeof v === 'number' ? String(v) : (v ?? '')))));
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(['row', 'instrument', 'completed_month']);
    const questions = [...getInstrument('ylyc-8-11')!.questions, ...getInstrument('ylyc-11-17')!.questions].map((q) => q.id);
    expect(new Set(header.slice(3))).toEqual(new Set(questions));
    expect(rows).toHaveLength(31);
    const month = header.indexOf('completed_month');
    for (const r of rows.slice(1)) expect(r[month]).toBe('2026-02');
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
    const all = JSON.stringify(rows);
    expect(all).not.toContain('Priya');
    expect(all).not.toContain('asian_chinese');
    expect(all).not.toMatch(/2026-02-\d\d/);
    const codebook: string[] = [];
    wb.worksheets[1]!.eachRow((row) => codebook.push((row.values as unknown[]).join('|')));
    expect(codebook.join('\n')).toContain('Do you feel safe where you live?');
    expect(codebook.join('\n')).toContain('all_of_the_time|All of the time');
    const audit = await t.services.audit.list({ action: 'release.downloaded' });
    expect(audit[0]).toMatchObject({ actorEmail: accounts.lead.email, target: requestId, detail: { format: 'xlsx' } });
  });

  it('lets the lead download a zip of data.csv, codebook.json and the report', async () => {
    const res = await download(t, lead, `/staff/releases/${requestId}/anonymised-data.zip`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const dir = mkdtempSync(join(tmpdir(), 'bs-release-'));
    try {
      writeFileSync(join(dir, 'r.zip'), res.rawPayload);
      expect(execFileSync('unzip', ['-Z1', join(dir, 'r.zip')]).toString().trim().split('\n')).toEqual(['data.csv', 'codebook.json', 'disclosure-control.txt']);
      execFileSync('unzip', ['-q', join(dir, 'r.zip'), '-d', dir]);
      const csv = readFileSync(join(dir, 'data.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
      expect(csv[0]!.split(',').slice(0, 4)).toEqual(['row', 'instrument', 'completed_month', 'knows_social_worker']);
      expect(csv.filter((l) => l !== '')).toHaveLength(31);
      const book = JSON.parse(readFileSync(join(dir, 'codebook.json'), 'utf8')) as { columns: Array<{ column: string }>; disclosureControl: { k: number; released: number } };
      expect(book.columns.map((c) => c.column)).toEqual(csv[0]!.split(','));
      expect(book.disclosureControl).toMatchObject({ k: 10, released: 30 });
      expect(readFileSync(join(dir, 'disclosure-control.txt'), 'utf8')).toContain('completed_month: released as answered');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await t.services.audit.list({ action: 'release.downloaded' })).toHaveLength(2);
  });

  it('refuses a request with a reason the lead reads; nothing to download', async () => {
    await lead.get(`/staff/waves/${waveId}/release`);
    const second = (await lead.submit(`/staff/waves/${waveId}/release`, { purpose: 'A second look at bullying answers by age' })).location!.split('/').pop()!;
    await admin.get(`/staff/releases/${second}`);
    expect((await admin.submit(`/staff/releases/${second}/refuse`, { note: '' })).status).toBe(422);
    await admin.get(`/staff/releases/${second}`);
    expect((await admin.submit(`/staff/releases/${second}/refuse`, { note: 'Covered by the first release' })).status).toBe(303);
    const page = await lead.get(`/staff/releases/${second}`);
    expect(page.body).toContain('Refused');
    expect(page.body).toContain('Covered by the first release');
    expect((await download(t, lead, `/staff/releases/${second}/anonymised-data.xlsx`)).statusCode).toBe(409);
    expect(await t.services.audit.list({ action: 'release.refused' })).toHaveLength(1);
  });

  it('stops downloads when the time is up, and the files are deleted', async () => {
    t.clock.advance(15 * 86_400_000);
    const late = await signedIn(t.app, t.clock, accounts.lead);
    expect((await download(t, late, `/staff/releases/${requestId}/anonymised-data.xlsx`)).statusCode).toBe(409);
    expect(await t.services.release.deleteExpiredFiles()).toBe(1);
    const row = await t.conn.db.selectFrom('release_requests').select(['snapshot', 'snapshot_deleted_at']).where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(row.snapshot).toBeNull();
    expect(row.snapshot_deleted_at).not.toBeNull();
    expect((await late.get(`/staff/releases/${requestId}`)).body).toContain('The time to download this release has ended');
  });
});
