/**
 * Demo mode exists only in `brightspots demo`: a normal start has no demo accounts and its sign-in page
 * no banner of codes, while the same start given the demo's hook shows one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { start } from '../main.ts';
import type { Services } from '../services.ts';
import { DEMO_PASSWORD } from './staff.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const env = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bs-demo-mode-'));
  dirs.push(dir);
  return { NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'silent' };
};

it('a normal start has no demo accounts and no banner on the sign-in page', async () => {
  let services: Services | undefined;
  const server = await start(env(), { onServices: (s) => (services = s) });
  try {
    // The first-run link is offered only when there is no staff account at all.
    expect(server.firstRunLink).toMatch(/\/staff\/setup\//);
    expect(services?.demoCodes).toBeUndefined();
    expect(await services?.accounts.listAccounts()).toEqual([]);
    expect((await services?.accounts.signIn('lead@northmere.example', DEMO_PASSWORD))?.ok).toBe(false);
    const page = await (await fetch(`${server.url}/staff/sign-in`)).text();
    expect(page).toContain('<h1 class="govuk-heading-l">Sign in</h1>');
    expect(page).not.toMatch(/demo/i);
    expect(page).not.toContain(DEMO_PASSWORD);
  } finally {
    await server.stop();
  }
});

it('the demo hook is what puts the banner there', async () => {
  const server = await start(env(), {
    onServices: (s) => {
      s.demoCodes = () => [{ email: 'someone@demo.example', role: 'LA viewer', password: 'a demo password here', code: '123456' }];
    },
  });
  try {
    const page = await (await fetch(`${server.url}/staff/sign-in`)).text();
    expect(page).toContain('Demo mode');
    expect(page).toContain('someone@demo.example');
    expect(page).toContain('<code>123456</code>');
  } finally {
    await server.stop();
  }
});
