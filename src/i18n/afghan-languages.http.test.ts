// Pashto and Dari over HTTP on both engines: offered only as drafts switched on for the wave, opened from the
// browser's preferred language (Dari sent as fa-AF), right to left, and a whole survey in Pashto stored by
// code exactly like the same survey in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import type { Wave } from '../programme/index.ts';
import { answerPages, begin, browser, formFor, type Browser, type Page } from '../survey/testing.ts';

/** The same choice on every question, whatever the language: the first answer offered, and nothing written. */
const first = (_name: string, values: string[], type: string) => (type === 'text' ? undefined : type === 'checkbox' ? [values[0] ?? ''] : values[0]);

async function send(b: Browser, wave: Wave, review: Page): Promise<void> {
  const sent = await b.submit(`/s/${wave.linkCode}/submit`, { key: formFor(review.body, '/submit').hidden['key'] ?? '' });
  expect(sent.url).toBe(`/s/${wave.linkCode}/thanks`);
}

describe.each(engines)('Pashto and Dari on %s', (dialect) => {
  let t: TestApp;
  let laId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { DRAFTS_PER_WAVE_PER_HOUR: '1000' });
    laId = (await t.services.programme.addLa({ name: `Kentham ${dialect}`, nation: 'england', onsCode: 'E06000099' })).id;
  });
  afterAll(() => t.close());

  const wave = (languages: string[], draftLanguages: string[] = []) =>
    t.services.programme.openWave({ laId, survey: 'ylyc', eligible: { 'ylyc-11-17': 10 }, languages, draftLanguages, opensOn: '2026-03-01', closesOn: '2026-04-30' });

  it('are drafts: not offered until the wave switches them on, then named in their own script', async () => {
    expect(t.services.i18n.reviewed('ps')).toBe(false);
    expect(t.services.i18n.reviewed('prs')).toBe(false);
    const off = await wave(['en', 'ps', 'prs']);
    const page = await browser(t.app, { headers: { 'accept-language': 'ps' } }).open(`/s/${off.linkCode}`);
    expect(page.body).toContain('<html lang="en" dir="ltr"');

    const on = await wave(['en', 'ps', 'prs'], ['ps', 'prs']);
    const start = await browser(t.app).open(`/s/${on.linkCode}`);
    expect(start.body).toMatch(/<button class="bs-lang__option" name="lang" value="ps" lang="ps"[^>]*>پښتو<\/button>/);
    expect(start.body).toMatch(/<button class="bs-lang__option" name="lang" value="prs" lang="prs"[^>]*>دری<\/button>/);
  });

  it('opens in Dari for a browser that sends fa-AF, right to left, but not for Persian from Iran', async () => {
    const on = await wave(['en', 'ps', 'prs'], ['ps', 'prs']);
    const dari = await begin(browser(t.app, { headers: { 'accept-language': 'fa-AF,fa;q=0.9,en;q=0.5' } }), on, 14);
    expect(dari.body).toContain('<html lang="prs" dir="rtl"');
    const iran = await browser(t.app, { headers: { 'accept-language': 'fa-IR,fa;q=0.9,en;q=0.5' } }).open(`/s/${on.linkCode}`);
    expect(iran.body).toContain('<html lang="en" dir="ltr"');
    const pashto = await browser(t.app, { headers: { 'accept-language': 'ps-AF' } }).open(`/s/${on.linkCode}`);
    expect(pashto.body).toContain('<html lang="ps" dir="rtl"');
    expect(pashto.body).toContain('ته څو کلن یې؟');
  });

  it('walks a whole survey in Pashto and stores it exactly as the same answers in English', async () => {
    const on = await wave(['en', 'ps'], ['ps']);
    const p = browser(t.app, { headers: { 'accept-language': 'ps' } });
    const { review } = await answerPages(p, await begin(p, on, 14), first);
    expect(review.body).toContain('<html lang="ps" dir="rtl"');
    expect(review.body).toContain('زما ځوابونه ولېږه');
    await send(p, on, review);
    expect((await p.open(`/s/${on.linkCode}/thanks`)).body).toContain('مننه!');

    const e = browser(t.app);
    const { review: eReview } = await answerPages(e, await begin(e, on, 14), first);
    await send(e, on, eReview);

    const rows = await t.conn.db.selectFrom('responses').selectAll().where('wave_id', '=', on.id).execute();
    expect(rows.map((r) => r.language).sort()).toEqual(['en', 'ps']);
    const [a, b] = rows.map((r) => JSON.parse(r.answers) as Record<string, unknown>);
    expect(Object.keys(a ?? {}).length).toBeGreaterThan(20);
    expect(a).toEqual(b);
  });
});
