/**
 * When a disclosure's emails are due, pure: office hours in UK time, the escalation level an
 * unacknowledged disclosure has reached, and whether the emergency duty team must be told.
 */

/** The programme works to UK time. */
export const UK_TIME_ZONE = 'Europe/London';

/** Office days (mon..sun) and hours as minutes after midnight, from inclusive, to exclusive. */
export interface OfficeHours {
  days: readonly string[];
  from: number;
  to: number;
}

/** Monday to Friday, 09:00 to 17:00. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: 9 * 60, to: 17 * 60 };

const ukParts = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The weekday (mon..sun) and minutes after midnight an instant reads as in UK time. */
export function ukWeekTime(now: Date): { weekday: string; minutes: number } {
  const parts = ukParts.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: part('weekday').toLowerCase().slice(0, 3), minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** Whether an instant falls within office hours, UK time (summer time included). */
export function inOfficeHours(now: Date, hours: OfficeHours = DEFAULT_OFFICE_HOURS): boolean {
  const t = ukWeekTime(now);
  return hours.days.includes(t.weekday) && t.minutes >= hours.from && t.minutes < hours.to;
}

/** What the due-ness of a disclosure's emails depends on. */
export interface DisclosureTiming {
  createdAt: string;
  urgent: boolean;
  acknowledged: boolean;
}

/**
 * The escalation level an unacknowledged disclosure has reached: 0 before the first period is over,
 * then 1, 2... after each further `everyHours`. An acknowledged disclosure never escalates.
 */
export function escalationLevelDue(d: DisclosureTiming, now: Date, everyHours: number): number {
  if (d.acknowledged) return 0;
  const elapsed = now.getTime() - new Date(d.createdAt).getTime();
  return elapsed <= 0 ? 0 : Math.floor(elapsed / (everyHours * 3_600_000));
}

/**
 * Whether the LA's emergency duty team must be emailed now: an urgent concern not yet acknowledged,
 * outside office hours, when the LA has given an emergency duty team email address. Decided during
 * office hours and still unread when they end, it goes then.
 */
export function edtDue(d: DisclosureTiming, now: Date, hours: OfficeHours, edtEmail: string | null): boolean {
  return d.urgent && !d.acknowledged && edtEmail !== null && edtEmail !== '' && !inOfficeHours(now, hours);
}

const ukLong = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant in UK time for people: "Monday 2 March 2026 at 10:00". */
export function ukDateTime(iso: string): string {
  const parts = ukLong.formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')} at ${part('hour')}:${part('minute')}`;
}
