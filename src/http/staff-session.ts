/**
 * Staff sessions on requests: reads the session cookie, resolves it in the database, and offers the
 * guards every staff route uses. CSRF protection (double-submit, signed cookie) for staff forms.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import csrf from '@fastify/csrf-protection';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors.ts';
import type { StaffSession } from '../programme/index.ts';
import { hasCapability, mayActIn, type Actor, type Capability } from '../programme/roles.ts';
import type { Services } from '../services.ts';

export const STAFF_COOKIE = 'bs_staff';

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff session, resolved once per request (null when signed out). */
    staff: StaffSession | null;
    /** Counts of items waiting, by staff menu link (e.g. '/staff/safeguarding'), set by features' hooks. */
    navCounts: Record<string, number> | null;
  }
}

/** Cookie options for the staff session: HttpOnly, SameSite=Strict, Secure over HTTPS, scoped to /staff. */
export function staffCookieOptions(secure: boolean) {
  return { path: '/staff', httpOnly: true, sameSite: 'strict' as const, secure };
}

/** Registers session resolution on /staff requests and the CSRF plugin. */
export const staffSessions = fp(async (app: FastifyInstance, opts: { services: Services }) => {
  const secure = opts.services.config.publicUrl.startsWith('https:');
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'bs_csrf',
    cookieOpts: { path: '/staff', httpOnly: true, sameSite: 'strict', secure, signed: true },
  });
  app.decorateRequest('staff', null);
  app.decorateRequest('navCounts', null);
  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/staff')) return;
    req.staff = await opts.services.accounts.resolve(req.cookies[STAFF_COOKIE]);
  });
});

/** The signed-in actor, or a redirect to sign in. Only a fully signed-in session (both factors) counts. */
export function requireActor(req: FastifyRequest, reply: FastifyReply): Actor | null {
  if (req.staff?.stage === 'full') return req.staff.actor;
  void reply.redirect(`/staff/sign-in?next=${encodeURIComponent(req.url.split('?')[0] ?? '/staff')}`, 303);
  return null;
}

/** Throws forbidden unless the actor has the capability anywhere. */
export function requireCapability(actor: Actor, cap: Capability): void {
  if (!hasCapability(actor, cap)) throw new AppError('forbidden');
}

/**
 * Throws not_found unless the actor may use the capability in that LA: another LA's data is answered
 * exactly like data that does not exist, so ids in URLs reveal nothing.
 */
export function requireLa(actor: Actor, cap: Capability, laId: string): void {
  if (!mayActIn(actor, cap, laId)) throw new AppError('not_found');
}
