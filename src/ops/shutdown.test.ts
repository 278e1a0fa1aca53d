/** Graceful shutdown of the real server process: SIGTERM lets a request in flight finish, then the process exits 0. */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../db/index.ts';
import { spawnServer } from './testing.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(['SIGTERM', 'SIGINT'] as const)('graceful shutdown on %s', { timeout: 120_000 }, (signal) => {
  it('finishes the request in flight, stops accepting new connections, releases job leases and exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bs-shutdown-'));
    dirs.push(dataDir);
    const server = await spawnServer(dataDir);
    const body = 'code=ABCD-EFGH-JKLM';

    // A slow client: the headers and half the body now, the rest after the signal.
    const url = new URL('/resume', server.url);
    const reply = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 6));
      setTimeout(() => {
        // Only once the server has been told to stop does the rest of the request arrive.
        server.child.kill(signal);
        setTimeout(() => req.end(body.slice(6)), 700);
      }, 300);
    });

    await sleep(600);
    // Told to stop: still running (a request is in flight), but no longer accepting connections.
    expect(server.child.exitCode).toBeNull();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    const answered = await reply;
    // The request was handled in full (an unknown resume code), not cut off or refused with 503.
    expect(answered.status).toBeGreaterThanOrEqual(200);
    expect(answered.status).toBeLessThan(500);
    expect(answered.body).toContain('<html');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain(`${signal} received`);

    // No job run is left holding a lease: a finished run is done, one in progress was given back.
    const conn = connect({ dataDir });
    try {
      const running = await conn.db.selectFrom('job_runs').select('run_key').where('status', '=', 'running').execute();
      expect(running).toEqual([]);
    } finally {
      await conn.close();
    }
  });
});
