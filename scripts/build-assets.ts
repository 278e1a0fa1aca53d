/**
 * Builds the browser assets into public/build: every src/<feature>/assets/*.scss (not partials) to CSS,
 * *.js and *.svg copied, each file precompressed (gzip, brotli) for @fastify/static. Skips work when
 * nothing changed since the last build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as sass from 'sass';
import { fontCss, fontCssName, SCRIPT_FONTS, type Script } from '../src/lib/scripts.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'build');
const srcDir = join(root, 'src');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const assetDirs = readdirSync(srcDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(srcDir, d.name, 'assets')))
  .map((d) => join(srcDir, d.name, 'assets'));

const stamp = join(out, '.built');
const sourcesChanged = Math.max(...assetDirs.map(newestMtime), statSync(join(root, 'package-lock.json')).mtimeMs);
if (existsSync(stamp) && statSync(stamp).mtimeMs >= sourcesChanged && !process.argv.includes('--force')) process.exit(0);

mkdirSync(out, { recursive: true });
function emit(name: string, content: Buffer): void {
  const p = join(out, name);
  writeFileSync(p, content);
  writeFileSync(`${p}.gz`, gzipSync(content, { level: 9 }));
  writeFileSync(`${p}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

for (const dir of assetDirs) {
  for (const file of readdirSync(dir)) {
    const p = join(dir, file);
    if (file.endsWith('.scss') && !file.startsWith('_')) {
      const { css } = sass.compile(p, {
        style: 'compressed',
        loadPaths: [join(root, 'node_modules')],
        quietDeps: true,
        silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'slash-div'],
      });
      emit(file.replace(/\.scss$/, '.css'), Buffer.from(css));
    } else if (/\.(js|svg|png|woff2)$/.test(file)) {
      emit(file, readFileSync(p));
    }
  }
}
// Browser code that ships in packages is copied from node_modules at build time, never committed.
const fromPackages: Record<string, string> = {
  'govuk-frontend.min.js': 'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js',
};
for (const [name, path] of Object.entries(fromPackages)) emit(name, readFileSync(join(root, path)));
// Fonts for scripts the system stack may lack: only each script's own subset (woff2) is copied, with a
// stylesheet a page links only in a language that needs it (src/lib/scripts.ts).
const SURVEY_STACK = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif';
for (const [script, font] of Object.entries(SCRIPT_FONTS) as Array<[Script, (typeof SCRIPT_FONTS)[Script]]>) {
  const pkg = join(root, 'node_modules', font.packageName);
  const ranges = JSON.parse(readFileSync(join(pkg, 'unicode.json'), 'utf8')) as Record<string, string>;
  const range = ranges[font.subset];
  if (range === undefined) throw new Error(`${font.packageName} has no ${font.subset} subset`);
  for (const face of font.faces) emit(face.file, readFileSync(join(pkg, 'files', face.file)));
  emit(fontCssName(script), Buffer.from(fontCss(font, range, SURVEY_STACK)));
}
writeFileSync(stamp, new Date().toISOString());
console.log(`assets built in ${out}`);
