/**
 * Items that ylyc-8-11 and ylyc-11-17 both add to the 13 shared ones, plus the children's own
 * demographic questions. Defined once so the two versions cannot drift apart in keys or rules.
 */
import {
  ageScale,
  CONTACT,
  COUNT,
  ETHNICITY,
  FACES,
  FREQUENCY,
  GENDER_CHILD,
  ONS_0_10,
  PLACEMENT_TYPE,
  TIME_IN_CARE,
  YES_NO_DK,
  YES_SOMETIMES_NO,
} from '../scales.ts';
import type { AskedOf, Question } from '../types.ts';
import { type Extra, ABOUT_RIGHT, ALL_OR_MOST, demographic, HARDLY_OR_NEVER, NO, NONE_OR_ONE, ONS_HIGH, q, TWO_HAPPIEST, YES } from './build.ts';
import { KNOWS_SOCIAL_WORKER } from './shared-ylyc.ts';

/** The blueprint's additions for 8 and over, keyed by comparison key. */
export const OLDER_YLYC_KEYS = [
  'social_worker_changes',
  'contact_social_worker',
  'speak_sw_alone',
  'trusted_adult',
  'talk_to_carers',
  'contact_mum',
  'contact_dad',
  'contact_siblings',
  'has_pet',
  'included_in_decisions',
  'bullying_afraid',
  'embarrassed_by_adults',
  'carers_interest_education',
  'same_as_friends',
  'internet_at_home',
  'outdoors',
  'likes_bedroom',
  'life_satisfaction',
  'positive_future',
] as const;

export type OlderYlycKey = (typeof OLDER_YLYC_KEYS)[number];

/**
 * Contact with mum, dad, brothers and sisters is one numbered item with three rows (a grid): the
 * published lengths (34 and 49) count it once.
 */
const CONTACT_ITEM = 'contact_family';

/** The additions with the scales of 8-11 or 11-17. */
export function olderYlyc(version: 'ylyc-8-11' | 'ylyc-11-17'): Record<OlderYlycKey, Question> {
  const teen = version === 'ylyc-11-17';
  const often = (id: string, domain: Question['domain'], extra: Extra = {}): Question =>
    q(id, domain, FREQUENCY, { positive: ALL_OR_MOST, ...extra });
  const yes = (id: string, domain: Question['domain'], extra: Extra = {}): Question =>
    q(id, domain, YES_NO_DK, { positive: YES, ...extra });
  const contact = (id: string): Question => q(id, 'relationships', CONTACT, { positive: ABOUT_RIGHT, item: CONTACT_ITEM });
  return {
    social_worker_changes: q('social_worker_changes', 'relationships', COUNT, {
      positive: NONE_OR_ONE,
      showIf: KNOWS_SOCIAL_WORKER,
      hasHelp: true,
    }),
    contact_social_worker: often('contact_social_worker', 'relationships', { showIf: KNOWS_SOCIAL_WORKER }),
    speak_sw_alone: yes('speak_sw_alone', 'relationships', { showIf: KNOWS_SOCIAL_WORKER }),
    trusted_adult: yes('trusted_adult', 'relationships'),
    talk_to_carers: often('talk_to_carers', 'relationships'),
    contact_mum: contact('contact_mum'),
    contact_dad: contact('contact_dad'),
    contact_siblings: contact('contact_siblings'),
    has_pet: yes('has_pet', 'relationships'),
    included_in_decisions: often('included_in_decisions', 'rights'),
    bullying_afraid: q('bullying_afraid', 'rights', FREQUENCY, {
      positive: HARDLY_OR_NEVER,
      reversed: true,
      benchmark: 'bullying_afraid',
    }),
    embarrassed_by_adults: q('embarrassed_by_adults', 'rights', YES_SOMETIMES_NO, {
      positive: NO,
      reversed: true,
      hasHelp: true,
    }),
    carers_interest_education: often('carers_interest_education', 'resilience'),
    same_as_friends: often('same_as_friends', 'resilience'),
    internet_at_home: yes('internet_at_home', 'resilience', { hasHelp: true }),
    outdoors: often('outdoors', 'resilience'),
    likes_bedroom: often('likes_bedroom', 'recovery'),
    // 8-11s answer the feelings items on faces; 11-17s on the ONS scale, comparable with adults.
    life_satisfaction: teen
      ? q('life_satisfaction', 'wellbeing', ONS_0_10, { positive: ONS_HIGH, benchmark: 'low_life_satisfaction', hasHelp: true })
      : q('life_satisfaction', 'wellbeing', FACES, { positive: TWO_HAPPIEST }),
    positive_future: teen ? often('positive_future', 'wellbeing') : q('positive_future', 'wellbeing', FACES, { positive: TWO_HAPPIEST }),
  };
}

/** A child's own demographic questions (the adult answers them for 4-7s). */
export function childDemographics(minAge: number, maxAge: number, askedOf: AskedOf = 'child'): Record<string, Question> {
  return {
    age: demographic('age', 'age', ageScale(minAge, maxAge), askedOf),
    gender: demographic('gender', 'gender', GENDER_CHILD, askedOf),
    ethnicity: demographic('ethnicity', 'ethnicity', ETHNICITY, askedOf, { hasHelp: true }),
    placement_type: demographic('placement_type', 'placement', PLACEMENT_TYPE, askedOf),
    time_in_care: demographic('time_in_care', 'time_in_care', TIME_IN_CARE, askedOf, { hasHelp: true }),
  };
}
