/** Passwords (Argon2id), TOTP second factor and recovery codes: the credential primitives. */
import { hash, verify } from '@node-rs/argon2';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import QRCode from 'qrcode';
import { hashSecret, newCode } from '../../lib/ids.ts';

// OWASP's Argon2id baseline (m=19 MiB, t=2, p=1).
const argonOptions = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Why a proposed password is refused, or null when it is acceptable (ASVS: length, not composition). */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < 12) return 'password_too_short';
  if (password.length > 128) return 'password_too_long';
  const lower = password.toLowerCase();
  if (lower.includes(email.toLowerCase().split('@')[0] ?? '\u0000')) return 'password_contains_email';
  if (/^(.)\1+$/.test(password) || /^(password|qwerty|letmein|welcome|brightspots|123456)/i.test(password)) return 'password_too_common';
  return null;
}

/** Argon2id hash of a password. */
export const hashPassword = (password: string): Promise<string> => hash(password, argonOptions);

/** Constant-time check of a password against its hash; false for a malformed hash. */
export async function checkPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to check against when the account does not exist, so timing does not reveal which emails exist. */
export const dummyHash = hashPassword('not-a-real-password-for-timing');

/** A new base32 TOTP secret (160 bits). */
export const newTotpSecret = (): string => generateSecret({ length: 20 });

/** The otpauth:// URI and a QR code (SVG markup) for an authenticator app. */
export async function totpEnrolment(secret: string, email: string): Promise<{ uri: string; qrSvg: string }> {
  const uri = generateURI({ issuer: 'Bright Spots', label: email, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, qrSvg };
}

/**
 * Checks a 6-digit code at `at`, allowing one step of clock drift either way, and refusing any time
 * step at or before `lastStep` (a code cannot be used twice). Returns the accepted step, or null.
 */
export async function checkTotp(secret: string, code: string, at: Date, lastStep: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const epoch = Math.floor(at.getTime() / 1000);
  const result = await verifyTotp({
    secret,
    token,
    epoch,
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  // The matched time step is the current 30-second step plus the drift the match needed.
  return result.valid ? Math.floor(epoch / 30) + result.delta : null;
}

/** Ten single-use recovery codes, shown once; the database keeps only their hashes. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: 10 }, () => `${newCode(5)}-${newCode(5)}`);
  return { codes, hashes: codes.map((c) => hashSecret(normaliseRecoveryCode(c))) };
}

/** Strips what a person types around a recovery code. */
export const normaliseRecoveryCode = (input: string): string => input.toUpperCase().replace(/[^A-Z0-9]/g, '');
