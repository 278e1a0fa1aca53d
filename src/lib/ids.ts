import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

/** Random, never time-ordered id (UUID v4): ordering could link a response to anything else. */
export const newId = (): string => randomUUID();

/** An opaque secret for cookies and one-time keys: 32 random bytes, base64url. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** SHA-256 of a secret, so the database holds nothing that can be replayed. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** Letters and digits a young person can copy without confusion: no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';

/** A short random code from CODE_ALPHABET (22^n possibilities), e.g. for resuming a survey. */
export function newCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

/** Upper-cases and strips spaces and dashes a person may type around a code. */
export const normaliseCode = (input: string): string => input.toUpperCase().replace(/[\s-]/g, '');
