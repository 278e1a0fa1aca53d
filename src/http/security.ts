/**
 * The security headers every response carries, in one place: a nonce-based Content Security Policy
 * (no 'unsafe-inline' for scripts or styles, frame-ancestors 'none'), HSTS behind TLS, the referrer
 * and permissions policies. `app.ts` gives them to helmet; `fallbackHeaders` is the same set for the
 * few answers Fastify writes before any hook runs (an address the router cannot read). See
 * docs/security.md.
 */
import type { Config } from '../config.ts';

/** The policy's directives before the per-response nonces are added (helmet adds them to script-src and style-src). */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
} as const;

/** Browser features no page of the platform uses, switched off. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

/** HSTS is sent only when the platform is reached over HTTPS (PUBLIC_URL), as browsers ignore it otherwise. */
export function hstsEnabled(config: Pick<Config, 'publicUrl'>): boolean {
  return config.publicUrl.startsWith('https:');
}

/** HSTS for a year, with subdomains, when behind TLS. */
export const HSTS = { maxAge: 31536000, includeSubDomains: true } as const;

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The Content-Security-Policy header's value with a nonce for scripts and one for styles. */
export function cspHeader(nonces: { script: string; style: string }): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, values]) => {
      const extra = name === 'scriptSrc' ? [`'nonce-${nonces.script}'`] : name === 'styleSrc' ? [`'nonce-${nonces.style}'`] : [];
      return `${kebab(name)} ${[...values, ...extra].join(' ')}`;
    })
    .join(';');
}

/** Every header helmet and app.ts set, for answers written outside the hooks. */
export function fallbackHeaders(config: Pick<Config, 'publicUrl'>, nonces: { script: string; style: string }): Record<string, string> {
  return {
    'content-security-policy': cspHeader(nonces),
    'referrer-policy': 'no-referrer',
    'permissions-policy': PERMISSIONS_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    ...(hstsEnabled(config) ? { 'strict-transport-security': `max-age=${HSTS.maxAge}; includeSubDomains` } : {}),
  };
}
