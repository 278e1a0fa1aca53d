/** The only entry point: config -> db -> migrate -> services -> app -> listen. */
import { loadConfig, ConfigError } from './config.ts';
import { connect, migrate } from './db/index.ts';
import { buildApp } from './http/app.ts';
import { createServices } from './services.ts';

/** Starts the platform and returns a function that stops it gracefully. */
export async function start(env: NodeJS.ProcessEnv = process.env): Promise<{ url: string; stop: () => Promise<void> }> {
  const config = loadConfig(env);
  const conn = connect(config);
  await migrate(conn.db);
  const services = createServices(conn.db, conn.dialect, config);
  const app = await buildApp({ config, services });
  const address = await app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl.includes(`:${config.port}`) || env['PUBLIC_URL'] ? config.publicUrl : address;
  return {
    url,
    stop: async () => {
      await app.close();
      await conn.close();
    },
  };
}

if (import.meta.main) {
  try {
    const { url, stop } = await start();
    console.log(`Bright Spots is running at ${url}`);
    const shutdown = () => {
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : e);
    process.exit(1);
  }
}
