/**
 * Your Life, Your Care, ages 8 to 11: 34 numbered items (36 questions: contact with mum, dad and
 * brothers and sisters is one item with three rows). The 13 shared items, the blueprint's additions
 * for 8 and over, and the child's own demographics (no ethnicity at this age, per the blueprint).
 */
import type { Instrument } from '../types.ts';
import { inOrder, pagesOf } from './build.ts';
import { sharedYlyc } from './shared-ylyc.ts';
import { childDemographics, olderYlyc } from './shared-ylyc-older.ts';

const pages = pagesOf('ylyc-8-11', [
  ['about_you', ['age', 'gender']],
  ['where_you_live', ['placement_type', 'time_in_care']],
  ['people_who_help', ['trusted_adult', 'knows_social_worker']],
  ['social_worker', ['trusts_social_worker', 'contact_social_worker', 'speak_sw_alone', 'social_worker_changes']],
  ['adults_you_live_with', ['trusts_carers', 'carers_notice_feelings', 'talk_to_carers']],
  ['family', ['contact_mum', 'contact_dad', 'contact_siblings']],
  ['friends', ['good_friend', 'has_pet']],
  ['being_in_care', ['care_explained', 'included_in_decisions', 'embarrassed_by_adults']],
  ['school', ['likes_school', 'bullying_afraid', 'carers_interest_education']],
  ['home', ['safe_at_home', 'settled_at_home', 'likes_bedroom']],
  ['free_time', ['has_fun', 'outdoors', 'same_as_friends', 'internet_at_home']],
  ['feelings', ['happy_yesterday', 'life_satisfaction', 'positive_future', 'life_getting_better']],
  ['anything_else', ['anything_else']],
]);

/** The ylyc-8-11 instrument. */
export const ylyc8to11: Instrument = {
  id: 'ylyc-8-11',
  version: '1.0.0',
  survey: 'ylyc',
  band: { min: 8, max: 11 },
  publishedLength: 34,
  languages: ['en', 'cy', 'ar', 'ps', 'prs', 'ti', 'vi'],
  questions: inOrder({ ...sharedYlyc('ylyc-8-11'), ...olderYlyc('ylyc-8-11'), ...childDemographics(8, 11) }, pages),
  pages,
};
