/**
 * Easy-read variants, as pure look-ups over the bank. A wave offers age groups (its `instruments`); every
 * offered age group with an easy-read variant offers that variant too, so no wave setting is needed
 * (docs/easy-read.md explains the choice).
 */
import { instruments } from './bank/index.ts';
import type { Instrument, InstrumentId } from './types.ts';

/** The easy-read variant of an instrument, if the bank has one. */
export function easyReadVariantOf(id: InstrumentId): Instrument | undefined {
  return instruments.find((i) => i.easyReadOf === id);
}

/** The age group an instrument's answers count with: its original for an easy-read variant, else itself. */
export function ageGroupOf(id: InstrumentId): InstrumentId {
  return instruments.find((i) => i.id === id)?.easyReadOf ?? id;
}

/** Whether a wave offering these age groups takes answers to this instrument (an easy-read variant follows its original). */
export function isOffered(offered: readonly InstrumentId[], id: InstrumentId): boolean {
  return offered.includes(id) || (ageGroupOf(id) !== id && offered.includes(ageGroupOf(id)));
}
