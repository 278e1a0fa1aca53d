import type { FastifyServerOptions } from 'fastify';

/** Strips a URL to its path and replaces codes in survey paths, so logs never hold a code or a query. */
export function safePath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/^\/s\/[^/]+/, '/s/:wave').replace(/^\/resume\/[^/]+/, '/resume/:code');
}

/**
 * Pino options for the server: requests are logged by method, route pattern and status only.
 * No client address, user agent, header, cookie or query string is ever written.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; url: string; routeOptions?: { url?: string | undefined } }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? safePath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: { paths: ['req.headers', 'req.remoteAddress', 'req.ip', 'hostname'], remove: true },
    base: { pid: process.pid },
  };
}
