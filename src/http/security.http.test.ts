/**
 * Security headers on every kind of answer (survey pages, staff pages, static files, error pages,
 * PDFs): a nonce-based Content Security Policy without 'unsafe-inline', frame-ancestors 'none',
 * the referrer and permissions policies, HSTS only behind TLS; and cookies HttpOnly, SameSite and,
 * behind TLS, Secure. The templates hold no inline style or script the policy would have to allow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutgoingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaff, signedIn } from '../programme/staff/testing.ts';
import { viewDirs } from './render.ts';
import { client, createTestApp, type TestApp } from './testing.ts';

function expectSecurityHeaders(headers: OutgoingHttpHeaders, what: string, tls: boolean): void {
  const csp = String(headers['content-security-policy'] ?? '');
  const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
  expect(csp, `${what}: CSP`).not.toBe('');
  expect(csp, `${what}: no unsafe-inline`).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes/);
  expect(directive('script-src'), `${what}: script nonce`).toMatch(/'nonce-[0-9a-f]{32}'/);
  expect(directive('style-src'), `${what}: style nonce`).toMatch(/'nonce-[0-9a-f]{32}'/);
  expect(directive('frame-ancestors'), what).toBe("frame-ancestors 'none'");
  expect(directive('object-src'), what).toBe("object-src 'none'");
  expect(directive('base-uri'), what).toBe("base-uri 'none'");
  expect(directive('default-src'), what).toBe("default-src 'self'");
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(String(headers['permissions-policy']), what).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  if (tls) expect(headers['strict-transport-security'], what).toBe('max-age=31536000; includeSubDomains');
  else expect(headers['strict-transport-security'], what).toBeUndefined();
}

/** The script nonce of the answer's policy, which the page's script tags must carry. */
const scriptNonce = (headers: OutgoingHttpHeaders) => /script-src[^;]*'nonce-([0-9a-f]+)'/.exec(String(headers['content-security-policy']))?.[1];

function cookieOf(headers: OutgoingHttpHeaders, name: string): string {
  const found = [headers['set-cookie'] ?? []].flat().find((c) => String(c).startsWith(`${name}=`));
  if (!found) throw new Error(`no ${name} cookie set`);
  return String(found);
}

describe.each([
  ['over plain HTTP', false],
  ['behind TLS', true],
] as const)('security headers %s', (_label, tls) => {
  let t: TestApp;
  let code: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite', tls ? { PUBLIC_URL: 'https://brightspots.example' } : {});
    const la = await t.services.programme.addLa({ name: 'Headerton Council', nation: 'england', onsCode: 'E06000978' });
    const wave = await t.services.programme.openWave({ laId: la.id, survey: 'ylyc', eligible: { 'ylyc-8-11': 30 }, opensOn: '2026-03-01', closesOn: '2026-04-30', title: 'Headers' });
    code = wave.linkCode;
  });
  afterAll(() => t.close());

  it('sends every header on survey pages, static files and error pages, and the pages carry the nonce', async () => {
    const c = client(t.app);
    const samples: Array<[string, number]> = [['/', 200], [`/s/${code}`, 200], ['/privacy', 200], ['/resume', 200], ['/assets/survey.css', 200], ['/assets/staff.js', 200], ['/no-such-page', 404], [`/s/${code}/p/%ff`, 400], [`/s/${'x'.repeat(400)}`, 414], ['/staff/sign-in', 200], ['/staff/nowhere', 404], ['/staff', 303]];
    for (const [url, status] of samples) {
      const res = await c.get(url);
      expect(res.status, url).toBe(status);
      expectSecurityHeaders(res.headers, url, tls);
      if (String(res.headers['content-type']).startsWith('text/html')) {
        const nonce = scriptNonce(res.headers);
        const scripts = [...res.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        for (const s of scripts) expect(s, `${url}: script tag`).toContain(`nonce="${nonce}"`);
        expect(res.body, `${url}: inline style`).not.toMatch(/\sstyle="|<style/);
      }
    }
  });

  it('sends every header on staff pages and PDFs, and sets the staff cookies HttpOnly, SameSite=Strict and Secure behind TLS', async () => {
    const account = await makeStaff(t.conn.db, t.clock, `admin-${String(tls)}@programme.example`, [{ role: 'programme_admin', laId: null }]);
    const first = await t.app.inject({ method: 'GET', url: '/staff/sign-in' });
    const csrf = cookieOf(first.headers, 'bs_csrf');
    expect(csrf).toMatch(/HttpOnly/);
    expect(csrf).toMatch(/SameSite=Strict/);
    expect(/;\s*Secure/i.test(csrf)).toBe(tls);
    const c = await signedIn(t.app, t.clock, account);
    for (const url of ['/staff', '/staff/guide/ylyc', '/staff/guide/ylyc.pdf', '/staff/fieldwork', '/staff/releases']) {
      const res = await c.get(url);
      expect(res.status, url).toBe(200);
      expectSecurityHeaders(res.headers, url, tls);
      if (url.endsWith('.pdf')) expect(res.headers['content-type']).toBe('application/pdf');
      else for (const s of res.body.match(/<script\b[^>]*>/g) ?? []) expect(s, url).toContain(`nonce="${scriptNonce(res.headers)}"`);
    }
    // The session cookie, as the sign-in set it.
    const again = client(t.app);
    await again.get('/staff/sign-in');
    const res = await t.app.inject({ method: 'POST', url: '/staff/sign-in', headers: { cookie: [...again.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec((await again.get('/staff/sign-in')).body)?.[1] ?? '', email: account.email, password: 'a long and careful passphrase', next: '/staff' }).toString() });
    expect(res.statusCode).toBe(303);
    const session = cookieOf(res.headers, 'bs_staff');
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Path=\/staff/);
    expect(/;\s*Secure/i.test(session)).toBe(tls);
  });

  it("sets the young person's draft cookie HttpOnly, SameSite=Lax, scoped to the survey, and Secure behind TLS", async () => {
    const start = await client(t.app).get(`/s/${code}`);
    expectSecurityHeaders(start.headers, 'start', tls);
    const res = await t.app.inject({ method: 'POST', url: `/s/${code}/start`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'age=9' });
    expect(res.statusCode).toBe(303);
    expectSecurityHeaders(res.headers, 'start (POST)', tls);
    const draft = [res.headers['set-cookie'] ?? []].flat().map(String).find((c) => c.includes('HttpOnly'));
    expect(draft).toBeDefined();
    expect(draft).toMatch(/SameSite=Lax/);
    expect(draft).toMatch(new RegExp(`Path=/s/${code}`));
    expect(/;\s*Secure/i.test(draft ?? '')).toBe(tls);
  });
});

describe('templates', () => {
  it('hold no inline style attribute, no style element and no script without the nonce (downloadable report files excepted)', () => {
    // The self-contained report files carry their CSS inline so they work offline; they are served as attachments.
    const selfContained = new Set(['report-file.njk', 'national-file.njk', 'youth-file.njk']);
    const templates = viewDirs.filter((d) => !d.includes('node_modules')).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.njk')).map((f) => join(d, f)));
    expect(templates.length).toBeGreaterThan(30);
    for (const file of templates) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\sstyle=["']/);
      if (!selfContained.has(file.split('/').pop() ?? '')) expect(text, file).not.toMatch(/<style/);
      for (const s of text.match(/<script\b[^>]*>/g) ?? []) expect(s, file).toMatch(/nonce="\{\{ cspNonce\.script \}\}"/);
    }
  });
});
