// Languages over HTTP on both engines: the wave's draft-language switch (form, storage, audit), the
// browser's preferred language, switching language mid-survey without losing answers, and responses
// stored by code whatever the language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { makeStaff, signedIn } from '../programme/staff/testing.ts';
import type { Wave } from '../programme/index.ts';
import { answerPages, begin, browser, formFor, type Browser, type Page } from '../survey/testing.ts';

const checked = (html: string, name: string, value: string): boolean => new RegExp(`name="${name}" value="${value}"[^>]*\\schecked`).test(html);

const waveForm: Record<string, string> = {
  title: 'Caerwen 2026',
  instruments: 'ylyc-11-17',
  'eligible-ylyc-11-17': '30',
  targetRate: '30',
  'opens-day': '1',
  'opens-month': '3',
  'opens-year': '2026',
  'closes-day': '30',
  'closes-month': '4',
  'closes-year': '2026',
  status: 'open',
  prizeDraw: 'no',
};

/** The same choice on every question, whatever the language: the first answer offered, and nothing written. */
const first = (_name: string, values: string[], type: string) => (type === 'text' ? undefined : type === 'checkbox' ? [values[0] ?? ''] : values[0]);

type Staff = Awaited<ReturnType<typeof signedIn>>;

/** Posts a staff form whose checkboxes repeat a name (the test client sends one value per name), with the CSRF token of `page`. */
async function postForm(t: TestApp, who: Staff, url: string, page: string, form: Record<string, string>, languages: string[]) {
  const body = new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '', ...form });
  for (const l of languages) body.append('languages', l);
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: [...who.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
  return { status: res.statusCode, body: res.body, location: typeof res.headers['location'] === 'string' ? res.headers['location'] : undefined };
}

async function send(b: Browser, wave: Wave, review: Page): Promise<void> {
  const sent = await b.submit(`/s/${wave.linkCode}/submit`, { key: formFor(review.body, '/submit').hidden['key'] ?? '' });
  expect(sent.url).toBe(`/s/${wave.linkCode}/thanks`);
}

describe.each(engines)('languages on %s', (dialect) => {
  let t: TestApp;
  let laId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { DRAFTS_PER_WAVE_PER_HOUR: '1000' });
    laId = (await t.services.programme.addLa({ name: `Caerwen ${dialect}`, nation: 'wales', onsCode: 'W06000099' })).id;
  });
  afterAll(() => t.close());

  const wave = (languages: string[], draftLanguages: string[] = []) =>
    t.services.programme.openWave({ laId, survey: 'ylyc', eligible: { 'ylyc-11-17': 10 }, languages, draftLanguages, opensOn: '2026-03-01', closesOn: '2026-04-30' });

  it('does not offer draft Welsh unless the wave switches it on', async () => {
    expect(t.services.i18n.reviewed('cy')).toBe(false);
    const off = await wave(['en', 'cy']);
    const b = browser(t.app, { headers: { 'accept-language': 'cy' } });
    const page = await b.open(`/s/${off.linkCode}`);
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).not.toContain('bs-lang');
    expect((await b.submit(`/s/${off.linkCode}/language`, { lang: 'cy', back: `/s/${off.linkCode}` })).body).toContain('<html lang="en"');

    const on = await wave(['en', 'cy'], ['cy']);
    const w = browser(t.app);
    const start = await w.open(`/s/${on.linkCode}`);
    expect(start.body).toContain('<html lang="en" dir="ltr"');
    // The picker names each language in its own name, marked with its language.
    expect(start.body).toMatch(/<button class="bs-lang__option" name="lang" value="cy" lang="cy"[^>]*>Cymraeg<\/button>/);
  });

  it('opens in the browser\'s preferred language when the wave offers it, and stores no trace of the header', async () => {
    const on = await wave(['en', 'cy'], ['cy']);
    const welsh = browser(t.app, { headers: { 'accept-language': 'cy-GB,cy;q=0.9,en;q=0.5' } });
    const start = await welsh.open(`/s/${on.linkCode}`);
    expect(start.body).toContain('<html lang="cy" dir="ltr"');
    expect(start.body).toContain('Helô!');
    const english = browser(t.app, { headers: { 'accept-language': 'fr-FR,en;q=0.8,cy;q=0.5' } });
    expect((await english.open(`/s/${on.linkCode}`)).body).toContain('<html lang="en"');
    // A choice made on the page outranks the header.
    await welsh.submit(`/s/${on.linkCode}/language`, { lang: 'en', back: `/s/${on.linkCode}` });
    expect((await welsh.open(`/s/${on.linkCode}`)).body).toContain('<html lang="en"');

    const page = await begin(browser(t.app, { headers: { 'accept-language': 'cy' } }), on, 14);
    expect(page.body).toContain('<html lang="cy"');
    const drafts = await t.conn.db.selectFrom('drafts').selectAll().where('wave_id', '=', on.id).execute();
    expect(drafts.map((d) => d.language)).toEqual(['cy']);
    expect(JSON.stringify(drafts)).not.toContain('cy-GB');
  });

  it('keeps every answer when switching language mid-survey, and stores a Welsh response exactly as an English one', async () => {
    const on = await wave(['en', 'cy'], ['cy']);
    const b = browser(t.app);
    const page1 = await begin(b, on, 14);
    expect(page1.body).toContain('<html lang="en"');
    const form1 = formFor(page1.body, page1.url);
    const answers: Record<string, string> = {};
    for (const [name, group] of form1.choices) answers[name] = group.values[0] ?? '';
    const page2 = await b.submit(page1.url, { action: 'continue', ...answers });
    expect(page2.url).not.toBe(page1.url);

    // Switch to Welsh on page 2, then go back to page 1: every answer is still there, now in Welsh.
    const switched = await b.submit(`/s/${on.linkCode}/language`, { lang: 'cy', back: page2.url });
    expect(switched.url).toBe(page2.url);
    expect(switched.body).toContain('<html lang="cy"');
    const back = await b.open(page1.url);
    expect(back.body).toContain('<html lang="cy"');
    expect(back.body).toContain('Faint yw dy oed di?');
    for (const [name, value] of Object.entries(answers)) expect(checked(back.body, name, value), name).toBe(true);

    // Carry on in Welsh to the end.
    const { review } = await answerPages(b, switched, first);
    expect(review.body).toContain('<html lang="cy"');
    expect(review.body).toContain('Anfon fy atebion');
    await send(b, on, review);
    const thanks = await b.open(`/s/${on.linkCode}/thanks`);
    expect(thanks.body).toContain('<html lang="cy"');
    expect(thanks.body).toContain('Diolch!');

    // The same choices made wholly in English.
    const e = browser(t.app);
    const ePage1 = await begin(e, on, 14);
    const ePage2 = await e.submit(ePage1.url, { action: 'continue', ...answers });
    const { review: eReview } = await answerPages(e, ePage2, first);
    await send(e, on, eReview);

    const rows = await t.conn.db.selectFrom('responses').selectAll().where('wave_id', '=', on.id).execute();
    expect(rows.map((r) => r.language).sort()).toEqual(['cy', 'en']);
    const [a, c] = rows.map((r) => JSON.parse(r.answers) as Record<string, unknown>);
    expect(Object.keys(a ?? {}).length).toBeGreaterThan(20);
    expect(a).toEqual(c);
  });

  it('lets a programme administrator switch a draft language on for a wave, with a warning, stored and audited', async () => {
    const admin = await signedIn(t.app, t.clock, await makeStaff(t.conn.db, t.clock, `admin-${dialect}@programme.example`, [{ role: 'programme_admin', laId: null }]));
    const form = await admin.get(`/staff/las/${laId}/waves/new?survey=ylyc`);
    expect(form.status).toBe(200);
    expect(form.body).toContain('Draft translation');
    expect(form.body).toContain('A draft translation may read badly');
    expect(form.body).toMatch(/<label[^>]*lang="cy"[^>]*>\s*Cymraeg/);

    const made = await postForm(t, admin, `/staff/las/${laId}/waves`, form.body, { survey: 'ylyc', ...waveForm }, ['en', 'cy']);
    expect(made.status).toBe(303);
    const id = /\/staff\/waves\/([\w-]+)$/.exec(made.location ?? '')?.[1] ?? '';
    expect(await t.services.programme.findWave(id)).toMatchObject({ languages: ['en', 'cy'], draftLanguages: ['cy'] });
    const created = await t.conn.db.selectFrom('audit_log').selectAll().where('target', '=', id).where('action', '=', 'wave.created').executeTakeFirstOrThrow();
    expect(JSON.parse(created.detail)).toMatchObject({ languages: ['en', 'cy'], draftLanguages: ['cy'] });

    // The edit form shows it ticked; unticking switches it off, and the log says which languages now.
    const edit = await admin.get(`/staff/waves/${id}/edit`);
    expect(edit.body).toMatch(/value="cy"[^>]*checked/);
    const saved = await postForm(t, admin, `/staff/waves/${id}/edit`, edit.body, waveForm, ['en']);
    expect(saved.status).toBe(303);
    expect(await t.services.programme.findWave(id)).toMatchObject({ languages: ['en'], draftLanguages: [] });
    const updated = await t.conn.db.selectFrom('audit_log').selectAll().where('target', '=', id).where('action', '=', 'wave.updated').executeTakeFirstOrThrow();
    expect(JSON.parse(updated.detail)).toMatchObject({ changed: ['languages', 'draftLanguages'], languages: ['en'], draftLanguages: [] });

    // An unknown language is refused with the form's own error, nothing stored.
    const bad = await postForm(t, admin, `/staff/waves/${id}/edit`, edit.body, waveForm, ['en', 'xx']);
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('Select at least one language');
    expect(await t.services.programme.findWave(id)).toMatchObject({ languages: ['en'] });
  });
});
