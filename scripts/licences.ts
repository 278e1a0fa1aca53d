/**
 * `node scripts/licences.ts`: checks the licence of every production dependency in the lockfile
 * against the allow-list and the exceptions decided one by one (src/supply-chain/licences.ts). Reads
 * each installed package's own package.json (the lockfile's licence field for optional packages of
 * other platforms, which are not installed); no network. Run by `npm test`, so by CI. Exits non-zero,
 * naming each package, when one is not allowed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredLicence, judge, productionPackages, type Verdict } from '../src/supply-chain/licences.ts';

const root = join(import.meta.dirname, '..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Parameters<typeof productionPackages>[0];

const verdicts: Verdict[] = productionPackages(lock).map((p) => {
  const manifest = join(root, p.path, 'package.json');
  if (existsSync(manifest)) {
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    return judge({ name: p.name, version: typeof pkg['version'] === 'string' ? pkg['version'] : p.version, declared: declaredLicence(pkg) });
  }
  return judge({ name: p.name, version: p.version, declared: p.lockLicence });
});

const refused = verdicts.filter((v): v is Extract<Verdict, { ok: false }> => !v.ok);
const exceptions = verdicts.filter((v) => v.ok && v.via === 'exception');
console.log(`Licences: ${verdicts.length} production packages, ${verdicts.length - refused.length - exceptions.length} on the allow-list, ${exceptions.length} by a recorded exception, ${refused.length} refused.`);
for (const r of refused) console.log(`  refused: ${r.pkg.name}@${r.pkg.version}: ${r.reason}`);
if (refused.length > 0) console.log('Add the licence to the allow-list or an exception in src/supply-chain/licences.ts, with the reason (docs/security.md).');
process.exit(refused.length > 0 ? 1 : 0);
