/**
 * The tracker's fields, once: their names in the form, their column headings in CSV and XLSX files, the
 * words staff read, and what each accepts. The import page documents the layout from this list.
 */
import type { SurveyId } from '../instruments/types.ts';
import { normaliseHeader } from './identifiers.ts';
import { BACKUP_PLANS, ENTRY_STATUSES, LABELS, PLACEMENT_TYPES, PLACES } from './tracker.ts';

export const FIELD_NAMES = [
  'reference',
  'ageBand',
  'team',
  'placementType',
  'worker',
  'trustedAdultName',
  'trustedAdultRole',
  'plannedOn',
  'place',
  'backupPlan',
  'backupNote',
  'status',
  'needsSupport',
  'paCatchUp',
  'paCatchUpOn',
  'additionalNeeds',
  'unaccompanied',
  'inCustody',
  'outOfArea',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** An entry as typed: every field a string (blank when not given). */
export type RawEntry = Record<FieldName, string>;

export interface Column {
  field: FieldName;
  /** The heading in files. */
  header: string;
  /** What staff read in forms and messages. */
  label: string;
  /** What the column accepts, for the import page. */
  accepts: string;
  required?: boolean;
  /** Only for one survey's waves. */
  survey?: SurveyId;
  /** Other headings accepted for the same column (normalised). */
  aliases?: readonly string[];
}

const codes = (list: readonly string[]) => `One of: ${list.join(', ')}.`;

export const COLUMNS: readonly Column[] = [
  { field: 'reference', header: 'reference', label: 'Reference', required: true, accepts: "The LA's own reference for the young person, e.g. their case-system id (with at least one digit). Never a name.", aliases: ['ref', 'case reference', 'case ref', 'case id', 'id'] },
  { field: 'ageBand', header: 'age_band', label: 'Age band', accepts: "One of this wave's age bands, as its range (for example 8-11) or its id (ylyc-8-11). Needed for someone new to the tracker.", aliases: ['age group', 'instrument'] },
  { field: 'team', header: 'team', label: 'Team', accepts: 'The team, up to 60 characters.', aliases: ['team name'] },
  { field: 'placementType', header: 'placement_type', label: 'Placement type', accepts: codes(PLACEMENT_TYPES), aliases: ['placement', 'living situation'] },
  { field: 'worker', header: 'social_worker_or_pa', label: 'Allocated social worker or personal adviser', accepts: 'A staff name or reference, up to 80 characters.', aliases: ['social worker', 'personal adviser', 'pa', 'allocated worker', 'worker'] },
  { field: 'trustedAdultName', header: 'trusted_adult_name', label: 'Trusted adult', accepts: "The trusted adult's name, up to 80 characters.", aliases: ['trusted adult'] },
  { field: 'trustedAdultRole', header: 'trusted_adult_role', label: "Trusted adult's role", accepts: 'For example teacher, independent reviewing officer, advocate; up to 60 characters.' },
  { field: 'plannedOn', header: 'planned_date', label: 'Planned date', accepts: 'A date: 2026-03-27 or 27/03/2026.', aliases: ['planned on', 'date planned'] },
  { field: 'place', header: 'place', label: 'Place', accepts: codes(PLACES) },
  { field: 'backupPlan', header: 'backup_plan', label: 'Back-up plan', accepts: codes(BACKUP_PLANS), aliases: ['back up plan'] },
  { field: 'backupNote', header: 'backup_description', label: 'Back-up plan description', accepts: 'A short description, up to 200 characters. No names or addresses of young people.', aliases: ['backup note', 'back up description'] },
  { field: 'status', header: 'status', label: 'Status', accepts: `${codes(ENTRY_STATUSES)} Blank: not_planned for someone new, unchanged for someone already on the tracker.` },
  { field: 'needsSupport', header: 'needs_support', label: 'Needs support to take part', survey: 'ylbc', accepts: 'yes or no (care leavers only).' },
  { field: 'paCatchUp', header: 'pa_catch_up', label: "PA's catch-up after the survey", survey: 'ylbc', accepts: 'yes or no (care leavers only).' },
  { field: 'paCatchUpOn', header: 'pa_catch_up_date', label: 'Date of the catch-up', survey: 'ylbc', accepts: 'A date (care leavers only).' },
  { field: 'additionalNeeds', header: 'additional_needs', label: LABELS.flag.additionalNeeds, accepts: 'yes or no (blank means no).' },
  { field: 'unaccompanied', header: 'unaccompanied_asylum_seeking', label: LABELS.flag.unaccompanied, accepts: 'yes or no (blank means no).', aliases: ['uasc'] },
  { field: 'inCustody', header: 'in_custody', label: LABELS.flag.inCustody, accepts: 'yes or no (blank means no).' },
  { field: 'outOfArea', header: 'placed_out_of_area', label: LABELS.flag.outOfArea, accepts: 'yes or no (blank means no).', aliases: ['out of area'] },
];

const byHeading = new Map<string, Column>();
for (const c of COLUMNS) for (const h of [c.header, c.label, ...(c.aliases ?? [])]) byHeading.set(normaliseHeader(h), c);

/** The column a file heading names ("Planned date", "planned_date" and "PLANNED-DATE" are one), or undefined. */
export const columnForHeading = (heading: string): Column | undefined => byHeading.get(normaliseHeader(heading));

/** The column of a field. */
export function columnOf(field: FieldName): Column {
  const c = COLUMNS.find((x) => x.field === field);
  if (!c) throw new Error(`no column for ${field}`);
  return c;
}

/** The columns that apply to a survey's waves, in file order. */
export const columnsFor = (survey: SurveyId): Column[] => COLUMNS.filter((c) => !c.survey || c.survey === survey);

/** A raw entry with every field blank. */
export function blankRaw(): RawEntry {
  return Object.fromEntries(FIELD_NAMES.map((f) => [f, ''])) as RawEntry;
}
