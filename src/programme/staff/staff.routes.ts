/** Sign-in, second factor, first-run setup, invitations, password reset and sign-out pages. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { STAFF_COOKIE, staffCookieOptions } from '../../http/staff-session.ts';
import type { Services } from '../../services.ts';

const signInForm = z.object({ email: z.string().trim().max(320).default(''), password: z.string().max(1024).default('') });
const codeForm = z.object({ code: z.string().trim().max(64).default('') });
const setupForm = z.object({
  email: z.string().trim().max(320).optional(),
  name: z.string().trim().max(120).optional(),
  password: z.string().max(1024).default(''),
  confirm: z.string().max(1024).default(''),
});
const emailForm = z.object({ email: z.string().trim().max(320).default('') });

/** Form bodies as plain records; anything that is not an object parses as empty. */
const body = (req: FastifyRequest): Record<string, unknown> => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});

/** A same-site path to return to after sign-in, never an absolute URL. */
const safeNext = (next: unknown): string => (typeof next === 'string' && /^\/staff(\/[\w\-/]*)?$/.test(next) ? next : '/staff');

export function staffAuthRoutes(services: Services) {
  const { accounts } = services;
  const secure = services.config.publicUrl.startsWith('https:');
  const setSession = (reply: FastifyReply, token: string) => reply.setCookie(STAFF_COOKIE, token, staffCookieOptions(secure));

  return async function (app: FastifyInstance): Promise<void> {
    const csrf = { preHandler: app.csrfProtection.bind(app) };
    const page = (reply: FastifyReply, template: string, ctx: Record<string, unknown> = {}, status = 200) =>
      reply.header('Cache-Control', 'no-store').render(template, { csrfToken: reply.generateCsrf(), ...ctx }, status);

    app.get('/staff/sign-in', (req, reply) => {
      if (req.staff?.stage === 'full') return reply.redirect('/staff', 303);
      return page(reply, 'staff-sign-in.njk', { next: safeNext((req.query as Record<string, unknown>)['next']), demo: services.demoCodes?.() });
    });

    app.post('/staff/sign-in', csrf, async (req, reply) => {
      const f = signInForm.safeParse(body(req));
      const next = safeNext(body(req)['next']);
      const email = f.success ? f.data.email : '';
      const r = f.success ? await accounts.signIn(f.data.email, f.data.password) : ({ ok: false, reason: 'invalid' } as const);
      if (!r.ok) return page(reply, 'staff-sign-in.njk', { error: r.reason, email, next, demo: services.demoCodes?.() }, r.reason === 'locked' ? 429 : 422);
      setSession(reply, r.token);
      return reply.redirect(`/staff/sign-in/code?next=${encodeURIComponent(next)}`, 303);
    });

    app.get('/staff/sign-in/code', (req, reply) => {
      if (req.staff?.stage !== 'password') return reply.redirect('/staff/sign-in', 303);
      if (req.staff.account.status !== 'active') return reply.redirect('/staff/second-factor', 303);
      return page(reply, 'staff-code.njk', { next: safeNext((req.query as Record<string, unknown>)['next']) });
    });

    app.post('/staff/sign-in/code', csrf, async (req, reply) => {
      if (req.staff?.stage !== 'password') return reply.redirect('/staff/sign-in', 303);
      const f = codeForm.safeParse(body(req));
      const next = safeNext(body(req)['next']);
      const r = await accounts.secondFactor(req.staff, f.success ? f.data.code : '');
      if (!r.ok) return page(reply, 'staff-code.njk', { error: r.reason, next }, r.reason === 'locked' ? 429 : 422);
      setSession(reply, r.token);
      return reply.redirect(next, 303);
    });

    app.get('/staff/setup/:token', async (req, reply) => {
      const { token } = req.params as { token: string };
      const link = await accounts.checkLink(token);
      return page(reply, 'staff-setup.njk', { token, purpose: link.purpose, account: link.account });
    });

    app.post('/staff/setup/:token', csrf, async (req, reply) => {
      const { token } = req.params as { token: string };
      const link = await accounts.checkLink(token);
      const f = setupForm.safeParse(body(req));
      const values = f.success ? f.data : { password: '', confirm: '' };
      const again = (problem: string) => page(reply, 'staff-setup.njk', { token, purpose: link.purpose, account: link.account, problem, values }, 422);
      if (values.password !== values.confirm) return again('passwords_differ');
      const r = await accounts.useLink(token, { password: values.password, ...(values.email ? { email: values.email } : {}), ...(values.name ? { name: values.name } : {}) });
      if ('problem' in r) return again(r.problem);
      setSession(reply, r.token);
      return reply.redirect(link.purpose === 'reset' ? '/staff/sign-in/code' : '/staff/second-factor', 303);
    });

    app.get('/staff/second-factor', async (req, reply) => {
      if (!req.staff || req.staff.account.status === 'active') return reply.redirect('/staff', 303);
      const e = await accounts.enrolment(req.staff);
      return page(reply, 'staff-enrol.njk', { secret: e.secret.replace(/(.{4})/g, '$1 ').trim(), qrSvg: e.qrSvg });
    });

    app.post('/staff/second-factor', csrf, async (req, reply) => {
      if (!req.staff || req.staff.account.status === 'active') return reply.redirect('/staff', 303);
      const f = codeForm.safeParse(body(req));
      const r = await accounts.confirmEnrolment(req.staff, f.success ? f.data.code : '');
      if (!r) {
        const e = await accounts.enrolment(req.staff);
        return page(reply, 'staff-enrol.njk', { secret: e.secret.replace(/(.{4})/g, '$1 ').trim(), qrSvg: e.qrSvg, error: 'invalid' }, 422);
      }
      setSession(reply, r.token);
      return page(reply, 'staff-recovery-codes.njk', { codes: r.recoveryCodes });
    });

    app.get('/staff/forgot-password', (_req, reply) => page(reply, 'staff-forgot.njk'));
    app.post('/staff/forgot-password', csrf, async (req, reply) => {
      const f = emailForm.safeParse(body(req));
      if (f.success && f.data.email) await accounts.requestReset(f.data.email);
      return page(reply, 'staff-forgot.njk', { sent: true });
    });

    app.post('/staff/sign-out', csrf, async (req, reply) => {
      if (req.staff) await accounts.signOut(req.staff);
      reply.clearCookie(STAFF_COOKIE, staffCookieOptions(secure));
      return reply.redirect('/staff/sign-in', 303);
    });

    app.post('/staff/sign-out-everywhere', csrf, async (req, reply) => {
      if (req.staff?.stage === 'full') await accounts.signOutEverywhere(req.staff);
      reply.clearCookie(STAFF_COOKIE, staffCookieOptions(secure));
      return reply.redirect('/staff/sign-in', 303);
    });
  };
}
