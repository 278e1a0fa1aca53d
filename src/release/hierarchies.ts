/**
 * Generalisation hierarchies for the quasi-identifiers of an anonymised release: for each, the levels
 * from the answer as given to "withheld", and what every value becomes at each level, with plain
 * labels for the codebook. Pure data and functions.
 */
import { DECLINED, EET_IN, ETHNICITY_GROUP_OF } from '../instruments/index.ts';

/** The value every answer takes at a hierarchy's top level. */
export const WITHHELD = '*';

export interface Hierarchy {
  /** Names of the levels, from the answer as given (0) to withheld (the last). */
  readonly levels: readonly string[];
  /** The value at a level. Not answered ('') and "I don't want to say" stay as they are below the top. */
  generalise(value: string, level: number): string;
  /** Labels of the generalised values a level introduces (empty at level 0: the scale's own labels apply). */
  labels(level: number): ReadonlyArray<{ code: string; label: string }>;
}

interface Step {
  name: string;
  /** Value at this level from the answer as given; undefined keeps it. */
  map: (value: string) => string | undefined;
  labels: Record<string, string>;
}

const AS_GIVEN = 'as answered';
const WITHHELD_LEVEL = 'withheld';
export const WITHHELD_LABEL = 'Withheld to protect anonymity';

function hierarchy(steps: readonly Step[]): Hierarchy {
  const top = steps.length + 1;
  return {
    levels: [AS_GIVEN, ...steps.map((s) => s.name), WITHHELD_LEVEL],
    generalise(value, level) {
      if (level <= 0) return value;
      if (level >= top) return WITHHELD;
      if (value === '' || value === DECLINED) return value;
      const step = steps[level - 1];
      return step?.map(value) ?? value;
    },
    labels(level) {
      if (level <= 0) return [];
      if (level >= top) return [{ code: WITHHELD, label: WITHHELD_LABEL }];
      return Object.entries(steps[level - 1]?.labels ?? {}).map(([code, label]) => ({ code, label }));
    },
  };
}

/** A grouping of codes under new codes, as one level. */
function grouping(name: string, groups: Record<string, { label: string; codes: readonly string[] }>): Step {
  const of = new Map<string, string>();
  for (const [code, g] of Object.entries(groups)) for (const c of g.codes) of.set(c, code);
  return { name, map: (v) => of.get(v), labels: Object.fromEntries(Object.entries(groups).map(([c, g]) => [c, g.label])) };
}

/** Whole ages in bands of a given width from a starting age: '12' -> '12-13'. */
function ageBands(name: string, bands: ReadonlyArray<readonly [number, number]>): Step {
  const labels: Record<string, string> = {};
  for (const [from, to] of bands) labels[`${from}-${to}`] = `Aged ${from} to ${to}`;
  return {
    name,
    map: (v) => {
      const age = Number(v);
      if (!/^\d+$/.test(v)) return undefined;
      const band = bands.find(([from, to]) => age >= from && age <= to);
      return band ? `${band[0]}-${band[1]}` : undefined;
    },
    labels,
  };
}

const pairs = (from: number, to: number, width: number): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  for (let a = from; a <= to; a += width) out.push([a, Math.min(a + width - 1, to)]);
  return out;
};

const ETHNIC_GROUP_LABELS: Record<string, string> = {
  white: 'White (any White background)',
  mixed: 'Mixed or multiple ethnic groups',
  asian: 'Asian or Asian British',
  black: 'Black, Black British, Caribbean or African',
  other: 'Another ethnic group',
};

const groupsOfEthnicity = Object.fromEntries(
  Object.entries(ETHNIC_GROUP_LABELS).map(([group, label]) => [group, { label, codes: Object.entries(ETHNICITY_GROUP_OF).filter(([, g]) => g === group).map(([c]) => c) }]),
);

const EET_OUT = ['looking_for_work', 'caring', 'unable_to_work', 'something_else'];

/** Hierarchies by the scale id of a demographic question; any other scale gets the two-level fallback. */
const byScale: Record<string, Hierarchy> = {
  gender_child: hierarchy([]),
  gender_adult: hierarchy([]),
  ethnicity: hierarchy([grouping('broad ethnic group', groupsOfEthnicity)]),
  placement_type: hierarchy([
    grouping('family or other setting', {
      family_setting: { label: 'Foster or kinship care', codes: ['foster_care', 'kinship_care'] },
      other_setting: { label: "Children's home or somewhere else", codes: ['residential', 'somewhere_else'] },
    }),
  ]),
  time_in_care: hierarchy([
    grouping('under or over a year', {
      under_one_year: { label: 'Less than a year', codes: ['under_one_year'] },
      one_year_or_more: { label: 'A year or more', codes: ['one_to_three_years', 'three_years_or_more'] },
      dont_know: { label: "Don't know", codes: ['dont_know'] },
    }),
  ]),
  time_since_care: hierarchy([
    grouping('under or over three years', {
      under_three_years: { label: 'Less than three years', codes: ['under_one_year', 'one_to_two_years'] },
      three_years_or_more: { label: 'Three years or more', codes: ['three_to_five_years', 'more_than_five_years'] },
      dont_know: { label: "Don't know", codes: ['dont_know'] },
    }),
  ]),
  living_situation: hierarchy([
    grouping('kind of home', {
      independent: { label: 'Own home, student housing, or with a partner or friends', codes: ['own_home', 'student_accommodation', 'with_partner_or_friends'] },
      family_or_carers: { label: 'With family or former carers (staying put)', codes: ['with_family', 'staying_put'] },
      supported_or_other: { label: 'Supported, temporary or somewhere else', codes: ['supported_accommodation', 'temporary', 'somewhere_else'] },
    }),
  ]),
  eet: hierarchy([
    grouping('in education, employment or training or not', {
      in_eet: { label: 'In education, employment or training', codes: EET_IN },
      not_in_eet: { label: 'Not in education, employment or training', codes: EET_OUT },
    }),
  ]),
};

/** Ages: as answered, two-year bands, four- to six-year bands, withheld (the questionnaire still tells the age group). */
const AGE = hierarchy([
  ageBands('two-year band', pairs(4, 25, 2)),
  ageBands('wide band', [
    [4, 7],
    [8, 11],
    [12, 15],
    [16, 19],
    [20, 25],
  ]),
]);

const FALLBACK = hierarchy([]);

/** The hierarchy of a demographic question, by its scale. */
export function hierarchyOfScale(scaleId: string): Hierarchy {
  if (scaleId.startsWith('age_')) return AGE;
  return byScale[scaleId] ?? FALLBACK;
}

const quarterOf = (month: string): string => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** Completion month (YYYY-MM): quarter, year, withheld. The exact date and time are never released. */
export const MONTH: Hierarchy = {
  levels: ['month', 'quarter', 'year', WITHHELD_LEVEL],
  generalise(value, level) {
    if (level <= 0) return value;
    if (level === 1) return quarterOf(value);
    if (level === 2) return value.slice(0, 4);
    return WITHHELD;
  },
  labels(level) {
    if (level === 1) return [{ code: 'YYYY-Qn', label: 'Quarter of the year the survey was completed' }];
    if (level === 2) return [{ code: 'YYYY', label: 'Year the survey was completed' }];
    if (level >= 3) return [{ code: WITHHELD, label: WITHHELD_LABEL }];
    return [{ code: 'YYYY-MM', label: 'Month the survey was completed' }];
  },
};
