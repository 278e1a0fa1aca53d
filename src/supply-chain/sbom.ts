/**
 * The release's software bill of materials, pure: from npm's CycloneDX document of the whole lockfile
 * (`npm sbom --sbom-format cyclonedx --package-lock-only`), keep exactly the production packages of the
 * lockfile (the same set the licence check judges), give each the licence decided for it where its
 * package declares none in SPDX terms (the exceptions in licences.ts), and name the root after the
 * product. npm's own `--omit dev` is not used: it leaves out production packages that a development
 * package also depends on (nodemailer, pg-types and some fifty others in this lockfile).
 */
import { EXCEPTIONS, productionPackages } from './licences.ts';

export interface CycloneLicence {
  license?: { id?: string; name?: string };
  expression?: string;
}

export interface CycloneComponent {
  'bom-ref'?: string;
  name: string;
  version: string;
  licenses?: CycloneLicence[];
  [field: string]: unknown;
}

export interface CycloneBom {
  bomFormat: string;
  components?: CycloneComponent[];
  dependencies?: Array<{ ref: string; dependsOn?: string[] }>;
  metadata?: { component?: Record<string, unknown>; [field: string]: unknown };
  [field: string]: unknown;
}

const key = (name: string, version: string) => `${name}@${version}`;

/** A licence as CycloneDX writes it: an SPDX id alone, or an expression. */
function licenceEntry(spdx: string): CycloneLicence {
  return /^[A-Za-z0-9.+-]+$/.test(spdx) ? { license: { id: spdx } } : { expression: spdx };
}

/**
 * The production SBOM: `bom` limited to the production packages of `lock`, each with a licence, the
 * dependency graph limited to the same components, the root named `product`. Throws when a
 * production package is missing from `bom` (the lockfile and npm's document disagree).
 */
export function productionSbom(bom: CycloneBom, lock: Parameters<typeof productionPackages>[0], product: { name: string; version: string }): CycloneBom {
  if (bom.bomFormat !== 'CycloneDX') throw new Error('not a CycloneDX document');
  const wanted = new Map(productionPackages(lock).map((p) => [key(p.name, p.version), p]));
  const seen = new Set<string>();
  const components: CycloneComponent[] = [];
  for (const c of bom.components ?? []) {
    const k = key(c.name, c.version);
    const p = wanted.get(k);
    // The same package may be in the tree at several paths: list it once.
    if (!p || seen.has(k)) continue;
    seen.add(k);
    const decided = Object.hasOwn(EXCEPTIONS, c.name) ? EXCEPTIONS[c.name]?.licence : undefined;
    const declared = (c.licenses ?? []).filter((l) => l.license?.id || l.license?.name || l.expression);
    const licenses = declared.length > 0 ? declared : decided ? [licenceEntry(decided)] : p.lockLicence ? [licenceEntry(p.lockLicence)] : [];
    components.push({ ...c, licenses });
  }
  const missing = [...wanted.keys()].filter((k) => !seen.has(k));
  if (missing.length > 0) throw new Error(`production packages missing from npm's SBOM: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`);
  const refs = new Set(components.map((c) => c['bom-ref']).filter((r): r is string => typeof r === 'string'));
  const rootRef = typeof bom.metadata?.component?.['bom-ref'] === 'string' ? bom.metadata.component['bom-ref'] : undefined;
  const dependencies = (bom.dependencies ?? [])
    .filter((d) => refs.has(d.ref) || d.ref === rootRef)
    .map((d) => ({ ...d, dependsOn: (d.dependsOn ?? []).filter((r) => refs.has(r)) }));
  const metadata = bom.metadata ? { ...bom.metadata, ...(bom.metadata.component ? { component: { ...bom.metadata.component, name: product.name, version: product.version, purl: `pkg:npm/${product.name}@${product.version}` } } : {}) } : undefined;
  return { ...bom, ...(metadata ? { metadata } : {}), components, dependencies };
}
