/**
 * Your Life, Your Care, ages 4 to 7: 13 questions for the child, one per page, read aloud by the
 * trusted adult; then 5 demographic questions the adult answers. Published length 13: the adult's
 * five are counted apart (they are not the child's answers).
 */
import type { Instrument } from '../types.ts';
import { inOrder, pagesOf } from './build.ts';
import { sharedYlyc } from './shared-ylyc.ts';
import { childDemographics } from './shared-ylyc-older.ts';

const pages = pagesOf('ylyc-4-7', [
  ['social_worker', ['knows_social_worker']],
  ['trust_social_worker', ['trusts_social_worker']],
  ['trust_carers', ['trusts_carers']],
  ['carers_notice', ['carers_notice_feelings']],
  ['friend', ['good_friend']],
  ['why_in_care', ['care_explained']],
  ['safe', ['safe_at_home']],
  ['settled', ['settled_at_home']],
  ['school', ['likes_school']],
  ['fun', ['has_fun']],
  ['yesterday', ['happy_yesterday']],
  ['getting_better', ['life_getting_better']],
  ['anything_else', ['anything_else']],
  ['adult_age', ['age'], true],
  ['adult_gender', ['gender'], true],
  ['adult_ethnicity', ['ethnicity'], true],
  ['adult_placement', ['placement_type'], true],
  ['adult_time_in_care', ['time_in_care'], true],
]);

/** The ylyc-4-7 instrument. */
export const ylyc4to7: Instrument = {
  id: 'ylyc-4-7',
  version: '1.0.0',
  survey: 'ylyc',
  band: { min: 4, max: 7 },
  publishedLength: 13,
  languages: ['en', 'cy', 'ar', 'ps', 'prs', 'ti', 'vi'],
  questions: inOrder({ ...sharedYlyc('ylyc-4-7'), ...childDemographics(4, 7, 'adult') }, pages),
  pages,
};
