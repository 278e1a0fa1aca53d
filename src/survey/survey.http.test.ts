// The journey's behaviour over HTTP on both engines: refusals, skip logic, Back, save and resume,
// expiry, idempotent submission, bad input, limits, quick exit and languages.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { DECLINED } from '../instruments/index.ts';
import { hashSecret } from '../lib/ids.ts';
import type { Wave } from '../programme/index.ts';
import { begin, browser, formFor, openWave, type Browser, type Page } from './testing.ts';

const DAY = 24 * 3_600_000;

/** The resume code a "saved" page shows, as displayed (with dashes). */
const shownCode = (html: string): string => (/data-resume-code>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '');

const checked = (html: string, name: string, value: string): boolean =>
  new RegExp(`name="${name}" value="${value}"[^>]*\\schecked`).test(html);

/** The draft row behind a browser's cookie. */
async function draftOf(t: TestApp, b: Browser) {
  const token = [...b.jar.values()].find((c) => c.name === 'bs_draft')?.value ?? '';
  return t.conn.db.selectFrom('drafts').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirstOrThrow();
}

describe.each(engines)('the survey journey on %s', (dialect) => {
  let t: TestApp;
  let ylyc: Wave;
  beforeAll(async () => {
    t = await createTestApp(dialect, { DRAFTS_PER_WAVE_PER_HOUR: '1000' });
    ylyc = await openWave(t.services, 'ylyc');
  });
  afterAll(() => t.close());

  describe('links that cannot take answers', () => {
    it('shows the right friendly page for unknown, planned, closed and reported waves', async () => {
      const b = browser(t.app);
      const unknown = await b.get('/s/NOSUCHCODE');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toContain('data-page="wave_not_found"');
      expect((await b.get(`/s/${'X'.repeat(60)}`)).status).toBe(404);
      expect((await b.get(`/s/${'X'.repeat(5000)}`)).status).toBe(414);
      const planned = await openWave(t.services, 'ylyc', 'planned');
      const p = await b.get(`/s/${planned.linkCode}`);
      expect(p.status).toBe(404);
      expect(p.body).toContain('data-page="wave_not_open"');
      const closed = await openWave(t.services, 'ylbc');
      await t.services.programme.closeWave(closed.id);
      for (const path of ['', '/intro', '/p/about_you', '/review']) {
        const c = await b.get(`/s/${closed.linkCode}${path}`);
        expect(c.status).toBe(410);
        expect(c.body).toContain('data-page="wave_closed"');
        expect(c.headers['cache-control']).toBe('no-store');
      }
      expect((await b.post(`/s/${closed.linkCode}/start`, {})).status).toBe(410);
      await t.services.programme.setStatus(closed.id, 'reported');
      expect((await b.get(`/s/${closed.linkCode}`)).status).toBe(410);
    });
  });

  describe('every survey page', () => {
    it('is no-store, has a neutral title, the quick exit and the privacy link, and no inline script or style', async () => {
      const b = browser(t.app);
      const pages: Page[] = [await b.get(`/s/${ylyc.linkCode}`)];
      const first = await begin(b, ylyc, 9);
      pages.push(first, await b.get(`/s/${ylyc.linkCode}/intro`), await b.get(`/s/${ylyc.linkCode}/review`));
      pages.push(await b.get(`/s/${ylyc.linkCode}/save`), await b.get('/resume'), await b.get('/privacy'), await b.get(`/s/${ylyc.linkCode}/privacy`));
      pages.push(await b.get(`/s/${ylyc.linkCode}/thanks`), await b.get('/s/NOSUCH'));
      for (const p of pages) {
        expect(p.headers['cache-control'], p.url).toBe('no-store');
        expect(p.body).toContain('href="https://www.bbc.co.uk/weather"');
        expect(p.body).toMatch(/href="(\/s\/[^"]+)?\/privacy"/);
        expect(p.body).toContain('<html lang="en"');
        expect(p.body).not.toMatch(/\sstyle=/);
        expect(p.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
        expect(p.body).not.toContain('govuk-frontend');
        const title = /<title>([\s\S]*?)<\/title>/.exec(p.body)?.[1] ?? '';
        expect(title).not.toMatch(/care|your life|testshire/i);
      }
    });
  });

  describe('skip logic and Back', () => {
    it('hides pages by the answers and prunes answers that become hidden', async () => {
      const b = browser(t.app);
      const base = `/s/${ylyc.linkCode}`;
      const first = await begin(b, ylyc, 6);
      expect(first.url).toBe(`${base}/p/social_worker`);
      expect(first.body).toContain('Page 1 of 17');
      const trust = await b.submit(`${base}/p/social_worker`, { action: 'continue', knows_social_worker: 'yes' });
      expect(trust.url).toBe(`${base}/p/trust_social_worker`);
      expect(trust.body).toContain('Page 2 of 18');
      await b.submit(trust.url, { action: 'continue', trusts_social_worker: 'face_5' });
      // Back to the first page: "no" hides the trust question and its answer goes.
      const next = await b.submit(`${base}/p/social_worker`, { action: 'continue', knows_social_worker: 'no' });
      expect(next.url).toBe(`${base}/p/trust_carers`);
      const draft = await draftOf(t, b);
      expect(JSON.parse(draft.answers)).toEqual({ knows_social_worker: 'no' });
      // The hidden page sends the young person back to where they are.
      const hidden = await b.get(`${base}/p/trust_social_worker`);
      expect(hidden.status).toBe(303);
      expect((await b.get(`${base}/p/no_such_page`)).status).toBe(404);
    });

    it('Back keeps the answers of the page it leaves', async () => {
      const b = browser(t.app);
      const base = `/s/${ylyc.linkCode}`;
      await begin(b, ylyc, 5);
      const next = await b.submit(`${base}/p/social_worker`, { action: 'continue', knows_social_worker: 'no' });
      const back = await b.submit(next.url, { action: 'back', trusts_carers: 'face_4' });
      expect(back.url).toBe(`${base}/p/social_worker`);
      expect(checked(back.body, 'knows_social_worker', 'no')).toBe(true);
      const again = await b.get(next.url);
      expect(checked(again.body, 'trusts_carers', 'face_4')).toBe(true);
      const intro = await b.submit(`${base}/p/social_worker`, { action: 'back', knows_social_worker: 'no' });
      expect(intro.url).toBe(`${base}/intro`);
    });
  });

  describe('bad input', () => {
    it('re-renders with 422 naming the answer that could not be saved, keeping the others', async () => {
      const b = browser(t.app);
      const base = `/s/${ylyc.linkCode}`;
      const first = await begin(b, ylyc, 9);
      const res = await b.post(first.url, { action: 'continue', age: '9', gender: 'not-a-code', unknown_question: 'x', placement_type: ['a', 'b'] });
      expect(res.status).toBe(422);
      expect(res.body).toContain('data-error-summary');
      expect(res.body).toContain('href="#q-gender-1"');
      expect(checked(res.body, 'age', '9')).toBe(true);
      expect(JSON.parse((await draftOf(t, b)).answers)).toEqual({ age: '9' });
      // Continue works once the bad answer is left out: nothing is ever required.
      const ok = await b.submit(first.url, { action: 'continue' });
      expect(ok.status).toBe(200);
      expect(ok.url).not.toBe(first.url);
      expect(ok.url.startsWith(`${base}/p/`)).toBe(true);
    });

    it('refuses posts from other sites', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/resume',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
        payload: 'code=ACD3F7HKMN',
      });
      expect(res.statusCode).toBe(403);
      const same = await t.app.inject({
        method: 'POST',
        url: '/resume',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        payload: 'code=ACD3F7HKMN',
      });
      expect(same.statusCode).toBe(404);
    });

    it('refuses other content types with 415 and oversized bodies with 413, never a 500', async () => {
      const b = browser(t.app);
      const first = await begin(b, ylyc, 9);
      expect((await b.post(first.url, '{"age":"9"}', 'application/json')).status).toBe(415);
      expect((await b.post(first.url, 'age=9', 'text/plain')).status).toBe(415);
      const huge = await b.post(first.url, `anything_else=${'x'.repeat(300 * 1024)}`);
      expect(huge.status).toBe(413);
      const long = await b.post(first.url, { action: 'continue', age: 'ä'.repeat(5000) });
      expect(long.status).toBe(422);
    });
  });

  describe('save and come back later', () => {
    it('resumes on another device with the code; free text is kept and submitted but not shown again', async () => {
      const phone = browser(t.app);
      const base = `/s/${ylyc.linkCode}`;
      const first = await begin(phone, ylyc, 7);
      expect((await phone.submit(first.url, { action: 'continue', knows_social_worker: 'yes' })).status).toBe(200);
      // Straight to the last child page, to write something.
      const textPage = `${base}/p/anything_else`;
      const typed = await phone.get(textPage);
      expect(typed.body).toContain('name="anything_else"');
      await phone.post(textPage, { action: 'autosave', anything_else: 'My secret words' });
      expect((await phone.get(textPage)).body).toContain('My secret words');
      const saved = await phone.post(textPage, { action: 'save', anything_else: 'My secret words' });
      expect(saved.status).toBe(200);
      const code = shownCode(saved.body);
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/);
      // Only the hash is stored.
      const rows = await t.conn.db.selectFrom('drafts').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(code.replace(/-/g, ''));

      const tablet = browser(t.app);
      const bad = await tablet.post('/resume', { code: 'nope' });
      expect(bad.status).toBe(422);
      const unknown = await tablet.post('/resume', { code: 'AAAA-AAAA-AA' });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toContain('data-page="resume_code_invalid"');
      const resumed = await tablet.post('/resume', { code: ` ${code.toLowerCase().replace(/-/g, ' ')} ` });
      expect(resumed.status).toBe(303);
      expect(resumed.headers['location']).toBe(textPage);
      const there = await tablet.follow(resumed);
      expect(there.body).not.toContain('My secret words');
      expect(there.body).toContain('name="anything_else__forget"');
      // The old device's cookie no longer opens the draft.
      expect((await phone.get(textPage)).status).toBe(303);
      // Earlier answers are there; an empty box keeps the hidden text.
      expect(checked((await tablet.get(`${base}/p/social_worker`)).body, 'knows_social_worker', 'yes')).toBe(true);
      const review = await tablet.submit(textPage, { action: 'continue', anything_else: '' });
      let r = review;
      for (let i = 0; i < 10 && !r.url.endsWith('/review'); i++) r = await tablet.submit(r.url, { action: 'continue' });
      const key = formFor(r.body, '/submit').hidden['key']!;
      expect((await tablet.post(`${base}/submit`, { key })).status).toBe(303);
      const comment = await t.conn.db.selectFrom('response_comments').selectAll().where('text', '=', 'My secret words').execute();
      expect(comment).toHaveLength(1);
    });

    it('expires drafts after the configured days: the right page, then purge', async () => {
      const b = browser(t.app);
      const base = `/s/${ylyc.linkCode}`;
      const first = await begin(b, ylyc, 12);
      const saved = await b.post(first.url, { action: 'save' });
      const code = shownCode(saved.body);
      t.clock.advance(31 * DAY);
      try {
        const viaCookie = await b.get(first.url);
        expect(viaCookie.status).toBe(410);
        expect(viaCookie.body).toContain('data-page="draft_expired"');
        expect(viaCookie.body).toContain(`href="${base}"`);
        const other = browser(t.app);
        const first2 = await begin(other, ylyc, 12);
        const code2 = shownCode((await other.post(first2.url, { action: 'save' })).body);
        t.clock.advance(31 * DAY);
        const expired = await other.post('/resume', { code: code2 });
        expect(expired.status).toBe(410);
        expect(expired.body).toContain(`href="${base}"`);
        const purged = await t.services.survey.purgeExpiredDrafts();
        expect(purged).toBeGreaterThanOrEqual(0);
        expect(await t.conn.db.selectFrom('drafts').selectAll().where('expires_at', '<=', t.clock.now().toISOString()).execute()).toHaveLength(0);
        expect((await other.post('/resume', { code })).status).toBe(404);
      } finally {
        t.clock.set('2026-03-02T10:00:00.000Z');
      }
    });

    it('keeps a draft alive while it is being answered', async () => {
      const b = browser(t.app);
      const first = await begin(b, ylyc, 12);
      t.clock.advance(20 * DAY);
      await b.post(first.url, { action: 'autosave' });
      t.clock.advance(20 * DAY);
      try {
        expect((await b.get(first.url)).status).toBe(200);
      } finally {
        t.clock.set('2026-03-02T10:00:00.000Z');
      }
    });
  });

  describe('submission', () => {
    it('is idempotent: a replay or a double click stores one response and shows the same thank-you page', async () => {
      const b = browser(t.app);
      const base = `/s/${ylyc.linkCode}`;
      const first = await begin(b, ylyc, 16);
      await b.submit(first.url, { action: 'continue', age: '16' });
      const review = await b.get(`${base}/review`);
      const key = formFor(review.body, '/submit').hidden['key']!;
      const cookie = [...b.jar.values()].map((c) => `${c.name}=${c.value}`).join('; ');
      const send = () =>
        t.app.inject({ method: 'POST', url: `${base}/submit`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `key=${key}` });
      const [a, c] = await Promise.all([send(), send()]);
      const d = await send();
      for (const res of [a, c, d]) {
        expect(res.statusCode).toBe(303);
        expect(res.headers['location']).toBe(`${base}/thanks`);
      }
      const rows = await t.conn.db.selectFrom('responses').selectAll().where('answers', 'like', '%"age":"16"%').execute();
      expect(rows).toHaveLength(1);
      expect(await t.conn.db.selectFrom('submissions').selectAll().execute()).toEqual(
        expect.arrayContaining([expect.objectContaining({ wave_id: ylyc.id, created_on: '2026-03-02' })]),
      );
    });
  });

  describe('limits and leaving', () => {
    it('refuses new drafts past the per-wave hourly limit, counted in the database', async () => {
      const limited = await createTestApp(dialect, { DRAFTS_PER_WAVE_PER_HOUR: '2' });
      try {
        const wave = await openWave(limited.services, 'ylbc');
        for (let i = 0; i < 2; i++) expect((await browser(limited.app).post(`/s/${wave.linkCode}/start`, {})).status).toBe(303);
        const third = await browser(limited.app).post(`/s/${wave.linkCode}/start`, {});
        expect(third.status).toBe(429);
        expect(third.body).toContain('data-page="too_many_drafts"');
        limited.clock.advance(61 * 60_000);
        expect((await browser(limited.app).post(`/s/${wave.linkCode}/start`, {})).status).toBe(303);
      } finally {
        await limited.close();
      }
    });

    it('quick exit forgets the survey on this device; "start again" does too', async () => {
      const b: Browser = browser(t.app);
      const first = await begin(b, ylyc, 13);
      const old = [...b.jar.values()][0]!;
      const beacon = await t.app.inject({ method: 'POST', url: `/s/${ylyc.linkCode}/exit`, headers: { cookie: `${old.name}=${old.value}` } });
      expect(beacon.statusCode).toBe(204);
      expect(String(beacon.headers['set-cookie'])).toMatch(/bs_draft=;/);
      const after = await t.app.inject({ method: 'GET', url: first.url, headers: { cookie: `${old.name}=${old.value}` } });
      expect(after.statusCode).toBe(303);

      const c = browser(t.app);
      await begin(c, ylyc, 13);
      const welcome = await c.get(`/s/${ylyc.linkCode}`);
      expect(welcome.body).toContain('data-welcome-back');
      const restarted = await c.submit(`/s/${ylyc.linkCode}/restart`, {});
      expect(restarted.body).not.toContain('data-welcome-back');
      expect(restarted.body).toContain('name="age"');
    });
  });

  describe('languages', () => {
    it('offers a switcher only when the wave has several languages, and keeps the answers', async () => {
      const b = browser(t.app);
      const first = await begin(b, ylyc, 9);
      expect(first.body).not.toContain('bs-lang');
      // Welsh is offered only where the catalogues say so (and, while its translation is draft, the wave switches it on).
      const spy = vi.spyOn(t.services.i18n, 'languages').mockReturnValue(['en', 'cy']);
      try {
        const la = await t.services.programme.addLa({ name: `Cymru ${dialect}`, nation: 'wales', onsCode: 'W06000001' });
        const wave = await t.services.programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-8-11': 3 }, languages: ['en', 'cy'], draftLanguages: ['cy'], opensOn: '2026-03-01', closesOn: '2026-04-01' });
        const w = browser(t.app);
        const page = await begin(w, wave, 9);
        expect(page.body).toContain('name="lang" value="cy"');
        await w.post(page.url, { action: 'autosave', age: '9' });
        const switched = await w.submit(`/s/${wave.linkCode}/language`, { lang: 'cy', back: new URL(page.url, 'http://x').pathname });
        expect(switched.url).toBe(page.url);
        expect(switched.body).toContain('<html lang="cy"');
        expect(checked(switched.body, 'age', '9')).toBe(true);
        expect((await draftOf(t, w)).language).toBe('cy');
        // Not an open redirect.
        const away = await w.post(`/s/${wave.linkCode}/language`, { lang: 'cy', back: '//evil.example/x' });
        expect(away.headers['location']).toBe(`/s/${wave.linkCode}`);
        const review = await w.get(`/s/${wave.linkCode}/review`);
        await w.post(`/s/${wave.linkCode}/submit`, { key: formFor(review.body, '/submit').hidden['key']! });
        const row = await t.conn.db.selectFrom('responses').selectAll().where('wave_id', '=', wave.id).executeTakeFirstOrThrow();
        expect(row.language).toBe('cy');
        expect(JSON.parse(row.answers)).toEqual({ age: '9' });
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('privacy notices', () => {
    it('has one per age group and a full one, each naming the one exception to anonymity', async () => {
      const b = browser(t.app);
      for (const who of ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17', 'ylbc-16-25', 'adult']) {
        const p = await b.get(`/privacy?for=${who}`);
        expect(p.status).toBe(200);
        expect(p.body).toMatch(/worried|concern/);
        expect(p.body).toMatch(/work out who you are|identify/);
      }
      expect((await b.get('/privacy')).body).toContain('IP address');
      expect((await b.get('/privacy?for=<script>')).status).toBe(200);
      // Part-way through, the notice for the young person's own age group comes first.
      await begin(b, ylyc, 9);
      expect((await b.get(`/s/${ylyc.linkCode}/privacy`)).body).toContain('href="/s/' + ylyc.linkCode + '/privacy?for=adult"');
    });
  });

  it('answers "I don\'t want to say" everywhere without complaint', async () => {
    const b = browser(t.app);
    const first = await begin(b, ylyc, 15);
    let page = first;
    for (let i = 0; i < 40 && !page.url.endsWith('/review'); i++) {
      const form = formFor(page.body, page.url);
      const body: Record<string, string> = { action: 'continue' };
      for (const [name, group] of form.choices) if (group.values.includes(DECLINED)) body[name] = DECLINED;
      page = await b.submit(page.url, body);
      expect(page.status).toBe(200);
    }
    expect(page.url).toMatch(/\/review$/);
  });
});
