/** Smoke test of `brightspots demo`: it starts, serves its links, and deletes its folder when stopped. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'brightspots-demo-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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
    const closedLink = /^\s+YL[YB]C \d{4}\s+closed\s.*?(http:\/\/\S+\/s\/[A-Z0-9]{8})/m.exec(out)?.[1];
    expect(openLink, out).toBeDefined();
    expect(closedLink, out).toBeDefined();
    expect(out).toContain('Northmere Borough Council');
    expect(out).toMatch(/Question bank: http:\/\/\S+\/question-bank/);
    expect(out).toContain('deleted when the demo stops');

    expect((await fetch(openLink ?? '')).status).toBe(200);
    expect((await fetch(closedLink ?? '')).status).toBe(410);
    const bank = await fetch(/Question bank: (\S+)/.exec(out)?.[1] ?? '');
    expect(bank.status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, folders[0] ?? 'missing'))).toBe(false);
    expect(err).not.toMatch(/^\s+at /m);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 90_000);
