/**
 * The licence policy for production dependencies, pure: which SPDX licences are allowed, the packages
 * decided one by one, and a small SPDX expression reader ("MIT OR GPL-3.0-or-later" is allowed when
 * one side is; "Apache-2.0 AND BSL-1.0" only when both are). `scripts/licences.ts` applies it to the
 * lockfile's production tree; docs/security.md explains it.
 */

/** Permissive licences whose terms the platform meets by keeping the packages' notices. */
export const ALLOWED_LICENCES: ReadonlySet<string> = new Set([
  'MIT', 'MIT-0', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'BlueOak-1.0.0', 'CC0-1.0',
  'CC-BY-3.0', 'CC-BY-4.0', 'Python-2.0', 'Unlicense', 'Zlib', 'BSL-1.0',
  // SIL Open Font License: fonts may be used, embedded (web pages, PDF subsets) and redistributed freely;
  // only selling the fonts alone or reusing their reserved names for modified fonts is barred. For the
  // Noto fonts of scripts such as Arabic and Ethiopic (src/lib/scripts.ts).
  'OFL-1.1',
]);

export interface Exception {
  /** The licence the decision stands for, in SPDX terms. */
  licence: string;
  why: string;
}

/**
 * Packages decided one by one: a missing or non-SPDX licence field, or a licence outside the list
 * that is acceptable for how the package is used. Keys are package names; a version change keeps the
 * decision only while the declared licence stays the same (checked below).
 */
export const EXCEPTIONS: Readonly<Record<string, Exception & { declared: string | null }>> = {
  buffers: { declared: null, licence: 'MIT', why: 'declares no licence; its author publishes it under MIT/X11. Used by exceljs (through unzipper) to read workbooks.' },
  'png-js': { declared: null, licence: 'MIT', why: 'declares no licence in package.json; its LICENSE file is MIT. Used by pdfkit to embed PNG images.' },
  chainsaw: { declared: 'MIT/X11', licence: 'MIT', why: '"MIT/X11" is the MIT licence under an older name. Used by exceljs (through unzipper).' },
  'dejavu-fonts-ttf': {
    declared: 'SEE LICENSE IN README.md AND LICENSE',
    licence: 'Bitstream-Vera',
    why: 'the DejaVu fonts, under the Bitstream Vera licence (free to use, embed and redistribute; modified fonts must be renamed). Embedded unmodified, as subsets, in printed forms in languages the standard PDF fonts cannot set, such as Welsh (ŵ, ŷ).',
  },
  // sharp's prebuilt libvips: loaded as a shared library, unmodified and replaceable, which is what the LGPL asks.
  ...Object.fromEntries(
    ['darwin-arm64', 'darwin-x64', 'linux-arm', 'linux-arm64', 'linux-ppc64', 'linux-riscv64', 'linux-s390x', 'linux-x64', 'linuxmusl-arm64', 'linuxmusl-x64'].map((p) => [
      `@img/sharp-libvips-${p}`,
      { declared: 'LGPL-3.0-or-later', licence: 'LGPL-3.0-or-later', why: "libvips for sharp, shipped as an unmodified shared library that can be replaced, as the LGPL requires; the platform's own code stays MIT." },
    ]),
  ),
  ...Object.fromEntries(
    ['win32-arm64', 'win32-ia32', 'win32-x64', 'wasm32'].map((p) => [
      `@img/sharp-${p}`,
      { declared: p === 'wasm32' ? 'Apache-2.0 AND LGPL-3.0-or-later AND MIT' : 'Apache-2.0 AND LGPL-3.0-or-later', licence: 'LGPL-3.0-or-later', why: 'sharp with libvips built in for this platform (never installed on Linux servers); the LGPL part as for the shared libvips.' },
    ]),
  ),
};

type Node = { kind: 'id'; id: string } | { kind: 'and' | 'or'; left: Node; right: Node };

/** Reads an SPDX licence expression (ids, AND, OR, WITH, brackets); null if it is not one. */
export function parseSpdx(expression: string): Node | null {
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/).filter((s) => s !== '');
  let i = 0;
  const idPattern = /^[A-Za-z0-9.+-]+$/;
  function primary(): Node | null {
    const tok = tokens[i++];
    if (tok === undefined) return null;
    if (tok === '(') {
      const inner = or();
      return tokens[i++] === ')' ? inner : null;
    }
    if (!idPattern.test(tok) || tok === 'AND' || tok === 'OR' || tok === 'WITH') return null;
    // An exception ("WITH Classpath-exception-2.0") only widens what the licence allows.
    if (tokens[i] === 'WITH') i += 2;
    return { kind: 'id', id: tok };
  }
  function and(): Node | null {
    let left = primary();
    while (left && tokens[i] === 'AND') {
      i++;
      const right = primary();
      left = right ? { kind: 'and', left, right } : null;
    }
    return left;
  }
  function or(): Node | null {
    let left = and();
    while (left && tokens[i] === 'OR') {
      i++;
      const right = and();
      left = right ? { kind: 'or', left, right } : null;
    }
    return left;
  }
  const node = or();
  return node && i === tokens.length ? node : null;
}

function allowedNode(node: Node, allowed: ReadonlySet<string>): boolean {
  if (node.kind === 'id') return allowed.has(node.id);
  if (node.kind === 'and') return allowedNode(node.left, allowed) && allowedNode(node.right, allowed);
  return allowedNode(node.left, allowed) || allowedNode(node.right, allowed);
}

/** The licence a package.json declares: `license` as text or `{ type }`, or the old `licenses` array. */
export function declaredLicence(pkg: Record<string, unknown>): string | null {
  const one = (v: unknown): string | null => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string' ? (v as { type: string }).type : null);
  const license = one(pkg['license']);
  if (license) return license;
  const list = Array.isArray(pkg['licenses']) ? pkg['licenses'].map(one).filter((l): l is string => l !== null) : [];
  return list.length > 0 ? list.join(' OR ') : null;
}

export interface PackageLicence {
  name: string;
  version: string;
  declared: string | null;
}

export type Verdict =
  | { ok: true; via: 'allow-list' | 'exception'; pkg: PackageLicence }
  | { ok: false; pkg: PackageLicence; reason: string };

/** Decides one package against the allow-list, then the exceptions. */
export function judge(pkg: PackageLicence, allowed: ReadonlySet<string> = ALLOWED_LICENCES, exceptions: typeof EXCEPTIONS = EXCEPTIONS): Verdict {
  const parsed = pkg.declared === null ? null : parseSpdx(pkg.declared);
  if (parsed && allowedNode(parsed, allowed)) return { ok: true, via: 'allow-list', pkg };
  const exception = Object.hasOwn(exceptions, pkg.name) ? exceptions[pkg.name] : undefined;
  if (exception && exception.declared === pkg.declared) return { ok: true, via: 'exception', pkg };
  if (exception) return { ok: false, pkg, reason: `its licence changed from ${exception.declared ?? 'none'} to ${pkg.declared ?? 'none'}: decide again` };
  if (pkg.declared === null) return { ok: false, pkg, reason: 'declares no licence' };
  if (!parsed) return { ok: false, pkg, reason: `"${pkg.declared}" is not an SPDX licence expression` };
  return { ok: false, pkg, reason: `${pkg.declared} is not on the allow-list` };
}

interface LockEntry {
  version?: string;
  license?: string;
  dev?: boolean;
  /** In the tree for a development dependency, and an optional peer of a production one (typescript for i18next): not installed for production. */
  devOptional?: boolean;
  link?: boolean;
}

/** The production packages of an npm lockfile (v2/v3): every entry under node_modules not marked dev (or devOptional). */
export function productionPackages(lock: { packages?: Record<string, LockEntry> }): Array<{ path: string; name: string; version: string; lockLicence: string | null }> {
  return Object.entries(lock.packages ?? {})
    .filter(([path, e]) => path.includes('node_modules/') && !e.dev && !e.devOptional && !e.link)
    .map(([path, e]) => ({ path, name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), version: e.version ?? '', lockLicence: e.license ?? null }));
}
