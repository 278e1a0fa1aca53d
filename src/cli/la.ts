/** `brightspots la`: add and list the local authorities taking part. */
import { Option, type Command } from 'commander';
import { NATIONS, type LocalAuthority, type Nation } from '../programme/index.ts';
import { examples, withServices } from './context.ts';
import { formatTable } from './table.ts';

const NATION_NAMES: Record<Nation, string> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  northern_ireland: 'Northern Ireland',
};

/** A nation code as people write it. */
export const nationName = (n: Nation): string => NATION_NAMES[n];

/** The local authorities as an aligned table. */
export function laTable(las: readonly LocalAuthority[]): string {
  if (las.length === 0) return 'No local authorities yet. Add one with: brightspots la add --help';
  return formatTable(
    ['Name', 'Nation', 'ONS code', 'Id'],
    las.map((la) => [la.name, nationName(la.nation), la.onsCode, la.id]),
  );
}

/** Registers `la add` and `la list` on the program. */
export function registerLa(program: Command, env: NodeJS.ProcessEnv): void {
  const la = program
    .command('la')
    .description('local authorities taking part in the programme')
    .addHelpText('after', examples(['brightspots la list', 'brightspots la add --help']));

  la.command('add')
    .description('add a local authority')
    .requiredOption('--name <name>', 'the council\'s name, unique, e.g. "Northmere Borough Council"')
    .addOption(new Option('--nation <nation>', 'the UK nation').choices(NATIONS).makeOptionMandatory())
    .requiredOption('--ons-code <code>', 'ONS area code: E, W, S or N and 8 digits, e.g. E10000025')
    .addHelpText(
      'after',
      examples([
        'brightspots la add --name "Northmere Borough Council" --nation england --ons-code E06000991',
        'brightspots la add --name "Afon Wen Council" --nation wales --ons-code W06000991',
      ]),
    )
    .action(async (opts: { name: string; nation: string; onsCode: string }) => {
      // The choice list above has checked the nation; the service validates everything again.
      const input = { name: opts.name, nation: opts.nation as Nation, onsCode: opts.onsCode };
      const added = await withServices(env, (s) => s.programme.addLa(input));
      console.log(`Added ${added.name} (${nationName(added.nation)}, ${added.onsCode})`);
      console.log(`Id: ${added.id}`);
      console.log(`Open a wave with: brightspots wave open --la "${added.name}" --help`);
    });

  la.command('list')
    .description('list local authorities')
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', examples(['brightspots la list', 'brightspots la list --json']))
    .action(async (opts: { json?: boolean }) => {
      const las = await withServices(env, (s) => s.programme.listLas());
      console.log(opts.json ? JSON.stringify(las, null, 2) : laTable(las));
    });
}
