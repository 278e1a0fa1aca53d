/**
 * A whole app on a fresh test database, for HTTP tests with inject(): the same wiring as production
 * (services.ts, app.ts), a settable clock, and the log output captured so tests can read it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../config.ts';
import type { Connection } from '../db/index.ts';
import type { Dialect } from '../db/schema.ts';
import { openTestDb } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { createServices, type Services } from '../services.ts';
import { buildApp } from './app.ts';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  conn: Connection;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  /** Everything the server logged so far. */
  logs(): string;
  close(): Promise<void>;
}

/** Builds the app over a fresh database of the given engine; env overrides the configuration. */
export async function createTestApp(dialect: Dialect, env: Record<string, string> = {}): Promise<TestApp> {
  const conn = await openTestDb(dialect);
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-test-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env });
  const clock = fixedClock('2026-03-02T10:00:00.000Z');
  const services = createServices(conn.db, conn.dialect, config, clock);
  let logged = '';
  const logStream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logged += chunk.toString();
      cb();
    },
  });
  const app = await buildApp({ config, services, logStream });
  await app.ready();
  return {
    app,
    services,
    conn,
    clock,
    config,
    logs: () => logged,
    close: async () => {
      await app.close();
      await conn.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Page {
  status: number;
  body: string;
  headers: OutgoingHttpHeaders;
  /** Where a redirect points, if it is one. */
  location: string | undefined;
}

/**
 * A cookie-keeping client over inject(), like a browser without JavaScript: it remembers cookies and
 * can fill in a form's hidden fields (CSRF token) from the last page it read.
 */
export function client(app: FastifyInstance) {
  const jar = new Map<string, string>();
  const remember = (setCookie: string | string[] | undefined) => {
    for (const c of [setCookie ?? []].flat()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c)) jar.delete(name);
      else jar.set(name, value);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let last = '';
  async function request(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<Page> {
    const res = await app.inject({
      method,
      url,
      headers: { cookie: cookie(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
    });
    remember(res.headers['set-cookie']);
    last = res.body;
    const location = res.headers['location'];
    return { status: res.statusCode, body: res.body, headers: res.headers, location: typeof location === 'string' ? location : undefined };
  }
  return {
    get: (url: string) => request('GET', url),
    post: (url: string, form: Record<string, string> = {}) => request('POST', url, form),
    /** Posts a form with the CSRF token of the last page read. */
    submit: (url: string, form: Record<string, string> = {}) => request('POST', url, { _csrf: /name="_csrf" value="([^"]+)"/.exec(last)?.[1] ?? '', ...form }),
    cookies: jar,
  };
}
