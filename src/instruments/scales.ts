/**
 * The shared scale catalogue. Scales are data: each option carries the stored code and the catalogue
 * key of its label. "I don't want to say" is deliberately absent from every option list: the survey
 * adds DECLINED to every non-text question, so no scale can forget it and no report can count it.
 */
import type { ChoiceScale, ScaleOption, ScoreScale, TextScale } from './types.ts';

export { choiceScale, multiScale, optionsOf } from './scale-builders.ts';

/** Catalogue key of the label the survey shows for DECLINED ("I don't want to say"). */
export const DECLINED_LABEL = 'opt.prefer_not_to_say';

/** An option of a generic answer set; its label key is shared by every scale that uses the code. */
const answer = (code: string): ScaleOption => ({ code, label: `opt.${code}` });

const faceOptions: readonly ScaleOption[] = ([1, 2, 3, 4, 5] as const).map((face) => ({
  code: `face_${face}`,
  label: `opt.face_${face}`,
  face,
}));

/** Five faces, saddest (face_1) to happiest (face_5): the 4-7 scale and the 8-11 feelings items. */
export const FACES: ChoiceScale = { kind: 'choice', id: 'faces', options: faceOptions, layout: 'faces' };

/** Faces plus "I don't know", for items a young child may not be able to judge (e.g. school). */
export const FACES_DK: ChoiceScale = {
  kind: 'choice',
  id: 'faces_dk',
  options: [...faceOptions, answer('dont_know')],
  layout: 'faces',
};

const frequencyCodes = ['all_of_the_time', 'most_of_the_time', 'sometimes', 'hardly_ever', 'never'] as const;

/** How often: reported as "all or most of the time" (or "hardly ever or never" when reversed). */
export const FREQUENCY: ChoiceScale = {
  kind: 'choice',
  id: 'frequency',
  options: frequencyCodes.map(answer),
  layout: 'list',
};

/** Yes / no / don't know, as a list of radios (8 and over). */
export const YES_NO_DK: ChoiceScale = {
  kind: 'choice',
  id: 'yes_no_dk',
  options: ['yes', 'no', 'dont_know'].map(answer),
  layout: 'list',
};

/** The same answers as big buttons for 4-7s, who answer with an adult beside them. */
export const YES_NO_DK_BUTTONS: ChoiceScale = { ...YES_NO_DK, id: 'yes_no_dk_buttons', layout: 'buttons' };

/** Yes / sometimes / no (the blueprint's Y2). */
export const YES_SOMETIMES_NO: ChoiceScale = {
  kind: 'choice',
  id: 'yes_sometimes_no',
  options: ['yes', 'sometimes', 'no'].map(answer),
  layout: 'list',
};

/**
 * The Y2 shape for "has someone explained why you are in care": "sometimes" does not fit an
 * explanation, and the published measure is "not fully explained", so the middle answer is "partly".
 */
export const YES_PARTLY_NO: ChoiceScale = {
  kind: 'choice',
  id: 'yes_partly_no',
  options: ['yes', 'partly', 'no'].map(answer),
  layout: 'list',
};

/** Amount of contact with family; "I don't have contact" leaves the reported base. */
export const CONTACT: ChoiceScale = {
  kind: 'choice',
  id: 'contact',
  options: ['too_much', 'about_right', 'too_little', 'no_contact'].map(answer),
  layout: 'list',
};

/** How many times something happened (changes of social worker, moves): none / 1 / 2 / 3 or more. */
export const COUNT: ChoiceScale = {
  kind: 'choice',
  id: 'count',
  options: ['none', 'one', 'two', 'three_or_more'].map(answer),
  layout: 'list',
};

/** The ONS personal well-being scale: 0 = not at all, 10 = completely. */
export const ONS_0_10: ScoreScale = {
  kind: 'score',
  id: 'ons_0_10',
  min: 0,
  max: 10,
  minLabel: 'scale.ons_0_10.min',
  maxLabel: 'scale.ons_0_10.max',
};

/** Free text. 2,000 characters is room for a real message while bounding what reviewers must read. */
export const FREE_TEXT: TextScale = { kind: 'text', id: 'free_text', maxLength: 2000 };

export * from './demographics.ts';
