import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { DEFAULT_OFFICE_HOURS, edtDue, escalationLevelDue, inOfficeHours, ukDateTime } from './escalation.ts';
import { safeguardingDue } from './jobs.ts';

const at = (iso: string) => new Date(iso);

describe('office hours, UK time', () => {
  it('are Monday to Friday, 09:00 to 17:00 by default', () => {
    expect(inOfficeHours(at('2026-03-02T09:00:00Z'))).toBe(true); // Monday 09:00 GMT
    expect(inOfficeHours(at('2026-03-02T08:59:59Z'))).toBe(false);
    expect(inOfficeHours(at('2026-03-02T16:59:59Z'))).toBe(true);
    expect(inOfficeHours(at('2026-03-02T17:00:00Z'))).toBe(false);
    expect(inOfficeHours(at('2026-03-07T12:00:00Z'))).toBe(false); // Saturday
    expect(inOfficeHours(at('2026-03-08T12:00:00Z'))).toBe(false); // Sunday
  });

  it('follow British Summer Time', () => {
    // 29 March 2026 the clocks go forward: 08:30 UTC on Monday 30 March is 09:30 in the UK.
    expect(inOfficeHours(at('2026-03-30T08:30:00Z'))).toBe(true);
    expect(inOfficeHours(at('2026-03-30T16:30:00Z'))).toBe(false); // 17:30 BST
    expect(ukDateTime('2026-03-30T08:30:00.000Z')).toBe('Monday 30 March 2026 at 09:30');
  });

  it('can be configured', () => {
    const c = loadConfig({ SAFEGUARDING_OFFICE_DAYS: 'Mon,Sat', SAFEGUARDING_OFFICE_HOURS: '08:30-18:00', SAFEGUARDING_ESCALATE_HOURS: '12' });
    expect(c).toMatchObject({ safeguardingOfficeDays: ['mon', 'sat'], safeguardingOfficeHours: { from: 510, to: 1080 }, safeguardingEscalateHours: 12 });
    const hours = { days: c.safeguardingOfficeDays, ...c.safeguardingOfficeHours };
    expect(inOfficeHours(at('2026-03-07T17:59:00Z'), hours)).toBe(true); // Saturday
    expect(inOfficeHours(at('2026-03-03T12:00:00Z'), hours)).toBe(false); // Tuesday
    expect(loadConfig({})).toMatchObject({ safeguardingOfficeDays: ['mon', 'tue', 'wed', 'thu', 'fri'], safeguardingOfficeHours: { from: 540, to: 1020 }, safeguardingEscalateHours: 24 });
    expect(() => loadConfig({ SAFEGUARDING_OFFICE_HOURS: '17:00-09:00' })).toThrow(/SAFEGUARDING_OFFICE_HOURS/);
    expect(() => loadConfig({ SAFEGUARDING_OFFICE_HOURS: '9-5' })).toThrow(/SAFEGUARDING_OFFICE_HOURS/);
    expect(() => loadConfig({ SAFEGUARDING_OFFICE_DAYS: 'weekdays' })).toThrow(/SAFEGUARDING_OFFICE_DAYS/);
    expect(() => loadConfig({ SAFEGUARDING_ESCALATE_HOURS: '0' })).toThrow(/SAFEGUARDING_ESCALATE_HOURS/);
  });
});

describe('escalation', () => {
  const d = { createdAt: '2026-03-02T10:00:00.000Z', urgent: false, acknowledged: false };

  it('reaches level 1 exactly when the period is over, then one level per period', () => {
    expect(escalationLevelDue(d, at('2026-03-02T10:00:00Z'), 24)).toBe(0);
    expect(escalationLevelDue(d, at('2026-03-03T09:59:59.999Z'), 24)).toBe(0);
    expect(escalationLevelDue(d, at('2026-03-03T10:00:00Z'), 24)).toBe(1);
    expect(escalationLevelDue(d, at('2026-03-04T09:59:00Z'), 24)).toBe(1);
    expect(escalationLevelDue(d, at('2026-03-04T10:00:00Z'), 24)).toBe(2);
    expect(escalationLevelDue(d, at('2026-03-02T16:00:00Z'), 6)).toBe(1);
  });

  it('never escalates an acknowledged disclosure', () => {
    expect(escalationLevelDue({ ...d, acknowledged: true }, at('2026-03-09T10:00:00Z'), 24)).toBe(0);
  });

  it('tells the emergency duty team about an urgent, unacknowledged concern outside office hours only', () => {
    const urgent = { ...d, urgent: true };
    const email = 'edt@la.example';
    expect(edtDue(urgent, at('2026-03-02T12:00:00Z'), DEFAULT_OFFICE_HOURS, email)).toBe(false); // Monday noon
    expect(edtDue(urgent, at('2026-03-02T17:00:00Z'), DEFAULT_OFFICE_HOURS, email)).toBe(true); // office closes
    expect(edtDue(urgent, at('2026-03-07T12:00:00Z'), DEFAULT_OFFICE_HOURS, email)).toBe(true); // Saturday
    expect(edtDue(d, at('2026-03-07T12:00:00Z'), DEFAULT_OFFICE_HOURS, email)).toBe(false); // not urgent
    expect(edtDue({ ...urgent, acknowledged: true }, at('2026-03-07T12:00:00Z'), DEFAULT_OFFICE_HOURS, email)).toBe(false);
    expect(edtDue(urgent, at('2026-03-07T12:00:00Z'), DEFAULT_OFFICE_HOURS, null)).toBe(false); // no EDT email on file
  });

  it('runs the job once per five-minute slot', () => {
    expect(safeguardingDue(at('2026-03-05T10:00:00Z'))).toBe('safeguarding:2026-03-05T10:00');
    expect(safeguardingDue(at('2026-03-05T10:04:59Z'))).toBe('safeguarding:2026-03-05T10:00');
    expect(safeguardingDue(at('2026-03-05T10:05:00Z'))).toBe('safeguarding:2026-03-05T10:05');
    expect(safeguardingDue(at('2026-03-05T23:59:00Z'))).toBe('safeguarding:2026-03-05T23:55');
  });
});
