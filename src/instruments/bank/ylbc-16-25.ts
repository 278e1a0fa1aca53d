/**
 * Your Life Beyond Care, care leavers 16 to 25: 47 questions (the programme publishes "about 45-50").
 * 47 = 7 demographic questions + the blueprint's 13 mirrored items (12 YLYC keys, so the groups
 * compare, plus ONS anxiety) + the
 * blueprint's 17 care-leaver topics (the emotional-support gate and its "who" list count as two) +
 * 10 items carried over from the YLYC domains that still matter after care: changes of PA, moves,
 * readiness to live independently, going without, knowing entitlements and advocacy, getting outdoors,
 * worries and help with them, and support with a health condition. It sits in the middle of the
 * published range, so it takes about as long as the 11-17 survey (49).
 */
import {
  ageScale,
  COUNT,
  EET,
  ETHNICITY,
  FREE_TEXT,
  FREQUENCY,
  GENDER_ADULT,
  LIVING_SITUATION,
  multiScale,
  ONS_0_10,
  TIME_SINCE_CARE,
  YES_NO_DK,
  YES_PARTLY_NO,
  YES_SOMETIMES_NO,
} from '../scales.ts';
import type { Domain, Instrument, Question } from '../types.ts';
import {
  type Extra,
  ALL_OR_MOST,
  demographic,
  FULL_YES,
  HARDLY_OR_NEVER,
  inOrder,
  NO,
  NONE_OR_ONE,
  ONS_ANXIETY,
  ONS_HIGH,
  pagesOf,
  q,
  unless,
  when,
  YES,
} from './build.ts';

const often = (id: string, domain: Domain, extra: Extra = {}): Question => q(id, domain, FREQUENCY, { positive: ALL_OR_MOST, ...extra });
const rarely = (id: string, domain: Domain, extra: Extra = {}): Question =>
  q(id, domain, FREQUENCY, { positive: HARDLY_OR_NEVER, reversed: true, ...extra });
const yes = (id: string, domain: Domain, extra: Extra = {}): Question => q(id, domain, YES_NO_DK, { positive: YES, ...extra });
const ons = (id: string, extra: Extra = {}): Question => q(id, 'wellbeing', ONS_0_10, { positive: ONS_HIGH, hasHelp: true, ...extra });

const HAS_PA = when('knows_pa', 'yes');

/** Who gives emotional support: reported as counts per option, so it has no positive rule. */
const SUPPORT_WHO = multiScale('emotional_support_who', [
  'partner',
  'friends',
  'birth_family',
  'siblings',
  'former_carers',
  'personal_adviser',
  'other_professional',
  'someone_else',
]);

const byId: Record<string, Question> = {
  // About you
  age: demographic('age', 'age', ageScale(16, 25)),
  gender: demographic('gender', 'gender', GENDER_ADULT),
  ethnicity: demographic('ethnicity', 'ethnicity', ETHNICITY, 'child', { hasHelp: true }),
  living_situation: demographic('living_situation', 'living', LIVING_SITUATION),
  time_since_care: demographic('time_since_care', 'time_in_care', TIME_SINCE_CARE),
  eet: demographic('eet', 'eet', EET),
  disability: demographic('disability', 'disability', YES_NO_DK, 'child', { benchmark: 'disability', hasHelp: true }),
  // Mirrors of YLYC (same comparison keys)
  safe_at_home: often('safe_at_home', 'recovery'),
  settled_at_home: often('settled_at_home', 'recovery', { hasHelp: true }),
  good_friend: yes('good_friend', 'relationships'),
  trusted_adult: yes('trusted_adult', 'relationships'),
  care_explained: q('care_explained', 'rights', YES_PARTLY_NO, { positive: FULL_YES }),
  has_fun: often('has_fun', 'resilience'),
  internet_at_home: yes('internet_at_home', 'resilience', { benchmark: 'internet_at_home' }),
  happy_appearance: often('happy_appearance', 'recovery'),
  positive_future: often('positive_future', 'wellbeing'),
  life_satisfaction: ons('life_satisfaction', { benchmark: 'low_life_satisfaction' }),
  worthwhile: ons('worthwhile', { benchmark: 'worthwhile' }),
  happy_yesterday: ons('happy_yesterday'),
  anxious_yesterday: ons('anxious_yesterday', { positive: ONS_ANXIETY, reversed: true }),
  // Care leavers' own topics
  knows_pa: yes('knows_pa', 'relationships', { hasHelp: true }),
  trusts_pa: often('trusts_pa', 'relationships', { showIf: HAS_PA }),
  contact_pa: often('contact_pa', 'relationships', { showIf: HAS_PA }),
  pathway_plan: yes('pathway_plan', 'rights', { hasHelp: true }),
  believes_in_you: yes('believes_in_you', 'relationships'),
  emotional_support: yes('emotional_support', 'relationships', { hasHelp: true }),
  emotional_support_who: q('emotional_support_who', 'relationships', SUPPORT_WHO, {
    showIf: when('emotional_support', 'yes'),
  }),
  lonely: rarely('lonely', 'wellbeing', { benchmark: 'lonely' }),
  stressed: rarely('stressed', 'wellbeing'),
  cope_financially: rarely('cope_financially', 'resilience', { benchmark: 'cope_financially' }),
  home_right: yes('home_right', 'recovery'),
  safe_neighbourhood: often('safe_neighbourhood', 'recovery'),
  treated_worse: q('treated_worse', 'rights', YES_SOMETIMES_NO, { positive: NO, reversed: true }),
  goals_future: yes('goals_future', 'wellbeing'),
  feels_relaxed: often('feels_relaxed', 'wellbeing'),
  feels_down: rarely('feels_down', 'wellbeing'),
  anything_else: q('anything_else', 'comments', FREE_TEXT, { indicator: 'comments', hasHelp: true }),
  // Carried over from the YLYC domains
  pa_changes: q('pa_changes', 'relationships', COUNT, { positive: NONE_OR_ONE, showIf: HAS_PA }),
  // A care leaver's first move out of care is expected, so one move a year still counts as stable.
  home_moves: q('home_moves', 'recovery', COUNT, { positive: NONE_OR_ONE }),
  ready_independence: yes('ready_independence', 'resilience'),
  goes_without: rarely('goes_without', 'resilience'),
  knows_entitlements: yes('knows_entitlements', 'rights', { hasHelp: true }),
  knows_advocate: yes('knows_advocate', 'rights', { hasHelp: true }),
  outdoors: often('outdoors', 'resilience'),
  worries_feelings: rarely('worries_feelings', 'recovery'),
  gets_help_with_worries: yes('gets_help_with_worries', 'recovery', { showIf: unless('worries_feelings', 'never') }),
  disability_support: yes('disability_support', 'recovery', { showIf: when('disability', 'yes') }),
};

const pages = pagesOf('ylbc-16-25', [
  ['about_you', ['age', 'gender', 'ethnicity']],
  ['your_situation', ['living_situation', 'time_since_care']],
  ['work_and_health', ['eet', 'disability']],
  ['leaving_care_support', ['knows_pa', 'pathway_plan', 'knows_entitlements']],
  ['your_pa', ['trusts_pa', 'contact_pa', 'pa_changes']],
  ['your_home', ['safe_at_home', 'settled_at_home', 'home_right', 'home_moves']],
  ['where_you_live', ['safe_neighbourhood', 'internet_at_home']],
  ['people', ['good_friend', 'trusted_adult', 'believes_in_you', 'emotional_support']],
  ['support', ['emotional_support_who', 'disability_support', 'knows_advocate']],
  ['money_and_skills', ['cope_financially', 'goes_without', 'ready_independence']],
  ['being_in_care', ['care_explained', 'treated_worse']],
  ['free_time', ['has_fun', 'outdoors']],
  ['feelings', ['feels_relaxed', 'feels_down', 'lonely', 'stressed']],
  ['worries', ['worries_feelings', 'happy_appearance']],
  ['help_with_worries', ['gets_help_with_worries']],
  ['your_life', ['life_satisfaction', 'worthwhile']],
  ['yesterday', ['happy_yesterday', 'anxious_yesterday']],
  ['future', ['positive_future', 'goals_future']],
  ['anything_else', ['anything_else']],
]);

/** The ylbc-16-25 instrument. */
export const ylbc16to25: Instrument = {
  id: 'ylbc-16-25',
  version: '1.0.0',
  survey: 'ylbc',
  band: { min: 16, max: 25 },
  publishedLength: 47,
  languages: ['en', 'cy', 'ar', 'ps', 'prs', 'ti', 'vi'],
  questions: inOrder(byId, pages),
  pages,
};
