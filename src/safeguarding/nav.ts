/**
 * The count of safeguarding items waiting, beside the staff menu's "Safeguarding" link: flagged comments
 * for reviewers, unacknowledged disclosures for an LA's safeguarding contacts. Global, on staff pages only.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasCapability } from '../programme/index.ts';
import type { Services } from '../services.ts';

export const SAFEGUARDING_HREF = '/staff/safeguarding';

/** Sets `request.navCounts['/staff/safeguarding']` for signed-in staff who review or receive safeguarding items. */
export const safeguardingNavCounts = fp(async (app: FastifyInstance, opts: { services: Services }) => {
  app.addHook('preHandler', async (req) => {
    if (!req.url.startsWith('/staff') || req.staff?.stage !== 'full') return;
    const actor = req.staff.actor;
    if (!hasCapability(actor, 'safeguarding.review') && !hasCapability(actor, 'safeguarding.receive')) return;
    try {
      const { review, receive } = await opts.services.safeguarding.waiting(actor);
      req.navCounts = { ...(req.navCounts ?? {}), [SAFEGUARDING_HREF]: (review ?? 0) + (receive ?? 0) };
    } catch (err) {
      // A count is a convenience: the page itself must still be served.
      req.log.warn({ err }, 'safeguarding counts unavailable');
    }
  });
});
