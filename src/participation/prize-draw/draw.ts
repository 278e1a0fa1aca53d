/**
 * The prize draw's rules as pure functions: what an entry must hold, when entries may be seen, how
 * winners are picked (uniformly, without repeats, from a cryptographic source) and when entries go.
 */
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Wave } from '../../programme/index.ts';

export type ContactMethod = 'phone' | 'email' | 'adult';
export const CONTACT_METHODS: readonly ContactMethod[] = ['phone', 'email', 'adult'];

/** An entry as stored: a random id, the wave, a first name and a way to reach the winner. Nothing else. */
export interface PrizeEntry {
  id: string;
  waveId: string;
  firstName: string;
  contactMethod: ContactMethod;
  contact: string;
  won: boolean;
}

/** Entries never drawn are deleted this many days after the wave closes. */
export const RETENTION_DAYS = 90;
/** Winners' details are kept this long after the draw, to give them their prizes, unless deleted sooner. */
export const WINNERS_KEEP_DAYS = 28;
/** At most this many winners in one draw. */
export const MAX_WINNERS = 50;

export const FIRST_NAME_MAX = 40;
export const CONTACT_MAX = 120;

/** A problem with the entry form: the field and the catalogue key of its message. */
export interface EntryError {
  field: 'firstName' | 'contactMethod' | 'contact';
  key: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function isPhone(v: string): boolean {
  if (!/^\+?[\d\s()-]+$/.test(v)) return false;
  const digits = v.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 13;
}

/** Checks the entry form; messages are catalogue keys, because a young person reads them. */
export function parseEntryForm(body: Readonly<Record<string, unknown>>): { ok: true; entry: Pick<PrizeEntry, 'firstName' | 'contactMethod' | 'contact'> } | { ok: false; errors: EntryError[] } {
  const errors: EntryError[] = [];
  const firstName = str(body['firstName']).replace(/\s+/g, ' ');
  if (firstName === '') errors.push({ field: 'firstName', key: 'prize.error.first_name.missing' });
  else if (firstName.length > FIRST_NAME_MAX) errors.push({ field: 'firstName', key: 'prize.error.first_name.long' });
  else if (!/^[\p{L}\p{M}][\p{L}\p{M} '’-]*$/u.test(firstName)) errors.push({ field: 'firstName', key: 'prize.error.first_name.invalid' });

  const method = str(body['contactMethod']);
  const contact = str(body['contact']);
  if (!(CONTACT_METHODS as readonly string[]).includes(method)) errors.push({ field: 'contactMethod', key: 'prize.error.method.missing' });
  if (contact.length > CONTACT_MAX) errors.push({ field: 'contact', key: 'prize.error.contact.long' });
  else if (method === 'phone' || method === 'email' || method === 'adult') {
    if (contact === '') errors.push({ field: 'contact', key: `prize.error.contact.missing.${method}` });
    else if (method === 'phone' && !isPhone(contact)) errors.push({ field: 'contact', key: 'prize.error.contact.invalid.phone' });
    else if (method === 'email' && !z.email().safeParse(contact).success) errors.push({ field: 'contact', key: 'prize.error.contact.invalid.email' });
    else if (method === 'adult' && contact.length < 3) errors.push({ field: 'contact', key: 'prize.error.contact.missing.adult' });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, entry: { firstName, contactMethod: method as ContactMethod, contact } };
}

/** Whether young people may enter now: the wave offers a draw and is open. */
export const acceptsEntries = (wave: Pick<Wave, 'prizeDraw' | 'status'>): boolean => wave.prizeDraw && wave.status === 'open';

/** Entries are hidden until fieldwork is over, so nobody can watch them arrive alongside responses. */
export const entriesVisible = (wave: Pick<Wave, 'status'>): boolean => wave.status === 'closed' || wave.status === 'reported';

/** The day undrawn entries of a closed wave are deleted (null while the wave is not closed). */
export function entriesExpireOn(wave: Pick<Wave, 'status' | 'closedAt' | 'closesOn'>): string | null {
  if (!entriesVisible(wave)) return null;
  const closed = (wave.closedAt ?? `${wave.closesOn}T00:00:00.000Z`).slice(0, 10);
  return addDays(closed, RETENTION_DAYS);
}

/** The ISO day `days` after an ISO day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Picks `n` distinct items uniformly at random (a partial Fisher-Yates shuffle). The source of
 * randomness is crypto's randomInt unless a test passes its own; items are never ordered by anything
 * but chance. Fewer items than `n` means every item wins.
 */
export function pickWinners<T>(items: readonly T[], n: number, random: (max: number) => number = randomInt): T[] {
  const pool = [...items];
  const count = Math.max(0, Math.min(Math.floor(n), pool.length));
  for (let i = 0; i < count; i++) {
    const j = i + random(pool.length - i);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}
