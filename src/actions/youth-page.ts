/**
 * "You said, we did", pure: a first draft in plain words from the plan's actions and the same phrases
 * as the young people's version of the report ("About 4 in every 10 of you said you feel settled where
 * you live"), which the LA's lead edits before publishing; and the reading-level check the editor shows.
 */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import type { Findings } from '../findings/index.ts';
import { naturalFrequency, YOUTH_FEELINGS, YOUTH_LOW, YOUTH_POSITIVE, YOUTH_POSITIVE_CARE_LEAVERS } from '../reports/index.ts';
import type { Action } from './plan.ts';

/** One pair: what young people said, and what the LA did about it. */
export interface YouthPair {
  readonly said: string;
  readonly did: string;
}

export interface YouthPage {
  readonly intro: string;
  readonly items: readonly YouthPair[];
  readonly status: 'draft' | 'published';
  readonly shareToken: string | null;
  readonly publishedAt: string | null;
}

/** The grade above which the editor warns that a sentence may be hard for young people to read. */
export const MAX_GRADE = 7;

const DID: Record<Action['status'], string> = {
  not_started: 'We will start work on this soon.',
  on_track: 'We are working on this.',
  at_risk: 'We are working on this, but it is taking longer than we hoped.',
  off_track: 'We are working on this, but it is taking longer than we hoped.',
  done: 'We have done this.',
};

const HELPED: Record<Action['involvementGroup'], string> = {
  reference_group: 'Young people from our reference group helped us plan it.',
  children_in_care_council: 'Our children in care council helped us plan it.',
  care_leavers_forum: 'Our care leavers’ forum helped us plan it.',
};

const sentence = (s: string): string => {
  const t = s.trim();
  if (t === '') return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
};

/** What young people said about the action's indicator, in the young people's version's words, or null when there is no plain way to say it. */
export function saidWords(action: Pick<Action, 'indicator' | 'baseline'>, findings: Findings): string | null {
  const inst = findings.instruments.find((i) => i.instrumentId === action.indicator.instrumentId);
  const ind = inst?.indicators.find((i) => i.questionId === action.indicator.questionId);
  if (ind === undefined || !action.baseline.shown) return null;
  const leavers = action.indicator.instrumentId === 'ylbc-16-25';
  const phrase =
    action.indicator.measure === 'low'
      ? YOUTH_LOW[ind.indicator]
      : (YOUTH_FEELINGS[ind.indicator]?.phrase ?? (leavers ? YOUTH_POSITIVE_CARE_LEAVERS[ind.indicator] : undefined) ?? YOUTH_POSITIVE[ind.indicator]);
  if (phrase === undefined) return null;
  return `${naturalFrequency(action.baseline.proportion).words} of you said ${phrase}.`;
}

/** The first draft: one pair per action that can be said plainly, in the plan's order. */
export function draftYouthPage(laName: string, actions: readonly Action[], findings: Findings): Pick<YouthPage, 'intro' | 'items'> {
  const items = actions.flatMap((a): YouthPair[] => {
    const said = saidWords(a, findings);
    if (said === null) return [];
    return [{ said, did: `${DID[a.status]} ${sentence(a.what)} ${HELPED[a.involvementGroup]}` }];
  });
  return {
    intro: `Thank you for telling us about your life. Here is what you said, and what ${laName} is doing about it.`,
    items,
  };
}

/** The Flesch-Kincaid grade of some text: each line at least one sentence (a heading has no full stop). */
export function readingGrade(lines: readonly string[]): number {
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  for (const line of lines) {
    sentences += Math.max(1, line.split(/[.!?]+(?:\s|$)/).filter((s) => /[A-Za-z0-9]/.test(s)).length);
    for (const w of line.match(/[A-Za-z0-9'’]+/g) ?? []) {
      words++;
      syllables += /^\d+$/.test(w) ? w.length : Math.max(1, syllable(w));
    }
  }
  return words === 0 ? 0 : fleschKincaid({ sentence: sentences, word: words, syllable: syllables });
}

/** Whether a piece of text may be hard for young people to read. */
export const hardToRead = (text: string): boolean => text.trim() !== '' && readingGrade([text]) > MAX_GRADE;
