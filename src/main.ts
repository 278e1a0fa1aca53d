/** The only entry point: config -> db -> migrate -> services -> app -> listen. */
import { loadConfig, ConfigError } from './config.ts';
import { connect, migrate } from './db/index.ts';
import { buildApp } from './http/app.ts';
import { createScheduler, platformJobs } from './jobs/index.ts';
import { createServices, type Services } from './services.ts';

/** Optional hooks for callers that run the platform in-process (the demo, browser tests). */
export interface StartHooks {
  /** Called with the services before the app is built, e.g. for the demo to set its sign-in banner. */
  onServices?: (services: Services) => void;
}

/** Starts the platform and returns a function that stops it gracefully. */
export async function start(env: NodeJS.ProcessEnv = process.env, hooks: StartHooks = {}): Promise<{ url: string; firstRunLink: string | null; stop: () => Promise<void> }> {
  const config = loadConfig(env);
  const conn = connect(config);
  await migrate(conn.db);
  const services = createServices(conn.db, conn.dialect, config);
  hooks.onServices?.(services);
  const app = await buildApp({ config, services });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = env['PUBLIC_URL'] || config.port !== 0 ? config.publicUrl : address;
  // On an empty database: a one-time link to create the first programme administrator (never a default password).
  // Links are made with PUBLIC_URL; with PORT=0 and no PUBLIC_URL, point them at the real address.
  const firstRunLink = (await services.accounts.firstRunLink())?.replace(config.publicUrl, url) ?? null;
  // Scheduled jobs (hourly housekeeping, the twice-weekly updates): each run claimed once in the database, whatever the number of instances.
  const scheduler = createScheduler({ db: conn.db, clock: services.clock, log: app.log });
  for (const job of platformJobs(services, app.log)) scheduler.registerJob(job);
  scheduler.start();
  return {
    url,
    firstRunLink,
    // Graceful: stop accepting connections and finish the requests in flight (new requests on an open
    // connection get 503), while the scheduler stops ticking and gives its job leases back; then the database closes.
    stop: async () => {
      await Promise.all([app.close(), scheduler.stop()]);
      await conn.close();
    },
  };
}

if (import.meta.main) {
  try {
    const { url, firstRunLink, stop } = await start();
    console.log(`Bright Spots is running at ${url}`);
    if (firstRunLink) {
      console.log(`\nNo staff accounts exist yet. Create the first programme administrator with this one-time link\n(it works once and expires in 24 hours; restart to get a new one):\n\n  ${firstRunLink}\n`);
    }
    const shutdown = (signal: NodeJS.Signals) => {
      console.log(`${signal} received: finishing requests in flight, then stopping`);
      // A request or job that never finishes must not keep the process from stopping.
      setTimeout(() => {
        console.error('Shutdown took longer than 30 seconds: stopping anyway');
        process.exit(1);
      }, 30_000).unref();
      stop().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error('Shutdown failed:', err instanceof Error ? err.message : err);
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : e);
    process.exit(1);
  }
}
