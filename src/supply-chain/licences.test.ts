/**
 * The licence policy (pure) and the two supply-chain scripts run as CI runs them: the licence check
 * over the real lockfile and the CycloneDX SBOM of the production dependencies.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredLicence, judge, parseSpdx, productionPackages } from './licences.ts';

const root = join(import.meta.dirname, '..', '..');
const pkg = (name: string, declared: string | null) => ({ name, version: '1.0.0', declared });

describe('licence policy', () => {
  it('allows permissive licences and SPDX expressions whose every required part is allowed', () => {
    for (const l of ['MIT', 'ISC', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'BlueOak-1.0.0', 'CC0-1.0', 'Python-2.0', '(MIT OR GPL-3.0-or-later)', 'MIT AND Zlib', '(Apache-2.0 AND BSL-1.0)', 'Apache-2.0 WITH LLVM-exception']) {
      expect(judge(pkg('some-package', l)), l).toMatchObject({ ok: true, via: 'allow-list' });
    }
  });

  it('refuses copyleft, unknown, missing and malformed licences', () => {
    expect(judge(pkg('a', 'GPL-3.0-only'))).toMatchObject({ ok: false, reason: 'GPL-3.0-only is not on the allow-list' });
    expect(judge(pkg('a', 'MIT AND GPL-2.0-only'))).toMatchObject({ ok: false });
    expect(judge(pkg('a', 'AGPL-3.0-or-later OR SSPL-1.0'))).toMatchObject({ ok: false });
    expect(judge(pkg('a', null))).toMatchObject({ ok: false, reason: 'declares no licence' });
    expect(judge(pkg('a', 'SEE LICENSE IN LICENSE.txt'))).toMatchObject({ ok: false });
    expect(judge(pkg('a', '(MIT'))).toMatchObject({ ok: false });
    expect(parseSpdx('MIT OR')).toBeNull();
    expect(parseSpdx('')).toBeNull();
  });

  it('accepts a recorded exception only while the declared licence is the one decided', () => {
    expect(judge(pkg('buffers', null))).toMatchObject({ ok: true, via: 'exception' });
    expect(judge(pkg('@img/sharp-libvips-linux-x64', 'LGPL-3.0-or-later'))).toMatchObject({ ok: true, via: 'exception' });
    expect(judge(pkg('buffers', 'GPL-3.0-only'))).toMatchObject({ ok: false });
    expect(judge(pkg('@img/sharp-libvips-linux-x64', 'GPL-3.0-only'))).toMatchObject({ ok: false });
    // An exception for one package never covers another with the same licence.
    expect(judge(pkg('other-libvips', 'LGPL-3.0-or-later'))).toMatchObject({ ok: false });
  });

  it('reads licence fields in all their shapes and the production tree of a lockfile', () => {
    expect(declaredLicence({ license: 'MIT' })).toBe('MIT');
    expect(declaredLicence({ license: { type: 'ISC' } })).toBe('ISC');
    expect(declaredLicence({ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] })).toBe('MIT OR Apache-2.0');
    expect(declaredLicence({})).toBeNull();
    const lock = { packages: { '': {}, 'node_modules/a': { version: '1.0.0', license: 'MIT' }, 'node_modules/b': { version: '2.0.0', dev: true }, 'node_modules/a/node_modules/@s/c': { version: '3.0.0' } } };
    expect(productionPackages(lock).map((p) => p.name)).toEqual(['a', '@s/c']);
  });
});

describe('supply-chain scripts', () => {
  it('the licence check passes on the lockfile as it is', () => {
    const r = spawnSync(process.execPath, ['scripts/licences.ts'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toMatch(/production packages, \d+ on the allow-list, \d+ by a recorded exception, 0 refused/);
    expect(r.status).toBe(0);
  });

  it('npm run sbom writes a CycloneDX SBOM of the production dependencies only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-sbom-'));
    try {
      const file = join(dir, 'sbom.json');
      const r = spawnSync(process.execPath, ['scripts/sbom.ts', file], { cwd: root, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const bom = JSON.parse(readFileSync(file, 'utf8')) as { bomFormat: string; specVersion: string; metadata: { component: { name: string } }; components: Array<{ name: string; version: string; purl?: string; licenses?: unknown[] }> };
      expect(bom.bomFormat).toBe('CycloneDX');
      expect(bom.specVersion).toMatch(/^1\.\d+$/);
      expect(bom.metadata.component.name).toBe('brightspots');
      const names = new Set(bom.components.map((c) => c.name));
      for (const dep of ['fastify', 'kysely', 'nunjucks', 'pdfkit']) expect(names, dep).toContain(dep);
      const fastify = bom.components.find((c) => c.name === 'fastify');
      expect(fastify?.purl).toMatch(/^pkg:npm\/fastify@\d+\.\d+\.\d+$/);
      // Development tools are not shipped, so not listed.
      for (const dev of ['vitest', 'eslint', 'typescript', 'fast-check']) expect(names, dev).not.toContain(dev);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
