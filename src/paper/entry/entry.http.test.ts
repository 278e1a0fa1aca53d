import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../db/testing.ts';
import { client, createTestApp, type TestApp } from '../../http/testing.ts';
import { makeStaff, signedIn } from '../../programme/staff/testing.ts';
import type { Actor } from '../../programme/index.ts';

const WORRY = 'my step dad hits me when hes drunk and i am scared to go home';
type Account = { id: string; email: string; secret: string };

describe.each(engines)('manual entry of paper forms on %s', (dialect) => {
  let t: TestApp;
  let waveId: string;
  let closedId: string;
  let laId: string;
  let keyer: Account;
  let second: Account;
  let third: Account;
  let lead: Account;
  let researcher: Account;

  const form = (id: string) => `${id}/ylyc-8-11`;
  const paperRows = async (id: string) => t.conn.db.selectFrom('responses').selectAll().where('wave_id', '=', id).where('channel', '=', 'paper').execute();
  const as = async (a: Account) => {
    t.clock.advance(31_000);
    return signedIn(t.app, t.clock, a);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const { programme } = t.services;
    const la = await programme.addLa({ name: 'Paperfield Council', nation: 'england', onsCode: 'E06000701' });
    laId = la.id;
    waveId = (await programme.openWave({ laId, survey: 'ylyc', eligible: { 'ylyc-8-11': 20 }, opensOn: '2026-02-01', closesOn: '2026-04-01' })).id;
    closedId = (await programme.openWave({ laId, survey: 'ylyc', eligible: { 'ylyc-8-11': 20 }, opensOn: '2026-01-01', closesOn: '2026-02-01' })).id;
    await programme.closeWave(closedId);
    keyer = await makeStaff(t.conn.db, t.clock, 'keyer@programme.example', [{ role: 'programme_data_entry', laId: null }]);
    second = await makeStaff(t.conn.db, t.clock, 'second@programme.example', [{ role: 'programme_data_entry', laId: null }]);
    third = await makeStaff(t.conn.db, t.clock, 'third@programme.example', [{ role: 'programme_data_entry', laId: null }]);
    lead = await makeStaff(t.conn.db, t.clock, 'lead@paperfield.example', [{ role: 'la_lead', laId }]);
    researcher = await makeStaff(t.conn.db, t.clock, 'researcher@programme.example', [{ role: 'programme_researcher', laId: null }]);
  });
  afterAll(() => t.close());

  it('is for paper.enter only: LA roles and other programme roles get 404, and only data entry sees the menu link', async () => {
    expect((await client(t.app).get('/staff/paper/entry')).location).toMatch(/^\/staff\/sign-in/);
    for (const a of [lead, researcher]) {
      const c = await as(a);
      expect((await c.get('/staff/paper/entry')).status).toBe(404);
      expect((await c.get(`/staff/paper/entry/form?form=${form(waveId)}`)).status).toBe(404);
      expect((await c.get('/staff/paper/entry/stored')).status).toBe(404);
      expect((await c.get('/staff/paper/entry/second?ref=ABCDEF')).status).toBe(404);
      expect((await c.get('/staff')).body).not.toContain('href="/staff/paper/entry"');
    }
    const c = await as(keyer);
    const start = await c.get('/staff/paper/entry');
    expect(start.status).toBe(200);
    expect(start.body).toContain('href="/staff/paper/entry"');
    expect(start.body).toContain(`value="${form(waveId)}"`);
    expect(start.body).toContain(`value="${form(closedId)}"`);
  });

  it('shows every question in printed order with its codes, the first field focused, and keeps every value on error', async () => {
    const c = await as(keyer);
    const page = await c.get(`/staff/paper/entry/form?form=${encodeURIComponent(form(waveId))}&mode=single`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/id="q-age"[^>]*autofocus/);
    expect(page.body).toContain('<strong>1</strong> All of the time');
    expect(page.body).toContain('<strong>x</strong> I don&#39;t want to say');
    expect(page.body.indexOf('id="q-age"')).toBeLessThan(page.body.indexOf('id="q-trusts_carers"'));
    expect(page.body.indexOf('id="q-trusts_carers"')).toBeLessThan(page.body.indexOf('id="q-anything_else"'));

    const bad = await c.submit('/staff/paper/entry/form', { form: form(waveId), mode: 'single', serial: '', 'q-age': '9', 'q-trusts_carers': '7', 'q-has_pet': '1 2', 'q-anything_else': 'I like my dog' });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#q-trusts_carers"');
    expect(bad.body).toContain('href="#q-has_pet"');
    expect(bad.body).toMatch(/id="q-trusts_carers" name="q-trusts_carers" type="text" value="7"/);
    expect(bad.body).toMatch(/id="q-age" name="q-age" type="text" value="9"/);
    expect(bad.body).toContain('>I like my dog</textarea>');
    expect(await paperRows(waveId)).toHaveLength(0);

    const empty = await c.submit('/staff/paper/entry/form', { form: form(waveId), mode: 'single' });
    expect(empty.status).toBe(422);
    expect(empty.body).toContain('Type at least one answer');
  });

  it('stores a single entry as a paper response dated to the day, counted in the rate, its comment screened', async () => {
    const c = await as(keyer);
    await c.get(`/staff/paper/entry/form?form=${encodeURIComponent(form(waveId))}`);
    const done = await c.submit('/staff/paper/entry/form', {
      form: form(waveId),
      mode: 'single',
      serial: 'SHEET-0042',
      'q-age': '9',
      'q-knows_social_worker': '2',
      'q-trusts_social_worker': '1',
      'q-trusts_carers': '2',
      'q-has_pet': 'x',
      'q-anything_else': WORRY,
    });
    expect(done.status).toBe(303);
    const stored = await c.get(done.location!);
    expect(stored.body).toContain('Form stored');
    expect(stored.body).toContain('1 answer to questions the form said to skip was not kept');
    const [row] = await paperRows(waveId);
    expect(row).toMatchObject({ channel: 'paper', instrument_id: 'ylyc-8-11', completed_at: '2026-03-02T00:00:00.000Z' });
    expect(JSON.parse(row!.answers)).toEqual({ age: '9', knows_social_worker: 'no', trusts_carers: 'most_of_the_time', has_pet: 'prefer_not_to_say' });
    expect(JSON.stringify(row)).not.toContain('0042');
    const comments = await t.conn.db.selectFrom('response_comments').selectAll().where('response_id', '=', row!.id).execute();
    expect(comments.map((x) => x.text)).toEqual([WORRY]);
    const screening = await t.conn.db.selectFrom('safeguarding_screenings').selectAll().where('response_id', '=', row!.id).execute();
    expect(screening).toHaveLength(1);
    expect(screening[0]!.flag).toBe(1);

    const admin: Actor = { accountId: 'a', email: 'admin@programme.example', name: 'Admin', grants: [{ role: 'programme_admin', laId: null }] };
    expect((await t.services.rates.dashboard(admin, waveId)).responses).toBe(1);
    const audit = await t.conn.db.selectFrom('audit_log').selectAll().where('action', 'like', 'paper.%').execute();
    expect(audit.map((a) => a.action)).toEqual(['paper.form_stored']);
    expect(audit[0]!.target).toBeNull();
    expect(audit[0]!.detail).not.toMatch(/0042|hits|most_of_the_time/);
  });

  it('takes late returns in a closed wave', async () => {
    const c = await as(keyer);
    await c.get(`/staff/paper/entry/form?form=${encodeURIComponent(form(closedId))}`);
    expect((await c.submit('/staff/paper/entry/form', { form: form(closedId), mode: 'single', 'q-age': '10' })).status).toBe(303);
    expect(await paperRows(closedId)).toHaveLength(1);
  });

  it('double entry: the first waits under a reference, the same person is refused, differences are resolved by a third', async () => {
    const before = (await paperRows(waveId)).length;
    const a = await as(keyer);
    await a.get(`/staff/paper/entry/form?form=${encodeURIComponent(form(waveId))}&mode=double&serial=S-77`);
    const first = await a.submit('/staff/paper/entry/form', { form: form(waveId), mode: 'double', serial: 'S-77', 'q-age': '9', 'q-trusts_carers': '1', 'q-anything_else': 'I like football' });
    expect(first.status).toBe(303);
    const refPage = await a.get(first.location!);
    const reference = /id="reference">([A-Z0-9]+)</.exec(refPage.body)?.[1] ?? '';
    expect(reference).toMatch(/^[A-Z0-9]{6}$/);
    expect(await paperRows(waveId)).toHaveLength(before);

    const own = await a.get(`/staff/paper/entry/second?ref=${reference}`);
    expect(own.status).toBe(409);
    expect(own.body).toContain('a different person must key the second');
    const entryId = /\/staff\/paper\/entry\/([^/]+)\/reference/.exec(first.location!)?.[1] ?? '';
    expect((await a.get(`/staff/paper/entry/${entryId}/second`)).status).toBe(403);

    const b = await as(second);
    const found = await b.get('/staff/paper/entry/second?ref=s77');
    expect(found.status).toBe(303);
    const blank = await b.get(found.location!);
    expect(blank.status).toBe(200);
    expect(blank.body).not.toContain('I like football');
    const differ = await b.submit(found.location!, { 'q-age': '10', 'q-trusts_carers': '1', 'q-anything_else': 'I like  football' });
    expect(differ.status).toBe(303);
    expect(differ.location).toBe(`/staff/paper/entry/${entryId}/resolve`);
    expect(await paperRows(waveId)).toHaveLength(before);

    const c = await as(third);
    const side = await c.get(differ.location!);
    expect(side.status).toBe(200);
    expect(side.body).toContain('First entry: 9');
    expect(side.body).toContain('Second entry: 10');
    expect(side.body).not.toContain('name="choice-anything_else"');
    const missing = await c.submit(differ.location!, {});
    expect(missing.status).toBe(422);
    expect(missing.body).toContain('href="#choice-age"');
    const done = await c.submit(differ.location!, { 'choice-age': 'second' });
    expect(done.status).toBe(303);
    const rows = await paperRows(waveId);
    expect(rows).toHaveLength(before + 1);
    const answers = rows.map((r) => JSON.parse(r.answers) as Record<string, unknown>);
    expect(answers.some((a) => a['age'] === '10' && a['trusts_carers'] === 'all_of_the_time')).toBe(true);
    expect(await t.conn.db.selectFrom('paper_entries').selectAll().execute()).toHaveLength(0);
    expect((await c.get(differ.location!)).status).toBe(404);

    const audit = await t.conn.db.selectFrom('audit_log').select(['action', 'actor_email', 'target', 'detail']).where('action', 'like', 'paper.%').orderBy('at').execute();
    expect(audit.filter((x) => x.target === entryId).map((x) => `${x.action} ${x.actor_email ?? ''}`)).toEqual([
      'paper.first_entry keyer@programme.example',
      'paper.second_entry second@programme.example',
      'paper.differences_viewed third@programme.example',
      'paper.differences_viewed third@programme.example',
      'paper.resolved third@programme.example',
    ]);
    for (const x of audit) expect(x.detail).not.toMatch(/football|S-77|S77/);
  });

  it('double entry that matches is stored at once, without a resolution', async () => {
    const before = (await paperRows(waveId)).length;
    const a = await as(second);
    await a.get(`/staff/paper/entry/form?form=${encodeURIComponent(form(waveId))}&mode=double`);
    const first = await a.submit('/staff/paper/entry/form', { form: form(waveId), mode: 'double', 'q-age': '11', 'q-has_pet': '1' });
    const reference = /id="reference">([A-Z0-9]+)</.exec((await a.get(first.location!)).body)?.[1] ?? '';
    const b = await as(keyer);
    const found = await b.get(`/staff/paper/entry/second?ref=${reference.toLowerCase()}`);
    await b.get(found.location!);
    const done = await b.submit(found.location!, { 'q-age': '11', 'q-has_pet': '1' });
    expect(done.status).toBe(303);
    expect(done.location).toMatch(/^\/staff\/paper\/entry\/stored/);
    expect(await paperRows(waveId)).toHaveLength(before + 1);
    expect((await b.get('/staff/paper/entry/second?ref=NOSUCH')).status).toBe(422);
  });
});
