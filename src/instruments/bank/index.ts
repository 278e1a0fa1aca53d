/**
 * The question bank: the four instruments, in the order the programme lists them.
 *
 * COUNTING RULE (also in docs/question-bank.md). A published length counts numbered items a young
 * person may answer: every question they see, free-text questions included, and from 8 up their own
 * demographic questions. Rows of one grid (questions sharing an `item`, e.g. contact with mum, dad and
 * brothers and sisters) are one item. Questions the supporting adult answers (the five ylyc-4-7
 * demographics, `askedOf: 'adult'`) are counted apart and not in the published length. So:
 * ylyc-4-7 = 13 (+5 for the adult), ylyc-8-11 = 34, ylyc-11-17 = 49, ylbc-16-25 = 47.
 */
import type { Instrument } from '../types.ts';
import { ylyc8to11EasyRead } from './easy-read.ts';
import { ylbc16to25 } from './ylbc-16-25.ts';
import { ylyc11to17 } from './ylyc-11-17.ts';
import { ylyc4to7 } from './ylyc-4-7.ts';
import { ylyc8to11 } from './ylyc-8-11.ts';

/** Every instrument in the bank; easy-read variants last (they belong to their original's age group). */
export const instruments: readonly Instrument[] = [ylyc4to7, ylyc8to11, ylyc11to17, ylbc16to25, ylyc8to11EasyRead];

/** The instrument with this id, or undefined (ids come from URLs and stored waves: not trusted). */
export function getInstrument(id: string): Instrument | undefined {
  return instruments.find((i) => i.id === id);
}

export { SHARED_YLYC_KEYS } from './shared-ylyc.ts';
export { OLDER_YLYC_KEYS } from './shared-ylyc-older.ts';
