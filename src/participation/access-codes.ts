/**
 * Access codes (optional, single use): one per young person on the tracker, printed by the LA lead and
 * typed by the young person on the survey's start page, never put in a link. Only hashes are stored.
 */
import { CODE_ALPHABET, hashSecret, newCode, normaliseCode } from '../lib/ids.ts';

export const ACCESS_CODE_LENGTH = 8;

const shape = new RegExp(`^[${CODE_ALPHABET}]{${ACCESS_CODE_LENGTH}}$`);

/** A fresh random access code (23^8, about 7.8 * 10^10 possibilities; a wave's start page is rate limited). */
export const newAccessCode = (): string => newCode(ACCESS_CODE_LENGTH);

/** Splits a code into two groups of 4 for reading aloud, e.g. ACD3-F7HK. */
export const formatAccessCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/** The code a person typed, normalised, or undefined when it cannot be an access code. */
export function parseAccessCode(typed: string): string | undefined {
  const code = normaliseCode(typed);
  return shape.test(code) ? code : undefined;
}

/** The stored form of a code; prefixed so it can never equal the hash of another kind of secret. */
export const accessCodeHash = (code: string): string => hashSecret(`access-code:${code}`);
