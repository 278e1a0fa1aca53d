/**
 * Easy-read variants of Your Life, Your Care, for young people with learning disabilities (issue 8).
 * An easy-read instrument is the original's questions, re-worded in short sentences with one idea each,
 * a pictogram beside every question, and answers drawn as big picture buttons. Rules (docs/easy-read.md):
 * - A question that keeps the original's meaning keeps its id, comparison key, answer codes and positive
 *   rule, so its answers count with the original age group's.
 * - A question the original asks as two things at once is split in two; each half gets a key of its
 *   own (suffix `_er`) and is reported alone, never combined with the original.
 * - Demographic questions keep their lists (they are for breakdowns, not indicators).
 */
import type { ChoiceScale, Instrument, Page, Question, Scale } from '../types.ts';
import { YES_NO_DK } from '../scales.ts';
import { YES } from './build.ts';
import { ylyc8to11 } from './ylyc-8-11.ts';

/** The pictogram beside each question of the easy-read 8-11 version (names drawn in survey/views/pictograms.njk). */
const PICTURES: Readonly<Record<string, string>> = {
  age: 'person',
  gender: 'person',
  placement_type: 'home',
  time_in_care: 'clock',
  trusted_adult_trust: 'heart',
  trusted_adult_helps: 'helper',
  knows_social_worker: 'helper',
  trusts_social_worker: 'heart',
  contact_social_worker: 'talk',
  speak_sw_alone: 'talk',
  social_worker_changes: 'helper',
  trusts_carers: 'heart',
  carers_notice_feelings: 'face',
  talk_to_carers: 'talk',
  contact_mum: 'family',
  contact_dad: 'family',
  contact_siblings: 'family',
  good_friend: 'friends',
  has_pet: 'pet',
  care_explained: 'talk',
  included_in_decisions: 'talk',
  embarrassed_by_adults: 'face',
  likes_school: 'school',
  bullying_afraid: 'school',
  carers_interest_education: 'school',
  safe_at_home: 'home',
  settled_at_home: 'home',
  likes_bedroom: 'bed',
  has_fun: 'star',
  outdoors: 'tree',
  same_as_friends: 'friends',
  internet_at_home: 'screen',
  happy_yesterday: 'face',
  life_satisfaction: 'face',
  positive_future: 'star',
  life_getting_better: 'star',
  anything_else: 'pencil',
};

/** The same answers as big picture buttons (same codes, so the original's positive rule still fits). */
export function asPictureButtons(scale: Scale): Scale {
  if (scale.kind !== 'choice' || scale.layout !== 'list') return scale;
  const buttons: ChoiceScale = { ...scale, id: `${scale.id}_pictures`, layout: 'buttons' };
  return buttons;
}

/**
 * "Is there an adult you trust, who helps you and sticks by you?" asks two things, so easy read asks
 * them apart. Neither half means what the whole does: each has its own key and is reported alone.
 */
const SPLITS: Readonly<Record<string, readonly Question[]>> = {
  trusted_adult: [
    { id: 'trusted_adult_trust', key: 'trusted_adult_trust_er', indicator: 'trusted_adult', domain: 'relationships', askedOf: 'child', scale: asPictureButtons(YES_NO_DK), positive: YES },
    { id: 'trusted_adult_helps', key: 'trusted_adult_helps_er', indicator: 'trusted_adult', domain: 'relationships', askedOf: 'child', scale: asPictureButtons(YES_NO_DK), positive: YES },
  ],
};

function easyQuestion(q: Question): Question {
  // Easy-read wording carries its own explanation; benchmarks apply to the original, which its answers join.
  const { hasHelp: _help, benchmark: _benchmark, ...rest } = q;
  const scale = q.demographic === true ? q.scale : asPictureButtons(q.scale);
  return { ...rest, scale, picture: PICTURES[q.id] ?? 'person' };
}

function easyRead(original: Instrument, id: Instrument['id']): Instrument {
  const questions = original.questions.flatMap((q) => (SPLITS[q.id] ?? [q]).map((x) => (x === q ? easyQuestion(q) : { ...x, picture: PICTURES[x.id] ?? 'person' })));
  // Page titles are the original's ("Your family"): already plain words.
  const pages: Page[] = original.pages.map((p) => ({ ...p, questions: p.questions.flatMap((qid) => (SPLITS[qid] ?? [{ id: qid }]).map((x) => x.id)) }));
  const splitExtra = Object.keys(SPLITS).filter((k) => original.questions.some((q) => q.id === k)).reduce((n, k) => n + (SPLITS[k]?.length ?? 1) - 1, 0);
  return {
    ...original,
    id,
    version: '1.0.0',
    publishedLength: original.publishedLength + splitExtra,
    languages: ['en', 'cy', 'ar', 'ps', 'prs', 'ti', 'vi'],
    questions,
    pages,
    easyReadOf: original.id,
  };
}

/** Easy-read Your Life, Your Care, ages 8 to 11. */
export const ylyc8to11EasyRead: Instrument = easyRead(ylyc8to11, 'ylyc-8-11-er');
