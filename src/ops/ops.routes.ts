/** /readyz (readiness), /metrics (Prometheus) and the per-request measurements behind it. */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import { createMetrics } from './metrics.ts';
import { metricsAllowed } from './metrics.ts';
import { opsRepository } from './ops.repository.ts';
import { checkReadiness } from './readiness.ts';

/** Registered before the feature routes, so every route is measured. */
export const opsRoutes = fp(async (app: FastifyInstance, opts: { db: Db; config: Pick<Config, 'metricsToken'> }) => {
  const repo = opsRepository(opts.db);
  const metrics = createMetrics();

  app.addHook('onResponse', async (req, reply) => {
    metrics.observeRequest(req.method, req.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.get('/readyz', async (_req, reply) => {
    const state = await checkReadiness(repo);
    reply.header('cache-control', 'no-store');
    return state.ready ? reply.send({ status: 'ready' }) : reply.status(503).send({ status: 'not ready', reason: state.reason });
  });

  app.get('/metrics', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    if (!metricsAllowed({ remoteAddress: req.socket.remoteAddress, headers: req.headers }, opts.config.metricsToken)) {
      return reply
        .status(403)
        .type('text/plain; charset=utf-8')
        .send('Metrics can be read from this machine, or with the monitoring token (METRICS_TOKEN) as "Authorization: Bearer <token>".\n');
    }
    try {
      metrics.setCounts(await repo.counts());
      metrics.setDatabaseUp(true);
    } catch (err) {
      req.log.warn({ err }, 'metrics counts unavailable');
      metrics.setDatabaseUp(false);
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
});
