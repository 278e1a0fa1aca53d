/**
 * Your Life, Your Care, ages 11 to 17: 49 numbered items (51 questions: the family contact grid is one
 * item). The 13 shared items, the additions for 8 and over, the blueprint's 11-17 topics, the
 * demographics with ethnicity, and three items filling the published length from DOMAIN.md topics:
 * knowing how to get an advocate (rights), an adult at school to go to (resilience) and seeing
 * friends (relationships).
 */
import { COUNT, FREQUENCY, ONS_0_10, YES_NO_DK, YES_SOMETIMES_NO } from '../scales.ts';
import type { Instrument, Question } from '../types.ts';
import { ALL_OR_MOST, HARDLY_OR_NEVER, inOrder, NO, NONE, ONS_HIGH, pagesOf, q, unless, YES } from './build.ts';
import { sharedYlyc } from './shared-ylyc.ts';
import { childDemographics, olderYlyc } from './shared-ylyc-older.ts';

/** Topics asked only from 11 (the blueprint's "11-17 only" row) and the three filling items. */
const teenOnly: Record<string, Question> = {
  trusted_to_do_things: q('trusted_to_do_things', 'resilience', FREQUENCY, { positive: ALL_OR_MOST }),
  life_skills: q('life_skills', 'resilience', YES_NO_DK, { positive: YES }),
  hobbies: q('hobbies', 'resilience', YES_NO_DK, { positive: YES }),
  worries_feelings: q('worries_feelings', 'recovery', FREQUENCY, { positive: HARDLY_OR_NEVER, reversed: true }),
  // Asked unless the young person never worries: "hardly ever" can still need help.
  gets_help_with_worries: q('gets_help_with_worries', 'recovery', YES_NO_DK, {
    positive: YES,
    showIf: unless('worries_feelings', 'never'),
  }),
  happy_appearance: q('happy_appearance', 'recovery', FREQUENCY, { positive: ALL_OR_MOST }),
  placement_moves: q('placement_moves', 'recovery', COUNT, { positive: NONE, hasHelp: true }),
  feels_different: q('feels_different', 'rights', YES_SOMETIMES_NO, { positive: NO, reversed: true }),
  worthwhile: q('worthwhile', 'wellbeing', ONS_0_10, { positive: ONS_HIGH, hasHelp: true }),
  talk_about_care: q('talk_about_care', 'relationships', YES_NO_DK, { positive: YES }),
  adults_listen: q('adults_listen', 'relationships', FREQUENCY, { positive: ALL_OR_MOST }),
  knows_advocate: q('knows_advocate', 'rights', YES_NO_DK, { positive: YES, hasHelp: true }),
  adult_at_school: q('adult_at_school', 'resilience', YES_NO_DK, { positive: YES }),
  sees_friends: q('sees_friends', 'relationships', FREQUENCY, { positive: ALL_OR_MOST }),
};

const pages = pagesOf('ylyc-11-17', [
  ['about_you', ['age', 'gender', 'ethnicity']],
  ['where_you_live', ['placement_type', 'time_in_care', 'placement_moves']],
  ['people_who_help', ['trusted_adult', 'knows_social_worker']],
  ['social_worker', ['trusts_social_worker', 'contact_social_worker', 'speak_sw_alone', 'social_worker_changes']],
  ['adults_you_live_with', ['trusts_carers', 'carers_notice_feelings', 'talk_to_carers', 'adults_listen']],
  ['family', ['contact_mum', 'contact_dad', 'contact_siblings']],
  ['friends', ['good_friend', 'sees_friends', 'has_pet']],
  ['your_rights', ['care_explained', 'included_in_decisions', 'knows_advocate']],
  ['being_in_care', ['embarrassed_by_adults', 'feels_different']],
  ['school', ['likes_school', 'carers_interest_education', 'adult_at_school', 'bullying_afraid']],
  ['free_time', ['has_fun', 'hobbies', 'outdoors', 'same_as_friends']],
  ['growing_up', ['trusted_to_do_things', 'life_skills', 'internet_at_home']],
  ['home', ['safe_at_home', 'settled_at_home', 'likes_bedroom']],
  ['how_you_feel', ['happy_appearance', 'worries_feelings']],
  ['support', ['gets_help_with_worries', 'talk_about_care']],
  ['your_life', ['life_satisfaction', 'worthwhile', 'happy_yesterday']],
  ['future', ['positive_future', 'life_getting_better']],
  ['anything_else', ['anything_else']],
]);

/** The ylyc-11-17 instrument. */
export const ylyc11to17: Instrument = {
  id: 'ylyc-11-17',
  version: '1.0.0',
  survey: 'ylyc',
  band: { min: 11, max: 17 },
  publishedLength: 49,
  languages: ['en', 'cy', 'ar', 'ps', 'prs', 'ti', 'vi'],
  questions: inOrder(
    { ...sharedYlyc('ylyc-11-17'), ...olderYlyc('ylyc-11-17'), ...teenOnly, ...childDemographics(11, 17) },
    pages,
  ),
  pages,
};
