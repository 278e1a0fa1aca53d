/**
 * `npm run sbom [-- <file>]`: the CycloneDX software bill of materials of the production dependencies,
 * written to `sbom.cdx.json` or the given file (`npm run release` writes dist/sbom.cdx.json). From the
 * lockfile, with no network: `npm sbom --sbom-format cyclonedx --package-lock-only` of the whole tree,
 * limited to the lockfile's production packages, each with its licence (src/supply-chain/sbom.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { productionSbom, type CycloneBom } from '../src/supply-chain/sbom.ts';

const root = join(import.meta.dirname, '..');
const out = resolve(process.argv[2] ?? 'sbom.cdx.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['sbom', '--sbom-format', 'cyclonedx', '--package-lock-only', '--offline'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (r.status !== 0) {
  console.error(r.stderr || `npm sbom failed (exit ${String(r.status)})`);
  process.exit(1);
}
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Parameters<typeof productionSbom>[1];
// npm names the root after the checkout's folder; the product is the package.
const product = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
let bom: CycloneBom;
try {
  bom = productionSbom(JSON.parse(r.stdout) as CycloneBom, lock, product);
} catch (e) {
  console.error(`SBOM: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(bom, null, 2) + '\n');
console.log(`SBOM: ${bom.components?.length ?? 0} production components written to ${out}`);
