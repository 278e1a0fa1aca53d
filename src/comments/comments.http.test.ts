/** The redaction review pages over HTTP, as a browser without JavaScript uses them: plain links and POSTed forms. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { LA_ROLES, type Wave } from '../programme/index.ts';
import { makeStaff, signedIn } from '../programme/staff/testing.ts';
import { seedWave } from '../reports/testing.ts';
import { addComment } from './testing.ts';

type Account = { email: string; secret: string };

describe.each(engines)('comment review pages on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  let comment: string;
  let reviewer: Account;
  let researcher: Account;
  const original = 'my foster carer Mrs Adeyemi takes me to Moss Side Leisure Centre on fridays and it is the best';

  beforeAll(async () => {
    t = await createTestApp(dialect, { RATE_LIMIT_PER_MINUTE: '100000' });
    const la = await t.services.programme.addLa({ name: 'Reviewton Council', nation: 'england', onsCode: 'E06000812' });
    const seeded = await seedWave(t.conn.db, t.services.programme, la, { survey: 'ylyc', responses: { 'ylyc-11-17': 22 }, seed: 9 });
    wave = seeded.wave;
    comment = await addComment(t.conn.db, seeded.ids[0]!, original);
    reviewer = await makeStaff(t.conn.db, t.clock, 'reviewer@programme.example', [{ role: 'programme_safeguarding', laId: null }]);
    researcher = await makeStaff(t.conn.db, t.clock, 'researcher@programme.example', [{ role: 'programme_researcher', laId: null }]);
  });
  afterAll(() => t.close());

  const page = (id = comment) => `/staff/waves/${wave.id}/comments/${id}`;
  /** Signs in afresh; the clock moves past the last one-time code, which may be used once only. */
  const as = async (account: Account) => {
    t.clock.advance(31_000);
    return signedIn(t.app, t.clock, account);
  };

  it('shows researchers the redacted comments only, never an original, and audits the view', async () => {
    const c = await as(researcher);
    const list = await c.get(`/staff/waves/${wave.id}/comments`);
    expect(list.status).toBe(200);
    expect(list.body).toContain('[name]');
    for (const w of ['Adeyemi', 'Moss Side']) expect(list.body).not.toContain(w);
    expect(list.body).not.toContain(page());
    expect((await c.get(page())).status).toBe(404);
    const wavePage = await c.get(`/staff/waves/${wave.id}`);
    expect(wavePage.body).toContain(`href="/staff/waves/${wave.id}/comments"`);
    expect(wavePage.body).toContain('1 waiting for review, 0 approved (0 for quoting)');
    expect((await t.services.audit.list({ action: 'comments.viewed' }))[0]).toMatchObject({ actorEmail: researcher.email, target: wave.id, detail: { originals: false } });
  });

  it('shows a safeguarding reviewer the original beside its redaction, audited', async () => {
    const c = await as(reviewer);
    const list = await c.get(`/staff/waves/${wave.id}/comments`);
    expect(list.body).toContain(`href="${page()}"`);
    expect(list.body).not.toContain('Adeyemi');
    const detail = await c.get(page());
    expect(detail.status).toBe(200);
    expect(detail.body).toContain('Adeyemi');
    expect(detail.body).toMatch(/<form method="post" action="[^"]+\/hide"/);
    expect(detail.body).not.toMatch(/<script(?![^>]*src="\/assets\/staff\.js)/);
    expect((await t.services.audit.list({ action: 'comments.original_viewed' }))[0]).toMatchObject({ actorEmail: reviewer.email, target: comment });
  });

  it('hides ticked words and typed words with plain form posts, refusing words that are not there', async () => {
    const c = await as(reviewer);
    const detail = await c.get(page());
    const fridays = /<input type="checkbox" id="word-(\d+)" name="word-\d+" value="1"> fridays<\/label>/.exec(detail.body)?.[1];
    expect(fridays).toBeDefined();
    const hid = await c.submit(`${page()}/hide`, { mode: 'words', [`word-${fridays}`]: '1', type: 'date' });
    expect(hid.status).toBe(303);
    expect((await c.get(page())).body).toContain('on [date] and it is the best');
    const wrong = await c.submit(`${page()}/hide`, { mode: 'phrase', phrase: 'Jordan Smith', type: 'name' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toContain('govuk-error-summary');
    expect(wrong.body).toContain('is not in the comment');
    await c.get(page());
    expect((await c.submit(`${page()}/hide`, { mode: 'phrase', phrase: 'the best', type: 'detail' })).status).toBe(303);
    const after = await c.get(page());
    expect(after.body).toContain('it is [detail]');
    const start = /name="start" value="(\d+)">\s*<button[^>]*>Show again<span class="govuk-visually-hidden">: the best</.exec(after.body)?.[1];
    expect(start).toBeDefined();
    expect((await c.submit(`${page()}/restore`, { start: start ?? '' })).status).toBe(303);
    expect((await c.get(page())).body).toContain('it is the best');
    expect((await t.services.audit.list({ action: 'comments.redaction_changed' })).length).toBe(3);
  });

  it('approves a quote only with the confirmation ticked', async () => {
    const c = await as(reviewer);
    const detail = await c.get(page());
    const seen = /name="seen" value="([0-9a-f]+)"/.exec(detail.body)?.[1] ?? '';
    const refused = await c.submit(`${page()}/decision`, { decision: 'quote', seen });
    expect(refused.status).toBe(422);
    expect(refused.body).toContain('confirm that no rare event or detail in it could identify the young person');
    expect((await t.services.audit.list({ action: 'comments.quote_approved' })).length).toBe(0);
    const approved = await c.submit(`${page()}/decision`, { decision: 'quote', confirm: 'yes', seen });
    expect(approved.status).toBe(303);
    expect((await t.services.audit.list({ action: 'comments.quote_approved' }))[0]).toMatchObject({ actorEmail: reviewer.email, target: comment });
    const r = await as(researcher);
    const list = await r.get(`/staff/waves/${wave.id}/comments?status=approved`);
    expect(list.body).toContain('Approved for quoting');
    expect(list.body).toContain('on [date] and it is the best');
    expect(list.body).not.toContain('Adeyemi');
    expect((await r.get(`/staff/waves/${wave.id}`)).body).toContain('0 waiting for review, 1 approved (1 for quoting)');
  });

  it('refuses researchers\' changes, and gives local authority staff nothing', async () => {
    const r = await as(researcher);
    await r.get(`/staff/waves/${wave.id}/comments`);
    expect((await r.submit(`${page()}/decision`, { decision: 'withhold', seen: 'x' })).status).toBe(404);
    expect((await r.submit(`${page()}/hide`, { mode: 'phrase', phrase: 'fridays', type: 'date' })).status).toBe(404);
    for (const role of LA_ROLES) {
      const me = await makeStaff(t.conn.db, t.clock, `${role}@reviewton.example`, [{ role, laId: wave.laId }]);
      const c = await as(me);
      for (const url of [`/staff/waves/${wave.id}/comments`, page()]) {
        const res = await c.get(url);
        expect(res.status, `${role} ${url}`).toBe(404);
        expect(res.body).not.toContain('fridays');
      }
      const wavePage = await c.get(`/staff/waves/${wave.id}`);
      expect(wavePage.status).toBe(200);
      expect(wavePage.body).not.toContain('/comments');
    }
  });
});
