/** Report versions over HTTP on both engines: LA staff see published versions only, researchers the draft and the publish form. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import type { Wave } from '../programme/index.ts';
import { makeStaff, signedIn } from '../programme/staff/testing.ts';
import { addResponses, seedWave } from './testing.ts';

describe.each(engines)('report versions over HTTP on %s', (dialect) => {
  let t: TestApp;
  let wave: Wave;
  let lead: Awaited<ReturnType<typeof signedIn>>;
  let researcher: Awaited<ReturnType<typeof signedIn>>;
  let accounts: { lead: Awaited<ReturnType<typeof makeStaff>>; researcher: Awaited<ReturnType<typeof makeStaff>> };
  const url = (suffix = ''): string => `/staff/waves/${wave.id}/report${suffix}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const la = await t.services.programme.addLa({ name: 'Pressmoor Council', nation: 'england', onsCode: 'E06000841' });
    wave = (await seedWave(t.conn.db, t.services.programme, la, { survey: 'ylbc', responses: { 'ylbc-16-25': 45 }, seed: 7 })).wave;
    accounts = {
      lead: await makeStaff(t.conn.db, t.clock, 'lead@pressmoor.example', [{ role: 'la_lead', laId: la.id }]),
      researcher: await makeStaff(t.conn.db, t.clock, 'researcher@brightspots.example', [{ role: 'programme_researcher', laId: null }]),
    };
    lead = await signedIn(t.app, t.clock, accounts.lead);
    researcher = await signedIn(t.app, t.clock, accounts.researcher);
  });
  afterAll(() => t.close());

  it('tells LA staff the report has not been published yet, and gives them no draft', async () => {
    const page = await lead.get(url());
    expect(page.status).toBe(200);
    expect(page.body).toContain('The report has not been published yet');
    expect(page.body).not.toContain('id="key-findings"');
    expect(page.body).not.toContain('/report/publish');
    for (const path of [url('?version=draft'), url('.json'), url('.html'), url('.json?version=draft'), url('?version=1')]) expect((await lead.get(path)).status, path).toBe(404);
  });

  it('shows a researcher the draft, clearly marked, with the publish form', async () => {
    const page = await researcher.get(url());
    expect(page.status).toBe(200);
    expect(page.body).toContain('Draft: not published, not for sharing');
    expect(page.body).toContain('id="key-findings"');
    expect(page.body).toContain('Publish version 1');
    expect(page.body).toContain(`href="${url('.json?version=draft')}"`);
    const json = JSON.parse((await researcher.get(url('.json?version=draft'))).body) as { version: unknown };
    expect(json.version).toBeNull();
  });

  it('publishes only with a CSRF token and a reason', async () => {
    await researcher.get(url());
    expect((await researcher.post(url('/publish'), { note: 'First publication' })).status).toBe(403);
    await researcher.get(url());
    const empty = await researcher.submit(url('/publish'), { note: '' });
    expect(empty.status).toBe(422);
    expect(empty.body).toContain('govuk-error-summary');
    const lateLead = await lead.get(url());
    expect(lateLead.body).toContain('not been published yet');
    await lead.get('/staff');
    expect((await lead.submit(url('/publish'), { note: 'Sneaky' })).status).toBe(403);
    expect(await t.conn.db.selectFrom('report_versions').select('id').execute()).toEqual([]);
  });

  it('publishes version 1, which LA staff then see by default, marked with its number and date', async () => {
    await researcher.get(url());
    const res = await researcher.submit(url('/publish'), { note: 'First publication' });
    expect(res.status).toBe(303);
    expect(res.location).toBe(url('?version=1&published=1'));
    expect((await researcher.get(res.location ?? '')).body).toContain('Version 1, published 2 March 2026');
    const page = await lead.get(url());
    expect(page.body).toContain('Version 1, published 2 March 2026');
    expect(page.body).toContain('First publication');
    expect(page.body).not.toContain('Draft: not published');
    expect(page.body).not.toContain('/report/publish');
    expect(page.body).toContain(`href="${url('.html?version=1')}"`);
    const file = await lead.get(url('.html'));
    expect(file.body).toContain('Version 1, published 2 March 2026');
    const json = JSON.parse((await lead.get(url('.json'))).body) as { version: unknown; wave: { status: string } };
    expect(json.version).toEqual({ number: 1, publishedAt: '2026-03-02T10:00:00.000Z' });
    expect(json.wave.status).toBe('reported');
  });

  it('refuses version 2 on the page until 10 responses separate it, then serves either version by ?version=', async () => {
    await addResponses(t.conn.db, wave, { 'ylbc-16-25': 4 }, 71);
    const draft = await researcher.get(url('?version=draft'));
    expect(draft.body).toContain('Only 4 responses separate this draft from version 1');
    expect(draft.body).not.toContain('Publish version 2');
    await researcher.get(url('?version=draft'));
    const refused = await researcher.submit(url('/publish'), { note: 'Late paper returns' });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('Only 4 responses separate this draft from version 1');
    await addResponses(t.conn.db, wave, { 'ylbc-16-25': 6 }, 72);
    // The next day (sessions time out overnight: sign in again).
    t.clock.advance(24 * 3600_000);
    [lead, researcher] = [await signedIn(t.app, t.clock, accounts.lead), await signedIn(t.app, t.clock, accounts.researcher)];
    await researcher.get(url('?version=draft'));
    expect((await researcher.submit(url('/publish'), { note: 'Late paper returns' })).location).toBe(url('?version=2&published=1'));
    const latest = await lead.get(url());
    expect(latest.body).toContain('Version 2, published 3 March 2026');
    expect(latest.body).toContain(`href="${url('?version=1')}"`);
    const first = await lead.get(url('?version=1'));
    expect(first.body).toContain('Version 1, published 2 March 2026');
    const json = (v: string) => lead.get(url(`.json?version=${v}`)).then((r) => JSON.parse(r.body) as { participation: Array<{ responses: number }> });
    expect([(await json('1')).participation[0]?.responses, (await json('2')).participation[0]?.responses]).toEqual([45, 55]);
    for (const v of ['3', 'x', '0']) expect((await lead.get(url(`?version=${v}`))).status).toBe(404);
  });
});
