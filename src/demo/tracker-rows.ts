/**
 * A demo wave's participation tracker as spreadsheet rows (the import's own layout): one row per eligible
 * young person, with pseudonymous references such as "NB-10234", teams, placement types, social workers
 * or personal advisers, trusted adults, planned dates and places, and statuses spread the way a wave
 * five weeks into fieldwork looks, gaps included. Pure and seeded: the same stream gives the same rows.
 */
import type { InstrumentId, SurveyId } from '../instruments/index.ts';
import { addDays } from '../programme/planning/index.ts';

type Rng = () => number;
type Status = 'not_planned' | 'planned' | 'offered' | 'completed' | 'declined' | 'unable' | 'not_eligible';

/** The columns the rows fill, as the import names them. */
export const TRACKER_HEADINGS = [
  'reference', 'age_band', 'team', 'placement_type', 'social_worker_or_pa', 'trusted_adult_name', 'trusted_adult_role', 'planned_date',
  'place', 'backup_plan', 'backup_description', 'status', 'needs_support', 'pa_catch_up', 'pa_catch_up_date', 'additional_needs',
  'unaccompanied_asylum_seeking', 'in_custody', 'placed_out_of_area',
] as const;
export type TrackerRow = Record<(typeof TRACKER_HEADINGS)[number], string>;

/** What the rows are made for: the wave's survey, window and counts, and the demo's "today". */
export interface TrackerSpec {
  survey: SurveyId;
  opensOn: string;
  closesOn: string;
  today: string;
  eligible: Partial<Record<InstrumentId, number>>;
  responses: Partial<Record<InstrumentId, number>>;
  /** The LA's reference prefix, e.g. "NB". */
  prefix: string;
}

const TEAMS: Record<SurveyId, readonly string[]> = {
  ylyc: ['Children in care north', 'Children in care south', 'Children with disabilities', 'Residential and edge of care'],
  ylbc: ['Leaving care north', 'Leaving care south', '16 plus team'],
};
const PLACEMENTS: Record<SurveyId, ReadonlyArray<[string, number]>> = {
  ylyc: [['foster_care', 0.7], ['kinship_care', 0.12], ['residential', 0.11], ['other', 0.07]],
  ylbc: [['supported_accommodation', 0.3], ['living_independently', 0.35], ['staying_put', 0.15], ['residential', 0.05], ['other', 0.15]],
};
const TRUSTED_ROLES: Record<SurveyId, readonly string[]> = {
  ylyc: ['Teacher', 'Independent reviewing officer', 'Advocate', 'Participation worker', 'Virtual school officer', 'Residential key worker', 'Family support worker'],
  ylbc: ['Advocate', 'Participation worker', 'Mentor', 'Housing support worker', 'College tutor'],
};
// Fictional professionals; workers and trusted adults come from separate lists, so no one presents
// the survey to a young person they are the social worker or personal adviser of.
const WORKERS = ['Hannah Price', 'Gareth Lewis', 'Nadia Karim', 'Paul Dempsey', 'Laura Finch', 'Kwame Mensah', 'Rachel Ng', 'Simon Hart', 'Bethan Rees', 'Imran Qureshi', 'Claire Duffy', 'Joe Whitaker'];
const TRUSTED = ['Anita Desai', 'Mark Fenwick', 'Jo Aldridge', 'Ravi Patel', 'Fiona Grant', 'Chris Lowe', 'Helen Burke', 'Tariq Aziz', 'Megan Lloyd', 'Stuart Kerr', 'Yemi Bello', 'Kate Moran'];
const PLACES = ['school', 'home', 'office', 'contact_centre', 'school', 'home'];
const BACKUPS = ['another_date', 'another_trusted_adult', 'paper_copy', 'link_to_complete_alone'];

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
const chance = (rng: Rng, p: number): boolean => rng() < p;
const yes = (b: boolean): string => (b ? 'yes' : '');
const dayBetween = (rng: Rng, from: string, to: string): string => {
  const days = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return addDays(from, Math.floor(rng() * (days + 1)));
};

function weighted(rng: Rng, options: ReadonlyArray<[string, number]>): string {
  let r = rng();
  for (const [value, p] of options) if ((r -= p) < 0) return value;
  return options.at(-1)?.[0] ?? '';
}

/** The statuses of one age band, shuffled: completions a little behind responses (the tracker lags), and gaps. */
function statusesFor(rng: Rng, eligible: number, responses: number): Status[] {
  const completed = Math.min(eligible, Math.round(responses * (0.78 + rng() * 0.12)));
  const declined = Math.round(eligible * 0.04);
  const unable = Math.round(eligible * 0.025);
  const rest = Math.max(0, eligible - completed - declined - unable);
  const offered = Math.round(rest * 0.2);
  const planned = Math.round(rest * 0.38);
  const out: Status[] = [
    ...Array<Status>(completed).fill('completed'), ...Array<Status>(declined).fill('declined'), ...Array<Status>(unable).fill('unable'),
    ...Array<Status>(offered).fill('offered'), ...Array<Status>(planned).fill('planned'), ...Array<Status>(rest - offered - planned).fill('not_planned'),
    // A few more on the list than the eligible count: moved away or in the adoption process.
    ...Array<Status>(Math.max(1, Math.round(eligible * 0.015))).fill('not_eligible'),
  ];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as Status, out[i] as Status];
  }
  return out;
}

/** One young person's row for a status. */
function rowFor(rng: Rng, spec: TrackerSpec, band: InstrumentId, status: Status, reference: string): TrackerRow {
  const { survey, today } = spec;
  const yesterday = addDays(today, -1);
  const needsSupport = survey === 'ylbc' ? chance(rng, 0.3) : null;
  const active = status !== 'not_eligible' && status !== 'unable';
  // A trusted adult for every YLYC child with a plan; for care leavers only those who need support.
  const hasAdult = active && (survey === 'ylyc' || needsSupport === true) && (status !== 'not_planned' || chance(rng, 0.25));
  let planned = '';
  if (status === 'completed' || status === 'declined') planned = dayBetween(rng, spec.opensOn, yesterday);
  else if (status === 'offered') planned = dayBetween(rng, addDays(today, -10), addDays(today, 5));
  // Most plans are ahead; some dates have passed without the survey being done: the overdue gap.
  else if (status === 'planned') planned = chance(rng, 0.15) ? dayBetween(rng, addDays(today, -12), yesterday) : dayBetween(rng, today, spec.closesOn);
  const catchUp = survey === 'ylbc' && status === 'completed' ? weighted(rng, [['yes', 0.6], ['no', 0.15], ['', 0.25]]) : '';
  const backup = planned !== '' && status !== 'completed' && chance(rng, 0.45) ? pick(rng, BACKUPS) : '';
  // The PA's catch-up a few days after the survey, and never after yesterday.
  const catchUpOn = catchUp === 'yes' && planned !== '' ? addDays(planned, 1 + Math.floor(rng() * 6)) : '';
  return {
    reference,
    age_band: band,
    team: chance(rng, 0.04) ? '' : pick(rng, TEAMS[survey]),
    placement_type: chance(rng, 0.05) ? '' : weighted(rng, PLACEMENTS[survey]),
    social_worker_or_pa: chance(rng, 0.03) ? '' : pick(rng, WORKERS),
    trusted_adult_name: hasAdult ? pick(rng, TRUSTED) : '',
    trusted_adult_role: hasAdult ? pick(rng, TRUSTED_ROLES[survey]) : '',
    planned_date: planned,
    place: planned !== '' && (survey === 'ylyc' || needsSupport) ? pick(rng, PLACES) : '',
    backup_plan: backup,
    backup_description: backup === 'another_date' ? 'Rearrange within the same week' : '',
    status,
    needs_support: needsSupport === null ? '' : needsSupport ? 'yes' : 'no',
    pa_catch_up: catchUp,
    pa_catch_up_date: catchUpOn === '' || catchUpOn < today ? catchUpOn : yesterday,
    additional_needs: yes(chance(rng, 0.15)),
    unaccompanied_asylum_seeking: yes(chance(rng, survey === 'ylbc' ? 0.1 : 0.04)),
    in_custody: yes(chance(rng, 0.01)),
    placed_out_of_area: yes(chance(rng, 0.2)),
  };
}

/** Every row of a wave's tracker, age band by age band. References are unique within the wave. */
export function trackerRows(rng: Rng, spec: TrackerSpec): TrackerRow[] {
  const rows: TrackerRow[] = [];
  let next = spec.survey === 'ylyc' ? 10_000 : 60_000;
  for (const [band, eligible] of Object.entries(spec.eligible) as Array<[InstrumentId, number]>) {
    for (const status of statusesFor(rng, eligible, spec.responses[band] ?? 0)) {
      // Gaps of 1 to 4 between case numbers, as in a case system shared with other services.
      next += 1 + Math.floor(rng() * 4);
      rows.push(rowFor(rng, spec, band, status, `${spec.prefix}-${next}`));
    }
  }
  return rows;
}

/** Rows as CSV text with the heading row (no value the demo makes holds a comma or a quote). */
export const toCsv = (rows: readonly TrackerRow[]): string => [TRACKER_HEADINGS.join(','), ...rows.map((r) => TRACKER_HEADINGS.map((h) => r[h]).join(','))].join('\n');
