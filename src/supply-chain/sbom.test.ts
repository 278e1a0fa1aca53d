/**
 * The release SBOM (issue 9, docs/OPERATIONS.md "Releasing"): every production dependency of the
 * lockfile, with its version and licence, and nothing that is only for development.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionPackages } from './licences.ts';
import { productionSbom, type CycloneBom } from './sbom.ts';

const root = join(import.meta.dirname, '..', '..');

describe('productionSbom', () => {
  const lock = {
    packages: {
      '': { version: '1.0.0' },
      'node_modules/a': { version: '1.0.0', license: 'MIT' },
      'node_modules/b/node_modules/a': { version: '1.0.0', license: 'MIT' },
      'node_modules/buffers': { version: '0.1.1' },
      'node_modules/c': { version: '2.0.0', license: 'ISC' },
      'node_modules/vitest': { version: '5.0.0', license: 'MIT', dev: true },
    },
  };
  const component = (name: string, version: string, licence?: string) => ({ 'bom-ref': `${name}@${version}`, name, version, licenses: licence ? [{ license: { id: licence } }] : [] });
  const bom: CycloneBom = {
    bomFormat: 'CycloneDX',
    metadata: { component: { 'bom-ref': 'main@0.0.0', name: 'main', version: '0.0.0' } },
    components: [component('a', '1.0.0', 'MIT'), component('a', '1.0.0', 'MIT'), component('buffers', '0.1.1'), component('c', '2.0.0'), component('vitest', '5.0.0', 'MIT')],
    dependencies: [{ ref: 'main@0.0.0', dependsOn: ['a@1.0.0', 'vitest@5.0.0'] }, { ref: 'vitest@5.0.0', dependsOn: ['a@1.0.0'] }, { ref: 'a@1.0.0' }],
  };

  it('keeps the production packages once each, with a licence, and leaves out development ones', () => {
    const out = productionSbom(bom, lock, { name: 'brightspots', version: '1.2.3' });
    expect(out.components?.map((c) => [c.name, c.version, c.licenses])).toEqual([
      ['a', '1.0.0', [{ license: { id: 'MIT' } }]],
      // Declares none: the licence decided for it (licences.ts exceptions).
      ['buffers', '0.1.1', [{ license: { id: 'MIT' } }]],
      // None in npm's document: the lockfile's.
      ['c', '2.0.0', [{ license: { id: 'ISC' } }]],
    ]);
    expect(out.dependencies).toEqual([{ ref: 'main@0.0.0', dependsOn: ['a@1.0.0'] }, { ref: 'a@1.0.0', dependsOn: [] }]);
    expect(out.metadata?.component).toMatchObject({ name: 'brightspots', version: '1.2.3', purl: 'pkg:npm/brightspots@1.2.3' });
  });

  it('refuses a document that lacks a production package, and one that is not CycloneDX', () => {
    const short = { ...bom, components: (bom.components ?? []).filter((c) => c.name !== 'c') };
    expect(() => productionSbom(short, lock, { name: 'x', version: '1' })).toThrow(/missing from npm's SBOM: c@2.0.0/);
    expect(() => productionSbom({ ...bom, bomFormat: 'SPDX' }, lock, { name: 'x', version: '1' })).toThrow(/CycloneDX/);
  });
});

describe('npm run sbom', () => {
  it('lists every production dependency in package-lock.json with its version and licence, offline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-sbom-'));
    try {
      const file = join(dir, 'sbom.cdx.json');
      // npm_config_offline: any attempt to reach the registry fails instead of waiting on the network.
      const r = spawnSync(process.execPath, [join(root, 'scripts', 'sbom.ts'), file], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });
      expect(r.status, r.stderr).toBe(0);
      const bom = JSON.parse(readFileSync(file, 'utf8')) as CycloneBom;
      const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Parameters<typeof productionPackages>[0] & { packages: Record<string, { dev?: boolean; version?: string }> };
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };
      expect(bom.bomFormat).toBe('CycloneDX');
      expect(bom.metadata?.component).toMatchObject({ name: pkg.name, version: pkg.version });
      const listed = new Map((bom.components ?? []).map((c) => [`${c.name}@${c.version}`, c]));
      const production = productionPackages(lock);
      expect(production.length).toBeGreaterThan(100);
      const unlisted = production.filter((p) => !listed.has(`${p.name}@${p.version}`)).map((p) => p.path);
      expect(unlisted).toEqual([]);
      const withoutLicence = [...listed.values()].filter((c) => !(c.licenses ?? []).some((l) => l.license?.id || l.license?.name || l.expression)).map((c) => c.name);
      expect(withoutLicence).toEqual([]);
      // Every direct dependency at the version package.json pins.
      for (const [name, version] of Object.entries(pkg.dependencies)) expect(listed.has(`${name}@${version}`), `${name}@${version}`).toBe(true);
      // Nothing only for development (vitest, eslint, playwright).
      const productionKeys = new Set(production.map((p) => `${p.name}@${p.version}`));
      expect([...listed.keys()].filter((k) => !productionKeys.has(k))).toEqual([]);
      expect([...listed.keys()].some((k) => k.startsWith('vitest@'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
