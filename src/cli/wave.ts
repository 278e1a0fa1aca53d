/** `brightspots wave`: open, list, close and move waves (one LA, one survey, one fieldwork window). */
import { Argument, Option, type Command } from 'commander';
import { AppError } from '../lib/errors.ts';
import { normaliseCode } from '../lib/ids.ts';
import { responseRate, totalEligible, WAVE_STATUSES, type Wave, type WaveStatus } from '../programme/index.ts';
import type { Services } from '../services.ts';
import { examples, surveyLink, withServices } from './context.ts';
import { percent } from './table.ts';
import { parseDate, parseEligible, parseList, parseRate, surveyShort, waveJson, waveTable } from './wave-format.ts';

interface OpenOptions {
  la: string;
  survey: 'ylyc' | 'ylbc';
  opens: string;
  closes: string;
  eligible: Record<string, number>;
  target?: number;
  languages?: string[];
  title?: string;
  planned?: boolean;
}

/** Finds an LA by id or exact name, or refuses with a message that says what was looked for. */
async function requireLa(s: Services, ref: string) {
  const la = await s.programme.findLa(ref);
  if (!la) throw new AppError('not_found', `No local authority with the name or id "${ref}" (see: brightspots la list).`);
  return la;
}

/** Finds a wave by its id or by the code in its survey link. */
export async function findWaveByRef(s: Services, ref: string): Promise<Wave> {
  const wave = (await s.programme.findWave(ref.trim())) ?? (await s.programme.waveByLinkCode(normaliseCode(ref)));
  if (!wave) throw new AppError('wave_not_found', `No wave with the id or link code "${ref}" (see: brightspots wave list).`);
  return wave;
}

/** Responses, eligible and rate of one wave, e.g. "42 of 220 eligible (19%)". */
async function progress(s: Services, wave: Wave): Promise<string> {
  const w = (await s.programme.listWaves(wave.laId)).find((x) => x.id === wave.id);
  if (!w) return '';
  return `${w.responses} responses of ${w.eligibleTotal} eligible (${percent(responseRate(w.responses, w.eligibleTotal))})`;
}

/** Registers `wave open|list|close|status` on the program. */
export function registerWave(program: Command, env: NodeJS.ProcessEnv): void {
  const wave = program
    .command('wave')
    .description('waves: one local authority, one survey, one fieldwork window')
    .addHelpText('after', examples(['brightspots wave list', 'brightspots wave open --help']));

  wave
    .command('open')
    .description('open (or plan) a wave and print its survey link')
    .requiredOption('--la <name or id>', 'the local authority')
    .addOption(new Option('--survey <survey>', 'ylyc (children in care) or ylbc (care leavers)').choices(['ylyc', 'ylbc']).makeOptionMandatory())
    .requiredOption('--opens <date>', 'first day of fieldwork, YYYY-MM-DD', parseDate)
    .requiredOption('--closes <date>', 'last day of fieldwork, YYYY-MM-DD', parseDate)
    .requiredOption('--eligible <counts>', 'eligible young people per instrument, e.g. ylyc-4-7=40,ylyc-8-11=60,ylyc-11-17=120', parseEligible)
    .option('--target <rate>', 'target response rate, 0-1 or a percentage (default 0.3)', parseRate)
    .option('--languages <codes>', 'languages offered, comma-separated (default en)', parseList)
    .option('--title <title>', 'title shown to staff (default "<LA> <survey name> <year>")')
    .option('--planned', 'create the wave as planned; its link opens when its status is set to open')
    .addHelpText(
      'after',
      examples([
        'brightspots wave open --la "Northmere Borough Council" --survey ylyc --opens 2026-03-02 --closes 2026-04-30 \\\n      --eligible ylyc-4-7=40,ylyc-8-11=60,ylyc-11-17=120',
        'brightspots wave open --la "Afon Wen Council" --survey ylbc --opens 2026-09-01 --closes 2026-10-31 \\\n      --eligible ylbc-16-25=180 --target 35% --planned',
      ]),
    )
    .action(async (o: OpenOptions) => {
      await withServices(env, async (s) => {
        const la = await requireLa(s, o.la);
        const w = await s.programme.openWave({
          laId: la.id,
          survey: o.survey,
          opensOn: o.opens,
          closesOn: o.closes,
          eligible: o.eligible,
          status: o.planned ? 'planned' : 'open',
          ...(o.target !== undefined ? { targetRate: o.target } : {}),
          ...(o.languages ? { languages: o.languages } : {}),
          ...(o.title !== undefined ? { title: o.title } : {}),
        });
        console.log(`${w.status === 'open' ? 'Opened' : 'Planned'} wave ${w.id}: ${w.title}`);
        console.log(`Fieldwork ${w.opensOn} to ${w.closesOn}; target ${percent(w.targetRate)} of ${totalEligible(w)} eligible`);
        console.log(`Survey link: ${surveyLink(s.config.publicUrl, w.linkCode)}`);
        if (w.status === 'planned') console.log(`The link opens with: brightspots wave status ${w.id} open`);
      });
    });

  wave
    .command('list')
    .description('list waves with their survey links, responses and response rates')
    .option('--la <name or id>', 'only the waves of this local authority')
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', examples(['brightspots wave list', 'brightspots wave list --la "Kelderby County Council" --json']))
    .action(async (o: { la?: string; json?: boolean }) => {
      await withServices(env, async (s) => {
        const laId = o.la === undefined ? undefined : (await requireLa(s, o.la)).id;
        const waves = await s.programme.listWaves(laId);
        const url = s.config.publicUrl;
        console.log(o.json ? JSON.stringify(waves.map((w) => waveJson(w, url)), null, 2) : waveTable(waves, url));
      });
    });

  wave
    .command('close')
    .description('close a wave: its link then shows "this survey has closed"')
    .argument('<wave>', 'the wave id or the code in its survey link')
    .addHelpText('after', examples(['brightspots wave close 7KQ9WXDA', 'brightspots wave close 0b9c6c1e-2f3e-4d55-9f0a-3c1f8e2d4b6a']))
    .action(async (ref: string) => {
      await withServices(env, async (s) => {
        const before = await findWaveByRef(s, ref);
        const w = await s.programme.closeWave(before.id);
        const was = before.status === 'closed' || before.status === 'reported' ? 'was already' : 'is now';
        console.log(`Wave ${w.id} (${w.title}, ${surveyShort(w.survey)}) ${was} ${w.status}.`);
        console.log(`${await progress(s, w)}; ${surveyLink(s.config.publicUrl, w.linkCode)} shows the closed page.`);
      });
    });

  wave
    .command('status')
    .description('set a wave\'s status')
    .argument('<wave>', 'the wave id or the code in its survey link')
    .addArgument(new Argument('<status>', 'the new status').choices(WAVE_STATUSES))
    .addHelpText('after', examples(['brightspots wave status 7KQ9WXDA open', 'brightspots wave status 7KQ9WXDA reported']))
    .action(async (ref: string, status: WaveStatus) => {
      await withServices(env, async (s) => {
        const w = await findWaveByRef(s, ref);
        await s.programme.setStatus(w.id, status);
        console.log(`Wave ${w.id} (${w.title}): ${w.status} -> ${status}.`);
      });
    });
}
