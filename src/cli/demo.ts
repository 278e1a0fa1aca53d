/**
 * `brightspots demo` (`npm run demo`): the platform with a throwaway demo programme. Everything lives in
 * a fresh folder (under DATA_DIR when it is set, otherwise the system's temporary folder) that is
 * deleted when the demo stops; the real database, SQLite in ./data or DATABASE_URL, is never opened.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../config.ts';
import { connect, migrate } from '../db/index.ts';
import { createServices } from '../services.ts';
import { DEMO_SEED } from '../demo/programme.ts';
import { seedDemo, type DemoSeedResult } from '../demo/seed.ts';
import { DEMO_PASSWORD, DEMO_ROLE_NAMES, demoCodes } from '../demo/staff.ts';
import { totalEligible } from '../programme/index.ts';
import { examples, surveyLink, untilSignal } from './context.ts';
import { nationName } from './la.ts';
import { percent, formatTable } from './table.ts';
import { surveyShort } from './wave-format.ts';

/** A free TCP port: the server reports PORT=0 as ":0" in its public URL, so the demo picks one itself. */
function freePort(host: string): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no free port'))));
    });
  });
}

/** The console summary: where the demo runs, every LA's survey links, and that the data is thrown away. */
export function demoSummary(url: string, seeded: DemoSeedResult, dir: string): string {
  const out = [
    '',
    `Bright Spots demo is running at ${url}`,
    '',
    `A throwaway demo programme: ${seeded.las.length} fictional local authorities, ` +
      `${seeded.las.reduce((a, l) => a + l.waves.length, 0)} waves and ${seeded.responses.toLocaleString('en-GB')} ` +
      `synthetic responses (seed ${seeded.seed}, today ${seeded.today}). Their finished waves have published reports, ` +
      `compared with ${seeded.comparator.length} more fictional local authorities (${seeded.comparatorResponses.toLocaleString('en-GB')} imported responses).`,
  ];
  for (const { la, waves } of seeded.las) {
    out.push('', `${la.name} (${nationName(la.nation)}, ${la.onsCode})`);
    const rows = waves.map(({ wave, responses }) => {
      const eligible = totalEligible(wave);
      const rate = eligible > 0 ? percent(responses / eligible) : '-';
      return [
        `  ${surveyShort(wave.survey)} ${wave.opensOn.slice(0, 4)}`,
        wave.status,
        `${wave.opensOn} to ${wave.closesOn}`,
        `${responses} / ${eligible} (${rate})`,
        surveyLink(url, wave.linkCode) + (wave.status === 'open' ? '' : '  <- shows "this survey has closed"'),
      ];
    });
    // Drop the header lines: the LA name heads each block.
    out.push(...formatTable(['', '', '', '', ''], rows).split('\n').slice(2));
  }
  const codes = seeded.las.flatMap(({ la, waves }) => waves.filter((w) => w.tracker?.sampleCode).map((w) => [`  ${la.name}, ${surveyShort(w.wave.survey)}`, w.tracker?.sampleCode ?? '']));
  if (codes.length > 0) out.push('', 'Access codes to try on the survey start page (from each open wave\'s tracker):', ...formatTable(['', ''], codes).split('\n').slice(2));
  out.push(
    '',
    `Staff sign-in: ${url}/staff/sign-in`,
    `Every demo account's password is: ${DEMO_PASSWORD}`,
    'The second-factor codes are shown on the sign-in page (in demo mode only).',
    '',
    ...formatTable(['Email', 'Role', 'Local authority'], seeded.staff.map((a) => [a.email, DEMO_ROLE_NAMES[a.grant.role], a.laName ?? 'all (programme-wide)']))
      .split('\n')
      .map((line) => `  ${line}`),
    '',
    `Question bank: ${url}/question-bank`,
    '',
    `The data lives in ${dir}`,
    'and is deleted when the demo stops. Press Ctrl+C to stop.',
    '',
  );
  return out.join('\n');
}

/** Runs the demo until SIGINT or SIGTERM, then stops the server and deletes the demo folder. */
export async function runDemo(env: NodeJS.ProcessEnv, seed: number): Promise<void> {
  // Only where the folder goes depends on DATA_DIR; loadConfig below validates everything else.
  const base = env['DATA_DIR'] ? resolve(env['DATA_DIR']) : tmpdir();
  loadConfig(env);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `demo-${stamp}-`));
  try {
    const { DATABASE_URL: _realDatabase, ...rest } = env;
    const demoEnv: NodeJS.ProcessEnv = { ...rest, DATA_DIR: dir, LOG_LEVEL: env['LOG_LEVEL'] ?? 'warn' };
    const config = loadConfig(demoEnv);
    if (config.port === 0) demoEnv['PORT'] = String(await freePort(config.host));

    const conn = connect(config);
    let seeded: DemoSeedResult;
    try {
      await migrate(conn.db);
      seeded = await seedDemo(createServices(conn.db, conn.dialect, config), { seed });
    } finally {
      await conn.close();
    }

    const { start } = await import('../main.ts');
    // Demo mode exists only here: the sign-in page shows the demo accounts' codes of the moment.
    const { url, stop } = await start(demoEnv, {
      onServices: (services) => {
        services.demoCodes = demoCodes(seeded.staff, services.clock);
      },
    });
    console.log(demoSummary(url, seeded, dir));
    const signal = await untilSignal();
    console.log(`\n${signal}: stopping the demo and deleting ${dir}`);
    await stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Registers `demo` on the program. */
export function registerDemo(program: Command, env: NodeJS.ProcessEnv): void {
  program
    .command('demo')
    .description('start the platform with a throwaway demo programme (fictional LAs, synthetic responses)')
    .option('--seed <n>', `seed for the synthetic responses (default ${DEMO_SEED})`, (v: string) => {
      if (!/^\d{1,9}$/.test(v)) throw new InvalidArgumentError('give a whole number.');
      return Number(v);
    })
    .addHelpText('after', examples(['npm run demo', 'brightspots demo', 'PORT=4000 brightspots demo --seed 7', 'DATA_DIR=/tmp/bs brightspots demo']))
    .action(async (o: { seed?: number }) => {
      await runDemo(env, o.seed ?? DEMO_SEED);
    });
}
