/**
 * The web shell: security headers, body parsing, rate limits, assets, error pages. Features add their
 * routes as plugins; nothing here knows about surveys or staff.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, {
  LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.ts';
import { AppError, isAppError } from '../lib/errors.ts';
import { loggerOptions, safePath } from '../lib/logger.ts';
import type { Services } from '../services.ts';
import { surveyRoutes } from '../survey/index.ts';
import { instrumentRoutes } from '../instruments/index.ts';
import { createViewEnv } from './render.ts';
import { staffSessions } from './staff-session.ts';
import { CSP_DIRECTIVES, HSTS, PERMISSIONS_POLICY, fallbackHeaders, hstsEnabled } from './security.ts';
import { instanceSecret } from '../programme/index.ts';
import { staffAuthRoutes } from '../programme/staff/staff.routes.ts';
import { workspaceRoutes } from '../programme/workspace.routes.ts';
import { accountAdminRoutes } from '../programme/staff/account-admin.routes.ts';
import { cleaningRoutes } from '../reports/cleaning/index.ts';
import { safeguardingNavCounts, safeguardingRoutes } from '../safeguarding/index.ts';
import { commentsRoutes } from '../comments/index.ts';
import { releaseRoutes } from '../release/index.ts';
import { retentionRoutes } from '../retention/index.ts';
import { reportRoutes, youthRoutes } from '../reports/index.ts';
import { actionsRoutes } from '../actions/index.ts';
import { cycleRoutes } from '../actions/cycle/index.ts';
import { nationalRoutes } from '../reports/national/index.ts';
import { ratesRoutes } from '../participation/rates/index.ts';
import { participationRoutes } from '../participation/index.ts';
import { planningRoutes } from '../programme/planning/index.ts';
import { guideRoutes } from '../programme/guide/index.ts';
import { prizeDrawRoutes } from '../participation/prize-draw/index.ts';
import { paperEntryRoutes } from '../paper/entry/index.ts';
import { scansRoutes } from '../paper/verify/index.ts';
import { formsRoutes } from '../paper/index.ts';
import { opsRoutes } from '../ops/index.ts';
import { dirOf, fontCssFor } from '../lib/scripts.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const assetsDir = join(root, 'public', 'build');

declare module 'fastify' {
  interface FastifyInstance {
    routeList: ReadonlyArray<{ method: string; url: string }>;
  }
  interface FastifyReply {
    /** Renders a template with the shared context, as HTML, with a status (default 200). */
    render(template: string, context?: Record<string, unknown>, status?: number): FastifyReply;
  }
}

export interface AppOptions {
  config: Config;
  services: Services;
  /** Where logs go; tests pass a stream to read what would be logged. */
  logStream?: NodeJS.WritableStream;
}

/** Builds the Fastify app; listen() is the caller's. */
export async function buildApp({ config, services, logStream }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logStream),
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    genReqId: () => randomUUID(),
    // One line per request, written when it completes (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true },
    // Addresses the router cannot read (bad percent-encoding, a parameter too long): the friendly
    // error page, never Fastify's JSON with the error code and the address echoed back.
    // Fastify writes these before any hook runs, so the security headers are set here too.
    frameworkErrors: (error, req, reply) => {
      const status = error.statusCode ?? 400;
      const cspNonce = { script: randomBytes(16).toString('hex'), style: randomBytes(16).toString('hex') };
      const html = renderPage(req.url.startsWith('/staff') ? 'staff-error.njk' : 'error.njk', { code: 'bad_request', status, cspNonce });
      // Typed for the router's generic reply; it is the same Reply class.
      void (reply as unknown as FastifyReply).status(status).headers(fallbackHeaders(config, cspNonce)).type('text/html; charset=utf-8').send(html);
    },
  });
  const views = createViewEnv();
  function renderPage(template: string, context: Record<string, unknown>): string {
    const lang = typeof context['lang'] === 'string' ? context['lang'] : 'en';
    const t = (key: string, vars?: Record<string, string | number>) => services.i18n.t(lang, key, vars);
    // Direction and the script's font stylesheet (if the language needs one) follow the page language.
    return views.render(template, { t, lang, dir: dirOf(lang), fontCss: fontCssFor(lang), assetVersion: services.assetVersion, ...context });
  }
  // Every route, so tests can enumerate them (e.g. the tenancy test calls every staff route).
  const routeList: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routeList.push({ method, url: r.url });
  });
  app.decorate('routeList', routeList);

  app.decorateReply('render', function (this: FastifyReply, template: string, context: Record<string, unknown> = {}, status = 200) {
    // Staff pages: the signed-in person and a CSRF token for the sign-out form in the header.
    const staff = this.request.url.startsWith('/staff') ? this.request.staff : null;
    const staffContext = staff?.stage === 'full' ? { staffUser: staff.actor, csrfToken: this.generateCsrf(), navCounts: this.request.navCounts } : {};
    // The nonces of this response's Content-Security-Policy, for the layouts' script and style tags.
    const html = renderPage(template, { cspNonce: this.cspNonce, ...staffContext, ...context });
    return this.status(status).type('text/html; charset=utf-8').send(html);
  });

  // Security headers (src/http/security.ts): a fresh nonce per response for scripts and for styles.
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([k, v]) => [k, [...v]])),
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    hsts: hstsEnabled(config) ? HSTS : false,
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ method: req.method, route: req.routeOptions.url ?? safePath(req.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('Permissions-Policy', PERMISSIONS_POLICY);
  });
  await app.register(compress, { global: true, threshold: 512, encodings: ['br', 'gzip'] });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(cookie, { secret: await instanceSecret(services.db, 'cookie') });
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // In memory only: client addresses are never written to the database or the logs.
    logLevel: 'silent',
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, code: 'rate_limited', after: ctx.after }),
  });
  if (existsSync(assetsDir)) {
    await app.register(fastifyStatic, {
      root: assetsDir,
      prefix: '/assets/',
      preCompressed: true,
      immutable: true,
      maxAge: '365d',
      decorateReply: false,
    });
  }

  // Staff pages show errors in the staff layout; everything else in the young people's.
  const errorPage = (req: FastifyRequest) => (req.url.startsWith('/staff') ? 'staff-error.njk' : 'error.njk');
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isAppError(error)) {
      return reply.render(errorPage(request), { code: error.code, status: error.status }, error.status);
    }
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      return reply.render('staff-error.njk', { code: 'csrf', status: 403 }, 403);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Malformed requests a client can cause: a friendly page, never a stack trace.
      const code = status === 429 ? 'rate_limited' : status === 413 ? 'too_large' : status === 415 ? 'unsupported' : 'bad_request';
      return reply.render(errorPage(request), { code, status }, status);
    }
    request.log.error({ err: error, reqId: request.id }, 'request failed');
    return reply.render(errorPage(request), { code: 'server_error', status: 500, reqId: request.id }, 500);
  });
  app.setNotFoundHandler((req, reply) => reply.render(errorPage(req), { code: 'not_found', status: 404 }, 404));
  // No id or code holds a NUL character, and PostgreSQL refuses one in text: the error page, not a 500.
  app.addHook('onRequest', async (req) => {
    if (Object.values((req.params ?? {}) as Record<string, unknown>).some((v) => typeof v === 'string' && v.includes('\u0000'))) throw new AppError('bad_request');
  });

  app.get('/healthz', (_req, reply) => reply.send({ status: 'ok' }));
  // Readiness (/readyz) and metrics (/metrics); before the feature routes so every route is measured.
  await app.register(opsRoutes, { db: services.db, config });
  app.get('/', (_req, reply) => reply.render('home.njk', {}));
  await app.register(staffSessions, { services });
  await app.register(safeguardingNavCounts, { services });
  await app.register(staffAuthRoutes(services));
  await app.register(workspaceRoutes(services));
  await app.register(accountAdminRoutes(services));
  await app.register(cleaningRoutes(services));
  await app.register(safeguardingRoutes(services));
  await app.register(commentsRoutes(services));
  await app.register(releaseRoutes(services));
  await app.register(retentionRoutes(services));
  await app.register(reportRoutes(services));
  await app.register(youthRoutes(services));
  await app.register(actionsRoutes(services));
  await app.register(cycleRoutes(services));
  await app.register(nationalRoutes(services));
  await app.register(ratesRoutes(services));
  await app.register(participationRoutes(services));
  await app.register(planningRoutes(services));
  await app.register(guideRoutes());
  await app.register(prizeDrawRoutes(services));
  await app.register(paperEntryRoutes(services));
  await app.register(scansRoutes(services));
  await app.register(formsRoutes(services));
  await app.register(surveyRoutes(services));
  await app.register(instrumentRoutes(services));
  return app;
}
