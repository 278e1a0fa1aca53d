/**
 * `npm run release`: the release step (docs/OPERATIONS.md, "Releasing"). Runs the static checks of
 * `npm test` (type check, lint, the production licence check), then writes the CycloneDX software bill
 * of materials of the production dependencies to dist/sbom.cdx.json (scripts/sbom.ts). No network.
 * Stops at the first check that fails, naming it; exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const steps: Array<[string, string, string[]]> = [
  ['type check', bin('tsc'), ['--noEmit', '-p', '.']],
  ['lint', bin('eslint'), ['.']],
  ['licences', process.execPath, [join(root, 'scripts', 'licences.ts')]],
  ['SBOM', process.execPath, [join(root, 'scripts', 'sbom.ts'), join(root, 'dist', 'sbom.cdx.json')]],
];
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
console.log(`Release of ${name} ${version}`);
for (const [label, cmd, args] of steps) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\nRelease stopped: ${label} failed (exit ${String(r.status ?? r.signal)}). Nothing is released.`);
    process.exit(1);
  }
}
console.log(`\nReleased ${name} ${version}: dist/sbom.cdx.json. Publish it with the release (docs/OPERATIONS.md, "Releasing").`);
