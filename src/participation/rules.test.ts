import { describe, expect, it } from 'vitest';
import { sameName, trustedAdultProblems } from './rules.ts';

const entry = (o: { worker?: string; name?: string; role?: string; needsSupport?: boolean | null }) => ({
  worker: o.worker ?? null,
  trustedAdultName: o.name ?? null,
  trustedAdultRole: o.role ?? null,
  needsSupport: o.needsSupport ?? null,
});

describe('the trusted adult rules', () => {
  it('YLYC: the trusted adult may not be the allocated social worker, however the name is written', () => {
    expect(trustedAdultProblems('ylyc', entry({ worker: 'Sam Jones', name: 'Sam Jones' }))).toEqual([{ field: 'trustedAdultName', code: 'ylyc_own_social_worker' }]);
    expect(trustedAdultProblems('ylyc', entry({ worker: 'Ms Sam Jones', name: 'sam  jones' }))).toHaveLength(1);
    expect(trustedAdultProblems('ylyc', entry({ worker: 'S Jones', name: 'Sam Jones' }))).toHaveLength(1);
    expect(trustedAdultProblems('ylyc', entry({ name: 'Alex Brown', role: 'Their allocated social worker' }))).toEqual([{ field: 'trustedAdultRole', code: 'ylyc_own_social_worker' }]);
  });

  it('YLYC: the trusted adult may not be the foster carer', () => {
    for (const role of ['Foster carer', 'foster mum', 'Kinship carer', 'Connected persons carer', 'carer', 'Special guardian']) {
      expect(trustedAdultProblems('ylyc', entry({ name: 'Alex Brown', role })), role).toEqual([{ field: 'trustedAdultRole', code: 'ylyc_foster_carer' }]);
    }
  });

  it('YLYC: another social worker, a teacher or an IRO is fine', () => {
    expect(trustedAdultProblems('ylyc', entry({ worker: 'Sam Jones', name: 'Alex Brown', role: 'Social worker (duty team)' }))).toEqual([]);
    expect(trustedAdultProblems('ylyc', entry({ worker: 'Sam Jones', name: 'Sara Jones', role: 'Designated teacher' }))).toEqual([]);
    expect(trustedAdultProblems('ylyc', entry({ worker: 'Sam Jones', name: 'Kim Lee', role: 'Independent reviewing officer' }))).toEqual([]);
    expect(trustedAdultProblems('ylyc', entry({ worker: 'Sam Jones' }))).toEqual([]);
  });

  it('YLBC: a care leaver who needs support gets a trusted adult who is not their own PA', () => {
    expect(trustedAdultProblems('ylbc', entry({ worker: 'Dee Khan', name: 'Dee Khan', needsSupport: true }))).toEqual([{ field: 'trustedAdultName', code: 'ylbc_own_pa' }]);
    expect(trustedAdultProblems('ylbc', entry({ worker: 'Dee Khan', name: 'Kim Lee', role: 'Their PA', needsSupport: true }))).toEqual([{ field: 'trustedAdultRole', code: 'ylbc_own_pa' }]);
    expect(trustedAdultProblems('ylbc', entry({ worker: 'Dee Khan', name: 'Kim Lee', role: 'Personal adviser (another team)', needsSupport: true }))).toEqual([]);
    // Those who answer alone are contacted by their PA: no rule applies.
    expect(trustedAdultProblems('ylbc', entry({ worker: 'Dee Khan', name: 'Dee Khan', needsSupport: false }))).toEqual([]);
    // Foster carers are a YLYC rule only (a care leaver may be staying put with them).
    expect(trustedAdultProblems('ylbc', entry({ name: 'Kim Lee', role: 'Former foster carer', needsSupport: true }))).toEqual([]);
  });

  it('compares names, not substrings', () => {
    expect(sameName('Sam Jones', 'Sam Jones-Smith')).toBe(false);
    expect(sameName('Sam Jones', 'Samantha Jones')).toBe(false);
    expect(sameName('Dr S. Jones', 's jones')).toBe(true);
    expect(sameName(null, 'Sam Jones')).toBe(false);
  });
});
