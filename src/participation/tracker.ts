/**
 * The participation tracker ("a plan for each young person"), as pure data: the LA's own list of eligible
 * young people for a wave, identified only by the LA's case reference. Nothing here names a young person.
 */
import type { InstrumentId } from '../instruments/types.ts';

export const ENTRY_STATUSES = ['not_planned', 'planned', 'offered', 'completed', 'declined', 'unable', 'not_eligible'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const PLACES = ['school', 'home', 'office', 'contact_centre', 'other'] as const;
export type Place = (typeof PLACES)[number];

export const BACKUP_PLANS = ['another_date', 'another_trusted_adult', 'paper_copy', 'link_to_complete_alone', 'other'] as const;
export type BackupPlan = (typeof BACKUP_PLANS)[number];

export const PLACEMENT_TYPES = ['foster_care', 'kinship_care', 'residential', 'supported_accommodation', 'staying_put', 'living_independently', 'other'] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

/** The optional, non-identifying flags that show how the less often heard groups are doing. */
export const FLAGS = ['additionalNeeds', 'unaccompanied', 'inCustody', 'outOfArea'] as const;
export type Flag = (typeof FLAGS)[number];

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

/** Words staff read, by code (the templates and the export use the same ones). */
export const LABELS = {
  status: {
    not_planned: 'Not yet planned',
    planned: 'Planned',
    offered: 'Offered',
    completed: 'Completed',
    declined: 'Declined',
    unable: 'Unable to take part',
    not_eligible: 'Not eligible',
  } satisfies Record<EntryStatus, string>,
  place: { school: 'School', home: 'Home', office: 'Office', contact_centre: 'Contact centre', other: 'Other' } satisfies Record<Place, string>,
  backupPlan: {
    another_date: 'Another date with the same trusted adult',
    another_trusted_adult: 'Another trusted adult',
    paper_copy: 'A paper copy',
    link_to_complete_alone: 'The link, to answer alone',
    other: 'Something else',
  } satisfies Record<BackupPlan, string>,
  placementType: {
    foster_care: 'Foster care',
    kinship_care: 'Kinship (family and friends) care',
    residential: "Residential or children's home",
    supported_accommodation: 'Supported accommodation',
    staying_put: 'Staying put',
    living_independently: 'Living independently',
    other: 'Somewhere else',
  } satisfies Record<PlacementType, string>,
  flag: {
    additionalNeeds: 'Additional needs',
    unaccompanied: 'Unaccompanied asylum-seeking',
    inCustody: 'In custody',
    outOfArea: 'Placed out of area',
  } satisfies Record<Flag, string>,
  ageBand: {
    'ylyc-4-7': '4 to 7',
    'ylyc-8-11': '8 to 11',
    'ylyc-11-17': '11 to 17',
    'ylbc-16-25': '16 to 25 (care leavers)',
    'ylyc-8-11-er': '8 to 11 (easy read)',
  } satisfies Record<InstrumentId, string>,
} as const;

/** One young person on a wave's tracker. Dates are ISO days; there is no timestamp finer than a day. */
export interface TrackerEntry {
  id: string;
  waveId: string;
  /** The LA's own reference, e.g. its case-system id: never a name. */
  reference: string;
  ageBand: InstrumentId;
  team: string | null;
  placementType: PlacementType | null;
  /** The allocated social worker (YLYC) or personal adviser (YLBC): a staff name or reference. */
  worker: string | null;
  trustedAdultName: string | null;
  trustedAdultRole: string | null;
  plannedOn: string | null;
  place: Place | null;
  backupPlan: BackupPlan | null;
  backupNote: string | null;
  status: EntryStatus;
  /** YLBC: whether the young person needs support to answer (then a trusted adult who is not their PA). */
  needsSupport: boolean | null;
  /** YLBC: whether the PA's catch-up after the survey happened, and when. */
  paCatchUp: YesNo | null;
  paCatchUpOn: string | null;
  flags: Record<Flag, boolean>;
  createdOn: string;
  updatedOn: string;
}

/** What a person or an import supplies for an entry (everything but ids and days). */
export type EntryFields = Omit<TrackerEntry, 'id' | 'waveId' | 'createdOn' | 'updatedOn'>;

/** Statuses that close an entry: nothing more to plan or chase. */
export const CLOSED_STATUSES: readonly EntryStatus[] = ['completed', 'declined', 'unable', 'not_eligible'];

/** Whether the entry still counts towards the eligible cohort (the response-rate denominator). */
export const isEligible = (e: Pick<TrackerEntry, 'status'>): boolean => e.status !== 'not_eligible';

/** Counts of entries by status, every status present. */
export type StatusCounts = Record<EntryStatus, number>;

/** Zero counts for every status. */
export function emptyCounts(): StatusCounts {
  return Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Whether a value is one of a list of codes (a type guard for codes read from the database or a form). */
export function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}
