/**
 * Items every Your Life, Your Care version shares, defined once. The 13 child items of ylyc-4-7 recur
 * in 8-11 and 11-17 with the same comparison key, so age groups can be compared; only the scale
 * changes with age (faces and big buttons for 4-7s, frequency words from 8).
 */
import {
  FACES,
  FACES_DK,
  FREE_TEXT,
  FREQUENCY,
  ONS_0_10,
  YES_NO_DK,
  YES_NO_DK_BUTTONS,
  YES_PARTLY_NO,
} from '../scales.ts';
import type { Question } from '../types.ts';
import { ALL_OR_MOST, FULL_YES, ONS_HIGH, q, TWO_HAPPIEST, TWO_HAPPIEST_DK, when, YES } from './build.ts';

export type YlycId = 'ylyc-4-7' | 'ylyc-8-11' | 'ylyc-11-17';

/** The 13 child items of ylyc-4-7, which every YLYC version asks under the same keys. */
export const SHARED_YLYC_KEYS = [
  'knows_social_worker',
  'trusts_social_worker',
  'trusts_carers',
  'carers_notice_feelings',
  'good_friend',
  'care_explained',
  'safe_at_home',
  'settled_at_home',
  'likes_school',
  'has_fun',
  'happy_yesterday',
  'life_getting_better',
  'anything_else',
] as const;

export type SharedYlycKey = (typeof SHARED_YLYC_KEYS)[number];

/** Social worker questions follow only a "yes" to knowing who the social worker is. */
export const KNOWS_SOCIAL_WORKER = when('knows_social_worker', 'yes');

/** The 13 shared items with the scales of one YLYC version. */
export function sharedYlyc(version: YlycId): Record<SharedYlycKey, Question> {
  const young = version === 'ylyc-4-7';
  // A feeling item: faces for 4-7s, "how often" from 8.
  const feeling = young ? FACES : FREQUENCY;
  const feelingRule = young ? TWO_HAPPIEST : ALL_OR_MOST;
  const yesNo = young ? YES_NO_DK_BUTTONS : YES_NO_DK;
  return {
    knows_social_worker: q('knows_social_worker', 'relationships', yesNo, { positive: YES, hasHelp: true }),
    trusts_social_worker: q('trusts_social_worker', 'relationships', feeling, {
      positive: feelingRule,
      showIf: KNOWS_SOCIAL_WORKER,
    }),
    trusts_carers: q('trusts_carers', 'relationships', feeling, { positive: feelingRule }),
    carers_notice_feelings: q('carers_notice_feelings', 'relationships', feeling, { positive: feelingRule }),
    good_friend: q('good_friend', 'relationships', yesNo, { positive: YES, benchmark: 'good_friend' }),
    // 4-7s answer yes / no / don't know; from 8 "partly" separates a full explanation from a partial one.
    care_explained: young
      ? q('care_explained', 'rights', yesNo, { positive: YES })
      : q('care_explained', 'rights', YES_PARTLY_NO, { positive: FULL_YES }),
    safe_at_home: q('safe_at_home', 'recovery', feeling, { positive: feelingRule }),
    settled_at_home: q('settled_at_home', 'recovery', feeling, { positive: feelingRule, hasHelp: true }),
    // Some 4-year-olds are not at school yet, so the faces offer "don't know" here.
    likes_school: young
      ? q('likes_school', 'resilience', FACES_DK, { positive: TWO_HAPPIEST_DK })
      : q('likes_school', 'resilience', FREQUENCY, { positive: ALL_OR_MOST }),
    has_fun: q('has_fun', 'resilience', feeling, { positive: feelingRule }),
    happy_yesterday:
      version === 'ylyc-11-17'
        ? q('happy_yesterday', 'wellbeing', ONS_0_10, { positive: ONS_HIGH, hasHelp: true })
        : q('happy_yesterday', 'wellbeing', FACES, { positive: TWO_HAPPIEST }),
    life_getting_better: q('life_getting_better', 'wellbeing', yesNo, { positive: YES }),
    anything_else: q('anything_else', 'comments', FREE_TEXT, { indicator: 'comments', hasHelp: true }),
  };
}
