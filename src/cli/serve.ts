/** `brightspots serve`: runs the platform, as `npm start` does. */
import type { Command } from 'commander';
import { examples, untilSignal } from './context.ts';

/** Registers `serve` on the program. */
export function registerServe(program: Command, env: NodeJS.ProcessEnv): void {
  program
    .command('serve')
    .description('start the platform (configured by the environment, see docs/cli.md)')
    .addHelpText('after', examples(['brightspots serve', 'PORT=8080 DATA_DIR=/var/lib/brightspots brightspots serve']))
    .action(async () => {
      // Loaded here so the other commands do not pay for loading the web server.
      const { start } = await import('../main.ts');
      const { url, stop } = await start(env);
      console.log(`Bright Spots is running at ${url} (Ctrl+C to stop)`);
      await untilSignal();
      await stop();
    });
}
