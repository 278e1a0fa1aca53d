/**
 * `brightspots i18n`: translations as data. `status` counts each language's strings (reviewed, draft,
 * stale); `export` writes a language as XLIFF 2.0 for a translator; `import` reads it back, refusing the
 * whole file with one line per problem. Needs no database: the catalogues are files in the source tree.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../lib/errors.ts';
import { exportXliff, importXliff, languageSummary, translatedLanguages } from '../i18n/index.ts';
import { catalogueDirs } from '../services.ts';
import { examples, writeOutput } from './context.ts';

const installedSrc = resolve(import.meta.dirname, '..');

/** The catalogue folders under a source tree (this installation's unless `--src` says otherwise). */
const dirsUnder = (src: string | undefined): string[] => (src === undefined ? catalogueDirs : catalogueDirs.map((d) => join(resolve(src), relative(installedSrc, d))));

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/** Registers `i18n` on the program. */
export function registerI18n(program: Command): void {
  const i18n = program.command('i18n').description('translations: status, XLIFF export for a translator and import back');
  const srcOption = ['--src <folder>', 'the source tree whose messages/ folders to use (default: this installation)'] as const;

  i18n
    .command('status')
    .description('per language: strings, reviewed, draft and stale (reviewed against English that has since changed)')
    .option(...srcOption)
    .action((o: { src?: string }) => {
      const dirs = dirsUnder(o.src);
      const rows = translatedLanguages(dirs).map((l) => languageSummary(dirs, l));
      const lines = ['language  strings  reviewed  draft  stale  missing  offered without a switch'];
      for (const r of rows) {
        const ready = r.reviewed === r.strings ? 'yes' : 'no (draft)';
        lines.push(`${r.lang.padEnd(8)}  ${String(r.strings).padStart(7)}  ${String(r.reviewed).padStart(8)}  ${String(r.draft).padStart(5)}  ${String(r.stale).padStart(5)}  ${String(r.missing).padStart(7)}  ${ready}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  i18n
    .command('export')
    .description('write one language as XLIFF 2.0: every English string as source, the translation as target, its state')
    .requiredOption('--lang <code>', 'the language to export, e.g. cy')
    .requiredOption('--out <file>', 'where to write the .xlf file')
    .option(...srcOption)
    .addHelpText('after', examples(['brightspots i18n export --lang cy --out cy.xlf']))
    .action((o: { lang: string; out: string; src?: string }) => {
      if (!LANG.test(o.lang)) throw new AppError('bad_request', `--lang: "${o.lang}" is not a language code, e.g. cy`);
      const out = writeOutput(o.out, exportXliff(dirsUnder(o.src), o.lang));
      process.stdout.write(`Wrote ${out}\n`);
    });

  i18n
    .command('import')
    .description('read a translated XLIFF file back; nothing is changed unless every unit is valid')
    .argument('<file>', 'the .xlf file')
    .option('--reviewed-by <name>', 'the fluent speaker who reviewed it: segments marked reviewed or final become reviewed by them')
    .option(...srcOption)
    .addHelpText('after', examples(['brightspots i18n import cy.xlf', 'brightspots i18n import cy.xlf --reviewed-by "Eleri Jones"']))
    .action((file: string, o: { reviewedBy?: string; src?: string }) => {
      let text: string;
      try {
        text = readFileSync(resolve(file), 'utf8');
      } catch (e) {
        throw new AppError('bad_request', `Cannot read ${resolve(file)}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
      const reviewedBy = o.reviewedBy?.trim();
      if (o.reviewedBy !== undefined && !reviewedBy) throw new AppError('bad_request', '--reviewed-by: give the reviewer\'s name');
      const result = importXliff(dirsUnder(o.src), text, { now: new Date().toISOString(), ...(reviewedBy ? { reviewedBy } : {}) });
      if (!result.ok) {
        const lines = result.errors.map((e) => `line ${e.line}: ${e.message}`);
        throw new AppError('bad_request', `${file}: nothing imported, ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
      }
      const s = result.summary;
      process.stdout.write(`Imported ${result.lang}: ${result.changed} string${result.changed === 1 ? '' : 's'} changed. Now ${s.reviewed} reviewed, ${s.draft} draft, ${s.stale} stale of ${s.strings}.\n`);
    });
}
