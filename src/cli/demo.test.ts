/**
 * Smoke test of `brightspots demo`: it starts, serves its links, prints its staff accounts, signs a demo
 * lead in with the code its sign-in banner shows, and deletes its folder when stopped.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'brightspots-demo-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A tiny cookie jar over fetch, for the staff pages (cookies are scoped to /staff). */
function jar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    keep(res: Response) {
      for (const c of res.headers.getSetCookie()) {
        const [pair = ''] = c.split(';');
        const eq = pair.indexOf('=');
        if (eq > 0) cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
    },
  };
}

/** Signs in through the real pages with the password and the code the demo banner shows for the account; returns the home page. */
async function signInFromBanner(signInUrl: string, email: string, password: string): Promise<string> {
  const base = new URL(signInUrl).origin;
  const cookies = jar();
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie: cookies.header() }, redirect: 'manual' });
    cookies.keep(res);
    return res;
  };
  const post = async (path: string, form: Record<string, string>) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', body: new URLSearchParams(form), headers: { cookie: cookies.header() }, redirect: 'manual' });
    cookies.keep(res);
    return res;
  };
  const page = await (await get('/staff/sign-in')).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const row = [...page.matchAll(/<tr class="govuk-table__row"><td class="govuk-table__cell">([^<]+)<\/td>.*?<code>(\d{6})<\/code>/g)].find((m) => m[1] === email);
  expect(row, `no banner row for ${email}`).toBeDefined();
  const first = await post('/staff/sign-in', { _csrf: csrf, email, password, next: '/staff' });
  expect(first.status).toBe(303);
  const second = await post('/staff/sign-in/code', { _csrf: csrf, code: row?.[2] ?? '', next: '/staff' });
  expect(second.status).toBe(303);
  expect(second.headers.get('location')).toBe('/staff');
  const home = await get('/staff');
  expect(home.status).toBe(200);
  return home.text();
}

it('runs the demo, serves an open and a closed survey link, and cleans up on SIGTERM', async () => {
  const { DATABASE_URL: _db, PUBLIC_URL: _url, ...env } = process.env;
  const child = spawn(process.execPath, [join(root, 'src', 'cli', 'index.ts'), 'demo', '--seed', '5'], {
    cwd: root,
    env: { ...env, PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));

  try {
    const ready = await Promise.race([
      new Promise<boolean>((ok) => {
        const poll = setInterval(() => out.includes('Press Ctrl+C') && (clearInterval(poll), ok(true)), 50);
      }),
      exited.then(() => false),
    ]);
    expect(ready, `demo did not start:\n${out}\n${err}`).toBe(true);

    const folders = readdirSync(dataDir).filter((f) => f.startsWith('demo-'));
    expect(folders).toHaveLength(1);
    const openLink = /^\s+YLYC \d{4}\s+open\s.*?(http:\/\/\S+\/s\/[A-Z0-9]{8})$/m.exec(out)?.[1];
    const closedLink = /^\s+YL[YB]C \d{4}\s+(?:closed|reported)\s.*?(http:\/\/\S+\/s\/[A-Z0-9]{8})/m.exec(out)?.[1];
    expect(openLink, out).toBeDefined();
    expect(closedLink, out).toBeDefined();
    expect(out).toContain('Northmere Borough Council');
    expect(out).toMatch(/Question bank: http:\/\/\S+\/question-bank/);
    expect(out).toContain('deleted when the demo stops');

    expect((await fetch(openLink ?? '')).status).toBe(200);
    expect((await fetch(closedLink ?? '')).status).toBe(410);
    const bank = await fetch(/Question bank: (\S+)/.exec(out)?.[1] ?? '');
    expect(bank.status).toBe(200);

    // Staff: every account is printed with the shared password; the lead signs in with a code read off the banner.
    for (const email of ['admin@brightspots.example', 'researcher@brightspots.example', 'safeguarding@brightspots.example', 'data-entry@brightspots.example', 'lead@northmere.example', 'viewer@kelderby.example', 'safeguarding@afonwen.example']) {
      expect(out).toContain(email);
    }
    expect(out).toMatch(/lead@northmere\.example\s+LA survey lead\s+Northmere Borough Council/);
    const signInUrl = /Staff sign-in: (http:\/\/\S+\/staff\/sign-in)$/m.exec(out)?.[1] ?? '';
    const password = /password is: (.+)$/m.exec(out)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    const home = await signInFromBanner(signInUrl, 'lead@northmere.example', password);
    expect(home).toContain('Northmere Borough Council');
    expect(home).not.toContain('Kelderby County Council');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, folders[0] ?? 'missing'))).toBe(false);
    expect(err).not.toMatch(/^\s+at /m);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 90_000);
