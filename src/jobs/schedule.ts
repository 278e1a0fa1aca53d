/**
 * When jobs are due, as pure functions of "now". Each returns a run key naming the run (e.g.
 * 'digest:2026-03-05'), or null when nothing is due: every instance computes the same key for the
 * same run, and the database lets only one of them claim it.
 */

/** The programme works to UK time. */
export const UK_TIME_ZONE = 'Europe/London';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A wall-clock reading in a time zone. */
export interface ZonedTime {
  /** YYYY-MM-DD in that zone. */
  date: string;
  weekday: Weekday;
  hour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The date, weekday and hour an instant reads as in a time zone (UK time by default). */
export function zonedTime(now: Date, timeZone: string = UK_TIME_ZONE): ZonedTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => f.formatToParts(now).find((p) => p.type === type)?.value ?? '';
  const weekday = part('weekday').toLowerCase().slice(0, 3) as Weekday;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, weekday, hour: Number(part('hour')) };
}

/** Due once on each of some weekdays, from an hour of the day (UK time) until midnight. */
export function weekly(prefix: string, days: readonly string[], hour: number, timeZone: string = UK_TIME_ZONE): (now: Date) => string | null {
  return (now) => {
    const t = zonedTime(now, timeZone);
    return days.includes(t.weekday) && t.hour >= hour ? `${prefix}:${t.date}` : null;
  };
}

/** Due once a day, from an hour of the day (UK time). */
export function daily(prefix: string, hour = 0, timeZone: string = UK_TIME_ZONE): (now: Date) => string | null {
  return (now) => {
    const t = zonedTime(now, timeZone);
    return t.hour >= hour ? `${prefix}:${t.date}` : null;
  };
}

/** Due once in every hour (UTC hours, so the clock change neither skips nor repeats one). */
export function hourly(prefix: string): (now: Date) => string | null {
  return (now) => `${prefix}:${now.toISOString().slice(0, 13)}`;
}
