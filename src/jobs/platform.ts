/** The platform's scheduled jobs, registered on the scheduler by main.ts. */
import { safeguardingJobs } from '../safeguarding/index.ts';
import type { Services } from '../services.ts';
import { daily, hourly, weekly } from './schedule.ts';
import type { Job, JobLog } from './scheduler.ts';

/** The UK date a daily run key names ('tracker-batch:2026-03-05' -> '2026-03-05'), so a retry works on its own day. */
const dayOf = (runKey: string): string => runKey.slice(runKey.lastIndexOf(':') + 1);

/**
 * Housekeeping every hour; the participation tracker's daily batch (access codes used before today mark
 * their young people completed) from 1am UK time; the response-rate updates on the configured days
 * (Mondays and Thursdays from 7am UK time by default), after that day's batch; every five minutes, the
 * safeguarding job (comments left unscreened, disclosure emails and escalations due); from 2am UK time,
 * retention (what has outlived its period is deleted and counted: docs/data-release.md).
 */
export function platformJobs(services: Services, log: JobLog): Job[] {
  return [
    {
      name: 'housekeeping',
      due: hourly('housekeeping'),
      async run() {
        // Idempotent: expired drafts and staff sessions are deleted whoever runs it.
        const [drafts] = await Promise.all([services.survey.purgeExpiredDrafts(), services.accounts.purgeSessions()]);
        log.info({ drafts }, 'housekeeping done');
      },
    },
    {
      name: 'tracker-batch',
      due: daily('tracker-batch', 1),
      async run(runKey) {
        const completed = await services.participation.applyCodeCompletions(dayOf(runKey));
        log.info({ runKey, completed }, 'tracker completions from access codes applied');
      },
    },
    {
      name: 'digest',
      due: weekly('digest', services.config.digestDays, services.config.digestHour),
      async run(runKey) {
        const { sent, waves } = await services.rates.sendDigests(runKey);
        log.info({ runKey, sent, waves }, 'response-rate updates sent');
      },
    },
    ...safeguardingJobs(services.safeguarding, log),
    {
      name: 'retention',
      due: daily('retention', 2),
      async run(runKey) {
        // Counts only: what was deleted is never logged.
        const totals = await services.retention.run(runKey);
        log.info({ runKey, ...totals }, 'retention run done');
      },
    },
  ];
}
