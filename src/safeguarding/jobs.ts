/**
 * The safeguarding job, every five minutes: screens any submitted comment left unscreened (after a crash
 * or a failed screening), then sends every disclosure email due (first emails not yet delivered,
 * escalations, the emergency duty team out of hours). Each email is claimed in the database first, so a
 * retried or overlapping run never sends one twice.
 */
import type { Job, JobLog } from '../jobs/index.ts';
import type { SafeguardingService } from './review.service.ts';

/** Minutes between runs. */
export const SAFEGUARDING_EVERY_MINUTES = 5;

/** The run key due now: one per five-minute slot (UTC), e.g. 'safeguarding:2026-03-05T10:05'. */
export function safeguardingDue(now: Date): string {
  const iso = now.toISOString();
  const minute = Math.floor(now.getUTCMinutes() / SAFEGUARDING_EVERY_MINUTES) * SAFEGUARDING_EVERY_MINUTES;
  return `safeguarding:${iso.slice(0, 14)}${String(minute).padStart(2, '0')}`;
}

/** The safeguarding job for the scheduler. */
export function safeguardingJobs(safeguarding: Pick<SafeguardingService, 'sweepUnscreened' | 'deliverDue'>, log: JobLog): Job[] {
  return [
    {
      name: 'safeguarding',
      due: safeguardingDue,
      async run(runKey) {
        const screened = await safeguarding.sweepUnscreened();
        const delivered = await safeguarding.deliverDue();
        if (screened.screened > 0 || delivered.emails > 0) log.info({ runKey, ...screened, ...delivered }, 'safeguarding screening and emails done');
      },
    },
  ];
}
