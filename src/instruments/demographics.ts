/**
 * Demographic scales. Codes are the same in every instrument (only the wording of labels may differ by
 * age group) so breakdowns and safeguarding disclosures read the same across surveys.
 */
import type { ChoiceScale, ScaleOption } from './types.ts';
import { choiceScale } from './scale-builders.ts';

/** Ages from min to max inclusive; codes are the ages as text ('4', '5', ...), labels `opt.age.<n>`. */
export function ageScale(min: number, max: number): ChoiceScale {
  const options: ScaleOption[] = [];
  for (let age = min; age <= max; age++) options.push({ code: String(age), label: `opt.age.${age}` });
  return { kind: 'choice', id: `age_${min}_${max}`, options, layout: 'list' };
}

const genderCodes = ['female', 'male', 'another_way'] as const;

/** Gender with children's words (girl / boy / another way); same codes as GENDER_ADULT. */
export const GENDER_CHILD: ChoiceScale = choiceScale('gender_child', genderCodes);

/** Gender with adults' words (woman / man / another way), for care leavers. */
export const GENDER_ADULT: ChoiceScale = choiceScale('gender_adult', genderCodes);

/** ONS harmonised ethnic groups (England, 2021 standard): the five high-level groups. */
export type EthnicGroup = 'white' | 'mixed' | 'asian' | 'black' | 'other';

/**
 * The 19 detailed ONS harmonised categories (England), each with its high-level group. Reports
 * break down by group only: detailed categories would make small groups identifiable.
 */
export const ETHNICITY_GROUP_OF: Readonly<Record<string, EthnicGroup>> = {
  white_british: 'white',
  white_irish: 'white',
  white_gypsy_irish_traveller: 'white',
  white_roma: 'white',
  white_other: 'white',
  mixed_white_black_caribbean: 'mixed',
  mixed_white_black_african: 'mixed',
  mixed_white_asian: 'mixed',
  mixed_other: 'mixed',
  asian_indian: 'asian',
  asian_pakistani: 'asian',
  asian_bangladeshi: 'asian',
  asian_chinese: 'asian',
  asian_other: 'asian',
  black_african: 'black',
  black_caribbean: 'black',
  black_other: 'black',
  other_arab: 'other',
  other_any: 'other',
};

/** Self-reported (or adult-reported, 4-7) ethnicity on the ONS harmonised categories. */
export const ETHNICITY: ChoiceScale = choiceScale('ethnicity', Object.keys(ETHNICITY_GROUP_OF));

/**
 * DfE SSDA903 ethnicity codes (as LA cohort files arrive) to ONS high-level groups. Mapped to groups,
 * not categories: 903 and ONS split White Gypsy, Traveller and Roma differently. REFU and NOBT
 * (refused, not obtained) map to nothing.
 */
export const SSDA903_ETHNIC_GROUP: Readonly<Record<string, EthnicGroup | undefined>> = {
  WBRI: 'white',
  WIRI: 'white',
  WIRT: 'white',
  WOTH: 'white',
  WROM: 'white',
  MWBC: 'mixed',
  MWBA: 'mixed',
  MWAS: 'mixed',
  MOTH: 'mixed',
  AIND: 'asian',
  APKN: 'asian',
  ABAN: 'asian',
  AOTH: 'asian',
  CHNE: 'asian',
  BCRB: 'black',
  BAFR: 'black',
  BOTH: 'black',
  OOTH: 'other',
  REFU: undefined,
  NOBT: undefined,
};

/** Where a child in care lives (the four placement types the programme reports). */
export const PLACEMENT_TYPE: ChoiceScale = choiceScale('placement_type', [
  'foster_care',
  'kinship_care',
  'residential',
  'somewhere_else',
]);

/** How long a child has been in care; children may not know, so "don't know" is an answer here. */
export const TIME_IN_CARE: ChoiceScale = choiceScale('time_in_care', [
  'under_one_year',
  'one_to_three_years',
  'three_years_or_more',
  'dont_know',
]);

/** Where a care leaver lives now. */
export const LIVING_SITUATION: ChoiceScale = choiceScale('living_situation', [
  'own_home',
  'supported_accommodation',
  'staying_put',
  'with_family',
  'with_partner_or_friends',
  'student_accommodation',
  'temporary',
  'somewhere_else',
]);

/** How long ago a care leaver left care. */
export const TIME_SINCE_CARE: ChoiceScale = choiceScale('time_since_care', [
  'under_one_year',
  'one_to_two_years',
  'three_to_five_years',
  'more_than_five_years',
  'dont_know',
]);

/** What a care leaver is mostly doing: education, employment or training, or not. */
export const EET: ChoiceScale = choiceScale('eet', [
  'school_or_college',
  'university',
  'apprenticeship_or_training',
  'work_full_time',
  'work_part_time',
  'looking_for_work',
  'caring',
  'unable_to_work',
  'something_else',
]);

/** EET codes that count as "in education, employment or training" for reporting. */
export const EET_IN: readonly string[] = [
  'school_or_college',
  'university',
  'apprenticeship_or_training',
  'work_full_time',
  'work_part_time',
];
