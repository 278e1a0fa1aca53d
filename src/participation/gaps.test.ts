import { describe, expect, it } from 'vitest';
import { gapsOf } from './gaps.ts';
import type { TrackerEntry } from './tracker.ts';

let n = 0;
function entry(o: Partial<TrackerEntry>): TrackerEntry {
  n++;
  return {
    id: `e${n}`, waveId: 'w', reference: `CS-${n}`, ageBand: 'ylyc-8-11', team: 'North', placementType: null, worker: null, trustedAdultName: null,
    trustedAdultRole: null, plannedOn: null, place: null, backupPlan: null, backupNote: null, status: 'not_planned', needsSupport: null, paCatchUp: null,
    paCatchUpOn: null, flags: { additionalNeeds: false, unaccompanied: false, inCustody: false, outOfArea: false }, createdOn: '2026-03-01', updatedOn: '2026-03-01',
    ...o,
  };
}

describe('the gaps', () => {
  const entries = [
    entry({ reference: 'CS-10', status: 'not_planned' }),
    entry({ reference: 'CS-2', status: 'planned', plannedOn: '2026-03-01' }),
    entry({ status: 'planned', plannedOn: '2026-03-20' }),
    entry({ status: 'offered', plannedOn: null, team: 'South' }),
    entry({ status: 'completed', plannedOn: '2026-02-27', team: 'South', ageBand: 'ylyc-11-17', flags: { additionalNeeds: true, unaccompanied: false, inCustody: false, outOfArea: false } }),
    entry({ status: 'completed', team: 'South', ageBand: 'ylyc-11-17' }),
    entry({ status: 'not_eligible', team: 'South' }),
    entry({ status: 'declined', plannedOn: '2026-02-01', flags: { additionalNeeds: true, unaccompanied: false, inCustody: false, outOfArea: false } }),
  ];
  const g = gapsOf(entries, { today: '2026-03-02', targetRate: 0.3, survey: 'ylyc' });

  it('lists who has no plan yet and whose planned date passed without completion', () => {
    expect(g.noPlan.map((e) => e.reference)).toEqual(['CS-4', 'CS-10']);
    expect(g.overdue.map((e) => e.reference)).toEqual(['CS-2']);
  });

  it('shows which teams and age bands are behind the target, leaving the not eligible out', () => {
    expect(g.overall).toMatchObject({ eligible: 7, completed: 2 });
    expect(g.byTeam.map((t) => [t.label, t.eligible, t.completed, t.behind])).toEqual([
      ['North', 4, 0, true],
      ['South', 3, 2, false],
    ]);
    expect(g.byAgeBand.map((b) => [b.key, b.completed, b.eligible])).toEqual([
      ['ylyc-8-11', 0, 5],
      ['ylyc-11-17', 2, 2],
    ]);
    expect(g.byFlag.find((f) => f.key === 'additionalNeeds')).toMatchObject({ eligible: 2, completed: 1, rate: 0.5, behind: false });
    expect(g.byFlag.find((f) => f.key === 'inCustody')).toMatchObject({ eligible: 0, rate: null, behind: false });
    expect(g.catchUp).toBeNull();
  });

  it('for care leavers, shows whether the PA caught up after the survey', () => {
    const leavers = [entry({ status: 'completed', paCatchUp: 'yes' }), entry({ status: 'completed', paCatchUp: 'no' }), entry({ status: 'completed' }), entry({ status: 'planned' })];
    const c = gapsOf(leavers, { today: '2026-03-02', targetRate: 0.3, survey: 'ylbc' }).catchUp;
    expect(c).toMatchObject({ completed: 3, yes: 1, no: 1, notRecorded: 1 });
    expect(c?.missing).toHaveLength(2);
  });
});
