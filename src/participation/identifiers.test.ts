import { describe, expect, it } from 'vitest';
import { findIdentifier, identifyingHeader, isNhsNumber } from './identifiers.ts';

describe('identifying column headings', () => {
  it.each([
    ['Name', 'personal_name'],
    ['First name', 'personal_name'],
    ['first_name', 'personal_name'],
    ['Surname', 'personal_name'],
    ['Forename(s)', 'personal_name'],
    ['Child name', 'personal_name'],
    ['DOB', 'date_of_birth'],
    ['D.O.B.', 'date_of_birth'],
    ['Date of birth', 'date_of_birth'],
    ['date-of-birth', 'date_of_birth'],
    ['Birthday', 'date_of_birth'],
    ['Address line 1', 'address'],
    ['Postcode', 'address'],
    ['Post Code', 'address'],
    ['Street', 'address'],
    ['NHS number', 'nhs_number'],
    ['NHS No', 'nhs_number'],
    ['UPN', 'upn'],
    ['Unique pupil number', 'upn'],
    ['Mobile', 'phone'],
    ['Telephone', 'phone'],
    ['Email', 'email'],
    ['e-mail', 'email'],
    ['NI number', 'national_insurance'],
  ])('%s is refused as %s', (h, kind) => {
    expect(identifyingHeader(h)).toBe(kind);
  });

  it.each(['reference', 'age_band', 'Team', 'planned_date', 'status', 'place', 'backup_plan'])('%s is not identifying', (h) => {
    expect(identifyingHeader(h)).toBeNull();
  });
});

describe('identifying values', () => {
  it.each([
    ['12/03/2014', 'date_of_birth'],
    ['2014-03-12', 'date_of_birth'],
    ['12.3.14', 'date_of_birth'],
    ['born 12 March 2014', 'date_of_birth'],
    ['12th Mar 2014', 'date_of_birth'],
    ['March 12, 2014', 'date_of_birth'],
    ['SW1A 1AA', 'postcode'],
    ['ls6 2ab', 'postcode'],
    ['M1 1AE', 'postcode'],
    ['EC1A1BB', 'postcode'],
    ['12 High Street', 'address'],
    ['Lives at 4a Mill Lane', 'address'],
    ['221b Baker St', 'address'],
    ['Flat 3', 'address'],
    ['07700 900123', 'phone'],
    ['+44 7700 900123', 'phone'],
    ['0113 496 0000', 'phone'],
    ['(020) 7946 0000', 'phone'],
    ['jamie@example.com', 'email'],
    ['943 476 5919', 'nhs_number'],
    ['9434765919', 'nhs_number'],
    ['A123456789012', 'upn'],
    ['AB 12 34 56 C', 'national_insurance'],
  ])('%s is %s', (v, kind) => {
    expect(findIdentifier(v, 'text')).toBe(kind);
    // Staff fields refuse them too: a staff name or reference holds no contact or birth details.
    expect(findIdentifier(v, 'staff')).toBe(kind);
  });

  it('finds a young person\'s name in short text, but allows staff names where staff are recorded', () => {
    expect(findIdentifier('Jamie Smith', 'text')).toBe('personal_name');
    expect(findIdentifier("Ask Jamie's carer", 'text')).toBe('personal_name');
    expect(findIdentifier('Jamie Smith', 'staff')).toBeNull();
    expect(findIdentifier('Ms Priya Patel', 'staff')).toBeNull();
  });

  it('refuses references that look like names: a reference carries a digit', () => {
    expect(findIdentifier('Jamie Smith', 'reference')).toBe('personal_name');
    expect(findIdentifier('jamie', 'reference')).toBe('personal_name');
    expect(findIdentifier('Jamie Smith 2', 'reference')).toBe('personal_name');
    for (const ok of ['123456', 'CS-1042', 'LCS0091234', 'ab12-77', 'Ref 88']) expect(findIdentifier(ok, 'reference'), ok).toBeNull();
  });

  it('leaves ordinary tracker text alone', () => {
    for (const ok of ['Leaving Care Team (North)', 'Children in Care Team 2', 'Independent reviewing officer', 'Year 6 teacher', 'will visit after school', 'Advocate from the children in care council', 'Paper copy via the virtual school', '']) {
      expect(findIdentifier(ok, 'text'), ok).toBeNull();
    }
  });

  it('reads a date close to today as an appointment, not a date of birth', () => {
    expect(findIdentifier('Rearrange for 14/03/2026', 'text', '2026-03-02')).toBeNull();
    expect(findIdentifier('Rearrange for 14/03/26', 'text', '2026-03-02')).toBeNull();
    expect(findIdentifier('DOB 14/03/2012', 'text', '2026-03-02')).toBe('date_of_birth');
  });

  it('checks NHS numbers by their check digit', () => {
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('9434765918')).toBe(false);
    expect(findIdentifier('9434765918', 'reference')).toBeNull();
  });
});
