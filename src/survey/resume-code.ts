/**
 * Resume codes: 10 characters from the look-alike-free alphabet, shown in groups so they are easy to
 * read aloud and copy ("ACD3-F7HK-MN"), accepted however a person types them.
 */
import { CODE_ALPHABET, newCode, normaliseCode } from '../lib/ids.ts';

export const RESUME_CODE_LENGTH = 10;

const shape = new RegExp(`^[${CODE_ALPHABET}]{${RESUME_CODE_LENGTH}}$`);

/** A fresh random resume code (23^10, about 4 * 10^13 possibilities). */
export const newResumeCode = (): string => newCode(RESUME_CODE_LENGTH);

/** Splits a code into groups of 4, 4 and 2 for reading, e.g. ACD3-F7HK-MN. */
export function formatResumeCode(code: string): string {
  return [code.slice(0, 4), code.slice(4, 8), code.slice(8)].filter(Boolean).join('-');
}

/** The code a person typed, normalised, or undefined when it cannot be a resume code at all. */
export function parseResumeCode(typed: string): string | undefined {
  const code = normaliseCode(typed);
  return shape.test(code) ? code : undefined;
}
