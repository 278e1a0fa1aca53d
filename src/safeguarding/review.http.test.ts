/**
 * The review queue and disclosures over HTTP: what a reviewer reads and decides, what an LA's
 * safeguarding contact reads (exactly the promised content), tenancy, and the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { client, createTestApp, type TestApp } from '../http/testing.ts';
import { getInstrument, mulberry32, syntheticAnswers, type Answer } from '../instruments/index.ts';
import { makeStaff, signedIn } from '../programme/staff/testing.ts';
import { screened } from './testing.ts';

type Account = { id: string; email: string; secret: string };
const WORRY = 'he hits me when hes drunk and i am scared';
const demographics = { age: '14', gender: 'female', ethnicity: 'black_african', placement_type: 'residential', time_in_care: 'one_to_three_years' };

/** The visible text of the disclosure's summary list, row by row. */
const rowsOf = (html: string): string[] =>
  [...(/<dl class="govuk-summary-list" id="disclosure">([\s\S]*?)<\/dl>/.exec(html)?.[1] ?? '').matchAll(/<dt[^>]*>([^<]*)<\/dt><dd[^>]*>([^<]*)<\/dd>/g)].map((m) => `${m[1]}: ${m[2]}`);

describe.each(engines)('safeguarding review and disclosure on %s', (dialect) => {
  let t: TestApp;
  let laA: string;
  let waveA: { id: string; title: string };
  let waveB: { id: string; title: string };
  let reviewer: Account;
  let contactA: Account;
  let contactB: Account;
  let leadA: Account;
  let admin: Account;
  const responses: Record<string, string> = {};

  async function record(waveId: string, text: string, seed: number, completedAt: string): Promise<string> {
    const inst = getInstrument('ylyc-11-17')!;
    const answers: Record<string, Answer> = { ...syntheticAnswers(inst, mulberry32(seed)).answers, ...demographics };
    const { id } = await t.services.survey.recordResponse({ waveId, instrumentId: 'ylyc-11-17', answers, freeText: { anything_else: text }, completedAt, channel: 'online' });
    await screened(t.conn.db, id);
    return id;
  }

  /** Signs in, a time step later than the last sign-in (a second-factor code is never accepted twice). */
  async function as(who: Account) {
    t.clock.advance(31_000);
    return signedIn(t.app, t.clock, who);
  }

  async function commentOf(responseId: string): Promise<string> {
    return (await t.conn.db.selectFrom('response_comments').select('id').where('response_id', '=', responseId).executeTakeFirstOrThrow()).id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_URL: 'https://brightspots.example' });
    const { programme, planning } = t.services;
    const a = await programme.addLa({ name: 'Aldermoor Council', nation: 'england', onsCode: 'E06000901' });
    const b = await programme.addLa({ name: 'Brackenfield Council', nation: 'england', onsCode: 'E06000902' });
    laA = a.id;
    waveA = await programme.openWave({ laId: a.id, survey: 'ylyc', eligible: { 'ylyc-11-17': 50 }, opensOn: '2026-03-01', closesOn: '2026-04-30', title: 'Aldermoor YLYC 2026' });
    waveB = await programme.openWave({ laId: b.id, survey: 'ylyc', eligible: { 'ylyc-11-17': 50 }, opensOn: '2026-03-01', closesOn: '2026-04-30', title: 'Brackenfield YLYC 2026' });
    const db = t.conn.db;
    reviewer = await makeStaff(db, t.clock, 'reviewer@programme.example', [{ role: 'programme_safeguarding', laId: null }]);
    admin = await makeStaff(db, t.clock, 'admin@programme.example', [{ role: 'programme_admin', laId: null }]);
    contactA = await makeStaff(db, t.clock, 'safeguarding@aldermoor.example', [{ role: 'la_safeguarding', laId: a.id }]);
    contactB = await makeStaff(db, t.clock, 'safeguarding@brackenfield.example', [{ role: 'la_safeguarding', laId: b.id }]);
    leadA = await makeStaff(db, t.clock, 'lead@aldermoor.example', [{ role: 'la_lead', laId: a.id }]);
    const leadActor = { accountId: leadA.id, email: leadA.email, name: 'lead', grants: [{ role: 'la_lead' as const, laId: a.id }] };
    const added = await planning.addContact(leadActor, a.id, { contactName: 'Ama Contact', contactRole: 'Designated officer', contactEmail: 'ama@aldermoor.example', contactPhone: '01632 960 001' });
    if (!added.ok) throw new Error('contact not added');
    responses['worry'] = await record(waveA.id, WORRY, 1, '2026-03-02T08:15:00.000Z');
    responses['twin'] = await record(waveA.id, WORRY, 2, '2026-03-02T08:15:00.000Z');
    responses['benign'] = await record(waveA.id, 'i like football and my dog', 3, '2026-03-02T08:20:00.000Z');
    responses['other'] = await record(waveB.id, 'i cut myself', 4, '2026-03-02T09:00:00.000Z');
  });
  afterAll(() => t.close());

  it('shows reviewers the flagged comments with the matched words, categories, LA, wave and disclosable context, and audits each view', async () => {
    const c = await as(reviewer);
    const page = await c.get('/staff/safeguarding');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<mark');
    expect(page.body).toContain('Aldermoor Council: Aldermoor YLYC 2026');
    expect(page.body).toContain('Brackenfield Council: Brackenfield YLYC 2026');
    expect(page.body).toContain('Self-harm');
    expect(page.body).toContain('In a children&#39;s home');
    expect(page.body).not.toContain('i like football');
    expect(page.body).toMatch(/Safeguarding \(3<span class="govuk-visually-hidden"> waiting/);
    expect(page.body).toContain('<strong>3</strong> comments are waiting');
    const viewed = await t.services.audit.list({ action: 'safeguarding.comment_viewed', actorEmail: reviewer.email });
    const shown = await Promise.all(['worry', 'twin', 'other'].map((k) => commentOf(responses[k]!)));
    expect(viewed.map((v) => v.target).sort()).toEqual([...shown].sort());
    expect(viewed.find((v) => v.target === shown[0])?.laId).toBe(laA);
    expect(JSON.stringify(viewed)).not.toContain('drunk');
  });

  it('is for safeguarding roles only: others get 404, signed-out people the sign-in page', async () => {
    for (const who of [admin, leadA]) {
      const c = await as(who);
      expect((await c.get('/staff/safeguarding')).status).toBe(404);
      expect((await c.get(`/staff/safeguarding/items/${await commentOf(responses['worry']!)}`)).status).toBe(404);
      expect((await c.get('/staff/safeguarding/decided')).status).toBe(404);
      expect((await c.get('/staff')).body).not.toContain('href="/staff/safeguarding"');
    }
    expect((await client(t.app).get('/staff/safeguarding')).location).toMatch(/^\/staff\/sign-in/);
  });

  it('records a decision with a note, discloses a concern, and moves the item to the decided list', async () => {
    const c = await as(reviewer);
    const commentId = await commentOf(responses['worry']!);
    const item = await c.get(`/staff/safeguarding/items/${commentId}`);
    expect(item.status).toBe(200);
    expect(item.body).toContain('drunk');
    const missing = await c.submit(`/staff/safeguarding/items/${commentId}`, { decision: 'concern', note: '' });
    expect(missing.status).toBe(422);
    expect(missing.body).toContain('govuk-error-summary');
    t.clock.set('2026-03-02T10:15:00.000Z');
    const done = await c.submit(`/staff/safeguarding/items/${commentId}`, { decision: 'concern', note: 'physical abuse by carer, disclose' });
    expect(done.status).toBe(303);
    const disclosure = await t.conn.db.selectFrom('safeguarding_disclosures').selectAll().where('comment_id', '=', commentId).executeTakeFirstOrThrow();
    expect(disclosure).toMatchObject({ la_id: laA, wave_id: waveA.id, created_at: '2026-03-02T10:15:00.000Z', acknowledged_at: null });
    expect(Number(disclosure.urgent)).toBe(0);
    const decided = await t.services.audit.list({ action: 'safeguarding.decided' });
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ actorEmail: reviewer.email, laId: laA, target: commentId, detail: { decision: 'concern', minutesToDecision: 120, disclosureId: disclosure.id } });
    expect(JSON.stringify(decided)).not.toContain('carer');

    const after = await c.get(`/staff/safeguarding/items/${commentId}`);
    expect(after.body).toContain('Concern: disclosed to the local authority');
    expect(after.body).toContain('ama@aldermoor.example');
    expect(after.body).toContain('2 hours');
    expect((await c.submit(`/staff/safeguarding/items/${commentId}`, { decision: 'no_concern', note: 'changed my mind' })).status).toBe(409);

    const queue = await c.get('/staff/safeguarding');
    expect(queue.body).not.toContain(`/staff/safeguarding/items/${commentId}"`);
    expect(queue.body).toContain('<strong>2</strong> comments are waiting');
    expect(queue.body).toMatch(/Median time to decision<\/dt><dd class="govuk-summary-list__value">2 hours<\/dd>/);
    const list = await c.get('/staff/safeguarding/decided');
    expect(list.status).toBe(200);
    expect(list.body).toContain(`id="c-${commentId}"`);
    expect(list.body).not.toContain('drunk');
    expect((await c.get('/staff/safeguarding?from=2026-02-30')).status).toBe(422);
  });

  it('shows the LA contact exactly the promised content, and nothing of any other answer', async () => {
    const twinComment = await commentOf(responses['twin']!);
    const r = await as(reviewer);
    await r.get(`/staff/safeguarding/items/${twinComment}`);
    expect((await r.submit(`/staff/safeguarding/items/${twinComment}`, { decision: 'urgent', note: 'same words, different young person' })).status).toBe(303);
    const disclosureOf = async (k: string) => (await t.conn.db.selectFrom('safeguarding_disclosures').select('id').where('comment_id', '=', await commentOf(responses[k]!)).executeTakeFirstOrThrow()).id;
    const first = await disclosureOf('worry');
    const twin = await disclosureOf('twin');

    const c = await as(contactA);
    const home = await c.get('/staff/safeguarding');
    expect(home.body).toContain(`/staff/safeguarding/disclosures/${first}`);
    expect(home.body).toMatch(/Safeguarding \(2<span/);
    const page = await c.get(`/staff/safeguarding/disclosures/${first}`);
    expect(page.status).toBe(200);
    expect(rowsOf(page.body)).toEqual([
      'Age: 14 (questionnaire for ages 11 to 17)',
      'Sex or gender: Girl',
      'Ethnicity: Black, Black British, Caribbean or African: African',
      'Placement type: In a children&#39;s home',
      'Time in care: 1 to 3 years',
      'Completed: Monday 2 March 2026 at 08:15 (UK time)',
      'Survey wave: Aldermoor YLYC 2026',
    ]);
    expect(page.body).toContain(`<p class="govuk-body bs-comment" id="disclosed-text">${WORRY}</p>`);
    expect(page.body).not.toContain(responses['worry']);
    expect(page.body).not.toContain(await commentOf(responses['worry']!));
    expect(page.body).not.toContain('physical abuse by carer');

    // The twin has other answers throughout: its page differs only where the disclosure itself differs.
    const twinPage = await c.get(`/staff/safeguarding/disclosures/${twin}`);
    const normalise = (html: string, id: string) => html.replaceAll(id, 'ID').replace(/name="_csrf" value="[^"]+"/g, '').replace(/ nonce="[^"]+"/g, '').replace(/Sent [^.]+\./, '').replace(/<div class="govuk-warning-text">[\s\S]*?<\/div>\n/, '');
    expect(normalise(twinPage.body, twin)).toBe(normalise(page.body, first));

    const views = await t.services.audit.list({ action: 'safeguarding.disclosure_viewed', actorEmail: contactA.email });
    expect(views.map((v) => v.target).sort()).toEqual([first, twin].sort());
  });

  it('answers other LAs and other roles 404, and records the acknowledgement with who and when', async () => {
    const id = (await t.conn.db.selectFrom('safeguarding_disclosures').select('id').where('comment_id', '=', await commentOf(responses['worry']!)).executeTakeFirstOrThrow()).id;
    for (const who of [contactB, leadA, reviewer, admin]) {
      const c = await as(who);
      const page = await c.get(`/staff/safeguarding/disclosures/${id}`);
      expect(page.status).toBe(404);
      expect(page.body).not.toContain('drunk');
      await c.get('/staff');
      expect((await c.submit(`/staff/safeguarding/disclosures/${id}/acknowledge`)).status).toBe(404);
    }
    const b = await as(contactB);
    const listB = await b.get('/staff/safeguarding');
    expect(listB.status).toBe(200);
    expect(listB.body).not.toContain(id);
    expect(listB.body).not.toContain('Aldermoor');
    expect((await b.get('/staff/safeguarding/disclosures/not-a-real-id')).status).toBe(404);

    t.clock.set('2026-03-02T11:00:00.000Z');
    const c = await as(contactA);
    await c.get(`/staff/safeguarding/disclosures/${id}`);
    expect((await c.submit(`/staff/safeguarding/disclosures/${id}/acknowledge`)).status).toBe(303);
    const page = await c.get(`/staff/safeguarding/disclosures/${id}`);
    expect(page.body).toContain('Acknowledged by safeguarding@aldermoor.example, Monday 2 March 2026 at 11:00.');
    expect(page.body).not.toContain('I have read this disclosure');
    const acks = await t.services.audit.list({ action: 'safeguarding.acknowledged' });
    const at = t.clock.now().toISOString();
    expect(acks).toEqual([expect.objectContaining({ actorEmail: contactA.email, laId: laA, target: id, at })]);
    const row = await t.conn.db.selectFrom('safeguarding_disclosures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ acknowledged_at: at, acknowledged_by: contactA.id, acknowledged_by_email: contactA.email });
    // The reviewer sees who acknowledged it, and when.
    const r = await as(reviewer);
    expect((await r.get(`/staff/safeguarding/items/${await commentOf(responses['worry']!)}`)).body).toContain('By safeguarding@aldermoor.example, Monday 2 March 2026 at 11:00');
  });
});
