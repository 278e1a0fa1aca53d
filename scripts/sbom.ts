/**
 * `npm run sbom [-- <file>]`: the CycloneDX software bill of materials of the production dependencies
 * (`npm sbom --sbom-format cyclonedx --omit dev`, from the lockfile; no network), written to
 * `sbom.cdx.json` or the given file. Made for each release (docs/security.md).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'sbom.cdx.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['sbom', '--sbom-format', 'cyclonedx', '--omit', 'dev', '--package-lock-only'], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (r.status !== 0) {
  console.error(r.stderr || `npm sbom failed (exit ${String(r.status)})`);
  process.exit(1);
}
const bom = JSON.parse(r.stdout) as { bomFormat?: string; components?: unknown[]; metadata?: { component?: Record<string, unknown> } };
// npm names the root after the checkout's folder; the product is the package.
const product = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };
const rootComponent = bom.metadata?.component;
if (rootComponent) Object.assign(rootComponent, { name: product.name, version: product.version, purl: `pkg:npm/${product.name}@${product.version}` });
if (bom.bomFormat !== 'CycloneDX') {
  console.error('npm sbom did not produce a CycloneDX document');
  process.exit(1);
}
writeFileSync(out, JSON.stringify(bom, null, 2) + '\n');
console.log(`SBOM: ${bom.components?.length ?? 0} components written to ${out}`);
