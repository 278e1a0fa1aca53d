// Right to left and fonts per script over HTTP on both engines: an Arabic page says lang="ar" dir="rtl" and
// links only the Arabic font stylesheet, an English page links none; free text follows what is typed, and an
// Arabic survey goes through to its thank-you page with the response stored by code like any other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../db/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { answerPages, begin, browser, formFor } from '../survey/testing.ts';

const fontLinks = (html: string): string[] => [...html.matchAll(/href="\/assets\/(font-[a-z]+\.css)\?v=/g)].map((m) => m[1] ?? '');
const first = (_name: string, values: string[], type: string) => (type === 'text' ? undefined : type === 'checkbox' ? [values[0] ?? ''] : values[0]);

describe.each(engines)('scripts and direction on %s', (dialect) => {
  let t: TestApp;
  let laId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { DRAFTS_PER_WAVE_PER_HOUR: '1000' });
    laId = (await t.services.programme.addLa({ name: `Arden ${dialect}`, nation: 'england', onsCode: 'E06000098' })).id;
  });
  afterAll(() => t.close());

  const wave = () =>
    t.services.programme.openWave({ laId, survey: 'ylyc', eligible: { 'ylyc-11-17': 10 }, languages: ['en', 'ar'], draftLanguages: ['ar'], opensOn: '2026-03-01', closesOn: '2026-04-30' });

  it('an Arabic page is right to left and links only the Arabic font; an English page links no font', async () => {
    const w = await wave();
    const english = await browser(t.app).open(`/s/${w.linkCode}`);
    expect(english.body).toContain('<html lang="en" dir="ltr"');
    expect(fontLinks(english.body)).toEqual([]);
    // The picker still names Arabic in its own script, marked with its language.
    expect(english.body).toMatch(/<button class="bs-lang__option" name="lang" value="ar" lang="ar"[^>]*>العربية<\/button>/);

    const arabic = await browser(t.app, { headers: { 'accept-language': 'ar' } }).open(`/s/${w.linkCode}`);
    expect(arabic.body).toContain('<html lang="ar" dir="rtl"');
    expect(arabic.body).toContain('مرحبًا!');
    expect(fontLinks(arabic.body)).toEqual(['font-arabic.css']);
    // Codes are Latin letters and digits: kept left to right inside the Arabic page.
    expect(arabic.body).toMatch(/id="access-code"[^>]*dir="ltr"/);
  });

  it('every page of an Arabic survey is right to left with the Arabic font, the privacy notice included', async () => {
    const w = await wave();
    const privacy = await browser(t.app, { headers: { 'accept-language': 'ar' } }).open(`/s/${w.linkCode}/privacy`);
    expect(privacy.status).toBe(200);
    expect(privacy.body).toContain('<html lang="ar" dir="rtl"');
    expect(privacy.body).toContain('كيف نحافظ على إجاباتك');
    expect(fontLinks(privacy.body)).toEqual(['font-arabic.css']);
  });

  it('walks an Arabic survey to the thank-you page: numbers isolated, free text dir="auto", answers stored by code', async () => {
    const w = await wave();
    const b = browser(t.app, { headers: { 'accept-language': 'ar' } });
    const page1 = await begin(b, w, 14);
    expect(page1.body).toContain('<html lang="ar" dir="rtl"');
    const seen: string[] = [];
    const { review } = await answerPages(b, page1, (name, values, type) => {
      seen.push(type);
      return first(name, values, type);
    });
    expect(review.body).toContain('أرسل إجاباتي');
    const sent = await b.submit(`/s/${w.linkCode}/submit`, { key: formFor(review.body, '/submit').hidden['key'] ?? '' });
    expect(sent.url).toBe(`/s/${w.linkCode}/thanks`);
    expect(sent.body).toContain('<html lang="ar" dir="rtl"');
    expect(sent.body).toContain('شكرًا لك!');
    expect(seen).toContain('text');

    const rows = await t.conn.db.selectFrom('responses').selectAll().where('wave_id', '=', w.id).execute();
    expect(rows.map((r) => r.language)).toEqual(['ar']);
    const answers = JSON.parse(rows[0]?.answers ?? '{}') as Record<string, unknown>;
    expect(Object.keys(answers).length).toBeGreaterThan(20);
    // Stored as answer codes, never as Arabic wording.
    expect(JSON.stringify(answers)).not.toMatch(/[\u0600-\u06ff]/);
  });

  it('draws 0-10 numbers isolated left to right and free-text boxes that follow what is typed', async () => {
    const w = await wave();
    const b = browser(t.app, { headers: { 'accept-language': 'ar' } });
    let page = await begin(b, w, 14);
    let score = '';
    let text = '';
    for (let i = 0; i < 40 && (score === '' || text === ''); i++) {
      if (score === '' && page.body.includes('bs-option--score')) score = page.body;
      if (text === '' && page.body.includes('bs-textarea')) text = page.body;
      const form = formFor(page.body, page.url);
      if (!page.url.includes('/p/')) break;
      page = await b.submit(page.url, { ...form.hidden, action: 'continue' });
    }
    expect(score).toMatch(/<span class="bs-option__text bs-num">10<\/span>/);
    expect(text).toMatch(/<textarea class="bs-textarea"[^>]*dir="auto"/);
  });
});
