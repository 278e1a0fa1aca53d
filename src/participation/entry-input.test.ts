import { describe, expect, it } from 'vitest';
import { blankRaw, type RawEntry } from './columns.ts';
import { checkEntry, parseDay, type EntryContext } from './entry-input.ts';

const ylyc: EntryContext = { survey: 'ylyc', instruments: ['ylyc-4-7', 'ylyc-8-11', 'ylyc-11-17'], opensOn: '2026-03-01', closesOn: '2026-04-30', today: '2026-03-02' };
const ylbc: EntryContext = { ...ylyc, survey: 'ylbc', instruments: ['ylbc-16-25'] };
const raw = (o: Partial<RawEntry>): RawEntry => ({ ...blankRaw(), reference: 'CS-1042', ageBand: 'ylyc-8-11', ...o });
const problems = (o: Partial<RawEntry>, ctx = ylyc) => {
  const r = checkEntry(raw(o), ctx);
  return r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message}`);
};

describe('checking an entry', () => {
  it('accepts a full plan and reads choices given as codes or words', () => {
    const r = checkEntry(
      raw({ ageBand: '8 to 11', team: 'North', placementType: 'Foster care', worker: 'Sam Jones', trustedAdultName: 'Kim Lee', trustedAdultRole: 'Teacher', plannedOn: '27/03/2026', place: 'Contact centre', backupPlan: 'paper_copy', backupNote: 'Post a paper copy', status: 'Planned', additionalNeeds: 'yes' }),
      ylyc,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fields).toMatchObject({ ageBand: 'ylyc-8-11', placementType: 'foster_care', place: 'contact_centre', plannedOn: '2026-03-27', status: 'planned', flags: { additionalNeeds: true, unaccompanied: false } });
  });

  it('needs a reference and an age band of the wave', () => {
    expect(problems({ reference: '', ageBand: '' })).toEqual(['reference: enter the reference', 'ageBand: choose the age band']);
    expect(problems({ ageBand: 'ylbc-16-25' })[0]).toMatch(/^ageBand: must be one of this wave's age bands/);
    expect(problems({ ageBand: '7' })[0]).toMatch(/^ageBand/);
  });

  it('refuses names, dates of birth and addresses of young people in every short text field', () => {
    expect(problems({ reference: 'Jamie Smith' })[0]).toMatch(/^reference: looks like a name/);
    expect(problems({ team: '12 High Street' })[0]).toMatch(/^team: looks like an address/);
    expect(problems({ backupNote: 'Meet at LS6 2AB' })[0]).toMatch(/^backupNote: looks like a postcode/);
    expect(problems({ backupNote: "Ask Jamie's foster carer" })[0]).toMatch(/^backupNote: looks like a person's name/);
    expect(problems({ trustedAdultRole: 'DOB 01/02/2012' })[0]).toMatch(/^trustedAdultRole: looks like a date of birth/);
    expect(problems({ worker: 'sam.jones@council.example' })[0]).toMatch(/^worker: looks like an email address/);
    // Staff are professionals: their names are allowed where staff are recorded.
    expect(problems({ worker: 'Sam Jones', trustedAdultName: 'Kim Lee' })).toEqual([]);
  });

  it('refuses a planned date far from the fieldwork: it may be a date of birth', () => {
    expect(problems({ plannedOn: '12/03/2014' })[0]).toMatch(/^plannedOn: is far from this wave's fieldwork/);
    expect(problems({ plannedOn: '31/02/2026' })[0]).toMatch(/^plannedOn: not a date/);
    expect(problems({ plannedOn: 'next week' })[0]).toMatch(/^plannedOn: not a date/);
  });

  it('applies the trusted adult rules with a clear message', () => {
    expect(problems({ worker: 'Sam Jones', trustedAdultName: 'Sam Jones' })[0]).toMatch(/^trustedAdultName: The trusted adult must not be the young person's own social worker/);
    expect(problems({ trustedAdultName: 'Kim Lee', trustedAdultRole: 'Foster carer' })[0]).toMatch(/^trustedAdultRole: The trusted adult must not be the young person's foster carer/);
    expect(problems({ ageBand: 'ylbc-16-25', worker: 'Dee Khan', trustedAdultName: 'Dee Khan', needsSupport: 'yes' }, ylbc)[0]).toMatch(/^trustedAdultName: A care leaver who needs support/);
  });

  it('keeps care leavers\' fields to YLBC waves', () => {
    expect(problems({ paCatchUp: 'yes' })).toEqual(['paCatchUp: is only for care leavers (Your Life Beyond Care)']);
    const r = checkEntry(raw({ ageBand: '16-25', needsSupport: 'no', paCatchUp: 'yes', paCatchUpOn: '2026-05-02', status: 'completed' }), ylbc);
    expect(r.ok && r.fields).toMatchObject({ needsSupport: false, paCatchUp: 'yes', paCatchUpOn: '2026-05-02' });
  });

  it('reads dates in ISO and UK forms only when they exist', () => {
    expect(parseDay('2026-3-7')).toBe('2026-03-07');
    expect(parseDay('7/3/2026')).toBe('2026-03-07');
    expect(parseDay('29/02/2025')).toBeUndefined();
    expect(parseDay('03/07/26')).toBeUndefined();
  });
});
