import { describe, expect, it } from 'vitest';
import { daily, hourly, weekly, zonedTime } from './schedule.ts';

describe('due run keys', () => {
  const digest = weekly('digest', ['mon', 'thu'], 7);

  it('are due on the chosen days from the hour, UK time, in winter (GMT)', () => {
    expect(digest(new Date('2026-03-05T06:59:00Z'))).toBeNull(); // Thursday 06:59 GMT
    expect(digest(new Date('2026-03-05T07:00:00Z'))).toBe('digest:2026-03-05');
    expect(digest(new Date('2026-03-05T23:59:00Z'))).toBe('digest:2026-03-05');
    expect(digest(new Date('2026-03-02T09:00:00Z'))).toBe('digest:2026-03-02'); // Monday
    expect(digest(new Date('2026-03-03T09:00:00Z'))).toBeNull(); // Tuesday
  });

  it('follow British Summer Time: 7am BST is 6am UTC, and the date is the UK date', () => {
    expect(digest(new Date('2026-04-02T05:59:00Z'))).toBeNull();
    expect(digest(new Date('2026-04-02T06:00:00Z'))).toBe('digest:2026-04-02');
    // 23:30 UTC on Wednesday is already Thursday 00:30 in London, but before 7am.
    expect(zonedTime(new Date('2026-04-01T23:30:00Z'))).toEqual({ date: '2026-04-02', weekday: 'thu', hour: 0 });
    expect(digest(new Date('2026-04-01T23:30:00Z'))).toBeNull();
  });

  it('give the same key all day, so a restart later that day still finds the same run', () => {
    expect(digest(new Date('2026-03-05T08:00:00Z'))).toBe(digest(new Date('2026-03-05T17:45:00Z')));
  });

  it('daily and hourly keys', () => {
    expect(daily('batch', 2)(new Date('2026-03-05T01:59:00Z'))).toBeNull();
    expect(daily('batch', 2)(new Date('2026-03-05T02:00:00Z'))).toBe('batch:2026-03-05');
    expect(hourly('housekeeping')(new Date('2026-03-05T14:59:59Z'))).toBe('housekeeping:2026-03-05T14');
    expect(hourly('housekeeping')(new Date('2026-03-05T15:00:00Z'))).toBe('housekeeping:2026-03-05T15');
  });
});
