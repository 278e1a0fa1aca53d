/**
 * The young people's report's building blocks: its sections and items, and how a shown share is said
 * as a natural frequency ("about 7 in every 10 of you"). Pure.
 */
import type { InstrumentFindings, ProportionCell } from '../../findings/index.ts';
import type { IconName, Tone } from './pictures.ts';

/** One thing young people said, as a sentence and a row of 10 figures. */
export interface YouthItem {
  readonly text: string;
  /** Why it is listed, when a comparison says so ("This is better than in other areas."). */
  readonly note: string | null;
  /** Figures of 10 to fill in: the shown percentage rounded to the nearest 10. */
  readonly filled: number;
  readonly tone: Tone;
  readonly icon: IconName;
}

/** Items under an age group's heading, or why there are none. */
export interface YouthGroup {
  readonly heading: string | null;
  readonly items: readonly YouthItem[];
  readonly empty: string | null;
}

export interface YouthSection {
  readonly id: string;
  readonly heading: string;
  readonly icon: IconName;
  readonly intro: readonly string[];
  /** Items under an optional sub-heading (the age group, when a wave has several). */
  readonly groups: readonly YouthGroup[];
  /** Said when nothing can be listed. */
  readonly empty: string | null;
}

/** How a shown proportion is said: the percentage as a whole number, then to the nearest 10. */
export function naturalFrequency(proportion: number): { readonly words: string; readonly filled: number } {
  const percent = Math.round(proportion * 100);
  const tenths = Math.round(percent / 10);
  if (percent === 100) return { words: 'All', filled: 10 };
  if (percent === 0) return { words: 'None', filled: 0 };
  if (tenths === 10) return { words: 'Nearly all', filled: 10 };
  if (tenths === 0) return { words: 'Fewer than 1 in every 10', filled: 0 };
  return { words: `About ${tenths} in every 10`, filled: tenths };
}

/** "About 7 in every 10 of you aged 8 to 11 said you like school." */
export function frequencySentence(cell: ProportionCell & { shown: true }, phrase: string, ageWords: string): { text: string; filled: number } {
  const f = naturalFrequency(cell.proportion);
  return { text: `${f.words} of you${ageWords} said ${phrase}.`, filled: f.filled };
}

/** "aged 8 to 11", inside a sentence, when a wave asked more than one age group. */
export const AGE_WORDS: Record<InstrumentFindings['instrumentId'], string> = {
  'ylyc-4-7': ' aged 4 to 7',
  'ylyc-8-11': ' aged 8 to 11',
  'ylyc-11-17': ' aged 11 to 17',
  'ylbc-16-25': ' aged 16 to 25',
  'ylyc-8-11-er': ' aged 8 to 11',
};

