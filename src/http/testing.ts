/**
 * A whole app on a fresh test database, for HTTP tests with inject(): the same wiring as production
 * (services.ts, app.ts), a settable clock, and the log output captured so tests can read it.
 */
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
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', DATA_DIR: './.tmp/test-data', ...env });
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
    },
  };
}
