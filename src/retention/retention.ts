/**
 * Retention rules, pure: when a wave's original comments and its responses reach the end of their
 * retention periods, counted in whole calendar months from the day the wave closed.
 */

export interface RetentionPolicy {
  /** Months after a wave closes that original free text is kept. */
  freeTextMonths: number;
  /** Months after a wave closes that its responses are kept. */
  responsesMonths: number;
}

export interface ClosedWave {
  id: string;
  laId: string;
  status: string;
  /** When the wave was closed (ISO timestamp), or null when it was never closed by hand. */
  closedAt: string | null;
  /** The last day of fieldwork (ISO day). */
  closesOn: string;
}

/** What retention deletes, as the log names it. */
export const RETENTION_ITEMS = ['responses', 'free_text', 'drafts', 'release_files'] as const;
export type RetentionItem = (typeof RETENTION_ITEMS)[number];

/** The day a wave closed: when it was closed, else the end of its fieldwork. */
export function closedOn(wave: ClosedWave): string {
  return (wave.closedAt ?? wave.closesOn).slice(0, 10);
}

/** The ISO day a number of calendar months after a day (the 31st runs on into the next month, as Date does). */
export function addMonths(day: string, months: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

/** Whether a period of months after the wave closed has ended by today (ISO day): it ends on the day it reaches. */
export function hasExpired(wave: ClosedWave, months: number, today: string): boolean {
  if (wave.status !== 'closed' && wave.status !== 'reported') return false;
  return addMonths(closedOn(wave), months) <= today;
}

/** The waves whose responses are due for deletion, and those (the others) whose original free text is. */
export function dueForRetention(waves: readonly ClosedWave[], policy: RetentionPolicy, today: string): { responses: ClosedWave[]; freeText: ClosedWave[] } {
  const responses = waves.filter((w) => hasExpired(w, policy.responsesMonths, today));
  const gone = new Set(responses.map((w) => w.id));
  return { responses, freeText: waves.filter((w) => !gone.has(w.id) && hasExpired(w, policy.freeTextMonths, today)) };
}
